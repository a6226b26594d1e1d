"""A frame as the extractor builds it, before ids, nesting and spans are made into ``Frame`` models."""

from __future__ import annotations

from dataclasses import dataclass, field

from citetrace.models import FoundBy, FrameKind, SourceKind


@dataclass
class Candidate:
    """Character spans of a candidate frame (cue, source, content, channel) and what the rule knows of it."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int]
    kind: FrameKind
    sentence: int = -1
    channel: tuple[int, int] | None = None
    source_kind: SourceKind = SourceKind.unknown
    children: list[int] = field(default_factory=list)
    confidence: float = 1.0
    more: list[tuple[int, int]] = field(default_factory=list)  # quotes going on in the same paragraph
    found_by: FoundBy = FoundBy.tree
