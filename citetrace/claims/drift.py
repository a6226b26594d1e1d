"""Each group of retellings traced to its original, and what changed on the way (``trace_groups``).

Members are ordered from the original outward: the most attributed version first (the longest
chain to a primary source), then by date where the metadata gives one, then by document. A member's
**earlier** version is the one its document copies, where the reuse stage knows the direction,
else the closest (by ``Matcher.score``) of the members before it. Flags, each with both texts:

- ``attribution_dropped``: stated as fact where an earlier version attributes it, or attributed
  while naming, anywhere in the document, none of the sources the first version cites for it;
- ``hedge_removed``: less distance than the earlier version ("claimed" -> "said");
- ``source_swapped``: attributed to a primary source other than the first version's, neither on the
  other's path;
- ``quote_altered``: words inside quotation marks that differ from the earlier version's quote.

Linear in the members of the groups (plus, per member, one score per earlier member of its group).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from importlib import resources

from citetrace.claims.collect import Claim, group_id, quotes_in
from citetrace.claims.similarity import Matcher
from citetrace.models import CitationGraph, Direction, FrameKind, HopType, Span
from citetrace.models.claims import ClaimGroup, ClaimMember, DriftFlag, DriftType, Hedge

MAX_WORDS_LISTED = 12  # words added or dropped listed per member
QUOTE_MATCH = 0.5  # two quotes are one quote altered from this word similarity (difflib ratio) up
LABEL_CHARS = 90
_WORD = re.compile(r"\w+(?:['’]\w+)?")


@cache
def _hedges() -> dict[str, Hedge]:
    """``data/hedges.tsv``: a cue's lemma (or two-word phrase) -> its hedge."""
    table = resources.files("citetrace").joinpath("data/hedges.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in table.splitlines() if line and not line.startswith("#"))
    return {lemma: Hedge(hedge) for lemma, hedge in rows}


def hedge_of(claim: Claim) -> Hedge:
    """How the claim's document presents it: ``fact`` without a frame, else by its cue."""
    if claim.frame is None:
        return Hedge.fact
    if claim.frame.kind in (FrameKind.according, FrameKind.citing):
        return Hedge.according
    lemmas = (claim.cue_lemma or "").split()
    table = _hedges()
    for key in (" ".join(lemmas[:2]), *lemmas):
        if key in table:
            return table[key]
    return Hedge.reported


def _cited(claim: Claim) -> list[str]:
    """The sources a claim's chain cites (not the outlets it republishes or copies)."""
    if claim.chain is None:
        return []
    return [h.source for h in claim.chain.hops if h.type in (HopType.cites, HopType.printed_in)]


def _order(ids: Sequence[int], claims: Sequence[Claim], dates: dict[str, str | None]) -> list[int]:
    """The claim indices from the original outward: most sources cited first, then by date, document, place."""

    def key(i: int) -> tuple[int, str, str, int]:
        c = claims[i]
        return -len(_cited(c)), dates.get(c.document) or "~", c.document, c.span.start

    return sorted(ids, key=key)


def _copies(graph: CitationGraph) -> dict[str, set[str]]:
    """Document -> the documents it copies (reuse with a known direction)."""
    out: dict[str, set[str]] = defaultdict(set)
    for p in graph.reuse:
        if p.direction is Direction.b_copies_a:
            out[p.b].add(p.a)
        elif p.direction is Direction.a_copies_b:
            out[p.a].add(p.b)
    return out


def _named(graph: CitationGraph) -> dict[str, set[str]]:
    """Document -> every source its chains name."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in graph.chains:
        out[c.document].update(h.source for h in c.hops)
    return out


def _words(text: str) -> list[str]:
    """Lower-cased words, apostrophes folded ("ISIS’s" is "ISIS's")."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """(words added, words dropped) from ``before`` to ``after``."""
    a, b = _words(before), _words(after)
    added: list[str] = []
    dropped: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            dropped += a[i1:i2]
            added += b[j1:j2]
    return added[:MAX_WORDS_LISTED], dropped[:MAX_WORDS_LISTED]


def _sub(span: Span, start: int, end: int) -> Span:
    return Span(text=span.text[start:end], start=span.start + start, end=span.start + end)


def _quote_flags(claim: Claim, earlier: Claim) -> list[DriftFlag]:
    flags = []
    theirs = [(_words(earlier.span.text[s:e]), s, e) for s, e in quotes_in(earlier.span.text)]
    for s, e in quotes_in(claim.span.text):
        mine = _words(claim.span.text[s:e])
        best = max(theirs, key=lambda q: difflib.SequenceMatcher(None, mine, q[0]).ratio(), default=None)
        if best is None or best[0] == mine or difflib.SequenceMatcher(None, mine, best[0]).ratio() < QUOTE_MATCH:
            continue
        flags.append(
            DriftFlag(
                type=DriftType.quote_altered,
                detail=f"quotes {claim.span.text[s:e]!r} where {earlier.document} quotes "
                f"{earlier.span.text[best[1] : best[2]]!r}",
                text=_sub(claim.span, s, e),
                earlier_document=earlier.document,
                earlier_text=_sub(earlier.span, best[1], best[2]),
            )
        )
    return flags


def _flags(
    claim: Claim, earlier: Claim, first: Claim, named: set[str], before: Sequence[Claim], own_attributed: bool
) -> list[DriftFlag]:
    """The drift of ``claim`` against its earlier version and the group's first version; a claim stated
    as fact is not flagged where its own document attributes it elsewhere (``own_attributed``)."""

    def flag(kind: DriftType, detail: str, other: Claim) -> DriftFlag:
        return DriftFlag(
            type=kind, detail=detail, text=claim.span, earlier_document=other.document, earlier_text=other.span
        )

    out: list[DriftFlag] = []
    cited = _cited(first)
    if claim.frame is None and not own_attributed:
        attributed = earlier if earlier.frame is not None else next((c for c in before if c.frame is not None), None)
        if attributed is not None:
            who = attributed.chain.primary if attributed.chain and attributed.chain.primary else "a source"
            out.append(
                flag(
                    DriftType.attribution_dropped,
                    f"stated as fact; {attributed.document} attributes it to {who}",
                    attributed,
                )
            )
    elif len(_cited(claim)) < len(cited) and not named & set(cited):
        out.append(
            flag(
                DriftType.attribution_dropped,
                f"names none of {', '.join(dict.fromkeys(cited))}, which {first.document} cites for it",
                first,
            )
        )
    if claim.frame is not None and earlier.frame is not None and hedge_of(claim).distance < hedge_of(earlier).distance:
        out.append(
            flag(
                DriftType.hedge_removed,
                f"{claim.cue_text!r} where {earlier.document} has {earlier.cue_text!r}",
                earlier,
            )
        )
    mine, theirs = claim.chain.primary if claim.chain else None, first.chain.primary if first.chain else None
    if (
        claim.frame is not None
        and mine
        and theirs
        and mine != theirs
        and mine not in cited
        and theirs not in _cited(claim)
    ):
        out.append(
            flag(DriftType.source_swapped, f"attributed to {mine}; {first.document} attributes it to {theirs}", first)
        )
    return out + _quote_flags(claim, earlier)


def trace_groups(
    matcher: Matcher, groups: Sequence[Sequence[int]], graph: CitationGraph, dates: dict[str, str | None]
) -> list[ClaimGroup]:
    """One ``ClaimGroup`` per group of indices into ``matcher.claims``: members ordered, earlier
    versions, drift flags."""
    claims = matcher.claims
    copies, named = _copies(graph), _named(graph)
    out = []
    for ids in groups:
        order = _order(ids, claims, dates)
        ordered = [claims[i] for i in order]
        first = ordered[0]
        attributed = {c.document for c in ordered if c.frame is not None}
        members = [_member(first, None, [])]
        for k, i in enumerate(order[1:], start=1):
            claim = claims[i]
            before = [j for j in order[:k] if claims[j].document != claim.document] or order[:k]
            copied = [j for j in before if claims[j].document in copies.get(claim.document, ())]
            earlier = claims[max(copied or before, key=lambda j: matcher.score(min(i, j), max(i, j)))]
            before_claims = [claims[j] for j in before]
            members.append(
                _member(
                    claim,
                    earlier,
                    _flags(claim, earlier, first, named[claim.document], before_claims, claim.document in attributed),
                )
            )
        originals = [first.chain.primary] if first.chain and first.chain.primary else []
        shared = sorted(
            set.intersection(*(set(c.quotes) for c in ordered)) | set.intersection(*(set(c.numbers) for c in ordered))
        )
        label = " ".join(first.span.text.split())
        out.append(
            ClaimGroup(
                id=group_id(ordered),
                label=label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…",
                originals=originals,
                documents=sorted({c.document for c in ordered}),
                shared=shared,
                members=members,
            )
        )
    return sorted(out, key=lambda g: (-len(g.documents), g.documents, g.id))


def _member(claim: Claim, earlier: Claim | None, flags: list[DriftFlag]) -> ClaimMember:
    added, dropped = _changes(earlier.span.text, claim.span.text) if earlier is not None else ([], [])
    chain = claim.chain if claim.frame is not None else None
    speaker = claim.frame.speaker if claim.frame is not None else None
    return ClaimMember(
        id=claim.id,
        document=claim.document,
        outlet=claim.outlet,
        text=claim.span,
        frame=claim.frame.id if claim.frame is not None else None,
        cue=claim.frame.cue if claim.frame is not None else None,
        source=speaker.canonical if speaker is not None else None,
        hops=list(chain.hops) if chain is not None else [],
        primary=chain.primary if chain is not None else None,
        depth=len(chain.hops) if chain is not None else 0,
        hedge=hedge_of(claim),
        quoted=bool(quotes_in(claim.span.text)) or (claim.frame is not None and claim.frame.kind is FrameKind.quote),
        earlier=earlier.id if earlier is not None else None,
        added=added,
        dropped=dropped,
        flags=flags,
    )
