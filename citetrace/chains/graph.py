"""The citation graph of a corpus: ``GraphBuilder`` collects its nodes and edges with their evidence.

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

networkx holds the graph while it is built (cycle search); pydantic models are what leaves this
module. ``citetrace.chains.build`` walks the chains over it and ``citetrace.chains.flags`` flags them.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from citetrace.models import (
    Chain,
    CitationGraph,
    Direction,
    Document,
    DocumentFrames,
    EdgeType,
    Evidence,
    Frame,
    FrameKind,
    GraphEdge,
    GraphNode,
    Hop,
    HopType,
    NodeType,
    ParsedDocument,
    ProvenanceKind,
    ReusePair,
    SourceKind,
    SourceMention,
    Span,
)
from citetrace.parse.cache import sentence_spans
from citetrace.reuse.clusters import copy_tree
from citetrace.sources.registry import Registry, channel_source


def doc_id(name: str) -> str:
    return f"doc:{name}"


def src_id(name: str) -> str:
    return f"src:{name}"


def claim_id(name: str, frame: str) -> str:
    return f"claim:{name}#{frame}"


def credit_line(frame: Frame) -> str:
    """A credit as the document prints it, on one line: "RT with additional input by GVS News Desk"."""
    return " ".join(frame.content.text.split()).rstrip(" .")


class GraphBuilder:
    """The graph of one corpus while it is built, with what the chain and flag steps ask of it."""

    def __init__(
        self,
        documents: Sequence[Document],
        parses: Sequence[ParsedDocument],
        frames: Sequence[DocumentFrames],
        registry: Registry,
    ):
        self.docs = {d.name: d for d in documents}
        self.sentences = {d.name: s for d, s in zip(documents, sentence_spans(parses), strict=True)}
        self.frames = {f.document: f for f in frames}
        self.registry = registry
        self.g = nx.MultiDiGraph()
        # one (frozen) Evidence per document, frame and note, shared by every edge and chain that
        # cites it: at 400 PolNeAR articles, 7,330 Evidence objects in all instead of 16,545
        self._evidence: dict[tuple[str, str | None, str | None], Evidence] = {}

    def name(self, path: str) -> str:
        return self.docs[path].name

    def sentence(self, path: str, offset: int) -> Span | None:
        text = self.docs[path].text
        for s, e in self.sentences[path]:
            if s <= offset < e:
                return Span(text=text[s:e], start=s, end=e)
        return None

    def evidence(self, path: str, frame: Frame | None = None, note: str | None = None) -> Evidence:
        key = (path, frame.id if frame else None, note)
        if (known := self._evidence.get(key)) is None:
            known = self._evidence[key] = Evidence(
                document=path,
                frame=frame.id if frame else None,
                cue=frame.cue if frame else None,
                sentence=self.sentence(path, frame.cue.start) if frame else None,
                note=note,
            )
        return known

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

    def credits(self, doc: DocumentFrames) -> list[tuple[str, HopType, str, Frame | None]]:
        """Where a document's text comes from, other than its own outlet: the wire it copies (its
        dateline or editing line, ``DocumentFrames.provenance``), then the outlets its credit lines
        name, in text order: (outlet, hop type, the credit as printed, the credit frame)."""
        out: list[tuple[str, HopType, str, Frame | None]] = []
        for p in doc.provenance:
            if p.kind is ProvenanceKind.wire and p.source != doc.outlet:
                cue = " ".join(p.evidence.text.split()) if p.evidence else f"{p.origin.value}: wire {p.source}"
                out.append((p.source, HopType.copies_wire, cue, None))
        for f in doc.frames:
            if f.kind is FrameKind.credit and f.speaker is not None and f.speaker.canonical != doc.outlet:
                out.append((f.speaker.canonical, HopType.republishes, credit_line(f), f))
        first: dict[str, tuple[str, HopType, str, Frame | None]] = {}
        for credit in out:
            first.setdefault(credit[0], credit)
        return list(first.values())

    def head(self, path: str) -> list[Hop]:
        """How every chain of a document starts after its outlet: the wire it copies, the outlets it
        republishes."""
        return [Hop(source=c, cue=cue, type=t) for c, t, cue, _ in self.credits(self.frames[path])]

    def channel_of(self, frame: Frame) -> tuple[str | None, SourceKind | None]:
        if frame.channel is None:
            return None, None
        k = channel_source(frame.channel.text, self.registry)
        if k is None:
            return " ".join(frame.channel.text.split()), None
        return k.canonical, k.kind

    def add_documents(self) -> None:
        for path, doc in sorted(self.frames.items()):
            did = doc_id(self.name(path))
            self.g.add_node(did, type=NodeType.document, label=self.name(path), document=path)
            if doc.outlet:
                self.edge(
                    did, self.source_node(doc.outlet), EdgeType.published_by, None, self.evidence(path, note="outlet")
                )
            for outlet, hop, cue, f in self.credits(doc):
                edge = EdgeType.copies_wire if hop is HopType.copies_wire else EdgeType.republishes
                self.edge(did, self.source_node(outlet), edge, cue, self.evidence(path, f, note=None if f else cue))
            by_id = {f.id: f for f in doc.frames}
            for f in doc.frames:
                if f.kind is FrameKind.credit:
                    continue
                if f.parent is None:
                    cid = claim_id(self.name(path), f.id)
                    self.g.add_node(cid, type=NodeType.claim, label=f.content.text, document=path, span=f.content)
                    self.edge(did, cid, EdgeType.contains, None, self.evidence(path, f))
                    for s in f.speakers:
                        edge = EdgeType.attributed_to
                        self.edge(cid, self.source_node(s.canonical), edge, f.cue.text, self.evidence(path, f))
                elif (parent := by_id.get(f.parent)) is not None:
                    for cited in f.speakers:
                        for citing in parent.speakers:
                            if citing.canonical != cited.canonical:
                                a, b = self.source_node(citing.canonical), self.source_node(cited.canonical)
                                self.edge(a, b, EdgeType.cites, f.cue.text, self.evidence(path, f))
                for s in f.speakers:
                    self._speaker_edges(path, f, s)

    def _speaker_edges(self, path: str, f: Frame, s: SourceMention) -> None:
        """A speaker's own edges: the person an organization form belongs to ("the Clinton campaign"),
        and the channel it spoke through."""
        speaker = self.source_node(s.canonical)
        if s.affiliation is not None:
            person = self.registry.canonical(s.affiliation)
            if person != s.canonical:
                self.edge(speaker, self.source_node(person), EdgeType.affiliated_with, None, self.evidence(path, f))
        channel, _ = self.channel_of(f)
        if channel is not None and channel != s.canonical and self.registry.lookup(channel) is not None:
            label = f.channel.text if f.channel else None
            self.edge(speaker, self.source_node(channel), EdgeType.spoke_through, label, self.evidence(path, f))

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

    def cycles(self) -> list[list[str]]:
        sub = nx.DiGraph()
        for a, b, data in self.g.edges(data=True):
            if data["type"] in (EdgeType.cites, EdgeType.republishes, EdgeType.copies_wire, EdgeType.spoke_through):
                sub.add_edge(self.g.nodes[a]["label"], self.g.nodes[b]["label"])
        return sorted(sorted(c) for c in nx.simple_cycles(sub))

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
            headlines={n: h for n in sorted(self.frames) if (h := self.docs[n].headline)},
            sources=self.registry.sources(),
            nodes=nodes,
            edges=edges,
            chains=chains,
            reuse=list(reuse),
            clusters=copy_tree(
                reuse, {n: d.date for n, d in self.docs.items()}, {n: len(d.text.strip()) for n, d in self.docs.items()}
            ),
        )
