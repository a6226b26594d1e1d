"""citetrace: trace who said what in the news back to the originals."""

from citetrace.attribution import extract_frames
from citetrace.chains import chains_of_claim, chains_resting_on, find_source
from citetrace.errors import CitetraceError, InputError, ModelError, OutputError, RenderError
from citetrace.models import (
    Chain,
    CitationGraph,
    Document,
    DocumentFrames,
    Frame,
    FrameKind,
    Hop,
    HopType,
    SourceKind,
    SourceMention,
    Span,
)
from citetrace.parse import Parser
from citetrace.read import read_corpus, read_document
from citetrace.run import extract_corpus, frames_of, trace_corpus
from citetrace.sources import resolve_sources

__version__ = "0.1.0"

__all__ = [
    "Chain",
    "CitationGraph",
    "CitetraceError",
    "Document",
    "DocumentFrames",
    "Frame",
    "FrameKind",
    "Hop",
    "HopType",
    "InputError",
    "ModelError",
    "OutputError",
    "Parser",
    "RenderError",
    "SourceKind",
    "SourceMention",
    "Span",
    "__version__",
    "chains_of_claim",
    "chains_resting_on",
    "extract_corpus",
    "extract_frames",
    "find_source",
    "frames_of",
    "read_corpus",
    "read_document",
    "resolve_sources",
    "trace_corpus",
]
