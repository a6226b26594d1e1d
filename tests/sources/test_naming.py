"""Source names: the normal form, known sources and their aliases."""

from __future__ import annotations

import pytest

from citetrace.sources.naming import canonical_outlet, known, misspelt, norm


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


@pytest.mark.parametrize(
    "name",
    ["The Associated Press", "Hillary Clinton's campaign", "U.S. officials", "  BBC  ", "ISIS-K", "A.P.", "7 News"],
)
def test_ascii_names_fold_as_any_name(name: str) -> None:
    """An ASCII name takes a shorter way (``lower``, no Unicode decomposition) to the key the full
    fold gives it: a combining accent at its end (dropped by the fold) sends it the long way."""
    assert norm(name) == norm(name + "\u0301")
    assert norm(name) == norm(name.replace("e", "\u00e9").replace("'", "\u2019"))
    assert norm("Felipe Calder\u00f3n") == norm("Felipe Calderon") == "felipe calderon"


# --------------------------------------------------------------------------- within a document, more


@pytest.mark.parametrize(
    ("surname", "found"),
    [
        ("Sharption", "Al Sharpton"),  # a letter added
        ("Sharpon", "Al Sharpton"),  # dropped
        ("Shraption", None),  # two edits
        ("Sahrpton", "Al Sharpton"),  # two swapped
        ("Harris", None),  # one letter from both "Harriss" and "Haris": no one person
        ("Smyth", None),  # under six letters
        ("Sharptons", None),  # a plural or a possessive without its apostrophe ("Trumps business ventures")
    ],
)
def test_a_surname_misspelt_by_one_letter(surname: str, found: str | None) -> None:
    assert misspelt(surname, {"Al Sharpton", "Kamala Harriss", "Kim Haris", "John Smith"}) == found
    assert misspelt("Graysons", {"Dena Grayson\u2019s"}) is None  # a plural, against a possessive name
