"""The per-document work and where it runs: parsing, and with it extraction, on a ``Backend``: this
process (``Here``), worker processes on this machine (``run.pool``), or a Dask cluster (``run.dask``).

``process(parser, tasks, backend, extract)`` reads what the parse cache holds (and the frames the
frame cache holds of those documents: ``frame_cache``), hands the rest to the backend, and puts the
results back in the order of ``tasks``, so that every output byte is independent of where the work
ran. The work is given, not imported: ``extract`` (``run.pipeline.frames_of``) turns a document and its
parse into its frames, and travels to the workers with their ``Setup``. A
worker gets a ``Task`` (the text, and the document where its frames are wanted), parses it with
models it loaded once, extracts its frames where the parse already is (no parse is shipped to be
extracted elsewhere), and sends back a ``Done``: the parse in its compact binary form
(``parse.cache.encode``, which the cache stores as it is), the frames, the seconds it took. Only
this process writes the caches. Cached documents whose frames are not cached are extracted here,
or, in a large corpus, sent with their encoded parse to be extracted by the workers too.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from citetrace.models import Document, DocumentFrames, ParsedDocument
from citetrace.parse import Parser, batches
from citetrace.parse.cache import decode, encode
from citetrace.parse.device import Device, Precision
from citetrace.run.frame_cache import FrameCache

Progress = Callable[[int], None] | None
Finished = Callable[[int, list["Done"]], None]  # batch k is done: its results, one per task
Extract = Callable[[Document, ParsedDocument], DocumentFrames]  # one document's frames from its parse


@dataclass(frozen=True)
class Task:
    """One document's work: parse ``text``; with a ``document``, extract its frames too. A task
    with ``cached`` (its parse from the cache, encoded) is only extracted."""

    text: str
    document: Document | None = None
    cached: bytes | None = None


Batch = tuple[Task, ...]  # documents parsed by one Stanza call


@dataclass(frozen=True)
class Done:
    """A finished task: the parse (None: past its time budget), encoded where it crosses processes
    (``parse``) or as it is where it ran here (``parsed``), its frames, and its parse's seconds."""

    parse: bytes | None
    frames: DocumentFrames | None
    seconds: float
    parsed: ParsedDocument | None = None


@dataclass(frozen=True)
class Result:
    """One task's outcome here: its parse in binary form (None: past its time budget), as the cache
    stores it and ``ParseStore`` holds it, and, if asked, its frames."""

    data: bytes | None
    frames: DocumentFrames | None

    @property
    def parse(self) -> ParsedDocument | None:
        return decode(self.data) if self.data is not None else None


@dataclass(frozen=True)
class Setup:
    """What a worker needs: its own parser's settings and torch threads, and the work to do on a
    parse (a module-level function, sent by name)."""

    models_dir: Path | None
    doc_timeout: float | None
    segment_chars: int
    threads: int
    extract: Extract | None = None
    device: Device = Device.cpu
    precision: Precision = Precision.float32  # as the caller resolved it: its cache's fingerprint says which


def setup_of(parser: Parser, threads: int, extract: Extract | None) -> Setup:
    precision = Precision.bfloat16 if parser.bf16 else Precision.float32
    return Setup(
        parser.models_dir, parser.doc_timeout, parser.segment_chars, threads, extract, parser.device, precision
    )


class Backend(Protocol):
    """Where the batches run: ``run(parser, extract, batches, finished)`` calls ``finished(k, dones)``
    as batch ``k`` is done (in any order). ``elsewhere``: in other processes (then cached documents
    are sent there to be extracted too, when there are many: ``EXTRACT_ELSEWHERE``)."""

    @property
    def elsewhere(self) -> bool: ...

    def run(self, parser: Parser, extract: Extract | None, batches: Sequence[Batch], finished: Finished) -> None: ...


class Here:
    """This process, with the caller's parser: one batch after another."""

    elsewhere = False

    def run(self, parser: Parser, extract: Extract | None, batches: Sequence[Batch], finished: Finished) -> None:
        for k, batch in enumerate(batches):
            finished(k, work(parser, batch, extract, ship=False))


def worker_parser(setup: Setup) -> Parser:
    """A worker's parser (no cache: the caller writes it), torch limited to ``setup.threads``."""
    return Parser(
        setup.models_dir,
        cache_dir=None,
        doc_timeout=setup.doc_timeout,
        segment_chars=setup.segment_chars,
        threads=setup.threads,
        device=setup.device,
        precision=setup.precision,
    )


def work(parser: Parser, batch: Batch, extract: Extract | None, ship: bool = True) -> list[Done]:
    """A batch, where it runs: parse (short texts in one Stanza call), then extract where the parses
    are; ``ship``: encode the parses for another process. Seconds are shared by characters."""
    if all(t.cached is not None for t in batch):  # cached: extraction only, nothing to send back but frames
        return [Done(None, _frames(extract, t, decode(t.cached)), 0.0) for t in batch if t.cached is not None]
    started = time.perf_counter()
    parses = parser.parse_group([t.text for t in batch])
    seconds = time.perf_counter() - started
    chars = sum(len(t.text) for t in batch) or 1
    done = []
    for task, parsed in zip(batch, parses, strict=True):
        share = seconds * len(task.text) / chars
        if parsed is None:
            done.append(Done(None, None, share))
            continue
        frames = _frames(extract, task, parsed)
        done.append(Done(encode(parsed), frames, share) if ship else Done(None, frames, share, parsed))
    return done


def longest_first(batches: Sequence[Batch]) -> list[int]:
    """Batch indices, the most text first, so that a long one does not finish last alone."""
    return sorted(range(len(batches)), key=lambda i: -sum(len(t.text) for t in batches[i]))


# Cached documents are extracted by the workers too when there are at least this many, in groups of
# EXTRACT_GROUP: below it, starting the workers and loading the cue model costs about what it saves
# (PolNeAR, 2 workers on 2 cores: 100 articles 3.9 s -> 3.4 s, 400 articles 18.9 s -> 12.2 s)
EXTRACT_ELSEWHERE = 100
EXTRACT_GROUP = 25


def process(
    parser: Parser,
    tasks: Sequence[Task],
    backend: Backend,
    extract: Extract | None = None,
    progress: Progress = None,
) -> list[Result]:
    """Every task's result, in order. The parses the cache lacks are made (and, with ``extract``,
    extracted) in batches (``parse.batches``) on ``backend``; cached documents are read back here
    and extracted in groups there when it runs ``elsewhere`` and there are ``EXTRACT_ELSEWHERE`` of
    them, else here. ``progress(n)`` is called as documents finish."""
    frame_cache = FrameCache(parser.cache_dir, parser.fingerprint) if parser.cache_dir is not None else None
    # cached parses stay in their binary form: decoded one at a time where they are extracted
    cached = [parser.cache.data(t.text) if parser.cache else None for t in tasks]
    known = _known_frames(parser, frame_cache, tasks, cached)
    todo = [i for i, c in enumerate(cached) if c is None]
    parser.stats["cached_docs"] += len(tasks) - len(todo)
    ready = [i for i, c in enumerate(cached) if c is not None and tasks[i].document and known[i] is None]
    groups = _groups(parser, backend, tasks, todo, ready)
    # a cached document goes with its parse as the cache holds it, encoded
    work_batches = [tuple(replace(tasks[i], cached=c) if (c := cached[i]) else tasks[i] for i in g) for g in groups]
    results: list[Result | None] = [None] * len(tasks)

    def keep(i: int, result: Result) -> None:
        results[i] = result
        document = tasks[i].document
        if frame_cache is not None and document is not None and result.frames is not None:
            frame_cache.put(document, result.frames)

    def finished(k: int, done: list[Done]) -> None:
        """Batch ``k`` is done: keep (and cache) its results now, so that a run cut short keeps them."""
        for i, task, d in zip(groups[k], work_batches[k], done, strict=True):
            keep(i, _keep(parser, task, d) if cached[i] is None else Result(cached[i], d.frames))
        if progress:
            progress(len(done))

    if groups:
        backend.run(parser, extract, work_batches, finished)
    for i, c in enumerate(cached):
        if c is not None and results[i] is None:
            if (frames := known[i]) is not None:
                results[i] = Result(c, frames)
            else:
                keep(i, Result(c, _frames(extract, tasks[i], decode(c)) if tasks[i].document and extract else None))
            if progress:
                progress(1)
    return [r if r is not None else Result(None, None) for r in results]


def _known_frames(
    parser: Parser, frame_cache: FrameCache | None, tasks: Sequence[Task], cached: Sequence[bytes | None]
) -> list[DocumentFrames | None]:
    """The frames the cache holds of each document whose parse it holds."""
    found = [
        frame_cache.get(t.document) if frame_cache and c is not None and t.document else None
        for t, c in zip(tasks, cached, strict=True)
    ]
    parser.stats["cached_frames"] += sum(f is not None for f in found)
    return found


def _groups(
    parser: Parser, backend: Backend, tasks: Sequence[Task], todo: list[int], ready: list[int]
) -> list[list[int]]:
    """Task indices in the groups that run as one unit: batches to parse, then, where there are
    enough cached documents and somewhere else to run, groups to extract."""
    groups = [[todo[j] for j in g] for g in batches([len(tasks[i].text) for i in todo], alone=parser.segment_chars)]
    if backend.elsewhere and len(ready) >= EXTRACT_ELSEWHERE:
        groups += [ready[k : k + EXTRACT_GROUP] for k in range(0, len(ready), EXTRACT_GROUP)]
    return groups


def _frames(extract: Extract | None, task: Task, parsed: ParsedDocument) -> DocumentFrames | None:
    if task.document is None or extract is None:
        return None
    return extract(task.document, parsed)


def _keep(parser: Parser, task: Task, done: Done) -> Result:
    """Count and cache a finished task; its result here."""
    parsed = done.parsed if done.parsed is not None else decode(done.parse) if done.parse is not None else None
    if parsed is None:
        return Result(None, None)
    parser.count(parsed)
    if done.parsed is None:  # parsed elsewhere: this parser did not count its time
        parser.stats["parse_seconds"] += done.seconds
    data = done.parse if done.parse is not None else encode(parsed)
    if parser.cache is not None:
        parser.cache.put(task.text, parsed, data)
    return Result(data, done.frames)
