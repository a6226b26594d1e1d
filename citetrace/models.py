"""Pydantic models: the single description of every piece of data that crosses a stage or touches disk.

Stages and the models they exchange::

    corpus.read_corpus      -> Document
    nlp.parse_documents     -> ParsedDocument (Sentence, Token): Stanza's output, as plain data
    attribution.extract     -> Frame (Span, SourceMention)
    sources.resolve_sources -> Frame with SourceMention.canonical / kind filled in
    report                  -> DocumentFrames (one line of frames.jsonl)
    evaluate                -> Score, EvalReport
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceKind(str, Enum):
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


class Frame(_Model):
    """One attribution: ``source`` says/reports ``content``, signalled by ``cue``.

    ``parent`` is the id of the frame whose content contains this frame's cue (nesting);
    ``channel`` is where the words were said or printed ("in an interview with Sky News Arabic").
    """

    id: str
    cue: Span
    source: SourceMention | None
    content: Span
    parent: str | None = None
    channel: Span | None = None


class Document(_Model):
    """An article as read from disk. Every offset in citetrace points into ``text``."""

    path: str = Field(description="The path as given on the command line (or inside a folder given).")
    name: str = Field(description="File name, unique within a corpus; used to name outputs.")
    text: str
    outlet: str | None = None
    outlet_evidence: Span | None = Field(
        default=None, description="Where the outlet was found in the text (None: from metadata)."
    )
    url: str | None = None
    date: str | None = None


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
