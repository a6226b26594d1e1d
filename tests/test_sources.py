"""Within-document source resolution: names, titles, descriptions, pronouns, kinds."""

from __future__ import annotations

import pytest

from citetrace.models import SourceKind
from citetrace.sources import canonical_outlet, known, norm

CASES = [
    ("US President Donald Trump said the strike was justified.", "said", "Donald Trump", SourceKind.person),
    ("The BBC reported that the group was regrouping.", "reported", "BBC", SourceKind.outlet),
    ("Security sources said 10 people were killed.", "said", "security sources", SourceKind.anonymous),
    ("The State Department said on Friday that no such thing was happening.", "said",
     "US State Department", SourceKind.government),
    # a description resolves to the named source of its kind (here: named after it)
    ("Fighters rejoiced, according to a weekly newspaper affiliated with the group. "
     "The weekly newspaper Al-Naba called it an act of god.", "according to", "Al-Naba", SourceKind.publication),
    # a lone surname takes the fullest form of the name in the document
    ("Masoud Barzani visited Tehran. Later, Barzani said Iran had helped first.", "said",
     "Masoud Barzani", SourceKind.person),
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
    [("the BBC", "BBC"), ("al-Naba", "Al-Naba"), ("DailyMail.co.uk", "Daily Mail"), ("RT. com", "RT"), ("ISIL", "Islamic State")],
)
def test_known_aliases(name: str, canonical: str) -> None:
    k = known(name)
    assert k is not None and k.canonical == canonical


def test_unknown_names_are_not_merged() -> None:
    assert known("Bob Smith") is None
    assert canonical_outlet("Some Local Paper") == "Some Local Paper"
    assert norm("Al-Naba") == norm("al naba") != norm("Al-Nabaa")
