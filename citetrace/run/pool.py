"""Every core of one machine: the batches ``execute.process`` hands over, spread over worker processes.

``ProcessPool(workers)`` is the ``execute.Backend`` of ``--workers N``: ``run_in_pool(parser, extract,
batches, workers, finished)`` starts ``workers`` processes (spawned, so that
no torch state is inherited), each with its own parser (``_start``: ``cores // workers`` torch
threads, and as many BLAS/OpenMP threads), and hands them one batch of documents at a time, the
largest first. Each parses its batch and extracts its frames, or only extracts a batch of cached
documents (``execute.work``); ``finished(k, dones)`` is called in this process as each batch comes
back, and ``execute.process`` puts the results in order. A parse depends on the text, the models and
the documents parsed in the same Stanza call (the batches, fixed by the corpus: docs/scaling.md),
not on the threads: one torch thread or two gave byte-identical parses of PolNeAR dev's first 12
articles (docs/performance.md), and ``tests/run/test_pool.py`` checks that ``--workers 2`` writes what
``--workers 1`` writes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from citetrace.errors import WorkerError
from citetrace.parse import Parser
from citetrace.run.execute import (
    Batch,
    Done,
    Extract,
    Finished,
    Here,
    Setup,
    longest_first,
    setup_of,
    work,
    worker_parser,
)

_WORKER: tuple[Parser, Extract | None] | None = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _start(setup: Setup) -> None:
    """A worker's set-up: its own parser, its models loaded on the first document."""
    global _WORKER
    _WORKER = worker_parser(setup), setup.extract


def _run(batch: Batch) -> list[Done]:
    assert _WORKER is not None, "_start runs first"
    parser, extract = _WORKER
    return work(parser, batch, extract)


# the thread pools of numpy's BLAS and OpenMP; each worker gets its share of the cores, as Dask's
# workers do: two workers on 2 cores with two BLAS threads each took 18.4 s to extract 400 cached
# PolNeAR articles, with one each 11.4 s (one process: ~15.5 s)
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _native_threads(threads: int) -> Iterator[None]:
    """The environment the workers are spawned with: native thread pools of ``threads`` each."""
    before = {k: os.environ.get(k) for k in _THREAD_VARS}
    os.environ.update({k: str(threads) for k in _THREAD_VARS})
    try:
        yield
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@dataclass(frozen=True)
class ProcessPool:
    """``workers`` processes of this machine (more than one); a single batch runs here instead."""

    workers: int
    elsewhere = True

    def run(self, parser: Parser, extract: Extract | None, batches: Sequence[Batch], finished: Finished) -> None:
        if len(batches) > 1:
            run_in_pool(parser, extract, batches, min(self.workers, len(batches)), finished)
        else:
            Here().run(parser, extract, batches, finished)


def run_in_pool(
    parser: Parser, extract: Extract | None, batches: Sequence[Batch], workers: int, finished: Finished
) -> None:
    """Run the batches on ``workers`` processes; ``finished(k, dones)`` as each batch comes back."""
    setup = setup_of(parser, threads=max(1, available_cores() // workers), extract=extract)
    context = multiprocessing.get_context("spawn")
    with (
        _native_threads(setup.threads),
        ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(setup,)) as pool,
    ):
        futures = {pool.submit(_run, batches[i]): i for i in longest_first(batches)}
        try:
            for future in as_completed(futures):
                finished(futures[future], future.result())
        except BrokenProcessPool:
            raise WorkerError(
                "a worker process stopped before its documents were done (out of memory?): run again with "
                "fewer --workers; what was parsed before is cached"
            ) from None
        except BaseException:  # Ctrl-C, SIGTERM: stop now, not once every running batch is done (12 s)
            processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
            pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            raise
