"""Coordinated sources: each speaker of "Bolton and Gorka said" is a source of its own, with its own chain;
a list inside a phrase, "or", a firm's name and a name with its description stay one source."""

from __future__ import annotations

import sqlite3

import pytest

from citetrace.models import SourceKind
from citetrace.report.database import write_database
from citetrace.run.pipeline import trace_corpus

SPLIT = [
    ("Clinton and Sanders both said they would raise the minimum wage.", "said", ["Clinton", "Sanders"]),
    ("Senators John McCain and Lindsey Graham said the deal was a mistake.", "said", ["John McCain", "Lindsey Graham"]),
    ("Tapper, Bash and Blitzer said the debate was over.", "said", ["Tapper", "Bash", "Blitzer"]),
    (
        "The New York Times and the Wall Street Journal reported that the deal was dead.",
        "reported",
        ["The New York Times", "Wall Street Journal"],
    ),
    # a description after the list, or before it, describes the members
    ("The plan will fail, said Mr. Smith and Ms. Jones, both analysts at the bank.", "said", ["Smith", "Jones"]),
    (
        "Two objectors, Lawrence Joyce and William Graham, said Cruz was not eligible.",
        "said",
        ["Lawrence Joyce", "William Graham"],
    ),
    ("Rand Paul (Ky.) and Marco Rubio (Fla.) said the tax plan was wrong.", "said", ["Rand Paul", "Marco Rubio"]),
    # a role and a second speaker with a determiner of its own are two people, not one with two titles
    ("The president and his wife said they were grateful.", "said", ["president", "his wife"]),
    # real, from PolNeAR train (breitbart_2016-05-12): one source was "Donald Trump" alone
    (
        "Donald Trump and House Speaker Paul Ryan said in a joint statement that they had a great conversation.",
        "said",
        ["Donald Trump", "Paul Ryan"],
    ),
]

WHOLE = [
    ("Procter & Gamble said sales rose.", "said"),
    ("Minority and women voters said they were worried.", "said"),
    ("The leaders of the United States and Israel said the talks went well.", "said"),
    ("Melba Acosta Febo, the president and chief executive of the bank, said the loan was paid.", "said"),
    ("Clinton or her aides said the email was deleted.", "said"),
    ("Smith and Wesson Inc. said sales rose.", "said"),
]


@pytest.mark.parametrize(("text", "cue", "speakers"), SPLIT, ids=[c[0][:40] for c in SPLIT])
def test_a_list_of_speakers_is_split(frames_of_text, text: str, cue: str, speakers: list[str]) -> None:
    frame = next(f for f in frames_of_text(text) if f.cue.text == cue)
    assert [s.canonical for s in frame.speakers] == speakers
    for s in frame.speakers:
        assert text[s.start : s.end] == s.text
        assert " and " not in s.text and "," not in s.text


@pytest.mark.parametrize(("text", "cue"), WHOLE, ids=[c[0][:40] for c in WHOLE])
def test_one_source_stays_whole(frames_of_text, text: str, cue: str) -> None:
    frame = next(f for f in frames_of_text(text) if f.cue.text == cue)
    assert frame.source is not None and frame.co_sources == []


def test_each_speaker_has_a_chain_and_a_source(graph_of) -> None:
    graph = graph_of(
        "John Bolton and Sebastian Gorka said the deal would not survive a new president.",
        outlets=("Breitbart",),
    )
    primaries = sorted(c.primary for c in graph.chains if c.primary)
    assert primaries == ["John Bolton", "Sebastian Gorka"]
    assert {c.frame for c in graph.chains} == {graph.chains[0].frame}  # one frame, two chains
    people = {s.name: s for s in graph.sources if s.kind is SourceKind.person}
    assert {"John Bolton", "Sebastian Gorka"} <= set(people)
    assert all(" and " not in alias for s in people.values() for alias in s.aliases)


def test_they_after_a_list_is_the_list(frames_of_text) -> None:
    frames = frames_of_text(
        "Donald Trump and House Speaker Paul Ryan said the meeting went well. They said they would work together."
    )
    they = next(f for f in frames if f.source is not None and f.source.text == "They")
    assert [s.canonical for s in they.speakers] == ["Donald Trump", "Paul Ryan"]


def test_the_database_has_a_row_per_other_speaker(parser, tmp_path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Tapper, Bash and Blitzer said the debate was over. Senators John McCain and Lindsey Graham said "
        "the deal was a mistake.",
        encoding="utf-8",
    )
    result = trace_corpus([tmp_path / "in"], parser)
    assert result.graph is not None
    write_database(tmp_path, result.documents, result.frames, result.graph)
    rows = sqlite3.connect(tmp_path / "citetrace.db").execute(
        "SELECT f.source_canonical, c.position, c.source_canonical FROM frames f JOIN co_sources c "
        "ON c.document = f.document AND c.frame = f.id ORDER BY f.cue_start, c.position"
    )
    assert rows.fetchall() == [  # surnames alone: the article gives no full names
        ("Tapper", 1, "Bash"),
        ("Tapper", 2, "Blitzer"),
        ("John McCain", 1, "Lindsey Graham"),
    ]
