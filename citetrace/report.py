"""The output folder: JSON outputs and diagrams (see ``write_report``).

Every file is written atomically (temporary file + rename); nothing outside the folder is touched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel

from citetrace.dot import diagrams, primaries
from citetrace.errors import OutputError
from citetrace.io import atomic_write_bytes, atomic_write_text
from citetrace.models import CitationGraph, Document, DocumentFrames
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


def jsonl(models: Sequence[BaseModel]) -> str:
    return "".join(json.dumps(m.model_dump(mode="json"), ensure_ascii=False) + "\n" for m in models)


def write_report(
    out: Path,
    documents: Sequence[Document],
    frames: Sequence[DocumentFrames],
    graph: CitationGraph,
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Write the JSON outputs and every diagram (DOT + SVG) into ``out``; returns the files written.

    ``frames.jsonl``, ``graph.json``, ``chains.jsonl``, ``reuse.jsonl``; ``corpus.svg``;
    ``<document>.svg`` per document; ``sources/<source>.svg`` per primary source.
    """
    written = []
    try:
        for name, text in (
            ("frames.jsonl", frames_jsonl(frames)),
            ("graph.json", json.dumps(graph.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"),
            ("chains.jsonl", jsonl(graph.chains)),
            ("reuse.jsonl", jsonl(graph.reuse)),
        ):
            atomic_write_text(out / name, text)
            written.append(out / name)
        (out / "sources").mkdir(exist_ok=True)
        for stem, dot in diagrams(graph):
            atomic_write_text(out / f"{stem}.dot", dot)
            atomic_write_bytes(out / f"{stem}.svg", render(dot, "svg"))
            written += [out / f"{stem}.dot", out / f"{stem}.svg"]
            if progress:
                progress(1)
    except OSError as exc:
        raise OutputError(f"cannot write into --out {out} ({exc.strerror}): choose a folder you can write to") from exc
    return written


def diagram_count(graph: CitationGraph) -> int:
    return 1 + len(graph.documents) + len(primaries(graph))
