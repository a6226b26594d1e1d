"""Flags on chains: what a reader should know about a claim's path (``FlagType``).

``claim_flags``: no source, an unnamed original, a single intermediary, a circular citation;
``lost_attribution_chains``: claims a copy kept while dropping the source the other copy gives them;
``add_altered_copy_flags``: claims inside a reused passage that the copies word differently.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from citetrace.models import (
    Chain,
    Change,
    Direction,
    Evidence,
    Flag,
    FlagType,
    Frame,
    ReusePair,
    Side,
    SourceKind,
    Span,
    Unresolved,
)
from citetrace.sources.naming import is_name

if TYPE_CHECKING:
    from citetrace.chains.graph import GraphBuilder

_WORD = re.compile(r"\w+")
LOST_ATTRIBUTION_SURVIVAL = 0.5  # share of a claim's words a copy must keep for its dropped source to count as lost


def _clip(text: str, n: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1] + "…"


def claim_flags(
    ev: list[Evidence],
    last: Frame,
    primary: str | None,
    primary_kind: SourceKind | None,
    middle: list[str],
    names: list[str],
    cycles: list[list[str]],
) -> list[Flag]:
    """A chain's own flags. ``last``: the innermost frame; ``middle``: the cited sources between the
    outlet (and what it republishes) and the original; ``names``: the whole path; ``cycles``: the
    citation cycles of the corpus (``GraphBuilder.cycles``)."""
    flags: list[Flag] = []
    if last.source is not None and last.source.unresolved is not None:
        what = (
            "a pronoun with no antecedent"
            if last.source.unresolved is Unresolved.pronoun
            else "a clause or a time, not a name"
        )
        flags.append(
            Flag(type=FlagType.unresolved_source, detail=f"its source {last.source.text!r} is {what}", evidence=ev)
        )
    elif primary is None:
        flags.append(Flag(type=FlagType.no_source, detail="the claim names no source", evidence=ev))
    elif primary_kind in (SourceKind.anonymous, SourceKind.unknown) or not is_name(primary):
        text = last.source.text if last.source else primary
        flags.append(
            Flag(
                type=FlagType.unnamed_original,
                detail=f"rests on {text!r} ({(primary_kind or SourceKind.unknown).value}), a description, "
                "not a named original",
                evidence=ev,
            )
        )
    if len(middle) == 1:
        flags.append(
            Flag(type=FlagType.single_intermediary, detail=f"reaches {primary} only through {middle[0]}", evidence=ev)
        )
    loop = [c for c in cycles if set(c) & set(names[1:])] or ([names] if len(set(names)) < len(names) else [])
    if loop:
        flags.append(
            Flag(
                type=FlagType.circular,
                detail="circular citation: " + " -> ".join(loop[0] + loop[0][:1]),
                evidence=ev,
            )
        )
    return flags


def lost_attribution_chains(b: GraphBuilder, reuse: Sequence[ReusePair], chains: list[Chain]) -> list[Chain]:
    """Claims a copy kept while dropping the source the other copy gives them."""
    new: list[Chain] = []
    for pair in reuse:
        for p in pair.passages:
            for d in p.dropped_attributions:
                have, lack = (pair.a, pair.b) if d.present_in is Side.a else (pair.b, pair.a)
                frame = next(f for f in b.frames[have].frames if f.id == d.frame)
                kept_words, total = _survival(p, frame, d.present_in)
                if total == 0 or kept_words / total < LOST_ATTRIBUTION_SURVIVAL:
                    continue
                start, end = _counterpart(p, frame, d.present_in)
                sentence = b.sentence(lack, start) or Span(text=b.docs[lack].text[start:end], start=start, end=end)
                flag = Flag(
                    type=FlagType.lost_attribution,
                    detail=f"{b.name(have)} attributes this to {d.source or 'a source'} "
                    f"({frame.cue.text!r}); this copy does not",
                    evidence=[b.evidence(have, frame)],
                )
                owner = next(
                    (
                        c
                        for c in chains + new
                        if c.document == lack and c.claim.start < sentence.end and sentence.start < c.claim.end
                    ),
                    None,
                )
                if owner is not None:
                    if flag not in owner.flags:
                        owner.flags.append(flag)
                    continue
                new.append(
                    Chain(
                        document=lack,
                        frame=None,
                        claim=sentence,
                        outlet=b.frames[lack].outlet,
                        hops=b.head(lack),
                        primary=None,
                        primary_kind=None,
                        channel=None,
                        flags=[
                            flag,
                            Flag(type=FlagType.no_source, detail="the claim names no source in this copy"),
                        ],
                    )
                )
    return new


def _survival(p, frame: Frame, side: Side) -> tuple[int, int]:
    """Words of the frame's content outside the passage's changes (kept in the other copy)."""
    s = frame.content.start
    changed = [(c.a_start, c.a_end) if side is Side.a else (c.b_start, c.b_end) for c in p.changes]
    lo, hi = (p.a_start, p.a_end) if side is Side.a else (p.b_start, p.b_end)
    words = [m for m in _WORD.finditer(frame.content.text)]
    total = len(words)
    kept = sum(1 for m in words if lo <= s + m.start() < hi and not any(cs <= s + m.start() < ce for cs, ce in changed))
    return kept, total


def _counterpart(p, frame: Frame, side: Side) -> tuple[int, int]:
    for c in p.changes:
        ms, me = (c.a_start, c.a_end) if side is Side.a else (c.b_start, c.b_end)
        if ms <= frame.cue.start < max(me, ms + 1):
            return (
                (c.b_start, max(c.b_end, c.b_start + 1)) if side is Side.a else (c.a_start, max(c.a_end, c.a_start + 1))
            )
    return (p.b_start, p.b_end) if side is Side.a else (p.a_start, p.a_end)


def _extent(b: GraphBuilder, chain: Chain) -> tuple[int, int]:
    """Characters of a claim with its cue and source ("according to a newspaper affiliated with the group")."""
    frame = next((f for f in b.frames[chain.document].frames if f.id == chain.frame), None)
    spans: list[tuple[int, int]] = [(chain.claim.start, chain.claim.end)]
    if frame is not None:
        spans += [(frame.cue.start, frame.cue.end), *((s.start, s.end) for s in frame.source_mentions)]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _difference(ch: Change, side: Side) -> str:
    """How the other copy differs from this one at a change, as words: "adds 'Israeli-backed'",
    "drops 'regime'", "has 'USA' for 'US'"."""
    here, there = (ch.a_text, ch.b_text) if side is Side.a else (ch.b_text, ch.a_text)
    if not here.strip():
        return f"adds {_clip(there)!r}"
    if not there.strip():
        return f"drops {_clip(here)!r}"
    return f"has {_clip(there)!r} for {_clip(here)!r}"


def _touches(ch: Change, side: Side, lo: int, hi: int) -> bool:
    """Whether a change, on one side of its passage, touches the characters lo..hi (an insertion, of
    no width there, touches at its position)."""
    s, e = (ch.a_start, ch.a_end) if side is Side.a else (ch.b_start, ch.b_end)
    return lo < max(e, s + 1) and s < hi


def add_altered_copy_flags(b: GraphBuilder, reuse: Sequence[ReusePair], chains: list[Chain]) -> None:
    """Claims inside a reused passage that the copies word differently. Each passage is compared with
    its own document's chains only (every chain for every passage took 28.9 s of 78.4 s at 1,848
    articles with copies); the flags come in the same order as before."""
    by_doc: dict[str, list[Chain]] = defaultdict(list)
    for c in chains:
        by_doc[c.document].append(c)
    for pair in reuse:
        sides = []
        if pair.direction is not Direction.a_copies_b:  # b may be the copy
            sides.append((Side.b, pair.b, pair.a))
        if pair.direction is not Direction.b_copies_a:
            sides.append((Side.a, pair.a, pair.b))
        for side, mine, other in sides:
            for p in pair.passages:
                for c in by_doc.get(mine, ()):
                    lo, hi = _extent(b, c)
                    changes = [ch for ch in p.changes if _touches(ch, side, lo, hi)]
                    if not changes:
                        continue
                    said = "; ".join(_difference(ch, side) for ch in changes[:6])
                    flag = Flag(
                        type=FlagType.altered_copy,
                        detail=f"the copy in {b.name(other)} {said}",
                        evidence=[
                            Evidence(
                                document=other,
                                note=f"shared passage at {p.a_start}-{p.a_end} / {p.b_start}-{p.b_end}",
                            )
                        ],
                    )
                    if flag not in c.flags:
                        c.flags.append(flag)
