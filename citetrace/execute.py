"""Where the per-document work runs: parsing, and with it extraction, in this process, in worker
processes on this machine (``workers``), or on a Dask cluster (``dask_backend``).

``process(parser, tasks)`` reads what the parse cache holds (and the frames the frame cache holds of
those documents: ``frame_cache``), hands the rest to one of three executors, and puts the results
back in the order of ``tasks``, so that every output byte is independent of where the work ran. A
worker gets a ``Task`` (the text, and the document where its frames are wanted), parses it with
models it loaded once, extracts its frames where the parse already is (no parse is shipped to be
extracted elsewhere), and sends back a ``Done``: the parse in its compact binary form
(``parse_cache.encode``, which the cache stores as it is), the frames, the seconds it took. Only
this process writes the caches. Cached documents whose frames are not cached are extracted here,
or, in a large corpus, sent with their encoded parse to be extracted by the workers too.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from citetrace.parse_cache import decode, encode

if TYPE_CHECKING:
    from citetrace.models import Document, DocumentFrames, ParsedDocument
    from citetrace.nlp import Parser

Progress = Callable[[int], None] | None
Finished = Callable[[int, list["Done"]], None]  # batch k is done: its results, one per task


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
    """What a worker needs to build its own parser: the parser's settings and its torch threads."""

    models_dir: Path | None
    doc_timeout: float | None
    segment_chars: int
    threads: int


def setup_of(parser: Parser, threads: int) -> Setup:
    return Setup(parser.models_dir, parser.doc_timeout, parser.segment_chars, threads)


def worker_parser(setup: Setup) -> Parser:
    """A worker's parser (no cache: the caller writes it), torch limited to ``setup.threads``."""
    from citetrace.nlp import Parser

    return Parser(
        setup.models_dir,
        cache_dir=None,
        doc_timeout=setup.doc_timeout,
        segment_chars=setup.segment_chars,
        threads=setup.threads,
    )


def work(parser: Parser, batch: Batch, ship: bool = True) -> list[Done]:
    """A batch, where it runs: parse (short texts in one Stanza call), then extract where the parses
    are; ``ship``: encode the parses for another process. Seconds are shared by characters."""
    if all(t.cached is not None for t in batch):  # cached: extraction only, nothing to send back but frames
        return [Done(None, _frames(t, decode(t.cached)), 0.0) for t in batch if t.cached is not None]
    started = time.perf_counter()
    if len(batch) == 1:
        parses = [parser.parse_one(batch[0].text)]
    else:
        parses = list(parser.parse_batch([t.text for t in batch]))
    seconds = time.perf_counter() - started
    chars = sum(len(t.text) for t in batch) or 1
    done = []
    for task, parsed in zip(batch, parses, strict=True):
        share = seconds * len(task.text) / chars
        if parsed is None:
            done.append(Done(None, None, share))
            continue
        frames = _frames(task, parsed)
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


def process(parser: Parser, tasks: Sequence[Task], progress: Progress = None) -> list[Result]:
    """Every task's result, in order. The parses the cache lacks are made (and extracted) in
    batches (``nlp.batches``); cached documents are read back here and extracted in groups
    elsewhere when there are ``EXTRACT_ELSEWHERE`` of them, else here. The batches run on
    ``parser.dask`` (a Dask scheduler's address, or ``local``), else on ``parser.workers``
    processes when there is more than one, else here. ``progress(n)`` is called as documents finish."""
    # cached parses stay in their binary form: decoded one at a time where they are extracted
    cached = [parser.cache.data(t.text) if parser.cache else None for t in tasks]
    known = _known_frames(parser, tasks, cached)
    todo = [i for i, c in enumerate(cached) if c is None]
    parser.stats["cached_docs"] += len(tasks) - len(todo)
    ready = [i for i, c in enumerate(cached) if c is not None and tasks[i].document and known[i] is None]
    groups = _groups(parser, tasks, todo, ready)
    # a cached document goes with its parse as the cache holds it, encoded
    work_batches = [tuple(replace(tasks[i], cached=c) if (c := cached[i]) else tasks[i] for i in g) for g in groups]
    results: list[Result | None] = [None] * len(tasks)

    def keep(i: int, result: Result) -> None:
        results[i] = result
        document = tasks[i].document
        if parser.frame_cache is not None and document is not None and result.frames is not None:
            parser.frame_cache.put(document, result.frames)

    def finished(k: int, done: list[Done]) -> None:
        """Batch ``k`` is done: keep (and cache) its results now, so that a run cut short keeps them."""
        for i, task, d in zip(groups[k], work_batches[k], done, strict=True):
            keep(i, _keep(parser, task, d) if cached[i] is None else Result(cached[i], d.frames))
        if progress:
            progress(len(done))

    if parser.dask and groups:
        from citetrace.dask_backend import run_on_dask

        run_on_dask(parser, work_batches, finished)
    elif parser.workers > 1 and len(groups) > 1:
        from citetrace.workers import run_in_pool

        run_in_pool(parser, work_batches, min(parser.workers, len(groups)), finished)
    else:
        for k, batch in enumerate(work_batches):
            finished(k, work(parser, batch, ship=False))
    for i, c in enumerate(cached):
        if c is not None and results[i] is None:
            if (frames := known[i]) is not None:
                results[i] = Result(c, frames)
            else:
                keep(i, Result(c, _frames(tasks[i], decode(c)) if tasks[i].document else None))
            if progress:
                progress(1)
    return [r if r is not None else Result(None, None) for r in results]


def _known_frames(parser: Parser, tasks: Sequence[Task], cached: Sequence[bytes | None]) -> list[DocumentFrames | None]:
    """The frames the cache holds of each document whose parse it holds."""
    found = [
        parser.frame_cache.get(t.document) if parser.frame_cache and c is not None and t.document else None
        for t, c in zip(tasks, cached, strict=True)
    ]
    parser.stats["cached_frames"] += sum(f is not None for f in found)
    return found


def _groups(parser: Parser, tasks: Sequence[Task], todo: list[int], ready: list[int]) -> list[list[int]]:
    """Task indices in the groups that run as one unit: batches to parse, then, where there are
    enough cached documents and somewhere else to run, groups to extract."""
    from citetrace.nlp import batches

    groups = [[todo[j] for j in g] for g in batches([len(tasks[i].text) for i in todo], alone=parser.segment_chars)]
    if (parser.dask or parser.workers > 1) and len(ready) >= EXTRACT_ELSEWHERE:
        groups += [ready[k : k + EXTRACT_GROUP] for k in range(0, len(ready), EXTRACT_GROUP)]
    return groups


def _frames(task: Task, parsed: ParsedDocument) -> DocumentFrames | None:
    if task.document is None:
        return None
    from citetrace.pipeline import frames_of

    return frames_of(task.document, parsed)


def _keep(parser: Parser, task: Task, done: Done) -> Result:
    """Count and cache a finished task; its result here."""
    parsed = done.parsed if done.parsed is not None else decode(done.parse) if done.parse is not None else None
    if parsed is None:
        return Result(None, None)
    parser.stats["parsed_docs"] += 1
    parser.stats["parsed_words"] += sum(len(s.tokens) for s in parsed.sentences)
    if done.parsed is None:  # parsed elsewhere: this parser did not count its time
        parser.stats["parse_seconds"] += done.seconds
    data = done.parse if done.parse is not None else encode(parsed)
    if parser.cache is not None:
        parser.cache.put(task.text, parsed, data)
    return Result(data, done.frames)
