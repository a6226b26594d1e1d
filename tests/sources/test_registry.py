"""One name per source across the corpus: merges, names kept apart, user aliases."""

from __future__ import annotations

import pytest

from citetrace.attribution.cues import KnownSource
from citetrace.errors import InputError
from citetrace.models import DocumentFrames, Frame, FrameKind, MergeReason, SourceKind, SourceMention, Span
from citetrace.sources.aliases import load_aliases
from citetrace.sources.registry import build_registry


def _doc(name: str, *sources: tuple[str, str, SourceKind]) -> DocumentFrames:
    frames = []
    for i, (text, canonical, kind) in enumerate(sources):
        frames.append(
            Frame(
                id=f"f{i + 1}",
                kind=FrameKind.verb,
                cue=Span(text="said", start=0, end=4),
                source=SourceMention(text=text, start=0, end=len(text), canonical=canonical, kind=kind),
                content=Span(text="x", start=5, end=6),
            )
        )
    return DocumentFrames(document=name, outlet=None, frames=frames)


MERGE = [
    (("Trump", "Trump", SourceKind.person), ("Donald Trump", "Donald Trump", SourceKind.person)),
    # titles, determiners, case, hyphens and apostrophes do not split a source
    (("the BBC", "BBC", SourceKind.outlet), ("BBC", "BBC", SourceKind.outlet)),
    (("al-Naba", "al-Naba", SourceKind.publication), ("Al Naba", "Al Naba", SourceKind.publication)),
    (
        ("Qassem Soleimani", "Qassem Soleimani", SourceKind.person),
        ("Qasem Soleimani", "Qasem Soleimani", SourceKind.person),
    ),
    (
        ("Mohammad Javad Zarif", "Mohammad Javad Zarif", SourceKind.person),
        ("Mohammad-Javad Zarif", "Mohammad-Javad Zarif", SourceKind.person),
    ),
    (
        ("Popular Mobilisation Forces", "Popular Mobilisation Forces", SourceKind.organization),
        ("Popular Mobilization Forces", "Popular Mobilization Forces", SourceKind.organization),
    ),
]


KEEP_APART = [
    (("Ali Khamenei", "Ali Khamenei", SourceKind.person), ("Ali al-Sistani", "Ali al-Sistani", SourceKind.person)),
    (("BBC", "BBC", SourceKind.outlet), ("BBC Monitoring", "BBC Monitoring", SourceKind.outlet)),
    # close names of different kinds
    (("Iran", "Iran", SourceKind.government), ("Iraq", "Iraq", SourceKind.government)),
    # names apart only by their numbers: two stations, two outlets
    (("KTLA 5", "KTLA 5", SourceKind.outlet), ("KTLA 25", "KTLA 25", SourceKind.outlet)),
    (("Outlet 00-001", "Outlet 00-001", SourceKind.outlet), ("Outlet 29-019", "Outlet 29-019", SourceKind.outlet)),
]


@pytest.mark.parametrize(("a", "b"), MERGE, ids=[f"{a[0]}={b[0]}" for a, b in MERGE])
def test_registry_merges(a, b) -> None:
    reg = build_registry([_doc("one.txt", a), _doc("two.txt", b)])
    assert reg.canonical(a[1]) == reg.canonical(b[1])
    assert len(reg.sources()) == 1


@pytest.mark.parametrize(("a", "b"), KEEP_APART, ids=[f"{a[0]}!={b[0]}" for a, b in KEEP_APART])
def test_registry_keeps_apart(a, b) -> None:
    reg = build_registry([_doc("one.txt", a), _doc("two.txt", b)])
    assert reg.canonical(a[1]) != reg.canonical(b[1])


def test_registry_user_alias_and_affiliation() -> None:
    extra = (KnownSource("Arshin Adib-Moghaddam", SourceKind.person, ("Adib-Moghaddam",)),)
    reg = build_registry(
        [
            _doc(
                "one.txt",
                ("Adib-Moghaddam", "Adib-Moghaddam", SourceKind.person),
                ("BBC journalist Mina Al-Lami", "Mina Al-Lami", SourceKind.person),
            )
        ],
        extra,
    )
    assert reg.canonical("Adib-Moghaddam") == "Arshin Adib-Moghaddam"
    by_name = {s.name: s for s in reg.sources()}
    assert by_name["Mina Al-Lami"].affiliation == "BBC"
    assert by_name["Arshin Adib-Moghaddam"].aliases == ["Adib-Moghaddam"]


def test_load_aliases(tmp_path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        '[[source]]\nname = "Al-Naba"\nkind = "publication"\naliases = ["an-Nabaa"]\npart_of = "Islamic State"\n',
        encoding="utf-8",
    )
    (k,) = load_aliases(path)
    assert (k.canonical, k.kind, k.aliases, k.part_of) == (
        "Al-Naba",
        SourceKind.publication,
        ("an-Nabaa",),
        "Islamic State",
    )
    with pytest.raises(InputError, match="no such file"):
        load_aliases(tmp_path / "missing.toml")


P = SourceKind.person


def _person(text: str, canonical: str | None = None) -> tuple[str, str, SourceKind]:
    return (text, canonical or text, P)


# Short forms across documents: (documents, each a list of mentions), the short form, what it must
# become (None: it stays a source of its own), and why.
SHORT_FORMS = [
    # the corpus has one full name that ends with the surname
    ([[_person("Smith")], [_person("John Smith")]], "Smith", "John Smith", MergeReason.surname),
    # two full names fit and nothing tells them apart: Bill and Hillary Clinton stay apart from "Clinton"
    (
        [[_person("Clinton")], [_person("Bill Clinton")], [_person("Hillary Clinton")]],
        "Clinton",
        None,
        None,
    ),
    # "Mrs. Clinton" is not Bill Clinton when Bill is "Mr." and Hillary "Mrs."
    (
        [
            [_person("Mrs. Clinton", "Clinton")],
            [_person("Mr. Bill Clinton", "Bill Clinton")],
            [_person("Hillary Clinton")],
        ],
        "Clinton",
        "Hillary Clinton",
        MergeReason.by_title,
    ),
    # the senator is Bernie Sanders, not Sarah Huckabee Sanders
    (
        [
            [_person("Sen. Sanders", "Sanders")],
            [_person("Sen. Bernie Sanders", "Bernie Sanders")],
            [_person("press secretary Sarah Huckabee Sanders", "Sarah Huckabee Sanders")],
        ],
        "Sanders",
        "Bernie Sanders",
        MergeReason.by_title,
    ),
    # and with no title, "Sanders" is neither
    (
        [[_person("Sanders")], [_person("Bernie Sanders")], [_person("Sarah Huckabee Sanders")]],
        "Sanders",
        None,
        None,
    ),
    # organization forms: the campaign of the one Clinton the corpus names in full
    (
        [
            [("the Clinton campaign", "Clinton campaign", SourceKind.organization)],
            [("Hillary Clinton's campaign", "Hillary Clinton campaign", SourceKind.organization)],
        ],
        "Clinton campaign",
        "Hillary Clinton campaign",
        MergeReason.surname,
    ),
]


@pytest.mark.parametrize(
    ("docs", "short", "expected", "reason"), SHORT_FORMS, ids=[str(i) for i in range(len(SHORT_FORMS))]
)
def test_registry_short_forms(docs, short, expected, reason) -> None:
    reg = build_registry([_doc(f"{i}.txt", *mentions) for i, mentions in enumerate(docs)])
    assert reg.canonical(short) == (expected or short)
    if expected is not None:
        source = next(s for s in reg.sources() if s.name == expected)
        assert {m.alias: m.reason for m in source.merges}[short] is reason


def _merges(reg, name: str) -> dict:
    return {m.alias: m for m in next(s for s in reg.sources() if s.name == name).merges}


def test_a_surname_joined_across_documents_is_a_guess_and_in_its_document_is_not() -> None:
    """Issue 36: two people who share a surname became one source with no word of doubt. A short form
    whose full name only another document gives is joined as a guess (confidence 0.6); one whose own
    document gives it is not."""
    across = build_registry([_doc("a.txt", _person("Hutchinson")), _doc("b.txt", _person("Mary Hutchinson"))])
    m = _merges(across, "Mary Hutchinson")["Hutchinson"]
    assert (m.reason, m.confidence, m.guess) == (MergeReason.surname, 0.6, True)
    together = build_registry([_doc("a.txt", _person("Hutchinson"), _person("Mary Hutchinson"))])
    m = _merges(together, "Mary Hutchinson")["Hutchinson"]
    assert (m.confidence, m.guess) == (0.9, False)


INCOMPATIBLE = [
    # honorifics of two genders: "Mrs. Hutchinson" is not "Mr. John Hutchinson"
    ([_person("Mrs. Hutchinson", "Hutchinson")], [_person("Mr. John Hutchinson", "John Hutchinson")], "Hutchinson"),
    # given names one letter apart are two people
    ([_person("John Smith")], [_person("Joan Smith")], "John Smith"),
]


@pytest.mark.parametrize(("one", "two", "name"), INCOMPATIBLE, ids=["honorifics", "given-names"])
def test_incompatible_names_are_not_merged(one, two, name) -> None:
    reg = build_registry([_doc("a.txt", *one), _doc("b.txt", *two)])
    assert len(reg.sources()) == 2 and reg.canonical(name) == name


def test_a_fuzzy_merge_is_as_sure_as_its_ratio() -> None:
    reg = build_registry([_doc("a.txt", _person("Qassem Soleimani")), _doc("b.txt", _person("Qasem Soleimani"))])
    (merge,) = next(iter(reg.sources())).merges
    assert merge.reason is MergeReason.fuzzy and 0.9 <= merge.confidence < 1 and not merge.guess
