"""The one error hierarchy: everything a user can fix is a CitetraceError, and the CLI's one line."""

from __future__ import annotations

import pytest

from citetrace import errors


@pytest.mark.parametrize(
    "error",
    [errors.UsageError, errors.InputError, errors.ModelError, errors.GoldError, errors.OutputError, errors.RenderError],
)
def test_every_error_is_a_citetrace_error(error: type[Exception]) -> None:
    assert issubclass(error, errors.CitetraceError)
    assert str(error("one line: what is wrong and how to fix it")) == "one line: what is wrong and how to fix it"
