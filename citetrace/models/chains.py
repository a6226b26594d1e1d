"""Across documents, the citation graph's parts: its nodes and edges with their evidence, and the chains
from a document's claim back to its primary source, with their hops and flags."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath

from pydantic import Field

from citetrace.models.base import _Model
from citetrace.models.documents import SourceKind, Span


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
