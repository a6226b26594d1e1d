"""How the diagrams look, in one table each, and the legend that explains what a diagram draws.

Sources are shaped and coloured by kind (``KIND_STYLE``), edges drawn by what they mean (``LOOKS``),
and claims carry their flags as "⚑ ..." lines (``FLAG_LABEL``, ``FLAG_HELP``). ``legend`` writes one
compact node (a Graphviz HTML-like table) listing only the kinds, edges and flags a diagram shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from citetrace.models import DriftType, FlagType, Hedge, HopType, MergeReason, SourceKind

# kind -> (shape, fill colour, style)
KIND_STYLE: dict[SourceKind, tuple[str, str, str]] = {
    SourceKind.person: ("ellipse", "#cfe8ff", "filled"),
    SourceKind.outlet: ("box", "#ffe0b3", "filled"),
    SourceKind.publication: ("tab", "#ffd0d0", "filled"),
    SourceKind.organization: ("hexagon", "#dcefc8", "filled"),
    SourceKind.government: ("house", "#e4dcff", "filled"),
    SourceKind.anonymous: ("ellipse", "#eeeeee", "filled,dashed"),
    SourceKind.unknown: ("ellipse", "#f6f6f6", "filled"),
}
FLAG_LABEL: dict[FlagType, str] = {
    FlagType.no_source: "no source",
    FlagType.unresolved_source: "source unresolved",
    FlagType.unnamed_original: "unnamed original",
    FlagType.lost_attribution: "lost its attribution",
    FlagType.altered_copy: "altered copy",
    FlagType.circular: "circular citation",
    FlagType.single_intermediary: "one intermediary",
}
FLAG_HELP: dict[FlagType, str] = {
    FlagType.no_source: "the claim names no source",
    FlagType.unresolved_source: "its source is a pronoun with no antecedent, or a clause: it names no one",
    FlagType.unnamed_original: "it rests on a description (“officials”), not a named original",
    FlagType.lost_attribution: "another copy of the text names a source this one dropped",
    FlagType.altered_copy: "the copies word the claim differently",
    FlagType.circular: "the sources cite each other in a loop",
    FlagType.single_intermediary: "it reaches the original through one source only",
}
MERGE_WORDS: dict[MergeReason, str] = {
    MergeReason.same_name: "the name",
    MergeReason.known: "a known alias",
    MergeReason.in_document: "resolved in its document",
    MergeReason.pronoun: "a pronoun",
    MergeReason.fuzzy: "a spelling",
    MergeReason.surname: "the only full name it fits",
    MergeReason.by_title: "its titles pick this one",
}
DRIFT_LABEL: dict[DriftType, str] = {
    DriftType.attribution_dropped: "attribution dropped",
    DriftType.hedge_removed: "hedge removed",
    DriftType.source_swapped: "source swapped",
    DriftType.quote_altered: "quote altered",
}
DRIFT_HELP: dict[DriftType, str] = {
    DriftType.attribution_dropped: "stated as fact, or the sources an earlier version cites are gone",
    DriftType.hedge_removed: "less distance than the earlier version (“claimed” → “said”)",
    DriftType.source_swapped: "attributed to another original than the first version's",
    DriftType.quote_altered: "the words inside quotation marks differ from the earlier version's",
}
HEDGE_WORDS: dict[Hedge, str] = {
    Hedge.alleged: "alleged (“claimed”, “portrayed”)",
    Hedge.believed: "a belief (“believes”)",
    Hedge.according: "“according to”",
    Hedge.reported: "reported (“said”)",
    Hedge.fact: "stated as fact",
}
HEDGE_FILL: dict[Hedge, str] = {
    Hedge.alleged: "#fff4c2",
    Hedge.believed: "#fff4c2",
    Hedge.according: "#ffffff",
    Hedge.reported: "#ffffff",
    Hedge.fact: "#ffd6d6",
}
HOP_WORDS: dict[HopType, str] = {
    HopType.republishes: "republishes",
    HopType.copies_wire: "copies the wire",
    HopType.copies: "copies",
    HopType.cites: "cites",
    HopType.printed_in: "printed in",
}
UNSOURCED_COLOUR = "#cc0000"


class Look(StrEnum):
    """What an edge of a diagram means; each is drawn one way (``LOOKS``)."""

    republishes = "republishes"
    copies_wire = "copies_wire"
    copies = "copies"
    cites = "cites"
    nested = "nested"
    retells = "retells"
    printed_in = "printed_in"
    shares_text = "shares_text"


@dataclass(frozen=True)
class EdgeLook:
    style: str
    colour: str
    meaning: str
    arrowhead: str = "normal"


LOOKS: dict[Look, EdgeLook] = {
    Look.republishes: EdgeLook("bold", "#b05000", "republishes: its credit line names that outlet"),
    Look.copies_wire: EdgeLook("bold", "#7a3e9d", "copies the wire: the story is a wire service's (its dateline)"),
    Look.copies: EdgeLook("bold,dashed", "#b05000", "copies: takes over passages of that text"),
    Look.shares_text: EdgeLook(
        "dashed", "#b05000", "shares text: both copy one source, or who copied whom is open", "none"
    ),
    Look.cites: EdgeLook("solid", "#555555", "the claim's source, labelled by the cue (“said”)"),
    Look.nested: EdgeLook("solid", "#2060a0", "cites: the source's own source"),
    Look.printed_in: EdgeLook("dotted", "#2060a0", "printed in: where the quote appeared"),
    Look.retells: EdgeLook("dotted", "#999999", "retells: the closest earlier version of the claim"),
}
HOP_LOOK: dict[HopType, Look] = {
    HopType.republishes: Look.republishes,
    HopType.copies_wire: Look.copies_wire,
    HopType.copies: Look.copies,
    HopType.cites: Look.cites,
    HopType.printed_in: Look.printed_in,
}


@dataclass
class Drawn:
    """What a diagram has drawn, so that its legend explains just that."""

    kinds: set[SourceKind] = field(default_factory=set)
    looks: set[Look] = field(default_factory=set)
    flags: set[FlagType] = field(default_factory=set)
    drifts: set[DriftType] = field(default_factory=set)
    hedges: set[Hedge] = field(default_factory=set)
    primary: bool = False


INVISIBLE = '[style="invis", weight="0"]'


def quote(value: str) -> str:
    """A DOT double-quoted string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def attrs(**kwargs: str) -> str:
    return "[" + ", ".join(f"{k}={quote(v)}" for k, v in sorted(kwargs.items())) + "]"


def legend(drawn: Drawn, roots: list[str], columns: int = 3) -> list[str]:
    """DOT lines of a legend cluster: the kinds of source drawn (in rows of ``columns``), a sample of
    each kind of edge drawn, and the flags shown, left of the diagram's ``roots`` (invisible edges
    from the end of each legend row through one hidden node to every root put it beside the graph,
    not above it)."""
    lines = ["  subgraph cluster_legend {", '    label="legend"; fontsize="9"; color="#cccccc";']
    ends: list[str] = []
    cells = [(f"legend_{k.value}", _sample(k.value, *KIND_STYLE[k])) for k in KIND_STYLE if k in drawn.kinds]
    if drawn.primary:
        cells.append(("legend_primary", attrs(label="primary source", shape="box", peripheries="2", fontsize="8")))
    for i in range(0, len(cells), columns):
        row = cells[i : i + columns]
        lines += [f"    {name} {a};" for name, a in row]
        lines += [f"    {a} -> {b} {INVISIBLE};" for (a, _), (b, _) in zip(row, row[1:], strict=False)]
        ends.append(row[-1][0])
    for look in (look for look in Look if look in drawn.looks):
        e = LOOKS[look]
        point = attrs(shape="point", width="0.05", color=e.colour)
        text = attrs(label=e.meaning, shape="plaintext", fontsize="8", height="0.2")
        lines += [f"    legend_{look.value}_a {point};", f"    legend_{look.value}_b {text};"]
        lines.append(
            f"    legend_{look.value}_a -> legend_{look.value}_b "
            + attrs(style=e.style, color=e.colour, arrowsize="0.6", arrowhead=e.arrowhead)
            + ";"
        )
        ends.append(f"legend_{look.value}_b")
    flags = "".join(f"⚑ {FLAG_LABEL[f]}: {FLAG_HELP[f]}\n" for f in FlagType if f in drawn.flags)
    flags += "".join(f"⚑ {DRIFT_LABEL[f]}: {DRIFT_HELP[f]}\n" for f in DriftType if f in drawn.drifts)
    for h in (h for h in Hedge if h in drawn.hedges):
        lines.append(f"    legend_hedge_{h.value} {_sample(HEDGE_WORDS[h], 'box', HEDGE_FILL[h], 'rounded,filled')};")
        ends.append(f"legend_hedge_{h.value}")
    if flags:  # \l ends a left-justified line
        label = quote(flags).replace("\\n", "\\l")
        lines.append(f'    legend_flags [label={label}, shape="plaintext", fontsize="8"];')
        ends.append("legend_flags")
    lines.append("  }")
    if roots and ends:
        lines.append(f"  legend_tie {attrs(shape='point', style='invis', width='0')};")
        lines += [f"  {end} -> legend_tie {INVISIBLE};" for end in ends]
        lines += [f"  legend_tie -> {root} {INVISIBLE};" for root in roots]
    return lines


def _sample(label: str, shape: str, fill: str, style: str) -> str:
    return attrs(label=label, shape=shape, fillcolor=fill, style=style, fontsize="8", height="0.3")
