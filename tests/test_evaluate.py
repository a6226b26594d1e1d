"""The scorer on small hand-made cases (accuracy itself is a benchmark: docs/accuracy.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citetrace.errors import GoldError
from citetrace.evaluate import read_brat_folder, read_gold, score
from citetrace.models import DocumentFrames, Frame, FrameKind, GoldDocument, GoldFrame, GoldSpan, SourceMention, Span

TEXT = "The BBC said the group was back. Officials denied it."


def span(text: str, needle: str) -> Span:
    s = TEXT.index(needle)
    return Span(text=needle, start=s, end=s + len(needle))


def gspan(needle: str) -> GoldSpan:
    s = TEXT.index(needle)
    return GoldSpan(pieces=[(s, s + len(needle))], text=needle)


GOLD = [
    GoldDocument(
        document="d.txt",
        frames=[
            GoldFrame(id="1", cue=gspan("said"), source=gspan("The BBC"), content=gspan("the group was back")),
            GoldFrame(id="2", cue=gspan("denied"), source=gspan("Officials"), content=gspan("it")),
        ],
    )
]


def frame(i: str, cue: str, source: str | None, content: str) -> Frame:
    src = None
    if source:
        s = span(TEXT, source)
        src = SourceMention(text=s.text, start=s.start, end=s.end, canonical=s.text, kind="unknown")
    return Frame(id=i, kind=FrameKind.verb, cue=span(TEXT, cue), source=src, content=span(TEXT, content))


def test_perfect_prediction_scores_one() -> None:
    pred = {
        "d.txt": DocumentFrames(
            document="d.txt",
            outlet=None,
            frames=[frame("f1", "said", "The BBC", "the group was back"), frame("f2", "denied", "Officials", "it")],
        )
    }
    r = score(GOLD, pred, {"d.txt": TEXT})
    assert (r.frames.precision, r.frames.recall, r.frames.f1) == (1.0, 1.0, 1.0)
    assert r.full_frames.f1 == r.sources.f1 == r.content.f1 == 1.0


def test_one_miss_one_false_alarm() -> None:
    pred = {
        "d.txt": DocumentFrames(
            document="d.txt",
            outlet=None,
            frames=[frame("f1", "said", "The BBC", "the group"), frame("f2", "was back", None, "the group")],
        )
    }
    r = score(GOLD, pred, {"d.txt": TEXT})
    assert r.frames.tp == 1 and r.frames.precision == 0.5 and r.frames.recall == 0.5
    # content: 2 of 4 gold words found for frame 1; predicted words: 2 + 2
    assert r.content.tp == 2 and r.content.predicted == 4 and r.content.gold == 5


def test_cue_overlap_is_one_to_one() -> None:
    pred = {
        "d.txt": DocumentFrames(
            document="d.txt",
            outlet=None,
            frames=[
                frame("f1", "said", "The BBC", "the group was back"),
                frame("f2", "said the", None, "the group was back"),
            ],
        )
    }
    r = score(GOLD, pred, {"d.txt": TEXT})
    assert r.frames.tp == 1 and r.frames.predicted == 2


def test_seed_jsonl_locates_cue_nearest_to_content(tmp_path: Path) -> None:
    text = "“Hello there.” Later: X said “the army is back in town.”"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    row = {
        "doc": "a.txt",
        "id": "1",
        "cue": "“",
        "source": "X",
        "content": "“the army is back in town.”",
        "source_canonical": "X",
        "source_kind": "person",
        "parent": None,
    }
    (tmp_path / "g.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (doc,), _ = read_gold(tmp_path / "g.jsonl", tmp_path)
    assert doc.frames[0].cue.pieces == [(text.rindex("“"), text.rindex("“") + 1)]


def test_brat_folder_with_discontinuous_spans(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "He said the plan, which was old, would fail."
    (tmp_path / "text" / "d.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "d_ab12.ann").write_text(
        "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 16;33 43\tthe plan would fail\n"
        "T4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    (doc,) = read_brat_folder(tmp_path)
    assert doc.frames[0].content.pieces == [(8, 16), (33, 43)]


def test_bad_gold_is_a_gold_error(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GoldError):
        read_gold(tmp_path / "g.jsonl", tmp_path)
    with pytest.raises(GoldError):
        read_gold(tmp_path / "missing.jsonl", tmp_path)
