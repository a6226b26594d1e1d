"""The output folder: JSON outputs, diagrams and pages (``write_report``), re-drawn diagrams (``redraw``).

A run is written into a staging folder beside ``--out`` and installed as a whole (``citetrace.report.outdir``:
a user's files are never replaced, citetrace's stale files are removed); single files are written
atomically (temporary file + rename).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, get_args

from pydantic import BaseModel, TypeAdapter

from citetrace.errors import InputError, OutputError, RenderError, UsageError
from citetrace.models import CitationGraph, Document, DocumentFrames
from citetrace.parse.collector import few_collections
from citetrace.read.io import atomic_open, atomic_write_bytes, atomic_write_text, staged_writes
from citetrace.render.graphviz import FORMATS, render
from citetrace.report.database import write_database
from citetrace.report.layout import drawn_documents, draws_full_corpus, primaries, titled_diagrams
from citetrace.report.outdir import files_in, install, read_manifest, staging, write_manifest
from citetrace.report.pages import each_page


def _write_error(out: Path, exc: OSError) -> OutputError:
    """The file that could not be written, and why; a folder to try instead when the folder is the cause."""
    where = exc.filename or out
    return OutputError(f"cannot write {where} ({exc.strerror}): check that --out {out} is a folder you can write to")


def jsonl(models: Sequence[BaseModel]) -> str:
    """One JSON object per model per line, keys in model order, deterministic."""
    return "".join(json.dumps(m.model_dump(mode="json"), ensure_ascii=False) + "\n" for m in models)


def frames_jsonl(frames: Sequence[DocumentFrames]) -> str:
    """``frames.jsonl``: one object per document."""
    return jsonl(frames)


def write_graph_json(fh: BinaryIO, graph: CitationGraph) -> None:
    """``graph.json``, indented by one space, one item of a list at a time: the bytes of pydantic's
    ``TypeAdapter(CitationGraph).dump_json(graph, indent=1)`` and a newline (tests/report/test_write.py; the
    same on 924 PolNeAR articles), without holding them all (45 MB there). An item is dumped on its
    own and indented two levels deeper; JSON strings hold no raw newline, so every newline of a dump
    is where its lines break."""
    fh.write(b"{")
    for n, (name, field) in enumerate(CitationGraph.model_fields.items()):
        value, kind = getattr(graph, name), field.annotation
        assert kind is not None  # every field of the model is annotated
        fh.write(b'%s\n "%s": ' % (b"," if n else b"", name.encode()))
        if isinstance(value, list) and value:
            item = _adapter(get_args(kind)[0])
            for k, v in enumerate(value):
                fh.write(b"%s\n  %s" % (b"," if k else b"[", item.dump_json(v, indent=1).replace(b"\n", b"\n  ")))
            fh.write(b"\n ]")
        else:
            fh.write(_adapter(kind).dump_json(value, indent=1).replace(b"\n", b"\n "))  # type: ignore[arg-type]
    fh.write(b"\n}\n")


@cache
def _adapter(kind: Any) -> TypeAdapter:  # noqa: ANN401 (a type)
    return TypeAdapter(kind)


def diagrams_md(titles: Sequence[tuple[str, str]], fmt: str = "svg") -> str:
    """A Markdown snippet per diagram ((stem, title) as ``titled_diagrams`` gives them), with paths
    relative to the output folder."""
    parts = ["<!-- citetrace diagrams: include a section as is; image paths are relative to this file -->\n"]
    for stem, title in titles:
        parts.append(f"## {title}\n\n![{title}]({stem}.{fmt})\n\n[DOT source]({stem}.dot)\n")
    return "\n".join(parts)


def write_diagrams(
    out: Path,
    graph: CitationGraph,
    fmt: str = "svg",
    progress: Callable[[int], None] | None = None,
    cache: Path | None = None,
) -> list[str]:
    """Render every diagram of ``graph`` into ``out`` as ``fmt`` (+ its .dot) and write diagrams.md;
    the stems drawn. Each diagram is written as it is drawn, not kept; ``cache``: where diagrams drawn
    before are kept (``render.render``)."""
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    rendered: list[str] = []
    try:
        (out / "sources").mkdir(exist_ok=True)
        (out / "claims").mkdir(exist_ok=True)
        titles = []
        for stem, title, dot in titled_diagrams(graph):
            titles.append((stem, title))
            try:
                data = render(dot, fmt, cache)
            except RenderError as exc:
                raise RenderError(f"{stem}.{fmt}: {exc}") from exc
            atomic_write_text(out / f"{stem}.dot", dot)
            atomic_write_bytes(out / f"{stem}.{fmt}", data)
            rendered.append(stem)
            if progress:
                progress(1)
        atomic_write_text(out / "diagrams.md", diagrams_md(titles, fmt))
    except OSError as exc:
        raise _write_error(out, exc) from exc
    return rendered


def write_report(
    out: Path,
    documents: Sequence[Document],
    frames: Sequence[DocumentFrames],
    graph: CitationGraph,
    progress: Callable[[int], None] | None = None,
    force: bool = False,
    diagram_cache: Path | None = None,
) -> list[str]:
    """Write the JSON outputs, every diagram (DOT + SVG), diagrams.md and the HTML report as ``out``.

    ``frames.jsonl``, ``graph.json``, ``chains.jsonl``, ``reuse.jsonl``, ``claims.jsonl``; ``corpus.svg``,
    ``<document>.svg`` per document, ``sources/<source>.svg`` per primary source, ``claims/<id>.svg``
    per claim retold; ``index.html``, ``<document>.html``, ``sources/<source>.html``,
    ``claims/<id>.html``. Written in a staging folder, then installed (``outdir.install``; ``force``
    replaces files in ``out`` that citetrace did not write; ``diagram_cache``: where diagrams drawn
    before are kept). Returns the files written, relative to ``out``.
    """
    with staging(out) as staged:
        try:
            with staged_writes(), few_collections():  # flushed to disk as one, before it is installed
                _write_all(staged, documents, frames, graph, progress, diagram_cache)
        except OutputError as exc:  # name the file as the user knows it: under --out, not the staging folder
            raise OutputError(str(exc).replace(str(staged), str(out))) from exc
        files = files_in(staged)
        try:
            install(staged, out, force, files)
        except OSError as exc:
            raise _write_error(out, exc) from exc
    return sorted(files)


def _write_all(
    out: Path,
    documents: Sequence[Document],
    frames: Sequence[DocumentFrames],
    graph: CitationGraph,
    progress: Callable[[int], None] | None,
    diagram_cache: Path | None = None,
) -> None:
    try:
        with atomic_open(out / "graph.json") as fh:
            write_graph_json(fh, graph)
        for name, models in (
            ("frames.jsonl", frames),
            ("chains.jsonl", graph.chains),
            ("reuse.jsonl", graph.reuse),
            ("claims.jsonl", graph.claims),
        ):
            atomic_write_text(out / name, jsonl(models))  # one file's text at a time
        write_database(out, documents, frames, graph)
        svgs = _SvgFiles(out, write_diagrams(out, graph, "svg", progress, diagram_cache))
        for rel, page in each_page(documents, frames, graph, svgs):
            (out / rel).parent.mkdir(exist_ok=True)  # copies/ only where a cluster has reprints
            atomic_write_text(out / rel, page)
    except OSError as exc:
        raise _write_error(out, exc) from exc


class _SvgFiles(Mapping[str, str]):
    """The SVG of each diagram drawn into ``out``, read back from its file when a page inlines it
    (a large corpus's SVGs are not all held in memory)."""

    def __init__(self, out: Path, stems: Sequence[str]):
        self.out = out
        self.stems = set(stems)

    def __getitem__(self, stem: str) -> str:
        if stem not in self.stems:
            raise KeyError(stem)
        return (self.out / f"{stem}.svg").read_text(encoding="utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.stems))

    def __len__(self) -> int:
        return len(self.stems)


def redraw(out: Path, fmt: str) -> int:
    """Re-draw every diagram of ``out/graph.json`` as ``fmt`` into ``out`` (``citetrace render``); the
    files join the folder's manifest. Returns the number of diagrams."""
    graph = load_graph(out)
    written = write_diagrams(out, graph, fmt)
    files = {f"{stem}.{ext}" for stem in written for ext in (fmt, "dot")} | {"diagrams.md"}
    write_manifest(out, read_manifest(out) | files)
    return len(written)


def diagram_count(graph: CitationGraph) -> int:
    return 1 + draws_full_corpus(graph) + len(drawn_documents(graph)) + len(primaries(graph)) + len(graph.claims)


def load_graph(out: Path) -> CitationGraph:
    """The graph.json of an output folder, validated."""
    path = out / "graph.json"
    try:
        return CitationGraph.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise InputError(f"no graph.json in {out}: run `citetrace run CORPUS --out {out}` first") from None
    except OSError as exc:
        raise InputError(f"cannot read {path} ({exc.strerror})") from None
    except ValueError as exc:  # pydantic.ValidationError, broken JSON
        first = str(exc).splitlines()[0]
        raise InputError(f"{path} is not a citetrace graph ({first}): run `citetrace run` again") from None
