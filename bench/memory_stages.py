"""Resident memory stage by stage: a warm run of ``citetrace run`` with RSS sampled every 10 ms.

    python bench/memory_stages.py /tmp/s400 /tmp/o400    # corpus, output folder (replaced)

Prints, at the start and end of each stage (extraction, boilerplate, registry, reuse, graph, each
step of the claims, the report), the RSS then and the highest since the mark before, then the peak.
Run it twice after a change to citetrace: the first run extracts again (the frame cache is keyed by
the package). Parses from the default cache; models from $CITETRACE_MODELS.
"""

from __future__ import annotations

import argparse
import bisect
import shutil
import threading
import time
from pathlib import Path

samples: list[tuple[float, float]] = []
marks: list[tuple[float, str, float]] = []


def rss() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def _sample() -> None:
    while True:
        samples.append((time.perf_counter(), rss()))
        time.sleep(0.01)


def _wrap(module: object, name: str) -> None:
    inner = getattr(module, name)

    def marked(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        marks.append((time.perf_counter(), name + ">", rss()))
        try:
            return inner(*args, **kwargs)
        finally:
            marks.append((time.perf_counter(), name + "<", rss()))

    setattr(module, name, marked)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    threading.Thread(target=_sample, daemon=True).start()
    import citetrace.claims.similarity as similarity
    import citetrace.report.write as report
    import citetrace.run.pipeline as pipeline
    from citetrace.parse.nlp import Parser, default_cache_dir

    stages = ["extract_corpus", "find_boilerplate", "build_registry", "apply_registry", "find_reuse", "build_graph"]
    for name in [*stages, "find_claims", "collect_claims", "cluster", "trace_groups"]:
        _wrap(pipeline, name)
    for name in ["neighbours", "quote_pairs"]:
        _wrap(similarity, name)
    _wrap(report, "_write_all")
    shutil.rmtree(args.out, ignore_errors=True)
    started = time.perf_counter()
    cache = default_cache_dir()
    result = pipeline.trace_corpus([args.corpus], Parser(None, cache_dir=cache), release=True)
    result.parses.clear()
    report.write_report(args.out, result.documents, result.frames, result.graph, diagram_cache=cache)
    marks.append((time.perf_counter(), "reported", rss()))
    times = [t for t, _ in samples]
    before = started
    for t, name, now in marks:
        during = [r for _, r in samples[bisect.bisect_left(times, before) : bisect.bisect_right(times, t)]]
        highest = max(during or [now])
        print(f"{t - started:7.2f} s  {name:18s} RSS {now:7.1f} MiB  highest since the mark before {highest:7.1f}")
        before = t
    print(f"peak {max(r for _, r in samples):.1f} MiB")


if __name__ == "__main__":
    main()
