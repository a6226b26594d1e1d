"""The scorer on small hand-made cases (accuracy itself is a benchmark: docs/accuracy.md)."""

from __future__ import annotations

from citetrace.evaluation.score import score
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
