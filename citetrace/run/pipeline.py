"""The pipeline as one call: read -> parse -> extract -> resolve, for the CLI and the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from citetrace.attribution import extract_frames
from citetrace.attribution.cues import KnownSource
from citetrace.chains.build import build_graph
from citetrace.claims.collect import collect_claims
from citetrace.claims.drift import trace_groups
from citetrace.claims.similarity import Matcher, cluster
from citetrace.claims.vector_cache import VectorCache
from citetrace.errors import InputError
from citetrace.models import CitationGraph, ClaimGroup, Document, DocumentFrames, FrameKind, ParsedDocument
from citetrace.parse.cache import ParseStore
from citetrace.parse.collector import few_collections
from citetrace.parse.nlp import Parser, release_models, timeout_message
from citetrace.read.corpus import read_corpus
from citetrace.read.provenance import read_provenance, with_metadata
from citetrace.reuse.boilerplate import blurbs, find_boilerplate, outside
from citetrace.reuse.passages import find_reuse
from citetrace.run.backends import backend_for
from citetrace.run.execute import Result, Task, process
from citetrace.sources.naming import canonical_outlet
from citetrace.sources.registry import apply_registry, build_registry
from citetrace.sources.resolve import resolve_sources


@dataclass
class Extraction:
    """What one pass over a corpus produced, with the files that could not be read."""

    documents: list[Document]
    parses: ParseStore  # held encoded, each decoded where it is read
    frames: list[DocumentFrames]
    errors: list[InputError]
    timings: dict[str, float] = field(default_factory=dict)
    parser_stats: dict[str, float] = field(default_factory=dict)
    graph: CitationGraph | None = None


def frames_of(document: Document, parsed: ParsedDocument) -> DocumentFrames:
    """Frames of one parsed document, sources resolved."""
    read = read_provenance(document.text)
    frames = resolve_sources(document, parsed, extract_frames(document, parsed, read))
    return DocumentFrames(
        document=document.name,
        outlet=canonical_outlet(document.outlet),
        frames=frames,
        provenance=with_metadata(read, document.wire, document.credit),
    )


def keep_frames(
    doc: DocumentFrames, kinds: Collection[FrameKind] | None = None, min_confidence: float = 0.0
) -> DocumentFrames:
    """The frames of ``kinds`` (default: those that report words, ``FrameKind.reports_words``) with at
    least ``min_confidence``; a kept frame whose parent is dropped hangs from the parent's parent."""
    keep = {
        f.id
        for f in doc.frames
        if (f.kind in kinds if kinds is not None else f.kind.reports_words) and f.confidence >= min_confidence
    }
    parent = {f.id: f.parent for f in doc.frames}

    def kept_parent(fid: str | None) -> str | None:
        seen = set()
        while fid is not None and fid not in keep and fid not in seen:
            seen.add(fid)
            fid = parent.get(fid)
        return fid if fid in keep else None

    frames = [f.model_copy(update={"parent": kept_parent(f.parent)}) for f in doc.frames if f.id in keep]
    return doc.model_copy(update={"frames": frames})


def parse_documents(
    documents: Sequence[Document], parser: Parser, progress: Callable[[int], None] | None = None
) -> list[Result]:
    """Parse and extract every document where ``parser``'s settings say (``backends.backend_for``):
    each one's parse (None: past its time budget) and frames, in order."""
    return process(parser, [Task(d.text, d) for d in documents], backend_for(parser), frames_of, progress)


def extract_corpus(
    paths: Sequence[Path],
    parser: Parser,
    progress: Callable[[int], None] | None = None,
    on_read: Callable[[int], None] | None = None,
    fields: Mapping[str, str] | None = None,
) -> Extraction:
    """Read, parse and extract every article under ``paths`` (``fields``: an archive's field names)."""
    started = time.perf_counter()
    read = read_corpus(paths, fields)
    if not read.documents and read.errors:
        return Extraction([], ParseStore([]), [], read.errors)
    if on_read:
        on_read(len(read.documents))
    t0 = time.perf_counter()
    parse_seconds = parser.stats["parse_seconds"]
    each = parse_documents(read.documents, parser, progress)
    documents: list[Document] = []
    parses: list[bytes] = []
    frames: list[DocumentFrames] = []
    late: list[InputError] = []
    for d, r in zip(read.documents, each, strict=True):
        if r.data is None or r.frames is None:
            late.append(InputError(f"{d.path}: {timeout_message(parser.doc_timeout)}"))
        else:
            documents.append(d)
            parses.append(r.data)
            frames.append(r.frames)
    t1 = time.perf_counter()
    return Extraction(
        documents,
        ParseStore(parses),
        frames,
        read.errors + late,
        # parsing and extraction run together, perhaps in other processes: their wall time, and the
        # seconds the parsers spent parsing (summed over workers)
        timings={
            "read": t0 - started,
            "parse_extract": t1 - t0,
            "parse_seconds": parser.stats["parse_seconds"] - parse_seconds,
        },
        parser_stats=dict(parser.stats),
    )


def link_documents(
    documents: Sequence[Document],
    parses: Sequence[ParsedDocument],
    frames: Sequence[DocumentFrames],
    extra: tuple[KnownSource, ...] = (),
    timings: dict[str, float] | None = None,
    cache: Path | None = None,
) -> tuple[list[DocumentFrames], CitationGraph]:
    """Across documents: one canonical name per source, text reuse, the citation graph and its chains.

    Returns the frames with corpus-wide canonical names and the graph; stage times go into ``timings``;
    ``cache``: the cache folder, for the claims' vectors (None: none kept).
    """
    return _link(documents, parses, list(frames), extra, timings, cache)


def _link(
    documents: Sequence[Document],
    parses: Sequence[ParsedDocument],
    frames: list[DocumentFrames],
    extra: tuple[KnownSource, ...],
    timings: dict[str, float] | None,
    cache: Path | None,
) -> tuple[list[DocumentFrames], CitationGraph]:
    """``link_documents``, emptying ``frames`` once their filtered copies exist: a run's extraction
    is not kept beside its linked frames (400 PolNeAR articles, warm: a peak 27 MiB lower)."""
    t0 = time.perf_counter()
    boilerplate, spans = find_boilerplate(documents, parses, frames)
    # chains rest on what sources said or wrote, outside boilerplate
    kept = [outside(keep_frames(f), spans.get(f.document, [])) for f in frames]
    frames.clear()
    registry = build_registry(kept, extra)
    linked = apply_registry(kept, registry)
    del kept
    t1 = time.perf_counter()
    reuse, more = blurbs(find_reuse(documents, parses, linked, spans), documents, linked)
    boilerplate = sorted([*boilerplate, *more], key=lambda b: (b.outlet or "", b.text, b.documents))
    t2 = time.perf_counter()
    graph = build_graph(documents, parses, linked, registry, reuse, boilerplate)
    t3 = time.perf_counter()
    graph = graph.model_copy(update={"claims": find_claims(documents, parses, linked, graph, spans, cache)})
    t4 = time.perf_counter()
    if timings is not None:
        timings.update({"sources": t1 - t0, "reuse": t2 - t1, "chains": t3 - t2, "claims": t4 - t3})
    return linked, graph


def find_claims(
    documents: Sequence[Document],
    parses: Sequence[ParsedDocument],
    frames: Sequence[DocumentFrames],
    graph: CitationGraph,
    boilerplate: dict[str, list[tuple[int, int]]],
    cache: Path | None = None,
) -> list[ClaimGroup]:
    """The same claim retold across documents (``claims``, ``similarity``), each group traced to its
    original with the drift of every retelling (``drift``); ``cache``: the folder of the vectors
    embedded before (``vector_cache``)."""
    matcher = Matcher(collect_claims(documents, parses, frames, graph, boilerplate), VectorCache(cache))
    groups = cluster(matcher, matcher.pairs())
    return trace_groups(matcher, groups, graph, {d.name: d.date for d in documents})


def trace_corpus(
    paths: Sequence[Path],
    parser: Parser,
    extra: tuple[KnownSource, ...] = (),
    progress: Callable[[int], None] | None = None,
    on_read: Callable[[int], None] | None = None,
    release: bool = False,
    fields: Mapping[str, str] | None = None,
) -> Extraction:
    """Extract frames, then canonicalise sources across the corpus, find text reuse and build the chains.

    ``extra``: user aliases (``sources.load_aliases``), merged with ``cues.KNOWN_SOURCES``;
    ``release``: unload the parsing models once every document is parsed (``nlp.release_models``);
    ``fields``: the field names of the archives among ``paths`` (``read.archive``, ``--field``).
    """
    with few_collections():
        result = extract_corpus(paths, parser, progress=progress, on_read=on_read, fields=fields)
        if release:
            release_models()
        if result.documents:
            result.frames, result.graph = _link(  # empties the extraction's frames as it goes
                result.documents, result.parses, result.frames, extra, result.timings, parser.cache_dir
            )
    return result
