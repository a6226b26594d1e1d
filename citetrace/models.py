"""Pydantic models: the single description of every piece of data that crosses a stage or touches disk.

Stages and the models they exchange::

    corpus.read_corpus           -> Document
    nlp.Parser.parse             -> ParsedDocument (Sentence, Token): Stanza's output, as plain data
    attribution.extract_frames   -> Frame (Span, SourceMention, FrameKind)
    sources.resolve_sources      -> Frame with SourceMention.canonical / kind filled in (one document)
    registry.apply_registry      -> DocumentFrames with one name per source across the corpus
    reuse.find_reuse             -> ReusePair (Passage, Change, AttributionChange, Direction)
    chains.build_graph           -> CitationGraph (GraphNode, GraphEdge, Chain, Hop, Flag)
    evaluate.evaluate            -> EvalReport (Score), against GoldDocument (GoldFrame, GoldSpan)

``citetrace.schemas`` writes their JSON Schemas into docs/.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceKind(StrEnum):
    """What kind of speaker or origin a source is."""

    person = "person"
    outlet = "outlet"
    publication = "publication"
    organization = "organization"
    government = "government"
    anonymous = "anonymous"
    unknown = "unknown"


class Span(_Model):
    """A piece of a document: ``text == document_text[start:end]`` (Python string indices)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SourceMention(_Model):
    """The source of a frame as written, plus the named source it resolves to and its kind."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    canonical: str
    kind: SourceKind


class FrameKind(StrEnum):
    """Which family of attribution a frame is, as the extractor found it."""

    verb = "verb"  # a verb of saying, reporting or believing: "Barzani said ..."
    according = "according"  # "..., according to the BBC"
    citing = "citing"  # "..., citing the Pentagon"
    possessive = "possessive"  # a publication cited without a verb: "Foreign Policy's 2019 list"
    quote = "quote"  # a floating direct quote, attributed to the last speaker before it
    credit = "credit"  # a document credit: "Read more at DailyMail.co.uk", "RT with additional input by ..."
    nominal = "nominal"  # a noun of speech found by the learned scorer: "the claim that ...", "his remarks on ..."
    label = "label"  # a speaker label: "WALLACE: Let's start"
    stance = "stance"  # a belief, feeling, plan or act (PolNeAR's wider scope): "physicians respect him"

    @property
    def reports_words(self) -> bool:
        """Whether the frame reports what a source said or wrote (chains and diagrams use only these)."""
        return self is not FrameKind.stance


class Frame(_Model):
    """One attribution: ``source`` says/reports ``content``, signalled by ``cue``.

    ``parent`` is the id of the frame whose content contains this frame's cue (nesting);
    ``channel`` is where the words were said or printed ("in an interview with Sky News Arabic").
    """

    id: str
    kind: FrameKind
    confidence: float = Field(default=1.0, ge=0, le=1, description="The cue scorer's probability (1.0: unscored).")
    cue: Span
    source: SourceMention | None
    content: Span
    more_content: list[Span] = Field(default_factory=list, description="Quotes going on in the same paragraph.")
    parent: str | None = None
    channel: Span | None = None


class Document(_Model):
    """An article as read from disk. Every offset in citetrace points into ``text``."""

    path: str = Field(description="The path as given on the command line (or inside a folder given).")
    name: str = Field(
        description="The path inside the folder given ('2020/jan/a.txt'; a file given: its name), unique "
        "within a corpus: the document's key in every output, so outputs do not depend on how paths were typed."
    )
    text: str
    outlet: str | None = None
    outlet_evidence: Span | None = Field(default=None, description="Where the text names the outlet (None: metadata).")
    url: str | None = None
    date: str | None = None
    headline: str | None = Field(default=None, description="The article's headline (metadata, else its first line).")


class Token(_Model):
    """One syntactic word of a Stanza parse (a multi-word token's parts share its offsets)."""

    id: int
    text: str
    lemma: str
    upos: str
    xpos: str | None = None
    feats: str | None = None
    head: int
    deprel: str
    start: int
    end: int


class Sentence(_Model):
    tokens: list[Token]


class ParsedDocument(_Model):
    """Stanza's parse of one document, reduced to plain data (and cached on disk as JSON)."""

    model: str = Field(description="Fingerprint of the Stanza models that made this parse.")
    text_sha256: str = Field(description="SHA-256 of the text parsed: a cached parse is used only for that text.")
    sentences: list[Sentence]


class DocumentFrames(_Model):
    """One line of ``frames.jsonl`` and of ``citetrace frames --json``."""

    document: str
    outlet: str | None
    frames: list[Frame]


class Score(_Model):
    """Precision, recall and F1 with the counts they come from."""

    tp: float
    predicted: float
    gold: float
    precision: float
    recall: float
    f1: float


class EvalReport(_Model):
    """What ``citetrace eval`` measures: see docs/accuracy.md for the matching rules."""

    documents: int
    gold_frames: int
    predicted_frames: int
    frames: Score
    full_frames: Score
    sources: Score
    content: Score
    matched_content: Score = Field(description="Content word overlap counted over matched frames only.")
    matched_sources: Score = Field(description="Source word overlap counted over matched frames only.")
    canonical_accuracy: float | None = None
    kind_accuracy: float | None = None


class GoldSpan(_Model):
    """A gold span; brat spans may be discontinuous, so a span is a list of (start, end) pieces."""

    pieces: list[tuple[int, int]]
    text: str


class GoldFrame(_Model):
    """One gold attribution, read from our JSONL format, PolNeAR's JSONL or brat standoff."""

    id: str
    cue: GoldSpan
    source: GoldSpan | None
    content: GoldSpan
    canonical: str | None = None
    kind: SourceKind | None = None
    parent: str | None = None


class GoldDocument(_Model):
    document: str = Field(description="File name of the annotated text.")
    frames: list[GoldFrame]
    stances: bool = Field(default=True, description="Stances and acts annotated too (PolNeAR), not only what was said.")


# --------------------------------------------------------------------------- across documents


class CanonicalSource(_Model):
    """One source of the corpus with every name it goes by (``sources.build_registry``)."""

    name: str = Field(description="Canonical name, the key of the source everywhere in the outputs.")
    kind: SourceKind
    aliases: list[str] = Field(description="Every way the source is written in the corpus, sorted.")
    part_of: str | None = Field(default=None, description="The larger source it is part of (BBC Monitoring -> BBC).")
    affiliation: str | None = Field(default=None, description="A person's outlet or group (BBC's Mina Al-Lami -> BBC).")
    documents: list[str] = Field(description="Documents that mention the source, sorted.")


class ChangeOp(StrEnum):
    """A word-level edit, with ``difflib``'s opcode names as values (member names that are not ``str``
    methods: ``replace`` would shadow ``str.replace``)."""

    inserted = "insert"
    deleted = "delete"
    replaced = "replace"


class Side(StrEnum):
    """One of the two documents of a reuse pair."""

    a = "a"
    b = "b"


class Direction(StrEnum):
    """Who copied whom in a reuse pair."""

    b_copies_a = "b_copies_a"
    a_copies_b = "a_copies_b"
    undecided = "undecided"


class Change(_Model):
    """One word-level difference inside a reused passage, as in ``difflib`` opcodes."""

    op: ChangeOp
    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


class AttributionChange(_Model):
    """An attribution present in one copy of a passage and missing from the other."""

    present_in: Side = Field(description="The copy that has the attribution.")
    frame: str = Field(description="Frame id in that copy's document.")
    cue: Span
    source: str | None = Field(description="Canonical source of the frame that was dropped.")


class Passage(_Model):
    """A near-verbatim passage shared by documents a and b (character offsets into each text)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float = Field(description="difflib ratio over the passage's words, 0..1.")
    changes: list[Change]
    dropped_attributions: list[AttributionChange] = Field(default_factory=list)


class ReusePair(_Model):
    """One line of ``reuse.jsonl``: what documents a and b share, and who copied whom."""

    a: str
    b: str
    passages: list[Passage]
    direction: Direction
    direction_evidence: str


class Evidence(_Model):
    """Where an edge of the citation graph comes from."""

    document: str
    frame: str | None = None
    cue: Span | None = None
    sentence: Span | None = None
    note: str | None = None


class EdgeType(StrEnum):
    published_by = "published_by"  # document -> its outlet
    republishes = "republishes"  # document -> credited outlet ("RT with additional input by ...")
    copies = "copies"  # document -> document it shares passages with (direction known)
    shares_text = "shares_text"  # document -- document, direction undecided
    contains = "contains"  # document -> claim
    attributed_to = "attributed_to"  # claim -> source
    cites = "cites"  # source -> source (nesting)
    spoke_through = "spoke_through"  # source -> channel


class NodeType(StrEnum):
    document = "document"
    source = "source"
    claim = "claim"


class GraphNode(_Model):
    id: str = Field(description="'doc:<name>', 'src:<canonical>' or 'claim:<name>#<frame id>'.")
    type: NodeType
    label: str
    kind: SourceKind | None = None
    document: str | None = None
    span: Span | None = Field(default=None, description="For a claim: its content in the document.")
    primary: bool = Field(default=False, description="For a source: primary in at least one chain.")


class GraphEdge(_Model):
    source: str
    target: str
    type: EdgeType
    label: str | None = None
    evidence: list[Evidence]


class FlagType(StrEnum):
    no_source = "no_source"
    unnamed_original = "unnamed_original"
    lost_attribution = "lost_attribution"
    altered_copy = "altered_copy"
    circular = "circular"
    single_intermediary = "single_intermediary"


class Flag(_Model):
    type: FlagType
    detail: str
    evidence: list[Evidence] = Field(default_factory=list)


def origin_name(document: str, outlet: str | None) -> str:
    """Where a document's chains start: its outlet, or its file name when the outlet is not known."""
    return outlet or f"{PurePath(document).name} (outlet unknown)"


class HopType(StrEnum):
    """What one step of a chain is."""

    republishes = "republishes"  # the outlet republishes another outlet's article (a credit line)
    copies = "copies"  # the document copied a passage from another document (direction known)
    cites = "cites"  # a source is cited for the claim (by the outlet, or by the source before it)
    printed_in = "printed_in"  # the source's words were printed in a publication: the written original


class Hop(_Model):
    """One step of a chain: to ``source``, of type ``type``, signalled by ``cue``."""

    source: str = Field(description="Canonical name of the outlet or source the step leads to.")
    cue: str | None = Field(description='The words that make the step ("said", "according to", a credit line).')
    type: HopType
    document: str | None = Field(default=None, description="For a copy: the document copied from.")


class Chain(_Model):
    """One line of ``chains.jsonl``: a claim and the hops from its document's outlet to its original."""

    document: str
    frame: str | None = Field(description="The claim's frame id (None for a claim that lost its attribution).")
    claim: Span
    outlet: str | None = Field(description="The document's outlet (None: not known).")
    hops: list[Hop] = Field(description="From the outlet to the primary source, in order.")
    primary: str | None
    primary_kind: SourceKind | None
    channel: str | None = None
    flags: list[Flag]

    @property
    def origin(self) -> str:
        """Where the chain starts (``origin_name``)."""
        return origin_name(self.document, self.outlet)

    @property
    def path(self) -> list[str]:
        """Names from the origin to the primary source: ``origin`` then each hop's source."""
        return [self.origin, *(h.source for h in self.hops)]


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
