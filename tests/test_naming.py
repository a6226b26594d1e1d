"""Source names: the normal form, known sources and their aliases."""

from __future__ import annotations

import pytest

from citetrace.naming import canonical_outlet, known, norm


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("the BBC", "BBC"),
        ("al-Naba", "Al-Naba"),
        ("DailyMail.co.uk", "Daily Mail"),
        ("RT. com", "RT"),
        ("ISIL", "Islamic State"),
    ],
)
def test_known_aliases(name: str, canonical: str) -> None:
    k = known(name)
    assert k is not None and k.canonical == canonical


def test_unknown_names_are_not_merged() -> None:
    assert known("Bob Smith") is None
    assert canonical_outlet("Some Local Paper") == "Some Local Paper"
    assert norm("Al-Naba") == norm("al naba") != norm("Al-Nabaa")


# --------------------------------------------------------------------------- within a document, more
