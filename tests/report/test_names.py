import re

import pytest

from citetrace.report.names import MAX_STEM, document_stems, safe_stem, source_stems

PORTABLE = re.compile(r"^[0-9A-Za-z_-]{1,60}$")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Al-Naba", "al-naba"),
        ("BBC Monitoring", "bbc-monitoring"),
        ("Zürich Tages-Anzeiger", "zurich-tages-anzeiger"),
        ("  ...The Hill!  ", "the-hill"),
        ("Sky News Arabic / Al-Arabiya", "sky-news-arabic-al-arabiya"),
    ],
)
def test_safe_stem_is_readable(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


def test_long_names_are_cut_at_a_word_and_told_apart() -> None:
    clause = "number of tax experts I spoke to this week about Mrs. Clinton's tax plans " * 4
    a, b = safe_stem(clause + "and more"), safe_stem(clause + "and less")
    assert a != b and len(a) <= MAX_STEM and len(b) <= MAX_STEM
    assert a.startswith("number-of-tax-experts-i-spoke-to") and PORTABLE.match(a)
    assert safe_stem(clause + "and more") == a  # stable


@pytest.mark.parametrize("name", ["CON", "nul", "Com1", "LPT9", "ال", "!!!", "中文"])
def test_reserved_or_empty_names_get_a_hash(name: str) -> None:
    stem = safe_stem(name)
    assert PORTABLE.match(stem) and stem.casefold() not in {"con", "nul", "com1", "lpt9", ""}


def test_source_stems_never_collide_ignoring_case() -> None:
    names = ["BBC", "bbc", "B.B.C.", "Al-Naba", "al naba", "Reuters"]
    stems = source_stems(names)
    assert len({s.casefold() for s in stems.values()}) == len(names)
    assert stems["Reuters"] == "reuters"
    assert stems["BBC"].startswith("bbc-") and stems["bbc"].startswith("bbc-")
    assert source_stems(reversed(names)) == stems  # order does not matter
    assert all(PORTABLE.match(s) for s in stems.values())


def test_document_stems_never_overwrite_report_files_or_each_other() -> None:
    stems = document_stems(
        ["c/index.txt", "c/a.txt", "c/a.md", "c/b.html", "c/corpus.txt", "x/A.txt", "y/A.txt", "c/Report 1.txt"]
    )
    assert stems["c/index.txt"] == "index_txt" and stems["c/corpus.txt"] == "corpus_txt"
    assert stems["c/a.md"] == "a_md" and stems["c/b.html"] == "b" and stems["c/Report 1.txt"] == "Report-1"
    assert len({s.casefold() for s in stems.values()}) == len(stems)  # "a.txt" vs "A.txt" on macOS too
    assert stems["x/A.txt"].startswith("A_txt-") and stems["c/a.txt"].startswith("a_txt-")
    assert all(PORTABLE.match(s) for s in stems.values())
