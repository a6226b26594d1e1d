"""SIGTERM that arrives while a library's C code calls back into Python comes back as that library's
error, not as ``Terminated`` (a CI run met it inside pydantic's JSON serializer): the run still ends
with one ``Error:`` line and exit 143, never a traceback."""

from __future__ import annotations

import os
import signal
import threading

import pytest
import typer
from pydantic import BaseModel, field_serializer

from citetrace.cli.app import handle_errors


class _Node(BaseModel):
    name: str

    @field_serializer("name")
    def _stop_here(self, name: str) -> str:
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs inside pydantic's serializer
        return name


@handle_errors
def _write_graph() -> None:
    _Node(name="Al-Naba").model_dump_json()


def test_sigterm_inside_pydantics_serializer_is_a_stop(capsys: pytest.CaptureFixture[str]) -> None:
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("handle_errors catches SIGTERM in the main thread only; elsewhere the signal would end pytest")
    with pytest.raises(typer.Exit) as stop:
        _write_graph()
    assert stop.value.exit_code == 128 + signal.SIGTERM
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "SIGTERM" in errors[0]


@handle_errors
def _fails() -> None:
    raise ValueError("a bug")


def test_an_error_without_a_stop_is_not_a_stop() -> None:
    with pytest.raises(ValueError, match="a bug"):
        _fails()
