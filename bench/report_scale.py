"""What writing the report (JSON, every diagram rendered, every page) costs at 100 and 400 documents.

    python bench/report_scale.py /tmp/polnear [--sizes 100 400] [--profile]

Extracts the first N PolNeAR articles once (parses from the cache), links each size, then times
``write_report`` into a temporary folder; ``--profile`` prints the largest size's top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from citetrace.parse.nlp import Parser, default_cache_dir, resolve_models_dir
from citetrace.report.write import diagram_count, write_report
from citetrace.run.pipeline import extract_corpus, link_documents


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 400])
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))[: max(args.sizes)]
    ex = extract_corpus(paths, Parser(resolve_models_dir(None), cache_dir=default_cache_dir()))
    print("documents  diagrams  write_report s  ms per diagram")
    for n in args.sizes:
        linked, graph = link_documents(ex.documents[:n], ex.parses[:n], ex.frames[:n])
        out = Path(tempfile.mkdtemp()) / "out"
        profile = cProfile.Profile() if args.profile and n == max(args.sizes) else None
        started = time.perf_counter()
        if profile:
            profile.enable()
        write_report(out, ex.documents[:n], linked, graph)
        seconds = time.perf_counter() - started
        if profile:
            profile.disable()
        count = diagram_count(graph)
        print(f"{n:9d}  {count:8d}  {seconds:13.1f}  {1000 * seconds / count:14.1f}")
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(14)


if __name__ == "__main__":
    main()
