"""Frames on disk: a document's frames kept beside its parse, so that a run over a corpus it has read
before neither parses nor extracts it again.

Extraction costs about a tenth of parsing, and once every parse is cached it was the largest step of
a run (100 PolNeAR articles: 5 s of 14; docs/performance.md). A document's frames depend on the
document (its text and metadata, not the path it was given by), on its parse (the models'
fingerprint), and on the extractor: this package's code and data, and the libraries whose numbers
reach the frames. The key hashes all of these, so a changed rule, model or library version is a
miss, never a stale frame. A file holds a ``DocumentFrames`` as zlib-compressed JSON; one that does
not read back as the frames of its document is a miss too. Only the main process writes here.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import zlib
from pathlib import Path

from pydantic import ValidationError

from citetrace.models import Document, DocumentFrames
from citetrace.read.io import atomic_write_bytes

VERSION = "1"
PACKAGE = Path(__file__).resolve().parent.parent  # citetrace/
# the libraries whose versions are in the key
LIBRARIES = ("lemminflect", "lightgbm", "numpy", "pydantic", "rapidfuzz", "scikit-learn")


@functools.cache
def extractor_fingerprint() -> str:
    """A hash of every file of this package (code, lexicons, models) and of the libraries' versions."""
    h = hashlib.sha256()
    for name in LIBRARIES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{name}={version}\n".encode())
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


class FrameCache:
    """The frames of documents parsed with one set of models (``models``: their fingerprint)."""

    def __init__(self, directory: Path, models: str):
        self.directory = directory
        self.models = models

    def key(self, document: Document) -> str:
        h = hashlib.sha256(f"{VERSION}\0{extractor_fingerprint()}\0{self.models}\0".encode())
        fields = document.model_dump(mode="json", exclude={"path"})
        h.update(json.dumps(fields, sort_keys=True, ensure_ascii=True).encode())
        return h.hexdigest()

    def path(self, document: Document) -> Path:
        return self.directory / f"{self.key(document)}.frames"

    def get(self, document: Document) -> DocumentFrames | None:
        """The cached frames of ``document``, or None: absent, unreadable, or another document's."""
        try:
            frames = DocumentFrames.model_validate_json(zlib.decompress(self.path(document).read_bytes()))
        except (OSError, zlib.error, ValidationError, ValueError):
            return None
        return frames if frames.document == document.name else None

    def put(self, document: Document, frames: DocumentFrames) -> None:
        try:
            data = zlib.compress(frames.model_dump_json().encode("utf-8"), 6)
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path(document), data)
        except (OSError, ValueError):
            pass  # a cache that cannot be written (or a text JSON cannot hold) only costs time
