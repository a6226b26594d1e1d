"""Parsing on every core: the documents a ``Parser`` has not cached, spread over worker processes.

``parse_in_workers(parser, texts, workers)`` starts ``workers`` processes (spawned, so that no torch
state is inherited), each loading the Stanza models once (``_start``) with ``cores // workers``
torch threads, and hands them one document at a time, the longest first, so that a long one does
not finish last alone. Results come back in the order of ``texts``; the cache is written by the
calling process only. A parse depends on the text and the models alone: one torch thread or two
gave byte-identical parses of PolNeAR dev's first 12 articles (docs/performance.md), and
``tests/test_workers.py`` checks that ``--workers 2`` writes what ``--workers 1`` writes.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citetrace.models import ParsedDocument
    from citetrace.nlp import Parser

_WORKER: Parser | None = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _start(models_dir: Path | None, doc_timeout: float | None, segment_chars: int, threads: int) -> None:
    """A worker's set-up: its torch threads and its own parser (no cache: the caller writes it)."""
    global _WORKER
    import torch

    from citetrace.nlp import Parser

    torch.set_num_threads(threads)
    _WORKER = Parser(models_dir, cache_dir=None, doc_timeout=doc_timeout, segment_chars=segment_chars)


def _parse(text: str) -> tuple[ParsedDocument | None, float]:
    """One document in a worker: its parse (None past its time budget) and the seconds it took."""
    assert _WORKER is not None, "_start runs first"
    started = time.perf_counter()
    return _WORKER.parse_one(text), time.perf_counter() - started


def parse_in_workers(
    parser: Parser, texts: Sequence[str], workers: int, progress: Callable[[int], None] | None = None
) -> list[tuple[ParsedDocument | None, float]]:
    """(parse or None, seconds) of each text, in order, parsed by ``workers`` processes."""
    threads = max(1, available_cores() // workers)
    context = multiprocessing.get_context("spawn")
    args = (parser.models_dir, parser.doc_timeout, parser.segment_chars, threads)
    results: list[tuple[ParsedDocument | None, float] | None] = [None] * len(texts)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=args) as pool:
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        futures = {pool.submit(_parse, texts[i]): i for i in order}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            if progress:
                progress(1)
    return [r if r is not None else (None, 0.0) for r in results]
