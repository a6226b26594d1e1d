"""Where an archive's memory goes (issue 38): Python's allocations held after each stage after parsing,
with the largest allocation sites, for the archive ``bench/archive.py`` builds.

    python bench/archive_memory.py ../shared/gold/polnear --docs 1000

``tracemalloc`` sees Python's own allocations only (not torch's, LightGBM's or faiss's) and slows
the run about threefold; the peak of each stage is reset after it is printed. ``--rss``: the process's
resident memory instead (all of it, at full speed), now and at its peak in each stage (Linux: the peak
is reset through ``/proc/self/clear_refs``).
"""

from __future__ import annotations

import gc
import sys
import tracemalloc
from pathlib import Path

from archive import open_archive  # bench/archive.py

TOP = 8


RSS = "--rss" in sys.argv
if RSS:
    sys.argv.remove("--rss")


def _status(field: str) -> float:
    """A field of /proc/self/status in MiB ("VmRSS", "VmHWM")."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def show(label: str) -> None:
    gc.collect()
    if RSS:
        print(f"== {label}: RSS {_status('VmRSS'):.0f} MiB, peak {_status('VmHWM'):.0f} MiB", flush=True)
        Path("/proc/self/clear_refs").write_text("5")
        return
    snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    current, peak = tracemalloc.get_traced_memory()
    print(f"== {label}: held {current / 2**20:.0f} MiB, peak {peak / 2**20:.0f} MiB", flush=True)
    for s in snap.statistics("traceback")[:TOP]:
        where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in s.traceback)
        print(f"  {s.size / 2**20:7.1f} MiB {s.count:9,d}  {where}")
    tracemalloc.reset_peak()


def main() -> None:
    from citetrace.chains.build import build_graph
    from citetrace.reuse.boilerplate import blurbs, find_boilerplate, outside
    from citetrace.reuse.passages import find_reuse
    from citetrace.run.pipeline import extract_corpus, find_claims, keep_frames
    from citetrace.sources.registry import apply_registry, build_registry

    _, work, parser = open_archive(__doc__.splitlines()[0])
    if not RSS:
        tracemalloc.start(3)
    result = extract_corpus([work], parser)
    show("read and extracted")
    documents, parses = result.documents, result.parses
    boilerplate, spans = find_boilerplate(documents, parses, result.frames)
    kept = [outside(keep_frames(f), spans.get(f.document, [])) for f in result.frames]
    result.frames = []
    registry = build_registry(kept, ())
    linked = apply_registry(kept, registry)
    del kept
    show("sources")
    reuse, more = blurbs(find_reuse(documents, parses, linked, spans), documents, linked)
    show("reuse")
    graph = build_graph(documents, parses, linked, registry, reuse, [*boilerplate, *more])
    show("chains (the graph)")
    find_claims(documents, parses, linked, graph, spans, parser.cache_dir)
    show("claims")


if __name__ == "__main__":
    main()
