"""Speed and memory of citetrace on a corpus: every stage of ``citetrace run``.

    python bench/speed.py corpus/ [--models DIR]

Prints a Markdown table row for docs/performance.md. Parsing is timed without the cache; the other
stages are timed over the parsed documents (best of 5 runs; drawing best of 2).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from citetrace.chains.build import build_graph
from citetrace.parse.nlp import Parser
from citetrace.read.corpus import read_corpus
from citetrace.render.graphviz import backend, render
from citetrace.report.layout import diagrams
from citetrace.reuse.passages import find_reuse
from citetrace.run.pipeline import frames_of
from citetrace.sources.registry import apply_registry, build_registry

HEADER = (
    "| corpus | documents | words | parse, no cache | extract + resolve | sources across docs | text reuse "
    "| chains + graph | draw all SVGs ({backend}) | peak RSS (MiB) |"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--models", type=Path, default=None)
    ap.add_argument("--no-draw", action="store_true", help="Skip rendering (large corpora).")
    args = ap.parse_args()
    docs = read_corpus([args.corpus]).documents
    parser = Parser(args.models, cache_dir=None)
    parser.parse(["Warm up the pipeline once."])
    t = time.perf_counter()
    parses = parser.parse([d.text for d in docs])
    parse_s = time.perf_counter() - t
    words = sum(len(s.tokens) for p in parses for s in p.sentences)
    extract_s = _best(lambda: [frames_of(d, p) for d, p in zip(docs, parses, strict=True)])
    frames = [frames_of(d, p) for d, p in zip(docs, parses, strict=True)]
    sources_s = _best(lambda: apply_registry(frames, build_registry(frames)))
    registry = build_registry(frames)
    frames = apply_registry(frames, registry)
    reuse_s = _best(lambda: find_reuse(docs, parses, frames))
    reuse = find_reuse(docs, parses, frames)
    chains_s = _best(lambda: build_graph(docs, parses, frames, registry, reuse))
    graph = build_graph(docs, parses, frames, registry, reuse)
    draw = "–"
    if not args.no_draw:
        dots = list(diagrams(graph))
        draw = f"{_best(lambda: [render(dot) for _, dot in dots], 2):.2f} s ({len(dots)} diagrams)"
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(HEADER.format(backend=backend()))
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {args.corpus} | {len(docs)} | {words:,} | {_rate(parse_s, words)} | {_rate(extract_s, words)} "
        f"| {_rate(sources_s, words)} | {_rate(reuse_s, words)} | {_rate(chains_s, words)} | {draw} | {rss:,.0f} |"
    )
    print(
        f"\nreuse: {sum(len(p.passages) for p in reuse)} passages in {len(reuse)} document pairs; "
        f"{len(graph.chains)} chains; parsing / (reuse + chains) = {parse_s / max(1e-9, reuse_s + chains_s):,.0f}x"
    )


def _rate(seconds: float, words: int) -> str:
    return f"{seconds:.3f} s ({words / seconds:,.0f} w/s)"


def _best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


if __name__ == "__main__":
    main()
