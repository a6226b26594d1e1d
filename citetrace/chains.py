"""The citation graph of a corpus and the chains from each claim back to its primary source.

``build_graph(documents, parses, frames, registry, reuse) -> CitationGraph``

Nodes are documents (``doc:<name>``), sources including outlets (``src:<canonical>``) and claims
(``claim:<name>#<frame id>``). Edges, each with its evidence (document, frame, cue, sentence):

- ``published_by``  document -> its outlet (metadata or credit line);
- ``republishes``   document -> an outlet its credit names ("RT with additional input by ...");
- ``copies``        document -> document it shares passages with, when the direction is known,
  ``shares_text`` when it is not;
- ``contains``      document -> claim (a frame that no other frame contains);
- ``attributed_to`` claim -> source;
- ``cites``         source -> source, from nesting ("The paper reported X, according to Mina Al-Lami":
  Mina Al-Lami cites Al-Naba);
- ``spoke_through`` source -> channel ("said in an interview with Sky News Arabic").

A **chain** starts at a claim of a document and runs: the document's outlet, the outlets it
republishes, the claim's source, the sources nested inside it, down to a source that cites nobody
further: the **primary** source. A source speaking in a publication ("In the weekly ISIS newspaper
al-Naba, the extremists said") ends its chain at that publication, the printed original; an
interview outlet (Sky News Arabic) stays the chain's ``channel``. networkx holds the graph while it
is built (cycle search); pydantic models are what leaves this module.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

import networkx as nx
from rapidfuzz import fuzz, process

from citetrace.models import (
    Chain,
    CitationGraph,
    Direction,
    Document,
    DocumentFrames,
    EdgeType,
    Evidence,
    Flag,
    FlagType,
    Frame,
    FrameKind,
    GraphEdge,
    GraphNode,
    Hop,
    HopType,
    NodeType,
    ParsedDocument,
    Passage,
    ReusePair,
    Side,
    SourceKind,
    Span,
    origin_name,
)
from citetrace.naming import is_name, known, name_key, norm
from citetrace.registry import Registry, channel_source

_WORD = re.compile(r"\w+")
LOST_ATTRIBUTION_SURVIVAL = 0.5  # share of a claim's words a copy must keep for its dropped source to count as lost


def _clip(text: str, n: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1] + "…"


def _map_offset(p: Passage, pos: int, side: Side) -> int:
    """The offset in the other copy of a passage that corresponds to ``pos`` in copy ``side``:
    the distance from the last equal stretch's start carries over; inside a change, the change's start."""
    anchor_m, anchor_o = (p.b_start, p.a_start) if side is Side.b else (p.a_start, p.b_start)
    for c in p.changes:  # in text order
        ms, me, os_, oe = (
            (c.b_start, c.b_end, c.a_start, c.a_end) if side is Side.b else (c.a_start, c.a_end, c.b_start, c.b_end)
        )
        if pos < ms:
            break
        if pos < me:
            return os_
        anchor_m, anchor_o = me, oe
    return anchor_o + (pos - anchor_m)


def _same_claim_in_originals(
    c: Chain, reuse: Sequence[ReusePair], by_doc: dict[str, list[Chain]]
) -> Iterator[tuple[str, Chain]]:
    """(original document, its chain) for the same claim, where ``c``'s document copied the passage
    holding it (direction known): the claim's offsets mapped through the passage's changes overlap
    the original's claim by half the shorter of the two."""
    for pair in reuse:
        if pair.direction is Direction.undecided:
            continue
        side = Side.b if pair.direction is Direction.b_copies_a else Side.a  # the copy's side
        copy, original = (pair.b, pair.a) if side is Side.b else (pair.a, pair.b)
        if c.document != copy:
            continue
        for p in pair.passages:
            lo, hi = (p.b_start, p.b_end) if side is Side.b else (p.a_start, p.a_end)
            if not (lo <= c.claim.start < hi):
                continue
            m_start, m_end = _map_offset(p, c.claim.start, side), _map_offset(p, c.claim.end, side)
            for oc in by_doc[original]:
                overlap = min(m_end, oc.claim.end) - max(m_start, oc.claim.start)
                if oc.primary and overlap >= 0.5 * min(m_end - m_start, oc.claim.end - oc.claim.start):
                    yield original, oc


def doc_id(name: str) -> str:
    return f"doc:{name}"


def src_id(name: str) -> str:
    return f"src:{name}"


def claim_id(name: str, frame: str) -> str:
    return f"claim:{name}#{frame}"


class _Builder:
    def __init__(
        self,
        documents: Sequence[Document],
        parses: Sequence[ParsedDocument],
        frames: Sequence[DocumentFrames],
        registry: Registry,
    ):
        self.docs = {d.name: d for d in documents}
        self.sentences = {
            d.name: [(s.tokens[0].start, s.tokens[-1].end) for s in p.sentences if s.tokens]
            for d, p in zip(documents, parses, strict=True)
        }
        self.frames = {f.document: f for f in frames}
        self.registry = registry
        self.g = nx.MultiDiGraph()

    # ------------------------------------------------------------------ helpers

    def name(self, path: str) -> str:
        return self.docs[path].name

    def sentence(self, path: str, offset: int) -> Span | None:
        text = self.docs[path].text
        for s, e in self.sentences[path]:
            if s <= offset < e:
                return Span(text=text[s:e], start=s, end=e)
        return None

    def evidence(self, path: str, frame: Frame | None = None, note: str | None = None) -> Evidence:
        return Evidence(
            document=path,
            frame=frame.id if frame else None,
            cue=frame.cue if frame else None,
            sentence=self.sentence(path, frame.cue.start) if frame else None,
            note=note,
        )

    def source_node(self, name: str) -> str:
        nid = src_id(name)
        if nid not in self.g:
            self.g.add_node(nid, type=NodeType.source, label=name, kind=self.registry.kind(name))
        return nid

    def edge(self, a: str, b: str, type_: EdgeType, label: str | None, evidence: Evidence) -> None:
        key = (type_.value, label)
        if self.g.has_edge(a, b, key):
            self.g.edges[a, b, key]["evidence"].append(evidence)
        else:
            self.g.add_edge(a, b, key=key, type=type_, label=label, evidence=[evidence])

    def credits(self, doc: DocumentFrames) -> list[tuple[str, Frame]]:
        """Outlets a document republishes (its credits other than its own outlet), in text order."""
        out = []
        for f in doc.frames:
            if f.kind is FrameKind.credit and f.source is not None and f.source.canonical != doc.outlet:
                if f.source.canonical not in [c for c, _ in out]:
                    out.append((f.source.canonical, f))
        return out

    def head(self, path: str) -> list[Hop]:
        """How every chain of a document starts after its outlet: the outlets it republishes."""
        return [Hop(source=c, cue=f.cue.text, type=HopType.republishes) for c, f in self.credits(self.frames[path])]

    def channel_of(self, frame: Frame) -> tuple[str | None, SourceKind | None]:
        if frame.channel is None:
            return None, None
        k = channel_source(frame.channel.text, self.registry)
        if k is None:
            return " ".join(frame.channel.text.split()), None
        return k.canonical, k.kind

    # ------------------------------------------------------------------ graph

    def add_documents(self) -> None:
        for path, doc in sorted(self.frames.items()):
            did = doc_id(self.name(path))
            self.g.add_node(did, type=NodeType.document, label=self.name(path), document=path)
            if doc.outlet:
                self.edge(
                    did, self.source_node(doc.outlet), EdgeType.published_by, None, self.evidence(path, note="outlet")
                )
            for outlet, f in self.credits(doc):
                self.edge(did, self.source_node(outlet), EdgeType.republishes, f.cue.text, self.evidence(path, f))
            by_id = {f.id: f for f in doc.frames}
            for f in doc.frames:
                if f.kind is FrameKind.credit:
                    continue
                if f.parent is None:
                    cid = claim_id(self.name(path), f.id)
                    self.g.add_node(cid, type=NodeType.claim, label=f.content.text, document=path, span=f.content)
                    self.edge(did, cid, EdgeType.contains, None, self.evidence(path, f))
                    if f.source is not None:
                        self.edge(
                            cid,
                            self.source_node(f.source.canonical),
                            EdgeType.attributed_to,
                            f.cue.text,
                            self.evidence(path, f),
                        )
                elif f.source is not None:
                    parent = by_id.get(f.parent)
                    if (
                        parent is not None
                        and parent.source is not None
                        and parent.source.canonical != f.source.canonical
                    ):
                        self.edge(
                            self.source_node(parent.source.canonical),
                            self.source_node(f.source.canonical),
                            EdgeType.cites,
                            f.cue.text,
                            self.evidence(path, f),
                        )
                channel, _ = self.channel_of(f)
                if f.source is not None and channel is not None and self.registry.lookup(channel) is not None:
                    if channel != f.source.canonical:
                        self.edge(
                            self.source_node(f.source.canonical),
                            self.source_node(channel),
                            EdgeType.spoke_through,
                            f.channel.text if f.channel else None,
                            self.evidence(path, f),
                        )

    def add_reuse(self, reuse: Sequence[ReusePair]) -> None:
        for pair in reuse:
            a, b = doc_id(self.name(pair.a)), doc_id(self.name(pair.b))
            note = f"{len(pair.passages)} shared passage(s); {pair.direction_evidence}"
            if pair.direction is Direction.b_copies_a:
                self.edge(b, a, EdgeType.copies, None, Evidence(document=pair.b, note=note))
            elif pair.direction is Direction.a_copies_b:
                self.edge(a, b, EdgeType.copies, None, Evidence(document=pair.a, note=note))
            else:
                self.edge(a, b, EdgeType.shares_text, None, Evidence(document=pair.a, note=note))

    # ------------------------------------------------------------------ chains

    def _descend(self, frame: Frame, doc: DocumentFrames) -> list[list[Frame]]:
        kids = [
            f for f in doc.frames if f.parent == frame.id and f.source is not None and f.kind is not FrameKind.credit
        ]
        if not kids:
            return [[frame]]
        return [[frame, *tail] for k in kids for tail in self._descend(k, doc)]

    def chains(self, reuse: Sequence[ReusePair]) -> list[Chain]:
        cycles = self._cycles()
        out: list[Chain] = []
        for path, doc in sorted(self.frames.items()):
            head = self.head(path)
            for f in doc.frames:
                if f.parent is not None or f.kind is FrameKind.credit:
                    continue
                for line in self._descend(f, doc):
                    out.append(self._chain(path, f, line, head, cycles))
        out += self._lost(reuse, out)
        self._reuse_flags(reuse, out)
        out = self._through_copies(reuse, out)
        return sorted(out, key=lambda c: (c.document, c.claim.start, c.path))

    def _through_copies(self, reuse: Sequence[ReusePair], chains: list[Chain]) -> list[Chain]:
        """A claim inside a passage the document copied from another (direction known) continues
        through the original document's outlet to the original's chain for that passage, when that
        chain goes further ("B copies A; A has it from BBC Monitoring, which has it from Al-Naba")."""
        by_doc: dict[str, list[Chain]] = defaultdict(list)
        for c in chains:
            by_doc[c.document].append(c)
        out = []
        for c in chains:
            best = c
            head = self.head(c.document)
            for original, oc in _same_claim_in_originals(c, reuse, by_doc):
                o_head = self.head(original)
                if len(oc.hops) - len(o_head) <= len(c.hops) - len(head):
                    continue  # the original goes no further than the copy
                hops = list(head)
                last = hops[-1].source if hops else c.origin
                if oc.origin != last:
                    hops.append(Hop(source=oc.origin, cue=None, type=HopType.copies, document=self.name(original)))
                    last = oc.origin
                for hop in oc.hops:
                    if hop.source != last:
                        hops.append(hop)
                        last = hop.source
                if len(hops) > len(best.hops):
                    best = c.model_copy(
                        update={
                            "hops": hops,
                            "primary": oc.primary,
                            "primary_kind": oc.primary_kind,
                            "channel": oc.channel,
                        }
                    )
            out.append(best)
        return out

    def _chain(self, path: str, claim: Frame, line: list[Frame], head: list[Hop], cycles: list[list[str]]) -> Chain:
        outlet = self.frames[path].outlet
        hops = list(head)
        cited: list[str] = []
        for f in line:
            if f.source is None:
                continue
            name = f.source.canonical
            if name in cited and name == cited[-1]:
                continue  # a source that cites itself back elsewhere stays in: the loop is visible
            hops.append(Hop(source=name, cue=f.cue.text, type=HopType.cites))
            cited.append(name)
        middle = cited[:-1]  # sources between the document (and the outlets it republishes) and the original
        channel, channel_kind = self.channel_of(line[-1])
        if channel is not None and channel_kind == SourceKind.publication and cited and channel != cited[-1]:
            hops.append(Hop(source=channel, cue=None, type=HopType.printed_in))  # the printed original
            cited.append(channel)
            channel = None
        names = [origin_name(path, outlet), *(h.source for h in hops)]
        sourced = bool(cited)
        primary = cited[-1] if sourced else None
        primary_kind = self.registry.kind(primary) if primary else None
        flags = []
        ev = [self.evidence(path, f) for f in line]
        if not sourced:
            flags.append(Flag(type=FlagType.no_source, detail="the claim names no source", evidence=ev))
        elif primary_kind in (SourceKind.anonymous, SourceKind.unknown) or not is_name(primary):
            text = line[-1].source.text if line[-1].source else primary
            flags.append(
                Flag(
                    type=FlagType.unnamed_original,
                    detail=f"rests on {text!r} ({primary_kind.value}), a description, not a named original",
                    evidence=ev,
                )
            )
        if len(middle) == 1:
            flags.append(
                Flag(
                    type=FlagType.single_intermediary, detail=f"reaches {primary} only through {middle[0]}", evidence=ev
                )
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
        return Chain(
            document=path,
            frame=claim.id,
            claim=claim.content,
            outlet=outlet,
            hops=hops,
            primary=primary,
            primary_kind=primary_kind,
            channel=channel,
            flags=flags,
        )

    def _cycles(self) -> list[list[str]]:
        sub = nx.DiGraph()
        for a, b, data in self.g.edges(data=True):
            if data["type"] in (EdgeType.cites, EdgeType.republishes, EdgeType.spoke_through):
                sub.add_edge(self.g.nodes[a]["label"], self.g.nodes[b]["label"])
        return sorted(sorted(c) for c in nx.simple_cycles(sub))

    def _lost(self, reuse: Sequence[ReusePair], chains: list[Chain]) -> list[Chain]:
        """Claims a copy kept while dropping the source the other copy gives them."""
        new: list[Chain] = []
        for pair in reuse:
            for p in pair.passages:
                for d in p.dropped_attributions:
                    have, lack = (pair.a, pair.b) if d.present_in is Side.a else (pair.b, pair.a)
                    frame = next(f for f in self.frames[have].frames if f.id == d.frame)
                    kept_words, total = self._survival(p, frame, d.present_in)
                    if total == 0 or kept_words / total < LOST_ATTRIBUTION_SURVIVAL:
                        continue
                    start, end = self._counterpart(p, frame, d.present_in)
                    sentence = self.sentence(lack, start) or Span(
                        text=self.docs[lack].text[start:end], start=start, end=end
                    )
                    flag = Flag(
                        type=FlagType.lost_attribution,
                        detail=f"{self.name(have)} attributes this to {d.source or 'a source'} "
                        f"({frame.cue.text!r}); this copy does not",
                        evidence=[self.evidence(have, frame)],
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
                            outlet=self.frames[lack].outlet,
                            hops=self.head(lack),
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

    @staticmethod
    def _survival(p, frame: Frame, side: Side) -> tuple[int, int]:
        """Words of the frame's content outside the passage's changes (kept in the other copy)."""
        s = frame.content.start
        changed = [(c.a_start, c.a_end) if side is Side.a else (c.b_start, c.b_end) for c in p.changes]
        lo, hi = (p.a_start, p.a_end) if side is Side.a else (p.b_start, p.b_end)
        words = [m for m in _WORD.finditer(frame.content.text)]
        total = len(words)
        kept = sum(
            1 for m in words if lo <= s + m.start() < hi and not any(cs <= s + m.start() < ce for cs, ce in changed)
        )
        return kept, total

    @staticmethod
    def _counterpart(p, frame: Frame, side: Side) -> tuple[int, int]:
        for c in p.changes:
            ms, me = (c.a_start, c.a_end) if side is Side.a else (c.b_start, c.b_end)
            if ms <= frame.cue.start < max(me, ms + 1):
                return (
                    (c.b_start, max(c.b_end, c.b_start + 1))
                    if side is Side.a
                    else (c.a_start, max(c.a_end, c.a_start + 1))
                )
        return (p.b_start, p.b_end) if side is Side.a else (p.a_start, p.a_end)

    def _extent(self, chain: Chain) -> tuple[int, int]:
        """Characters of a claim with its cue and source ("according to a newspaper affiliated with the group")."""
        frame = next((f for f in self.frames[chain.document].frames if f.id == chain.frame), None)
        spans = [chain.claim] + ([frame.cue] + ([frame.source] if frame.source else []) if frame else [])
        return min(s.start for s in spans), max(s.end for s in spans)

    def _reuse_flags(self, reuse: Sequence[ReusePair], chains: list[Chain]) -> None:
        """Claims inside a reused passage that the copies word differently."""
        for pair in reuse:
            sides = []
            if pair.direction is not Direction.a_copies_b:  # b may be the copy
                sides.append((Side.b, pair.b, pair.a))
            if pair.direction is not Direction.b_copies_a:
                sides.append((Side.a, pair.a, pair.b))
            for side, mine, other in sides:
                for p in pair.passages:
                    for c in chains:
                        if c.document != mine:
                            continue
                        lo, hi = self._extent(c)
                        changes = [
                            ch
                            for ch in p.changes
                            if (lambda s, e: lo < max(e, s + 1) and s < hi)(
                                *((ch.a_start, ch.a_end) if side is Side.a else (ch.b_start, ch.b_end))
                            )
                        ]
                        if not changes:
                            continue
                        said = "; ".join(
                            f"{_clip(ch.b_text if side is Side.a else ch.a_text)!r} there, "
                            f"{_clip(ch.a_text if side is Side.a else ch.b_text)!r} here"
                            for ch in changes[:6]
                        )
                        flag = Flag(
                            type=FlagType.altered_copy,
                            detail=f"worded differently from the copy in {self.name(other)}: {said}",
                            evidence=[
                                Evidence(
                                    document=other,
                                    note=f"shared passage at {p.a_start}-{p.a_end} / {p.b_start}-{p.b_end}",
                                )
                            ],
                        )
                        if flag not in c.flags:
                            c.flags.append(flag)

    # ------------------------------------------------------------------ out

    def graph(self, chains: list[Chain], reuse: Sequence[ReusePair]) -> CitationGraph:
        primaries = {c.primary for c in chains if c.primary}
        nodes = []
        for nid in sorted(self.g.nodes):
            data = self.g.nodes[nid]
            nodes.append(
                GraphNode(
                    id=nid,
                    type=data["type"],
                    label=data["label"],
                    kind=data.get("kind"),
                    document=data.get("document"),
                    span=data.get("span"),
                    primary=data["type"] is NodeType.source and data["label"] in primaries,
                )
            )
        edges = [
            GraphEdge(source=a, target=b, type=data["type"], label=data["label"], evidence=data["evidence"])
            for a, b, data in self.g.edges(data=True)
        ]
        edges.sort(key=lambda e: (e.source, e.target, e.type.value, e.label or ""))
        return CitationGraph(
            documents=sorted(self.frames),
            sources=self.registry.sources(),
            nodes=nodes,
            edges=edges,
            chains=chains,
            reuse=list(reuse),
        )


def build_graph(
    documents: Sequence[Document],
    parses: Sequence[ParsedDocument],
    frames: Sequence[DocumentFrames],
    registry: Registry,
    reuse: Sequence[ReusePair],
) -> CitationGraph:
    """The corpus's citation graph with every claim's chains and flags."""
    b = _Builder(documents, parses, frames, registry)
    b.add_documents()
    b.add_reuse(reuse)
    chains = b.chains(reuse)
    for c in chains:
        for name in c.path:
            if src_id(name) not in b.g and (c.outlet is not None or name != c.origin):
                b.source_node(name)
    return b.graph(chains, reuse)


def find_source(graph: CitationGraph, name: str) -> str | None:
    """The canonical name in the graph that ``name`` means: exact, alias, then fuzzy (rapidfuzz WRatio >= 85)."""
    wanted = name_key(name)
    for s in graph.sources:
        if name_key(s.name) == wanted or wanted in {name_key(a) for a in s.aliases}:
            return s.name
    k = known(name)
    if k is not None and any(s.name == k.canonical for s in graph.sources):
        return k.canonical
    names = [s.name for s in graph.sources]
    best = process.extractOne(name, names, scorer=fuzz.WRatio, processor=norm)
    return best[0] if best and best[1] >= 85 else None


def chains_resting_on(graph: CitationGraph, name: str) -> list[Chain]:
    """Chains whose path goes through (or ends at) the source ``name``."""
    return [c for c in graph.chains if name in c.path]


def chains_of_claim(graph: CitationGraph, text: str) -> list[Chain]:
    """Chains whose claim contains ``text`` (case and spacing aside) or nearly (rapidfuzz partial ratio >= 90)."""
    wanted = " ".join(text.casefold().split())
    return [
        c
        for c in graph.chains
        if wanted in " ".join(c.claim.text.casefold().split())
        or fuzz.partial_ratio(wanted, c.claim.text.casefold()) >= 90
    ]
