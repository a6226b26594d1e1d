"""Flags on chains: what a reader should know about a claim's path (``FlagType``).

``claim_flags``: no source, an unnamed original, a single intermediary, a circular citation;
``lost_attribution_chains``: claims a copy kept while dropping the source the other copy gives them;
``add_altered_copy_flags``: claims inside a reused passage that the copies word differently.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
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
        what = {
            Unresolved.pronoun: "a pronoun with no antecedent",
            Unresolved.writer: "the article's own writer, in the first person",
        }.get(last.source.unresolved, "a clause or a time, not a name")
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
    """Claims a copy kept while dropping the source the other copy gives them. The document a pair says
    was copied lost nothing (its copy added the source); copies that all give one source for one claim
    are one flag, every one of them its evidence."""
    new: list[Chain] = []
    givers: dict[tuple[int, str | None, str], dict[tuple[str, Evidence], None]] = {}  # (claim, source, cue) -> copies
    owners: list[Chain] = []
    index: dict[int, int] = {}  # id of a chain -> its place in owners
    for pair in reuse:
        for p in pair.passages:
            for d in p.dropped_attributions:
                have, lack = (pair.a, pair.b) if d.present_in is Side.a else (pair.b, pair.a)
                if pair.direction is (Direction.b_copies_a if lack == pair.a else Direction.a_copies_b):
                    continue  # the original has no source its copy added
                frame = next(f for f in b.frames[have].frames if f.id == d.frame)
                kept_words, total = _survival(p, frame, d.present_in)
                if total == 0 or kept_words / total < LOST_ATTRIBUTION_SURVIVAL:
                    continue
                start, end = _counterpart(p, frame, d.present_in)
                sentence = b.sentence(lack, start) or Span(text=b.docs[lack].text[start:end], start=start, end=end)
                owner = next(
                    (
                        c
                        for c in chains + new
                        if c.document == lack and c.claim.start < sentence.end and sentence.start < c.claim.end
                    ),
                    None,
                )
                if owner is None:
                    owner = Chain(
                        document=lack,
                        frame=None,
                        claim=sentence,
                        outlet=b.frames[lack].outlet,
                        hops=b.head(lack),
                        primary=None,
                        primary_kind=None,
                        channel=None,
                        flags=[Flag(type=FlagType.no_source, detail="the claim names no source in this copy")],
                    )
                    new.append(owner)
                if id(owner) not in index:
                    index[id(owner)] = len(owners)
                    owners.append(owner)
                givers.setdefault((index[id(owner)], d.source, frame.cue.text), {})[
                    (b.name(have), b.evidence(have, frame))
                ] = None
    fresh = {id(c) for c in new}
    for (i, source, cue), copies in givers.items():
        flag = Flag(
            type=FlagType.lost_attribution,
            detail=f"{_names(copies)} {'attributes' if len({n for n, _ in copies}) == 1 else 'attribute'} this to "
            f"{source or 'a source'} ({cue!r}); this copy does not",
            evidence=[e for _, e in copies],
        )
        owner = owners[i]
        if flag not in owner.flags:
            owner.flags.insert(len(owner.flags) - 1 if id(owner) in fresh else len(owner.flags), flag)
    return new


def _names(copies: Iterable[tuple[str, Evidence]], most: int = 3) -> str:
    """ "a", "a and b", "a, b, c and 5 others": the documents named first in ``copies``."""
    names = list(dict.fromkeys(n for n, _ in copies))
    if len(names) == 1:
        return names[0]
    if len(names) <= most:
        return ", ".join(names[:-1]) + f" and {names[-1]}"
    return ", ".join(names[:most]) + f" and {len(names) - most:,} others"


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


def _difference(ch: Change, side: Side) -> tuple[str, str]:
    """A change's words on this copy's side and on the other's."""
    return (ch.a_text, ch.b_text) if side is Side.a else (ch.b_text, ch.a_text)


def _said(differences: Sequence[tuple[str, str]], plural: bool) -> str:
    """How the other copies differ from this one, as words: "adds 'Israeli-backed'", "drop 'regime'",
    "has 'USA' for 'US'"."""
    words = []
    for here, there in differences:
        if not here.strip():
            words.append(f"{'add' if plural else 'adds'} {_clip(there)!r}")
        elif not there.strip():
            words.append(f"{'drop' if plural else 'drops'} {_clip(here)!r}")
        else:
            words.append(f"{'have' if plural else 'has'} {_clip(there)!r} for {_clip(here)!r}")
    return "; ".join(words)


def _touches(ch: Change, side: Side, lo: int, hi: int) -> bool:
    """Whether a change, on one side of its passage, touches the characters lo..hi (an insertion, of
    no width there, touches at its position)."""
    s, e = (ch.a_start, ch.a_end) if side is Side.a else (ch.b_start, ch.b_end)
    return lo < max(e, s + 1) and s < hi


def add_altered_copy_flags(b: GraphBuilder, reuse: Sequence[ReusePair], chains: list[Chain]) -> None:
    """Claims inside a reused passage that the copies word differently. Each passage is compared with
    its own document's chains only (every chain for every passage took 28.9 s of 78.4 s at 1,848
    articles with copies); copies that word a claim the same way are one flag, each of them evidence."""
    by_doc: dict[str, list[Chain]] = defaultdict(list)
    for c in chains:
        by_doc[c.document].append(c)
    found: dict[
        tuple[int, tuple[tuple[str, str], ...]], dict[tuple[str, Evidence], None]
    ] = {}  # (chain, changes) -> copies
    at: dict[int, Chain] = {}
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
                    at[id(c)] = c
                    evidence = Evidence(
                        document=other, note=f"shared passage at {p.a_start}-{p.a_end} / {p.b_start}-{p.b_end}"
                    )
                    found.setdefault((id(c), tuple(_difference(ch, side) for ch in changes[:6])), {})[
                        (b.name(other), evidence)
                    ] = None
    for (cid, differences), copies in found.items():
        plural = len({n for n, _ in copies}) > 1
        flag = Flag(
            type=FlagType.altered_copy,
            detail=f"the cop{'ies' if plural else 'y'} in {_names(copies)} {_said(differences, plural)}",
            evidence=[e for _, e in copies],
        )
        if flag not in at[cid].flags:
            at[cid].flags.append(flag)
