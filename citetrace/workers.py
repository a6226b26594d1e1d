"""Every core of one machine: the tasks ``execute.process`` hands over, spread over worker processes.

``run_in_pool(parser, tasks, workers)`` starts ``workers`` processes (spawned, so that no torch
state is inherited), each loading the Stanza models once (``_start``) with ``cores // workers``
torch threads, and hands them one batch of documents at a time (``nlp.batches``), the largest first. Each parses
its batch and extracts its frames (``execute.work``). Results come back in the order of ``tasks``. A parse
depends on the text and the models alone: one torch thread or two gave byte-identical parses of
PolNeAR dev's first 12 articles (docs/performance.md), and ``tests/test_workers.py`` checks that
``--workers 2`` writes what ``--workers 1`` writes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TYPE_CHECKING

from citetrace.execute import Batch, Done, Progress, Setup, longest_first, setup_of, work, worker_parser

if TYPE_CHECKING:
    from citetrace.nlp import Parser

_WORKER: Parser | None = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _start(setup: Setup) -> None:
    """A worker's set-up: its own parser, its models loaded on the first document."""
    global _WORKER
    _WORKER = worker_parser(setup)


def _run(batch: Batch) -> list[Done]:
    assert _WORKER is not None, "_start runs first"
    return work(_WORKER, batch)


def run_in_pool(parser: Parser, batches: Sequence[Batch], workers: int, progress: Progress = None) -> list[list[Done]]:
    """Each batch's ``Done`` list, in order, run by ``workers`` processes."""
    setup = setup_of(parser, threads=max(1, available_cores() // workers))
    context = multiprocessing.get_context("spawn")
    results: list[list[Done]] = [[] for _ in batches]
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(setup,)) as pool:
        futures = {pool.submit(_run, batches[i]): i for i in longest_first(batches)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            if progress:
                progress(len(batches[futures[future]]))
    return results
