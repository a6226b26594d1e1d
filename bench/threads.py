"""Torch threads against worker processes, cold, on the same documents (no cache).

    python bench/threads.py /tmp/s100     # the first 100 PolNeAR articles

Each run a fresh process, one after another: one process at torch's default threads (the cores),
one process at one thread, two workers of one thread each, then the first two again. Prints the
parse + extract seconds of each: how much a second thread gains one process bounds what two
workers can gain over it (docs/performance.md, ``--workers 2``). Models from $CITETRACE_MODELS.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

CHILD = r"""
import json, sys
from pathlib import Path
from citetrace.parse.nlp import Parser
from citetrace.run.pipeline import trace_corpus
threads = None if sys.argv[2] == "default" else int(sys.argv[2])
parser = Parser(None, cache_dir=None, workers=int(sys.argv[3]), threads=threads)
result = trace_corpus([Path(sys.argv[1])], parser, release=True)
print(json.dumps({"parse_extract": result.timings["parse_extract"]}))
"""
RUNS = [("default", 1), ("1", 1), ("default", 2), ("1", 1), ("default", 1)]  # (torch threads, workers)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    args = ap.parse_args()
    print("| torch threads | workers | parse + extract s | wall s |\n|---|---:|---:|---:|")
    for threads, workers in RUNS:
        started = time.perf_counter()
        command = [sys.executable, "-c", CHILD, args.corpus, threads, str(workers)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        seconds = json.loads(done.stdout.strip().splitlines()[-1])["parse_extract"]
        wall = time.perf_counter() - started
        print(f"| {threads} | {workers} | {seconds:.1f} | {wall:.1f} |", flush=True)


if __name__ == "__main__":
    main()
