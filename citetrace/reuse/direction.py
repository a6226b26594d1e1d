"""Who copied whom in a pair of documents that share passages (``reuse.find_reuse``): both copy a
wire or an outlet both credit (``both_copy``); both quote one speaker (``both_quote``: the shared
words are, in both, inside that speaker's quoted content or between quotation marks); one outlet
printed both (``self_reuse``); else the publication dates, then the credits, decide; failing all,
``undecided``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from citetrace.models import Direction, Document, DocumentFrames, FrameKind, Passage, ProvenanceKind

QUOTED_SHARE = 0.6  # a passage is a source's words when its frames' contents cover this much of it


def _credits(doc: DocumentFrames) -> set[str]:
    """The outlets and wires a document says its text comes from (credit lines, wire datelines)."""
    wires = {p.source for p in doc.provenance if p.kind in (ProvenanceKind.wire, ProvenanceKind.syndication)}
    return wires | {f.source.canonical for f in doc.frames if f.kind is FrameKind.credit and f.source}


def _quoted(doc: DocumentFrames, start: int, end: int) -> str | None:
    """The source whose quoted words (a frame's content) cover most of ``[start, end)``, if one does."""
    covered: dict[str, int] = defaultdict(int)
    for f in doc.frames:
        for speaker in f.speakers:
            for piece in f.content_pieces:
                covered[speaker.canonical] += max(0, min(end, piece.end) - max(start, piece.start))
    best = max(covered, key=lambda s: covered[s], default=None)
    return best if best is not None and covered[best] >= QUOTED_SHARE * (end - start) else None


def _in_quotes(quotes: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies (``QUOTED_SHARE`` of it) between quotation marks."""
    inside = sum(max(0, min(end, q_end) - max(start, q_start)) for q_start, q_end in quotes)
    return inside >= QUOTED_SHARE * (end - start)


def _both_quote(passages: Sequence[Passage], a: PairSide, b: PairSide) -> tuple[bool, str | None]:
    """Whether both documents quote every shared passage (neither copied the other), and the one
    source they quote. A passage is a document's quote when a frame's content covers it, or when it
    stands between quotation marks and the other document's frame names its speaker (a quote the
    extractor missed in one copy); between quotation marks in both, with no frame, it is a quote of
    a speaker neither names."""
    sources: set[str | None] = set()
    for p in passages:
        qa, qb = _quoted(a.frames, p.a_start, p.a_end), _quoted(b.frames, p.b_start, p.b_end)
        marked_a, marked_b = _in_quotes(a.quotes, p.a_start, p.a_end), _in_quotes(b.quotes, p.b_start, p.b_end)
        qa = qa if qa is not None else qb if marked_a else None
        qb = qb if qb is not None else qa if marked_b else None
        if qa is not None and qb is not None and _same_speaker(qa, qb):
            sources.add(max(qa, qb, key=len))
        elif qa is None and qb is None and marked_a and marked_b:
            sources.add(None)
        else:
            return False, None
    named = sources - {None}
    if len(named) > 1:
        return False, None
    return True, next(iter(named), None)


@dataclass(frozen=True)
class PairSide:
    """One document of a pair, as the direction step reads it."""

    doc: Document
    frames: DocumentFrames
    quotes: list[tuple[int, int]]


def _same_speaker(a: str, b: str) -> bool:
    """One name, or a surname and a full name that ends in it ("Clinton", "Hillary Clinton")."""
    wa, wb = a.split(), b.split()
    return a == b or (min(len(wa), len(wb)) == 1 and wa[-1] == wb[-1])


def direction_of(x: PairSide, y: PairSide, passages: Sequence[Passage]) -> tuple[Direction, str, str | None]:
    """Who copied whom, why, and the common source when both copy or quote one."""
    a, b, a_frames, b_frames = x.doc, y.doc, x.frames, y.frames
    credits_a, credits_b = _credits(a_frames), _credits(b_frames)
    common = sorted((credits_a & credits_b) - {a_frames.outlet, b_frames.outlet, None})
    if common:
        return Direction.both_copy, f"both copy {', '.join(common)}", common[0]
    both, quoted = _both_quote(passages, x, y)
    if both and quoted is not None:
        return Direction.both_quote, f"both quote {quoted}: the shared words are {quoted}'s", quoted
    if both:
        return Direction.both_quote, "both quote the same words, between quotation marks in each", None
    if a_frames.outlet and a_frames.outlet == b_frames.outlet:
        return Direction.self_reuse, f"both published by {a_frames.outlet}", None
    if a.date and b.date and a.date != b.date:
        direction = Direction.b_copies_a if a.date < b.date else Direction.a_copies_b
        return direction, f"dated {a.date} and {b.date}", None
    if b_frames.outlet and b_frames.outlet in credits_a - {a_frames.outlet}:
        return Direction.a_copies_b, f"{a.name} credits {b_frames.outlet}", None
    if a_frames.outlet and a_frames.outlet in credits_b - {b_frames.outlet}:
        return Direction.b_copies_a, f"{b.name} credits {a_frames.outlet}", None
    return Direction.undecided, "no dates or credits tell who copied whom", None
