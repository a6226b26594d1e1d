"""Pydantic models: the single description of every piece of data that crosses a stage or touches disk.

Stages and the models they exchange::

    read.read_corpus             -> Document
    parse.Parser.parse           -> ParsedDocument (Sentence, Token): Stanza's output, as plain data
    attribution.extract_frames   -> Frame (Span, SourceMention, FrameKind)
    sources.resolve_sources      -> Frame with SourceMention.canonical / kind filled in (one document)
    sources.apply_registry       -> DocumentFrames with one name per source across the corpus
    reuse.find_reuse             -> ReusePair (Passage, Change, AttributionChange, Direction)
    reuse.copy_tree              -> ReuseCluster (ClusterMember)
    chains.build_graph           -> CitationGraph (GraphNode, GraphEdge, Chain, Hop, Flag)
    run.find_claims              -> ClaimGroup (ClaimMember, Hedge, DriftFlag): the same claim retold
    evaluation.evaluate          -> EvalReport (Score), against GoldDocument (GoldFrame, GoldSpan)

One module per scope, none importing another but the ones below it: ``documents`` (one article:
text, parse, frames), ``sources``, ``reuse`` and ``chains`` (across documents: canonical sources,
shared passages, the graph's parts and chains), ``claims`` (one claim retold across documents, its
versions' hops from ``chains``), ``graph`` (the whole corpus: every one of them in one model),
``evaluation`` (gold and scores); import them from here.
``citetrace.schemas`` writes their JSON Schemas into docs/.
"""

from citetrace.models.chains import (
    Chain,
    EdgeType,
    Evidence,
    Flag,
    FlagType,
    GraphEdge,
    GraphNode,
    Hop,
    HopType,
    NodeType,
    origin_name,
)
from citetrace.models.claims import ClaimGroup, ClaimMember, DriftFlag, DriftType, Hedge
from citetrace.models.documents import (
    Document,
    DocumentFrames,
    FoundBy,
    Frame,
    FrameKind,
    ParsedDocument,
    Provenance,
    ProvenanceKind,
    ProvenanceOrigin,
    Sentence,
    SourceKind,
    SourceMention,
    Span,
    Token,
    Unresolved,
)
from citetrace.models.evaluation import (
    EvalReport,
    GoldDocument,
    GoldFrame,
    GoldSpan,
    ProvenanceReport,
    Score,
)
from citetrace.models.graph import CitationGraph
from citetrace.models.reuse import (
    AttributionChange,
    Boilerplate,
    Change,
    ChangeOp,
    ClusterMember,
    Direction,
    Passage,
    ReuseCluster,
    ReusePair,
    Side,
)
from citetrace.models.sources import CanonicalSource, MergeReason, SourceMerge

__all__ = [
    "ClaimGroup",
    "ClaimMember",
    "DriftFlag",
    "DriftType",
    "Hedge",
    "Boilerplate",
    "origin_name",
    "AttributionChange",
    "CanonicalSource",
    "MergeReason",
    "SourceMerge",
    "Chain",
    "Change",
    "ChangeOp",
    "CitationGraph",
    "Direction",
    "Document",
    "DocumentFrames",
    "EdgeType",
    "EvalReport",
    "Evidence",
    "Flag",
    "FlagType",
    "FoundBy",
    "Frame",
    "FrameKind",
    "GoldDocument",
    "GoldFrame",
    "GoldSpan",
    "GraphEdge",
    "GraphNode",
    "Hop",
    "HopType",
    "NodeType",
    "ParsedDocument",
    "Provenance",
    "ProvenanceReport",
    "ProvenanceKind",
    "ProvenanceOrigin",
    "Passage",
    "ReuseCluster",
    "ReusePair",
    "ClusterMember",
    "Score",
    "Sentence",
    "Side",
    "SourceKind",
    "SourceMention",
    "Unresolved",
    "Span",
    "Token",
]
