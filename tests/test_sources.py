"""Source resolution within a document: names, titles, descriptions, pronouns, kinds."""

from __future__ import annotations

import pytest

from citetrace.models import SourceKind

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
