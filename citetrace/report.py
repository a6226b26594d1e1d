"""The output folder: ``frames.jsonl`` and, per document, ``<name>.dot`` and ``<name>.svg``.

Every file is written atomically (temporary file + rename); nothing outside the folder is touched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from citetrace.dot import document_dot
from citetrace.errors import OutputError
from citetrace.io import atomic_write_bytes, atomic_write_text
from citetrace.models import Document, DocumentFrames
from citetrace.render import render


def prepare_output_dir(out: Path) -> Path:
    """Create ``out`` if needed and check that it can be written, before any slow work."""
    try:
        if out.exists() and not out.is_dir():
            raise OutputError(f"--out {out} is a file, not a folder: give a folder to write the results in")
        out.mkdir(parents=True, exist_ok=True)
        if not os.access(out, os.W_OK | os.X_OK):
            raise OutputError(f"--out {out} is not writable: choose a folder you can write to")
    except OSError as exc:
        raise OutputError(f"cannot create --out {out} ({exc.strerror}): choose a folder you can write to") from exc
    return out


def frames_jsonl(frames: Sequence[DocumentFrames]) -> str:
    """One JSON object per document per line, keys in model order, deterministic."""
    return "".join(json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n" for f in frames)


def write_report(
    out: Path,
    documents: Sequence[Document],
    frames: Sequence[DocumentFrames],
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Write frames.jsonl and each document's DOT and SVG into ``out``; returns the files written."""
    written = []
    try:
        path = out / "frames.jsonl"
        atomic_write_text(path, frames_jsonl(frames))
        written.append(path)
        for doc, doc_frames in zip(documents, frames):
            stem = Path(doc.name).stem
            dot = document_dot(doc_frames, title=doc.name)
            atomic_write_text(out / f"{stem}.dot", dot)
            atomic_write_bytes(out / f"{stem}.svg", render(dot, "svg"))
            written += [out / f"{stem}.dot", out / f"{stem}.svg"]
            if progress:
                progress(1)
    except OSError as exc:
        raise OutputError(f"cannot write into --out {out} ({exc.strerror}): choose a folder you can write to") from exc
    return written
