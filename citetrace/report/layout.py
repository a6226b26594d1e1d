"""The output folder's layout: which file holds which diagram and page, and the links between them.

``dot`` draws; this module decides where each drawing goes (``corpus``, ``<document stem>``,
``sources/<source stem>``, ``claims/<group id>``, file stems from ``citetrace.report.names``) and which
nodes link to which page. A reprint (``ClusterMember.reprint``) has no page or diagram of its own: it is
a section of its cluster's page, ``copies/<cluster id>.html``, as its differences from what it reprints.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from citetrace.chains.graph_index import graph_index
from citetrace.models import CitationGraph, ReuseCluster
from citetrace.render.claim_dot import claim_dot
from citetrace.render.dot import CORPUS_NODES, corpus_dot, corpus_size, document_dot, source_dot
from citetrace.report.names import document_stems, source_stems

FULL_CORPUS = "corpus-full"  # the corpus diagram uncut, drawn when the corpus diagram shows only the busiest links
# ... and only up to this many outlets and sources: Graphviz's layout grows faster than the graph (measured
# on PolNeAR's 924 articles, 4,453 nodes: 250 nodes 7 s, 500 16 s, 1,000 35 s, 2,000 92 s, all ~5 min)
FULL_CORPUS_NODES = 500


def draws_full_corpus(graph: CitationGraph) -> bool:
    """Whether the report has a ``FULL_CORPUS`` diagram: when the corpus diagram is cut to its busiest
    links, and the whole graph is not too large to lay out (``FULL_CORPUS_NODES``)."""
    return CORPUS_NODES < corpus_size(graph) <= FULL_CORPUS_NODES


def source_files(graph: CitationGraph) -> dict[str, str]:
    """Primary source -> the stem of its page and diagram, relative to the report folder
    ("sources/al-naba"), in the order of ``primaries``."""
    names = primaries(graph)
    stems = source_stems(names)
    return {name: f"sources/{stems[name]}" for name in names}


def source_links(graph: CitationGraph) -> dict[str, str]:
    """Primary source -> its page, relative to the report folder."""
    return {name: f"{rel}.html" for name, rel in source_files(graph).items()}


def primaries(graph: CitationGraph) -> list[str]:
    """Primary sources of the graph, sorted."""
    return sorted({c.primary for c in graph.chains if c.primary}, key=str.casefold)


def diagrams(graph: CitationGraph) -> Iterable[tuple[str, str]]:
    """(relative file stem, DOT) for every diagram of the output folder."""
    for stem, _title, dot in titled_diagrams(graph):
        yield stem, dot


def titled_diagrams(graph: CitationGraph) -> Iterable[tuple[str, str, str]]:
    """(relative file stem, caption, DOT) for every diagram: the corpus, each document, each primary source,
    each claim retold across documents."""
    files = source_files(graph)
    links = {name: f"{rel}.html" for name, rel in files.items()}
    yield "corpus", "Who cites, republishes and copies whom in the corpus", corpus_dot(graph, links=links)
    if draws_full_corpus(graph):
        yield FULL_CORPUS, "The whole corpus graph: every outlet and source", corpus_dot(graph, None, links=links)
    stems = document_stems(graph.documents)
    origins = {c.document: c.origin for c in reversed(graph.chains)}  # the first chain's, in one pass
    index = graph_index(graph)
    for doc in drawn_documents(graph):
        copies = cluster_page(graph, doc) if doc in index.reprints else None
        yield (
            stems[doc],
            f"{graph.headlines.get(doc) or PurePath(doc).name} ({origins.get(doc, 'outlet unknown')}): "
            "its claims and their chains",
            document_dot(graph, doc, copies),
        )
    for name, rel in files.items():
        yield rel, f"Everything that rests on {name}", source_dot(graph, name)
    for group in graph.claims:
        yield (
            claim_file(group.id),
            f"One claim retold in {len(group.documents)} documents: {group.label}",
            claim_dot(graph, group),
        )


def claim_file(group: str) -> str:
    """The stem of a claim group's page and diagram, relative to the report folder ("claims/claim-…")."""
    return f"claims/{group}"


def copies_file(cluster: str) -> str:
    """The stem of a reuse cluster's page, relative to the report folder ("copies/c1")."""
    return f"copies/{cluster}"


def cluster_page(graph: CitationGraph, document: str, up: str = "") -> str:
    """The page of a document's reuse cluster, from a page ``up`` ("../") below the report's root."""
    return f"{up}{copies_file(graph_index(graph).cluster_of[document])}.html"


def drawn_documents(graph: CitationGraph) -> list[str]:
    """The documents with a page and diagram of their own: all but the reprints."""
    reprints = graph_index(graph).printed_from
    return [doc for doc in graph.documents if doc not in reprints]


def copies_pages(graph: CitationGraph) -> list[ReuseCluster]:
    """The clusters with a page: those with a reprint, in graph order."""
    return [c for c in graph.clusters if any(m.reprint for m in c.members)]


_LINKS: dict[str, tuple[CitationGraph, dict[str, str]]] = {}  # up -> the last graph asked about, its links


def document_links(graph: CitationGraph, up: str = "") -> dict[str, str]:
    """Document -> where the report shows it, from a page ``up`` ("../") below the root: its page, or a
    reprint's section of its cluster's page. Built once per graph and depth (every page asks)."""
    known = _LINKS.get(up)
    if known is not None and known[0] is graph:
        return known[1]
    index = graph_index(graph)
    stems = document_stems(graph.documents)
    links = {
        doc: f"{cluster_page(graph, doc, up)}#{stems[doc]}" if doc in index.printed_from else f"{up}{stems[doc]}.html"
        for doc in graph.documents
    }
    _LINKS[up] = (graph, links)
    return links
