"""Python's cyclic garbage collector, tuned for building a corpus's objects.

A run creates millions of small objects (tokens decoded from the cache, frames, chains, claims) and
keeps most of them to the end. With the default thresholds, the collector runs every 700 new
objects and, every hundred runs or so, walks every object alive: on 400 PolNeAR articles, warm,
2.6 s of a 19 s run went to collections that found almost nothing to free (`gc.callbacks`). While
a corpus is traced or reported (``few_collections``) it runs every ``YOUNG`` new objects instead:
about 1.0 s in all, the same peak memory (docs/performance.md). Objects are still freed as soon as nothing
refers to them; only cycles wait longer.

``give_back`` frees what is no longer referred to and hands the C heap's free pages back to the
system (glibc's ``malloc_trim``), as a run does once every document is parsed (and the models
unloaded): what the parser freed is then not counted in the process's memory while the
cross-document stages run. (Fixing glibc's mmap threshold as well, so that numpy's large
temporaries are unmapped when freed, took ~20 MiB off the peak at 400 PolNeAR articles but made the
claims' embedding ~0.9 s slower, every batch's arrays mapped afresh: not done.)
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 50_000  # new objects between two collections of the youngest generation (Python's default: 700)
OLDER = 20  # collections of one generation between two of the next (default: 10)


@contextmanager
def few_collections() -> Iterator[None]:
    """The collector at ``YOUNG``/``OLDER`` within, as it was after."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG, OLDER, OLDER)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def free_cycles() -> None:
    """Free the objects that only refer to each other, now. A parsed Stanza document is such a
    cycle (words, sentences and the document refer to one another): a batch of ~100,000 characters
    leaves ~5 MiB of them. Under ``few_collections`` they would wait for a full collection, which
    comes every ~20 million new objects: a cold run of 400 PolNeAR articles in one process grew
    ~125 MiB more than the same parse with Python's default thresholds (docs/performance.md)."""
    gc.collect()


def give_back() -> None:
    """Collect every generation, then return free heap pages to the system where the C library is
    glibc (elsewhere, only the collection)."""
    free_cycles()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS): its allocator decides
        return
    trim(0)
