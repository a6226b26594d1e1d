"""Speed and memory of citetrace on a corpus: parsing (no cache), extraction, drawing.

    python bench/speed.py corpus/ [--models DIR]

Prints a Markdown table for docs/performance.md. Parsing is timed without the cache; extraction and
drawing are timed over the parsed documents (best of 5 runs).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from citetrace.corpus import read_corpus
from citetrace.dot import document_dot
from citetrace.nlp import Parser
from citetrace.pipeline import frames_of
from citetrace.render import backend, render


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--models", type=Path, default=None)
    args = ap.parse_args()
    docs = read_corpus([args.corpus]).documents
    parser = Parser(args.models, cache_dir=None)
    parser.parse(["Warm up the pipeline once."])
    parser.stats.update(parsed_words=0, parse_seconds=0.0)
    t = time.perf_counter()
    parses = parser.parse([d.text for d in docs])
    parse_s = time.perf_counter() - t
    words = sum(len(s.tokens) for p in parses for s in p.sentences)
    extract_s = min(_timed(lambda: [frames_of(d, p) for d, p in zip(docs, parses)]) for _ in range(5))
    frames = [frames_of(d, p) for d, p in zip(docs, parses)]
    draw_s = min(_timed(lambda: [render(document_dot(f, d.name)) for d, f in zip(docs, frames)]) for _ in range(2))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| corpus | documents | words | parse (words/s) | extract (words/s) | draw (s, {backend()}) | peak RSS (MiB) |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {args.corpus} | {len(docs)} | {words:,} | {parse_s:.2f} s ({words / parse_s:,.0f}) | "
          f"{extract_s:.3f} s ({words / extract_s:,.0f}) | {draw_s:.2f} | {rss:,.0f} |")


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
