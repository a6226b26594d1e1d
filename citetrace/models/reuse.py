"""Across documents, text reuse: passages shared between documents, their word-level changes and which way
they were copied, and the boilerplate an outlet prints under many articles."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from citetrace.models.base import _Model
from citetrace.models.documents import Span


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


class ClusterMember(_Model):
    """One document of a ``ReuseCluster``: where it sits in the proposed copy tree."""

    document: str
    date: str | None = None
    shares_with: str | None = Field(
        default=None,
        description="Its parent in the copy tree: the earliest document it was found to share a passage with "
        "(its pair in reuse.jsonl); none for a document no earlier one shares text with.",
    )
    relation: Direction | None = Field(default=None, description="What that pair says of the two (b_copies_a, ...).")
    passages: int = Field(default=0, ge=0, description="Passages it shares with its parent.")
    similarity: float | None = Field(default=None, description="Their mean similarity, 0..1.")
    coverage: float | None = Field(
        default=None, description="How much of its own text those passages hold, 0..1 (characters)."
    )
    reprint: bool = Field(
        default=False,
        description="Its text is its parent's, near enough (``reuse.clusters.is_reprint``): the report shows it as "
        "its differences from the parent, on its cluster's page, not as a page and diagram of its own.",
    )


class ReuseCluster(_Model):
    """Documents that share passages, one cluster however many print them: its first printing and
    every other document under the earliest one it shares text with (a proposed copy tree, by date)."""

    id: str = Field(description="'c1', 'c2', ... in the order of the clusters' first printings.")
    first: str = Field(description="The earliest document of the cluster (by date, then name).")
    members: list[ClusterMember] = Field(description="The first printing, then the others by date and name.")
