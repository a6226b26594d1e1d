"""Precision and recall of the frames over ``--min-confidence``: a Markdown table and an SVG plot.

    python bench/pr_curve.py ../shared/gold/polnear/dev docs/img/pr_curve.svg

Extracts the frames of the gold folder's documents once (every kind, as ``citetrace eval`` scores
them), then keeps those with confidence >= t for t = 0, 0.05, ..., 0.95 and scores each set
(``evaluate.score``). Parses come from the cache ($CITETRACE_CACHE, models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import sys
from pathlib import Path

from citetrace.evaluation.gold import read_gold
from citetrace.evaluation.score import score
from citetrace.models import EvalReport, FrameKind
from citetrace.parse.nlp import Parser, default_cache_dir
from citetrace.read.corpus import read_document
from citetrace.run.pipeline import frames_of, keep_frames

THRESHOLDS = [round(0.05 * i, 2) for i in range(20)]
WIDTH, HEIGHT, PAD = 420, 320, 48


def curve(gold_path: Path) -> list[tuple[float, EvalReport]]:
    gold, folder = read_gold(gold_path, None)
    documents = [read_document(folder / g.document) for g in gold]
    parses = Parser(None, cache_dir=default_cache_dir()).parse([d.text for d in documents])
    frames = {d.name: frames_of(d, p) for d, p in zip(documents, parses, strict=True)}
    texts = {d.name: d.text for d in documents}
    every = list(FrameKind)
    return [(t, score(gold, {n: keep_frames(f, every, t) for n, f in frames.items()}, texts)) for t in THRESHOLDS]


def svg(points: list[tuple[float, EvalReport]]) -> str:
    """Precision (y) against recall (x), one dot per threshold, labelled every 0.25."""

    def xy(r: EvalReport) -> tuple[float, float]:
        return PAD + r.frames.recall * (WIDTH - 2 * PAD), HEIGHT - PAD - r.frames.precision * (HEIGHT - 2 * PAD)

    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(r) for _, r in points))
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5"/>' for x, y in (xy(r) for _, r in points))
    labels = "".join(
        f'<text x="{xy(r)[0] + 5:.1f}" y="{xy(r)[1] - 5:.1f}">{t:g}</text>' for t, r in points if (t * 4) % 1 == 0
    )
    ticks = "".join(
        f'<text x="{PAD + v * (WIDTH - 2 * PAD):.1f}" y="{HEIGHT - PAD + 16}" text-anchor="middle">{v:g}</text>'
        f'<text x="{PAD - 8}" y="{HEIGHT - PAD - v * (HEIGHT - 2 * PAD) + 4:.1f}" text-anchor="end">{v:g}</text>'
        for v in (0, 0.25, 0.5, 0.75, 1)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="Helvetica" '
        'font-size="11">'
        f'<rect x="{PAD}" y="{PAD}" width="{WIDTH - 2 * PAD}" height="{HEIGHT - 2 * PAD}" fill="none" stroke="#999"/>'
        f'<polyline points="{line}" fill="none" stroke="#2060a0" stroke-width="1.5"/><g fill="#2060a0">{dots}</g>'
        f'<g fill="#333">{labels}{ticks}</g>'
        f'<text x="{WIDTH / 2}" y="{HEIGHT - 12}" text-anchor="middle">frame recall</text>'
        f'<text x="14" y="{HEIGHT / 2}" transform="rotate(-90 14 {HEIGHT / 2})" text-anchor="middle">frame precision'
        "</text>"
        f'<text x="{WIDTH / 2}" y="24" text-anchor="middle">PolNeAR dev, frames by --min-confidence</text></svg>\n'
    )


def main(gold: Path, plot: Path) -> None:
    points = curve(gold)
    print("| --min-confidence | frames P | frames R | frames F1 | content F1 |")
    print("|---|---|---|---|---|")
    for t, r in points:
        print(f"| {t:g} | {r.frames.precision:.3f} | {r.frames.recall:.3f} | {r.frames.f1:.3f} | {r.content.f1:.3f} |")
    plot.write_text(svg(points), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
