"""citetrace: trace who said what in the news back to the originals."""

from citetrace.attribution import extract_frames
from citetrace.corpus import read_corpus, read_document
from citetrace.errors import CitetraceError, InputError, ModelError, OutputError, RenderError
from citetrace.models import Document, DocumentFrames, Frame, SourceKind, SourceMention, Span
from citetrace.nlp import Parser
from citetrace.pipeline import extract_corpus, frames_of
from citetrace.sources import resolve_sources

__version__ = "0.1.0"

__all__ = [
    "CitetraceError",
    "Document",
    "DocumentFrames",
    "Frame",
    "InputError",
    "ModelError",
    "OutputError",
    "Parser",
    "RenderError",
    "SourceKind",
    "SourceMention",
    "Span",
    "__version__",
    "extract_corpus",
    "extract_frames",
    "frames_of",
    "read_corpus",
    "read_document",
    "resolve_sources",
]
