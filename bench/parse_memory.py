"""Where a cold parse's memory goes, batch by batch: RSS and glibc's own count of its heap.

    python bench/parse_memory.py /tmp/s400                       # a corpus; no cache read or written
    python bench/parse_memory.py /tmp/s400 --cache /tmp/empty    # writing a parse cache
    python bench/parse_memory.py /tmp/s400 --trim-each           # malloc_trim after every batch

Parses and extracts the corpus in this process (as ``citetrace run --workers 1 --no-cache`` does,
but under Python's default collector thresholds: the run parses under ``few_collections``, and
before ``collector.free_cycles`` it grew ~125 MiB more at 400 articles than this showed) and
prints, after each batch: the documents and characters in it, its longest sentence, RSS, the
high-water mark (VmHWM), and ``mallinfo2``: the bytes glibc's heap holds in use and free (free but
kept: fragments between live blocks) and in mmap'd blocks. What RSS has beyond these is Python's
own small-object arenas (pymalloc maps them itself), the shared libraries' pages, and the model
files. At the end it calls ``malloc_trim`` and prints RSS again. Models from $CITETRACE_MODELS.
Linux with glibc only.
"""

from __future__ import annotations

import argparse
import ctypes
import time
from pathlib import Path

_FIELDS = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in _FIELDS]


_libc = ctypes.CDLL("libc.so.6")
_libc.mallinfo2.restype = _MallInfo2
MIB = 2**20


def _status(key: str) -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) / 1024 for line in fh if line.startswith(key))


def memory() -> str:
    m = _libc.mallinfo2()
    return (
        f"RSS {_status('VmRSS:'):5.0f}  HWM {_status('VmHWM:'):5.0f}  heap in use {m.uordblks / MIB:4.0f}  "
        f"free {m.fordblks / MIB:4.0f}  mmap {m.hblkhd / MIB:4.0f} MiB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--trim-each", action="store_true", help="malloc_trim after every batch")
    ap.add_argument("--cache", type=Path, default=None, help="a parse cache to write (default: none)")
    args = ap.parse_args()
    import citetrace.run.execute as execute
    from citetrace.parse.nlp import Parser
    from citetrace.run.pipeline import extract_corpus

    inner, count = execute.work, [0]

    def work(parser, batch, extract, ship=True):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        done = inner(parser, batch, extract, ship)
        count[0] += 1
        if args.trim_each:
            _libc.malloc_trim(0)
        longest = max((len(s.tokens) for d in done if d.parsed for s in d.parsed.sentences), default=0)
        chars = sum(len(t.text) for t in batch)
        print(
            f"batch {count[0]:3d}: {len(batch):3d} docs {chars:7,d} chars, longest sentence {longest:4d} words, "
            f"{time.perf_counter() - started:5.1f} s  {memory()}",
            flush=True,
        )
        return done

    execute.work = work
    extract_corpus([args.corpus], Parser(None, cache_dir=args.cache))
    print(f"parsed:   {memory()}")
    _libc.malloc_trim(0)
    print(f"trimmed:  {memory()}")


if __name__ == "__main__":
    main()
