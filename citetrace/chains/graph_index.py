"""What every diagram and page of one graph looks up, built once per graph (``graph_index``).

A report draws a diagram and a page per document and per primary source; each scanning the whole
graph for its chains made drawing quadratic in the corpus (400 PolNeAR articles: 67 s). With the
index each lookup is a dict access, and the report is linear.
"""

from __future__ import annotations

from dataclasses import dataclass

from citetrace.models import CanonicalSource, Chain, CitationGraph, ReusePair, SourceKind


@dataclass(frozen=True)
class GraphIndex:
    sources: dict[str, CanonicalSource]  # name -> the source (the first of a name)
    kinds: dict[str, SourceKind]
    aliases: dict[str, list[str]]
    primaries: set[str]
    resting_on: dict[str, list[Chain]]  # primary source -> its chains, in graph order
    of_document: dict[str, list[Chain]]  # document -> its chains, in graph order
    reuse_of: dict[str, list[ReusePair]]  # document -> the reuse pairs it is in, in graph order
    cluster_of: dict[str, str]  # document -> the id of its reuse cluster
    printed_from: dict[str, str]  # reprint -> the document it reprints: its nearest forebear that is no reprint
    reprints: dict[str, list[str]]  # that document -> its reprints, in cluster order


_LAST: list[tuple[CitationGraph, GraphIndex]] = []


def graph_index(graph: CitationGraph) -> GraphIndex:
    """The index of ``graph``, kept for the last graph asked about (a graph is frozen: it cannot go stale)."""
    if _LAST and _LAST[0][0] is graph:
        return _LAST[0][1]
    resting: dict[str, list[Chain]] = {}
    of_document: dict[str, list[Chain]] = {}
    for c in graph.chains:
        of_document.setdefault(c.document, []).append(c)
        if c.primary:
            resting.setdefault(c.primary, []).append(c)
    reuse_of: dict[str, list[ReusePair]] = {}
    for pair in graph.reuse:
        reuse_of.setdefault(pair.a, []).append(pair)
        if pair.b != pair.a:
            reuse_of.setdefault(pair.b, []).append(pair)
    cluster_of, printed_from, reprints = _reprints(graph)
    sources: dict[str, CanonicalSource] = {}
    for s in graph.sources:
        sources.setdefault(s.name, s)
    index = GraphIndex(
        sources=sources,
        kinds={s.name: s.kind for s in graph.sources},
        aliases={s.name: s.aliases for s in graph.sources},
        primaries=set(resting),
        resting_on=resting,
        of_document=of_document,
        reuse_of=reuse_of,
        cluster_of=cluster_of,
        printed_from=printed_from,
        reprints=reprints,
    )
    _LAST[:] = [(graph, index)]
    return index


def _reprints(graph: CitationGraph) -> tuple[dict[str, str], dict[str, str], dict[str, list[str]]]:
    """Each document's cluster; each reprint's original (up the copy tree past other reprints); each
    original's reprints."""
    cluster_of: dict[str, str] = {}
    printed_from: dict[str, str] = {}
    reprints: dict[str, list[str]] = {}
    for cluster in graph.clusters:
        parent = {m.document: m.shares_with for m in cluster.members if m.reprint and m.shares_with}
        for m in cluster.members:
            cluster_of[m.document] = cluster.id
            if m.document in parent:
                root = parent[m.document]
                while root in parent:  # a tree: members come parents first, so this ends
                    root = parent[root]
                printed_from[m.document] = root
                reprints.setdefault(root, []).append(m.document)
    return cluster_of, printed_from, reprints
