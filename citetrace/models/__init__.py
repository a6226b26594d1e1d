"""Pydantic models: the single description of every piece of data that crosses a stage or touches disk.

Stages and the models they exchange::

    corpus.read_corpus           -> Document
    nlp.Parser.parse             -> ParsedDocument (Sentence, Token): Stanza's output, as plain data
    attribution.extract_frames   -> Frame (Span, SourceMention, FrameKind)
    sources.resolve_sources      -> Frame with SourceMention.canonical / kind filled in (one document)
    registry.apply_registry      -> DocumentFrames with one name per source across the corpus
    reuse.find_reuse             -> ReusePair (Passage, Change, AttributionChange, Direction)
    chains.build_graph           -> CitationGraph (GraphNode, GraphEdge, Chain, Hop, Flag)
    pipeline.find_claims         -> ClaimGroup (ClaimMember, Hedge, DriftFlag): the same claim retold
    evaluate.evaluate            -> EvalReport (Score), against GoldDocument (GoldFrame, GoldSpan)

One module per scope: ``documents`` (one article: text, parse, frames), ``corpus`` (across
documents: sources, reuse, the graph), ``claims`` (one claim retold across documents),
``evaluation`` (gold and scores); import them from here.
``citetrace.schemas`` writes their JSON Schemas into docs/.
"""

from citetrace.models.claims import ClaimGroup, ClaimMember, DriftFlag, DriftType, Hedge
from citetrace.models.corpus import (
    AttributionChange,
    Boilerplate,
    CanonicalSource,
    Chain,
    Change,
    ChangeOp,
    CitationGraph,
    Direction,
    EdgeType,
    Evidence,
    Flag,
    FlagType,
    GraphEdge,
    GraphNode,
    Hop,
    HopType,
    MergeReason,
    NodeType,
    Passage,
    ReusePair,
    Side,
    SourceMerge,
    origin_name,
)
from citetrace.models.documents import (
    Document,
    DocumentFrames,
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
    "ReusePair",
    "Score",
    "Sentence",
    "Side",
    "SourceKind",
    "SourceMention",
    "Unresolved",
    "Span",
    "Token",
]

CitationGraph.model_rebuild(_types_namespace={"ClaimGroup": ClaimGroup})
