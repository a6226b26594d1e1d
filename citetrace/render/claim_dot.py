"""DOT for one claim retold across documents (``claim_dot(graph, group)``): pure and deterministic.

Left to right, as the claim travelled: each retelling (its document, outlet, hedge and drift flags,
filled by hedge: red for stated as fact), a dotted edge to its closest earlier version, a dashed
edge where one document copies another's text, and each version's chain through the sources it
cites to the original on the right (the primary source, double border).
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from citetrace.chains.graph_index import graph_index
from citetrace.models import CitationGraph, ClaimGroup, ClaimMember, Direction, HopType
from citetrace.render.dot import Diagram, node_id, short_name, shorten
from citetrace.render.styles import DRIFT_LABEL, HEDGE_FILL, HOP_LOOK, HOP_WORDS, UNSOURCED_COLOUR, Look, attrs

HEDGE_SHORT = {"alleged": "alleged", "believed": "belief", "according": "according to", "reported": "said"}


QUOTE_MARKS = frozenset("\"“”‘’'")


def in_quotes(text: str) -> str:
    """The words, flattened, in quotation marks, unless they open with a quotation mark of their own."""
    flat = " ".join(text.split())
    return flat if flat[:1] in QUOTE_MARKS else f"“{flat}”"


def member_id(member: ClaimMember) -> str:
    return node_id("member", member.id)


def folded(graph: CitationGraph, group: ClaimGroup) -> dict[str, str]:
    """Member id -> the id of the member it is drawn and listed as: a reprint's version of the claim with
    no drift flag of its own goes into the first version of its family (what it reprints, and the other
    reprints of that) in the group."""
    printed_from = graph_index(graph).printed_from
    first: dict[str, str] = {}
    out = {}
    for m in group.members:
        family = printed_from.get(m.document, m.document)
        if family not in first:
            first[family] = m.id
        elif m.document in printed_from and not m.flags:
            out[m.id] = first[family]
    return out


def _label(m: ClaimMember, reprints: int = 0) -> str:
    hops = f"{m.depth} hop" + ("" if m.depth == 1 else "s")
    hedge = "stated as fact" if m.depth == 0 else f"{HEDGE_SHORT[m.hedge.value]} · {hops}"
    flags = sorted({DRIFT_LABEL[f.type] for f in m.flags})
    head = f"{short_name(PurePath(m.document).name, 36)} · {short_name(m.outlet or 'outlet unknown', 30)}"
    more = f"\n+ {reprints:,} reprint{'s' if reprints > 1 else ''}" if reprints else ""
    return f"{head}{more}\n{hedge}\n{shorten(m.text.text)}" + ("\n⚑ " + ", ".join(flags) if flags else "")


def claim_dot(graph: CitationGraph, group: ClaimGroup) -> str:
    """The diagram of one group of retellings (``ClaimGroup``)."""
    d = Diagram(graph)
    fold = folded(graph, group)
    reprints = Counter(fold.values())
    first_of: dict[str, str] = {}
    for m in group.members:
        if m.id in fold:
            continue
        mid = member_id(m)
        first_of.setdefault(m.document, mid)
        d.drawn.hedges.add(m.hedge)
        d.drawn.drifts |= {f.type for f in m.flags}
        d.nodes[mid] = (
            f"  {mid} "
            + attrs(
                id=mid,
                label=_label(m, reprints[m.id]),
                shape="box",
                style="rounded,filled" + (",dashed" if m.depth == 0 else ""),
                fillcolor=HEDGE_FILL[m.hedge],
                color=UNSOURCED_COLOUR if m.flags else "#333333",
                tooltip=m.text.text,
            )
            + ";"
        )
        prev = mid
        for hop in m.hops:
            if hop.type not in (HopType.cites, HopType.printed_in):
                continue  # the outlets a document republishes are its own diagram's business
            sid = d.source(hop.source)
            label = HOP_WORDS[hop.type] if hop.type is HopType.printed_in else (hop.cue or "")
            d.edge(prev, sid, Look.nested if prev != mid else HOP_LOOK[hop.type], label=label)
            prev = sid
    by_id = {m.id: member_id(m) for m in group.members} | {m: node_id("member", r) for m, r in fold.items()}
    for m in group.members:
        if m.earlier is not None and m.id not in fold and by_id[m.earlier] != member_id(m):
            d.edge(member_id(m), by_id[m.earlier], Look.retells)
    for pair in graph.reuse:
        if pair.a in first_of and pair.b in first_of and pair.direction in (Direction.a_copies_b, Direction.b_copies_a):
            copy, original = (pair.b, pair.a) if pair.direction is Direction.b_copies_a else (pair.a, pair.b)
            d.edge(first_of[copy], first_of[original], Look.copies, label="copies")
    originals = ", ".join(group.originals) or "no named original"
    return d.write(
        f"{in_quotes(short_name(group.label, 80))}\nretold in {len(group.documents)} documents · original: {originals}"
    )
