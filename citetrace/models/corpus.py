"""Across documents: sources, text reuse, the citation graph and its chains."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath
from typing import TYPE_CHECKING

from pydantic import Field

from citetrace.models.base import _Model
from citetrace.models.documents import SourceKind, Span

if TYPE_CHECKING:  # models.claims needs Hop from here: models/__init__ resolves the field (model_rebuild)
    from citetrace.models.claims import ClaimGroup


class MergeReason(StrEnum):
    """Why a way of writing a source is that source (``registry.Registry``)."""

    same_name = "same_name"  # the name itself, with or without a description ("Sen. Elizabeth Warren")
    known = "known"  # a known source's alias (citetrace's list or the user's --aliases file)
    in_document = "in_document"  # resolved in its document: a surname, a description, an organization form
    pronoun = "pronoun"  # a pronoun whose antecedent in the document is the source
    fuzzy = "fuzzy"  # a spelling variant ("Qasem Soleimani")
    surname = "surname"  # a short form, and the corpus has one full name that ends with it
    by_title = "title"  # a short form that fits several full names; its titles and honorifics pick one


class SourceMerge(_Model):
    alias: str = Field(description="A way the source is written, or a name merged into it.")
    reason: MergeReason


class CanonicalSource(_Model):
    """One source of the corpus with every name it goes by (``registry.build_registry``)."""

    name: str = Field(description="Canonical name, the key of the source everywhere in the outputs.")
    kind: SourceKind
    aliases: list[str] = Field(description="Every way the source is written in the corpus, sorted.")
    part_of: str | None = Field(default=None, description="The larger source it is part of (BBC Monitoring -> BBC).")
    affiliation: str | None = Field(
        default=None,
        description="A person's outlet or group (BBC's Mina Al-Lami -> BBC); an organization form's person "
        "(Hillary Clinton campaign -> Hillary Clinton).",
    )
    documents: list[str] = Field(description="Documents that mention the source, sorted.")
    mentions: int = Field(default=0, ge=0, description="How many frames name the source.")
    descriptions: list[str] = Field(
        default_factory=list, description='What the mentions say besides the name ("Massachusetts Sen."), sorted.'
    )
    merges: list[SourceMerge] = Field(
        default_factory=list, description="Every alias other than the name itself, and why it is this source."
    )


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
    both_copy = "both_copy"  # both copy a common source: the same wire, the same credited outlet
    self_reuse = "self_reuse"  # one outlet reuses its own text (a standing description, a recap)
    both_quote = "both_quote"  # the shared words are one source's, quoted by both: no copy between them


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
    common_source: str | None = Field(default=None, description="What both copy or quote (both_copy, both_quote).")


class Boilerplate(_Model):
    """A sentence an outlet prints under many articles (``boilerplate.find_boilerplate``)."""

    outlet: str | None
    text: str
    documents: list[str] = Field(description="The outlet's documents that print it, sorted.")


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
    copies_wire = "copies_wire"  # document -> the wire whose story it is (dateline, editing line)
    copies = "copies"  # document -> document it shares passages with (direction known)
    shares_text = "shares_text"  # document -- document, direction undecided
    contains = "contains"  # document -> claim
    attributed_to = "attributed_to"  # claim -> source
    cites = "cites"  # source -> source (nesting)
    spoke_through = "spoke_through"  # source -> channel
    affiliated_with = (
        "affiliated_with"  # organization form -> its person ("Hillary Clinton campaign" -> Hillary Clinton)
    )


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
    unresolved_source = "unresolved_source"  # the source is a pronoun with no antecedent, or a clause
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
    copies_wire = "copies_wire"  # the document is a wire service's story ("WASHINGTON (AP) —")
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
    claim_frame: str | None = Field(
        default=None,
        description="The innermost frame of the chain, whose content is the claim as its primary source made it "
        "('portrayed' in 'X portrayed Y, according to Z'); the frame itself when nothing is nested in it.",
    )
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
    boilerplate: list[Boilerplate] = Field(default_factory=list, description="Left out of reuse and claims.")
    claims: list[ClaimGroup] = Field(
        default_factory=list, description="The same claim retold across documents (``claims.jsonl``)."
    )
