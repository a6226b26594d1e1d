"""The chains stage on a corpus where every article has a copy (as wire stories do): seconds in
``build_graph`` (chains, their flags, chains through copies), the same inputs each round.

    python bench/chains_copies.py ../shared/gold/polnear/train/text --docs 300 --rounds 3

The first N articles are copied into two folders (2N documents, every pair a copy); the corpus is
traced once (parses and frames from the cache after the first run), then ``build_graph`` is timed on
its inputs. Run it at two commits to compare (issue 38: 7.21 s -> 2.15 s at 300 x 2, the same graph).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from citetrace.chains import build
    from citetrace.parse.nlp import Parser, default_cache_dir
    from citetrace.run import pipeline

    work = Path(tempfile.mkdtemp(prefix="chains-copies-"))
    for half in ("a", "b"):
        (work / half).mkdir()
        for p in sorted(args.corpus.glob("*.txt"))[: args.docs]:
            shutil.copy(p, work / half / p.name)
    captured: dict = {}
    real = build.build_graph

    def spy(*a, **k):  # noqa: ANN002, ANN003, ANN202
        captured["args"] = (a, k)
        return real(*a, **k)

    pipeline.build_graph = spy
    parser = Parser(os.environ.get("CITETRACE_MODELS"), cache_dir=default_cache_dir(), doc_timeout=None)
    pipeline.trace_corpus([work], parser)
    a, k = captured["args"]
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        graph = real(*a, **k)
        times.append(time.perf_counter() - started)
    print(
        f"{2 * args.docs} documents, {len(graph.chains)} chains, {len(graph.reuse)} reuse pairs: "
        f"build_graph {min(times):.2f} s (fastest of {args.rounds})"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
