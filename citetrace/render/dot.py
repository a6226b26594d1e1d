"""DOT source for citation diagrams: pure, deterministic, and the only place that quotes for DOT.

Three diagrams, all drawn from the chains of a ``CitationGraph``:

- ``document_dot(graph, document)``: one document at the left, the outlets it republishes, its
  claims (shortened, full text in the tooltip), and each claim's chain through the sources it
  cites down to the original; flags written under the claim, unattributed claims dashed in red;
- ``corpus_dot(graph)``: outlets and sources, who cites, republishes and copies whom, edge width
  and label = number of claims, primary sources drawn with a double border;
- ``source_dot(graph, name)``: every claim that rests on one primary source, grouped by document.

Sources are shaped and coloured by kind (``KIND_STYLE``); every diagram carries a legend. Nodes
have stable ``id`` attributes (derived from content) so that pages can link to them.
"""

from __future__ import annotations

import functools
import hashlib
import math
import textwrap
from collections import Counter
from collections.abc import Mapping

from citetrace.chains.graph_index import graph_index
from citetrace.models import Chain, CitationGraph, Direction, FlagType, Hop, HopType, ReusePair, SourceKind
from citetrace.render.styles import (
    FLAG_LABEL,
    HOP_LOOK,
    HOP_WORDS,
    KIND_STYLE,
    LOOKS,
    UNSOURCED_COLOUR,
    Drawn,
    Look,
    attrs,
    legend,
    quote,
)

CLAIM_WIDTH = 38
CLAIM_CHARS = 110
SOURCE_CHARS = 48
CORPUS_NODES = 80  # outlets and sources drawn in the corpus diagram at most (the sample corpus has 72)
SOURCE_CLAIMS = 60  # claims drawn in one source's diagram at most
TOOLTIP_NAMES = 12  # aliases named in a source's tooltip at most
HEADER = [
    '  graph [rankdir="LR", fontname="Helvetica", fontsize="11", nodesep="0.25", ranksep="0.5"];',
    '  node [fontname="Helvetica", fontsize="10", margin="0.2,0.07"];',
    '  edge [fontname="Helvetica", fontsize="9", color="#555555"];',
]


@functools.lru_cache(maxsize=1 << 16)  # a source's id is asked for by every diagram and page it is on
def node_id(prefix: str, key: str) -> str:
    """A stable id derived from content."""
    return f"{prefix}_{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def hop_label(hop: Hop) -> str:
    """How a step of a chain reads: "said", "republishes RT (credit: 'RT with additional input by GVS News
    Desk')", "copies ABC (a.txt)", "printed in"."""
    if hop.type is HopType.cites:
        return hop.cue or ""
    if hop.type is HopType.printed_in:
        return HOP_WORDS[hop.type]
    credit = hop.type in (HopType.republishes, HopType.copies_wire) and hop.cue
    detail = f"credit: '{hop.cue}'" if credit else hop.document
    return f"{HOP_WORDS[hop.type]} {hop.source}" + (f" ({detail})" if detail else "")


def short_name(name: str, chars: int = SOURCE_CHARS) -> str:
    """A source name as diagrams and pages show it: one line, at most ``chars`` characters (the full
    name stays in the tooltip)."""
    flat = " ".join(name.split())
    return flat if len(flat) <= chars else flat[: chars - 1].rsplit(" ", 1)[0] + " …"


def _listed(names: list[str], most: int = TOOLTIP_NAMES) -> str:
    """ "a; b; c" of at most ``most`` names, "; and N more" after them (a source's aliases in its tooltip)."""
    more = len(names) - most
    return "; ".join(names[:most]) + (f"; and {more:,} more" if more > 0 else "")


def shorten(text: str, width: int = CLAIM_WIDTH, chars: int = CLAIM_CHARS) -> str:
    flat = short_name(text, chars)
    return "\n".join(textwrap.wrap(flat, width)) or flat


def source_id(name: str) -> str:
    return node_id("src", name.casefold())


def claim_node_id(chain: Chain) -> str:
    return node_id("claim", f"{chain.document}:{chain.frame or chain.claim.start}")  # the name in the corpus: stable


class Diagram:
    """Nodes and edges collected once each, written sorted."""

    def __init__(self, graph: CitationGraph, links: Mapping[str, str] | None = None):
        index = graph_index(graph)
        self.kinds = index.kinds
        self.aliases = index.aliases
        self.primaries = index.primaries
        self.links = links or {}  # source name -> the URL its node links to
        self.nodes: dict[str, str] = {}
        self.edges: dict[tuple[str, str, str], dict[str, str]] = {}
        self.drawn = Drawn()

    def source_url(self, name: str) -> str | None:
        return self.links.get(name)

    def source(self, name: str, url: str | None = None) -> str:
        sid = source_id(name)
        kind = self.kinds.get(name, SourceKind.unknown)
        shape, fill, style = KIND_STYLE[kind]
        extra = {"peripheries": "2", "penwidth": "1.6"} if name in self.primaries else {}
        self.drawn.kinds.add(kind)
        self.drawn.primary |= name in self.primaries
        if url:
            extra["URL"] = url
        tooltip = f"{name} ({kind.value})" + (": " + _listed(self.aliases[name]) if self.aliases.get(name) else "")
        self.nodes.setdefault(
            sid,
            f"  {sid} "
            + attrs(
                id=sid,
                label=f"{short_name(name)}\n({kind.value})",
                shape=shape,
                fillcolor=fill,
                style=style,
                tooltip=tooltip,
                **extra,
            )
            + ";",
        )
        return sid

    def claim(self, chain: Chain, url: str | None = None) -> str:
        cid = claim_node_id(chain)
        flags = sorted({FLAG_LABEL[f.type] for f in chain.flags})
        self.drawn.flags |= {f.type for f in chain.flags}
        unattributed = chain.primary is None
        label = shorten(chain.claim.text) + ("\n⚑ " + ", ".join(flags) if flags else "")
        extra = {"URL": url} if url else {}
        self.nodes.setdefault(
            cid,
            f"  {cid} "
            + attrs(
                id=cid,
                label=label,
                shape="box",
                style="rounded,dashed" if unattributed else "rounded",
                color=UNSOURCED_COLOUR
                if unattributed or FlagType.unnamed_original.value in {f.type.value for f in chain.flags}
                else "#333333",
                tooltip=chain.claim.text,
                **extra,
            )
            + ";",
        )
        return cid

    def edge(self, a: str, b: str, look: Look | None = None, **kw: str) -> None:
        """An edge drawn as ``look`` says (and the legend explains), or plain (a claim's tie to its document)."""
        if look is not None:
            self.drawn.looks.add(look)
            e = LOOKS[look]
            kw = (
                {"style": e.style, "color": e.colour}
                | ({"arrowhead": e.arrowhead} if e.arrowhead != "normal" else {})
                | kw
            )
        self.edges.setdefault((a, b, kw.get("label", "")), kw)

    def lead_in(self, chain: Chain, start: str, head: int) -> str:
        """``start`` -> the outlets a chain's document republishes and the documents it copies; the last node."""
        for i in range(1, head):
            hop = chain.hops[i - 1]
            sid = self.source(chain.path[i])
            self.edge(start, sid, HOP_LOOK[hop.type], label=HOP_WORDS[hop.type], tooltip=hop_label(hop))
            start = sid
        return start

    def chain(self, chain: Chain, start: str, head: int) -> None:
        """``start`` -> claim -> path[head:] with the cues as labels."""
        cid = self.claim(chain)
        self.edge(start, cid, arrowhead="none", color="#bbbbbb")
        prev = cid
        for i in range(head, len(chain.path)):
            sid = self.source(chain.path[i])
            hop = chain.hops[i - 1]
            cue = hop.cue or ""
            label = cue if i == head else (HOP_WORDS[hop.type] if hop.type is HopType.printed_in else f"cites: {cue}")
            if i == len(chain.path) - 1 and chain.channel:
                label += "\nvia " + short_name(chain.channel, 40)
            look = Look.printed_in if hop.type is HopType.printed_in else (Look.nested if i > head else Look.cites)
            self.edge(prev, sid, look, label=label)
            prev = sid

    def write(self, title: str) -> str:
        lines = ["digraph citetrace {", *HEADER, f'  label={quote(title)}; labelloc="t";']
        lines += [self.nodes[k] for k in sorted(self.nodes)]
        for (a, b, _), kw in sorted(self.edges.items()):
            lines.append(f"  {a} -> {b} {attrs(**kw)};")
        roots = sorted(set(self.nodes) - {b for _, b, _ in self.edges}) or sorted(self.nodes)[:1]
        lines += legend(self.drawn, roots)
        lines.append("}")
        return "\n".join(lines) + "\n"


def _is_hop(hop: Hop) -> bool:
    """A hop between outlets or documents (republication, copy), not a citation."""
    return hop.type in (HopType.republishes, HopType.copies_wire, HopType.copies)


def _head(chain: Chain) -> int:
    """Index in the path of the claim's first cited source (after the outlet and the outlets and
    documents it republishes or copies)."""
    n = 0
    while n < len(chain.hops) and _is_hop(chain.hops[n]):
        n += 1
    return 1 + n


def document_dot(graph: CitationGraph, document: str, reprints_url: str | None = None) -> str:
    """DOT for one document's claims and their chains to the originals; its reprints are one node
    (``reprints_url``: the page that lists them)."""
    d = Diagram(graph)
    index = graph_index(graph)
    chains = index.of_document.get(document, [])
    outlet = next((c.outlet for c in chains if c.outlet), None) or "outlet unknown"
    did = node_id("doc", document)
    d.nodes[did] = (
        f"  {did} "
        + attrs(id=did, label=f"{document}\n{outlet}", shape="box", style="bold,filled", fillcolor="#fafad2")
        + ";"
    )
    for c in chains:
        head = _head(c)
        d.chain(c, d.lead_in(c, did, head), head)
    reprints = index.reprints.get(document, [])
    for pair in index.reuse_of.get(document, []):
        other = pair.b if pair.a == document else pair.a
        if index.printed_from.get(other) == document:
            continue  # drawn as one node below
        oid = node_id("doc", other)
        d.nodes.setdefault(oid, f"  {oid} " + attrs(id=oid, label=other, shape="box", style="dashed") + ";")
        copies = pair.direction is (Direction.a_copies_b if pair.a == document else Direction.b_copies_a)
        verb = "copies" if copies else _shared(pair, "shares text with")
        label = f"{verb} ({len(pair.passages)} passages)"
        d.edge(did, oid, Look.copies if copies else Look.shares_text, label=label)
    if reprints:
        rid = node_id("reprints", document)
        extra = {"URL": reprints_url} if reprints_url else {}
        label = f"{len(reprints):,} reprint{'s' if len(reprints) > 1 else ''}\n" + _listed(reprints, 3)
        d.nodes[rid] = f"  {rid} " + attrs(id=rid, label=label, shape="box3d", style="dashed", **extra) + ";"
        d.edge(rid, did, Look.copies, label="reprint its text")
    headline = graph.headlines.get(document)
    return d.write(f"{headline}\n{document} ({outlet})" if headline else document)


def _shared(pair: ReusePair, otherwise: str) -> str:
    """How two documents that share text without one copying the other read."""
    if pair.direction is Direction.both_copy:
        return f"both copy {pair.common_source}"
    if pair.direction is Direction.both_quote:
        return f"both quote {pair.common_source}"
    return "reuses its own text" if pair.direction is Direction.self_reuse else otherwise


def _busiest(weights: Counter[tuple[str, str, HopType]], limit: int) -> set[str]:
    """The outlets and sources of the heaviest edges, heaviest first (ties by name), at most ``limit``."""
    shown: set[str] = set()
    for (a, b, _), _n in sorted(weights.items(), key=lambda e: (-e[1], e[0])):
        if len(shown | {a, b}) <= limit:
            shown |= {a, b}
    return shown


def corpus_size(graph: CitationGraph) -> int:
    """How many outlets and sources the corpus diagram has, uncut."""
    return len({p for c in graph.chains for p in c.path})


def corpus_dot(
    graph: CitationGraph, max_nodes: int | None = CORPUS_NODES, links: Mapping[str, str] | None = None
) -> str:
    """DOT for the whole corpus: outlets and sources, weighted by the number of claims.

    A corpus with more than ``max_nodes`` outlets and sources shows those of its busiest links (most
    claims first) up to ``max_nodes`` (None: all): a diagram of thousands of nodes is hard to read, so
    the report draws the cut one and links the whole one. O(claims + edges log edges).
    """
    d = Diagram(graph, links)
    weights: Counter[tuple[str, str, HopType]] = Counter()
    for c in graph.chains:
        for a, hop in zip(c.path, c.hops, strict=False):
            weights[(a, hop.source, hop.type)] += 1
    every = {p for c in graph.chains for p in c.path}
    shown = every if max_nodes is None or len(every) <= max_nodes else _busiest(weights, max_nodes)
    for c in graph.chains:
        if c.path and c.path[0] in shown:
            d.source(c.path[0], url=d.source_url(c.path[0]))
    for (a, b, kind), n in sorted(weights.items()):
        if a not in shown or b not in shown:
            continue
        sa = d.source(a, url=d.source_url(a))
        sb = d.source(b, url=d.source_url(b))
        label = f"{HOP_WORDS[kind]} ({n})" if kind is not HopType.cites else f"{n} claim{'s' if n > 1 else ''}"
        d.edge(sa, sb, HOP_LOOK[kind], label=label, penwidth=f"{1 + math.log2(n):.2f}")
    outlets = {c.document: c.origin for c in graph.chains}
    for pair in graph.reuse:
        oa, ob = outlets.get(pair.a), outlets.get(pair.b)
        if not oa or not ob or oa == ob or oa not in shown or ob not in shown:
            continue
        n = len(pair.passages)
        if pair.direction in (Direction.undecided, Direction.both_copy, Direction.both_quote, Direction.self_reuse):
            d.edge(d.source(oa), d.source(ob), Look.shares_text, label=f"{_shared(pair, 'shares text')} ({n} passages)")
        else:
            copier, original = (ob, oa) if pair.direction is Direction.b_copies_a else (oa, ob)
            d.edge(d.source(copier), d.source(original), Look.copies, label=f"copies ({n} passages)")
    title = "citetrace: who cites, republishes and copies whom"
    if len(every) > len(shown):
        title += (
            f"\n(the {len(shown)} outlets and sources of the busiest links, of {len(every):,}; corpus-full.svg has all)"
        )
    return d.write(title)


def source_dot(graph: CitationGraph, name: str, max_claims: int = SOURCE_CLAIMS) -> str:
    """DOT for everything that rests on one primary source.

    A source more than ``max_claims`` claims rest on shows ``max_claims`` of them, spread over the
    documents (each document's first claim, then each one's second, ...); its page lists them all.
    """
    d = Diagram(graph)
    chains, _ = but_reprints(graph, graph_index(graph).resting_on.get(name, []))
    shown = _spread(chains, max_claims)
    for c in shown:
        head = _head(c)
        d.chain(c, d.lead_in(c, d.source(c.path[0]), head), head)
    title = f"Everything that rests on {short_name(name)}"
    if len(shown) < len(chains):
        title += f"\n({len(shown)} of {len(chains):,} claims, spread over the documents; its page lists all)"
    return d.write(title)


def but_reprints(graph: CitationGraph, chains: list[Chain]) -> tuple[list[Chain], Counter[str]]:
    """The chains but those of a reprint where a document of its family (what it reprints, and the other
    reprints of that) comes before it among them, and for each document kept, how many reprints were
    folded into it (their chains are its own, printed again: the cluster's page says how they differ)."""
    printed_from = graph_index(graph).printed_from
    first: dict[str, str] = {}  # family -> the first of its documents among the chains
    for c in chains:
        first.setdefault(printed_from.get(c.document, c.document), c.document)
    kept = [c for c in chains if first[printed_from.get(c.document, c.document)] == c.document]
    folded = {c.document for c in chains} - {c.document for c in kept}
    return kept, Counter(first[printed_from[doc]] for doc in folded)


def _spread(chains: list[Chain], limit: int) -> list[Chain]:
    """At most ``limit`` chains, round robin over their documents, in the order given."""
    if len(chains) <= limit:
        return chains
    by_doc: dict[str, list[Chain]] = {}
    for c in chains:
        by_doc.setdefault(c.document, []).append(c)
    picked: list[Chain] = []
    rank = 0
    while len(picked) < limit:
        picked += [cs[rank] for cs in by_doc.values() if rank < len(cs)][: limit - len(picked)]
        rank += 1
    return picked
