"""Scores against gold annotations (``citetrace eval``) and the gold itself."""

from __future__ import annotations

from pydantic import Field

from citetrace.models.base import _Model
from citetrace.models.documents import FoundBy, ProvenanceKind, SourceKind


class Score(_Model):
    """Precision, recall and F1 with the counts they come from."""

    tp: float
    predicted: float
    gold: float
    precision: float
    recall: float
    f1: float

    @property
    def prf(self) -> tuple[float, float, float]:
        return self.precision, self.recall, self.f1


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
    found_by: dict[FoundBy, int] = Field(
        default_factory=dict, description="Predicted frames by how they were found (the tree, the surface)."
    )
    matched_by: dict[FoundBy, int] = Field(default_factory=dict, description="Matched frames by how they were found.")


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


class ProvenanceReport(_Model):
    """What ``citetrace eval --provenance`` measures: per kind, the credited sources against a table."""

    documents: int
    scores: dict[ProvenanceKind, Score] = Field(description="wire and hat_tip: one (kind, source) per document.")
    no_provenance_given_some: int = Field(description="Documents the table credits nothing that got a wire or hat tip.")
