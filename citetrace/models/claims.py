"""The same claim retold across documents (``claims.group_claims``) and how its attribution drifts
(``drift.trace_groups``): one ``ClaimGroup`` per line of ``claims.jsonl``."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from citetrace.models.base import _Model
from citetrace.models.chains import Hop
from citetrace.models.documents import Span


class Hedge(StrEnum):
    """How a document presents a claim: how far the writer stands from it (``drift.hedge_of``)."""

    alleged = "alleged"  # "claimed", "alleged", "portrayed ... as": the source's assertion, kept at a distance
    believed = "believed"  # "believes", "thinks", "fears": the source's view
    according = "according"  # "according to", "citing"
    reported = "reported"  # "said", "told", "reported", "wrote": the neutral verbs of saying
    fact = "fact"  # stated without attribution, in the document's own voice

    @property
    def distance(self) -> int:
        """How much distance the wording keeps, 0 (stated as fact) to 2 (alleged, believed)."""
        return {Hedge.alleged: 2, Hedge.believed: 2, Hedge.according: 1, Hedge.reported: 1, Hedge.fact: 0}[self]


class DriftType(StrEnum):
    """What changed in a retelling against an earlier version of the claim (``drift``)."""

    attribution_dropped = "attribution_dropped"  # stated as fact, or the original and its go-betweens unnamed
    hedge_removed = "hedge_removed"  # less distance: "claimed" -> "said"
    source_swapped = "source_swapped"  # attributed to a source other than the original
    quote_altered = "quote_altered"  # words inside quotation marks that differ from the earlier version's


class DriftFlag(_Model):
    """One drift of a retelling, with both texts as evidence."""

    type: DriftType
    detail: str
    text: Span = Field(description="The retelling's words (offsets into its document).")
    earlier_document: str
    earlier_text: Span = Field(description="The earlier version's words (offsets into its document).")


class ClaimMember(_Model):
    """One document's version of a claim: a frame's content, or a sentence stated as fact."""

    id: str = Field(description="'<document>@<start>': the claim's place, unique in the corpus.")
    document: str
    outlet: str | None
    text: Span
    frame: str | None = Field(description="The frame whose content the claim is (None: stated without attribution).")
    cue: Span | None = None
    source: str | None = Field(default=None, description="Who the document says it comes from (canonical name).")
    hops: list[Hop] = Field(default_factory=list, description="The chain's steps, from the outlet to the primary.")
    primary: str | None = None
    depth: int = Field(ge=0, description="Hops from the document to the primary source (0: stated as fact).")
    hedge: Hedge
    quoted: bool = Field(description="Whether the claim is, or holds, a direct quote.")
    earlier: str | None = Field(default=None, description="The id of the closest earlier version in the group.")
    added: list[str] = Field(default_factory=list, description="Words this version adds to the earlier one.")
    dropped: list[str] = Field(default_factory=list, description="Words of the earlier version this one leaves out.")
    flags: list[DriftFlag] = Field(default_factory=list)


class ClaimGroup(_Model):
    """One line of ``claims.jsonl``: the versions of one claim across documents, the original first."""

    id: str = Field(description="'claim-<hash>', from the members' places: stable across runs.")
    label: str = Field(description="The original version's words, shortened: the group's title.")
    originals: list[str] = Field(
        description="The primary source the first version (the most attributed, then the earliest) rests on."
    )
    documents: list[str] = Field(description="Documents holding a version, sorted.")
    shared: list[str] = Field(
        default_factory=list, description="What the versions share exactly: quoted phrases, names, numbers."
    )
    members: list[ClaimMember] = Field(description="The most attributed version first, then outward.")
