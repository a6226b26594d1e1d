"""The whole corpus as one graph: the one model that holds every other cross-document model."""

from __future__ import annotations

from pydantic import Field

from citetrace.models.base import _Model
from citetrace.models.chains import Chain, GraphEdge, GraphNode
from citetrace.models.claims import ClaimGroup
from citetrace.models.reuse import Boilerplate, ReuseCluster, ReusePair
from citetrace.models.sources import CanonicalSource


class CitationGraph(_Model):
    """``graph.json``: the whole corpus as one graph (``chains.build_graph``)."""

    documents: list[str]
    headlines: dict[str, str] = Field(
        default_factory=dict, description="Document -> its headline, where it has one (titles of pages and diagrams)."
    )
    sources: list[CanonicalSource]
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    chains: list[Chain]
    reuse: list[ReusePair]
    clusters: list[ReuseCluster] = Field(
        default_factory=list,
        description="Documents that share passages, one cluster each, as a proposed copy tree (``reuse.copy_tree``).",
    )
    boilerplate: list[Boilerplate] = Field(default_factory=list, description="Left out of reuse and claims.")
    claims: list[ClaimGroup] = Field(
        default_factory=list, description="The same claim retold across documents (``claims.jsonl``)."
    )
