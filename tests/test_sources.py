"""Source resolution within a document (names, titles, descriptions, pronouns, kinds) and across the corpus."""

from __future__ import annotations

import pytest

from citetrace.cues import KnownSource
from citetrace.errors import InputError
from citetrace.models import DocumentFrames, Frame, FrameKind, SourceKind, SourceMention, Span
from citetrace.naming import canonical_outlet, known, norm
from citetrace.registry import build_registry, load_aliases

CASES = [
    ("US President Donald Trump said the strike was justified.", "said", "Donald Trump", SourceKind.person),
    ("The BBC reported that the group was regrouping.", "reported", "BBC", SourceKind.outlet),
    ("Security sources said 10 people were killed.", "said", "security sources", SourceKind.anonymous),
    (
        "The State Department said on Friday that no such thing was happening.",
        "said",
        "US State Department",
        SourceKind.government,
    ),
    # a description resolves to the named source of its kind (here: named after it)
    (
        "Fighters rejoiced, according to a weekly newspaper affiliated with the group. "
        "The weekly newspaper Al-Naba called it an act of god.",
        "according to",
        "Al-Naba",
        SourceKind.publication,
    ),
    # a lone surname takes the fullest form of the name in the document
    (
        "Masoud Barzani visited Tehran. Later, Barzani said Iran had helped first.",
        "said",
        "Masoud Barzani",
        SourceKind.person,
    ),
    # he -> the last person source
    ("Masoud Barzani said Iran helped. He said the planes came at night.", None, "Masoud Barzani", SourceKind.person),
]


@pytest.mark.parametrize(("text", "cue", "canonical", "kind"), CASES, ids=[c[0][:40] for c in CASES])
def test_resolution(frames_of_text, text, cue, canonical, kind) -> None:
    frames = frames_of_text(text)
    frame = frames[-1] if cue is None else next(f for f in frames if f.cue.text == cue)
    assert frame.source is not None
    assert (frame.source.canonical, frame.source.kind) == (canonical, kind)


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


MORE_CASES = [
    ("President Trump said the strike was justified.", "said", "Donald Trump", SourceKind.person),
    (
        "The paper reported X, according to BBC journalist Mina Al-Lami.",
        "according to",
        "Mina Al-Lami",
        SourceKind.person,
    ),
    (
        "General Soleimani topped Foreign Policy (FP)'s 2019 list of Global Thinkers.",
        "'s",
        "Foreign Policy",
        SourceKind.publication,
    ),
    (
        "A few days after the attack, NATO said that the safety of its personnel was paramount.",
        "said",
        "NATO",
        SourceKind.organization,
    ),
]


@pytest.mark.parametrize(("text", "cue", "canonical", "kind"), MORE_CASES, ids=[c[0][:40] for c in MORE_CASES])
def test_resolution_more(frames_of_text, text, cue, canonical, kind) -> None:
    test_resolution(frames_of_text, text, cue, canonical, kind)


def test_it_finds_the_paper_described_last(frames_of_text) -> None:
    text = (
        "The weekly newspaper Al-Naba praised the attack, according to BBC Monitoring. An editorial in the "
        "jihadi paper was careful not to name him. It couched the gloating in an analogy, "
        "referring to “the old wars of the empire”."
    )
    frame = next(f for f in frames_of_text(text) if f.cue.text == "referring to")
    assert frame.source is not None and frame.source.canonical == "Al-Naba"


# --------------------------------------------------------------------------- across documents


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
    # one surname, two documents, no evidence: two people
    (("Smith", "Smith", SourceKind.person), ("John Smith", "John Smith", SourceKind.person)),
    (("Ali Khamenei", "Ali Khamenei", SourceKind.person), ("Ali al-Sistani", "Ali al-Sistani", SourceKind.person)),
    (("BBC", "BBC", SourceKind.outlet), ("BBC Monitoring", "BBC Monitoring", SourceKind.outlet)),
    # close names of different kinds
    (("Iran", "Iran", SourceKind.government), ("Iraq", "Iraq", SourceKind.government)),
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
