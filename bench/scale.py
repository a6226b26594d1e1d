"""How citetrace scales: cold and warm runs of the sample and of PolNeAR subsets, against bare Stanza.

    python bench/scale.py /tmp/polnear --sizes 25 100 400 924 --cold 25 100 --plot docs/img/scale.svg

Every measurement is a fresh process (``--child``), run one after another on this machine, in one
bench run, so the ratios compare like with like:
- ``stanza``: bare Stanza on the same documents, batched (one ``Pipeline`` call on a list of
  documents, the same models and processors): the floor, as the parse alone and as a whole
  process (importing Stanza and loading the models too, as a run of citetrace does);
- ``cold -j1`` / ``cold -j2``: ``citetrace run`` with an empty parse cache, one process or two workers;
- ``warm`` / ``warm -j2``: the same run again, every parse, frame and diagram cached, in one process
  or two workers (for the sizes not run cold, after one unmeasured run with the default cache).
The sample corpus and the first N articles (sorted by name) of the corpus given, for each size in
``--sizes``; the cold runs and the floor only for the sizes in ``--cold`` (a cold run of 400 articles
takes ~25 minutes here). Prints a Markdown table for docs/performance.md and writes a plot of time
against corpus size; the rows go to $TMPDIR/scale.json (``--rows`` tables and plots them again).
Models from $CITETRACE_MODELS.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before anything is imported: a run's start-up counts

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "corpus"
CROSS = ("sources", "reuse", "chains", "claims")


def child_run(corpus: Path, out: Path, cache: Path, workers: int) -> dict:
    """``citetrace run`` in this process, with its stage times."""
    from citetrace.parse.nlp import Parser
    from citetrace.report.write import write_report
    from citetrace.run.pipeline import trace_corpus

    imported = time.perf_counter()
    result = trace_corpus([corpus], Parser(None, cache_dir=cache, workers=workers), release=True)  # as `citetrace run`
    traced = time.perf_counter()
    assert result.graph is not None and not result.errors, result.errors
    words = sum(len(s.tokens) for p in result.parses for s in p.sentences)
    result.parses.clear()  # as `citetrace run` does before its report
    write_report(out, result.documents, result.frames, result.graph, diagram_cache=cache)
    done = time.perf_counter()
    t = result.timings
    return {
        "docs": len(result.documents),
        "words": words,
        "wall": done - STARTED,
        "startup": imported - STARTED,
        "parse_extract": t["parse_extract"],
        "cross": sum(t[k] for k in CROSS),
        **{k: t[k] for k in CROSS},
        "report": done - traced,
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_workers": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def child_stanza(corpus: Path) -> dict:
    """Bare Stanza, batched, on the same texts (read and normalised as citetrace reads them)."""
    import stanza

    from citetrace.parse.nlp import PROCESSORS, normalise_for_parsing, resolve_models_dir
    from citetrace.read.corpus import read_corpus

    texts = [normalise_for_parsing(d.text) for d in read_corpus([corpus]).documents]
    models = resolve_models_dir(None)
    kwargs = {"dir": str(models), "download_method": None} if models else {}
    nlp = stanza.Pipeline("en", processors=PROCESSORS, logging_level="WARN", use_gpu=False, **kwargs)
    started = time.perf_counter()
    docs = nlp([stanza.Document([], text=t) for t in texts])
    done = time.perf_counter()
    words = sum(len(s.words) for d in docs for s in d.sentences)
    return {"seconds": done - started, "wall": done - STARTED, "words": words}


def measure(kind: str, corpus: Path, workers: int = 1, cache: Path | None = None) -> dict:
    """One measurement in a fresh process."""
    out = Path(tempfile.mkdtemp()) / "out"
    args = [sys.executable, __file__, "--child", kind, str(corpus), str(out), str(cache), str(workers)]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} on {corpus} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def subset(corpus: Path, n: int) -> Path:
    """A folder of links to the first ``n`` articles, with the corpus's metadata table."""
    folder = Path(tempfile.mkdtemp()) / f"first{n}"
    folder.mkdir()
    for p in sorted(corpus.glob("*.txt"))[:n]:
        (folder / p.name).symlink_to(p.resolve())
    for meta in ("meta.tsv", "meta.json"):
        if (corpus / meta).is_file():
            (folder / meta).symlink_to((corpus / meta).resolve())
    return folder


def bench(name: str, corpus: Path, cold: bool) -> list[dict]:
    rows = []
    print(f"... {name}", file=sys.stderr, flush=True)
    if cold:
        floor = measure("stanza", corpus)
        for workers in (1, 2):
            cache = Path(tempfile.mkdtemp())
            rows.append(
                {"corpus": name, "mode": f"cold -j{workers}", "floor": floor, **measure("run", corpus, workers, cache)}
            )
    else:
        from citetrace.parse.nlp import default_cache_dir

        cache = default_cache_dir()
        measure("run", corpus, 1, cache)  # so that every parse, frame and diagram is there: warm
    rows.append({"corpus": name, "mode": "warm", **measure("run", corpus, 1, cache)})
    rows.append({"corpus": name, "mode": "warm -j2", **measure("run", corpus, 2, cache)})
    return rows


def table(rows: list[dict]) -> str:
    head = (
        "| corpus | run | docs | words | wall s | words/s | bare Stanza w/s: parse / with start-up | ratio to each "
        "| start-up s | parse + extract s | cross-document s | report s | peak RSS MiB (main / workers) |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    lines = [head]
    for r in rows:
        floor = r.get("floor")
        fw = f"{floor['words'] / floor['seconds']:,.0f} / {floor['words'] / floor['wall']:,.0f}" if floor else "–"
        ratio = f"{floor['seconds'] / r['wall']:.2f} / {floor['wall'] / r['wall']:.2f}" if floor else "–"
        lines.append(
            f"| {r['corpus']} | {r['mode']} | {r['docs']} | {r['words']:,} | {r['wall']:.1f} | "
            f"{r['words'] / r['wall']:,.0f} | {fw} | {ratio} | {r['startup']:.1f} | {r['parse_extract']:.1f} | "
            f"{r['cross']:.2f} | {r['report']:.1f} | {r['rss']:,.0f} / {r['rss_workers']:,.0f} |"
        )
    return "\n".join(lines)


def summary(rows: list[dict]) -> list[str]:
    by = {(r["corpus"], r["mode"]): r for r in rows}
    lines = []
    for name in dict.fromkeys(r["corpus"] for r in rows):
        one, two, warm = by.get((name, "cold -j1")), by.get((name, "cold -j2")), by.get((name, "warm"))
        warm2 = by.get((name, "warm -j2"))
        if warm and warm2:
            lines.append(f"{name}: warm, --workers 2 is {warm['wall'] / warm2['wall']:.2f}x one process")
        if one and two:
            lines.append(f"{name}: --workers 2 is {one['wall'] / two['wall']:.2f}x one process (cold)")
        if one and warm:
            lines.append(
                f"{name}: warm re-run {one['wall'] / warm['wall']:.1f}x faster than cold ({warm['wall']:.1f} s)"
            )
    warm = _runs(rows, "warm")
    rate = next((r["words"] / r["parse_extract"] for r in rows if r["mode"] == "cold -j1" and r["docs"] >= 100), None)
    for a, b in zip(warm, warm[1:], strict=False):
        exponent = math.log(b["cross"] / a["cross"]) / math.log(b["docs"] / a["docs"])
        lines.append(f"cross-document stages {a['docs']} -> {b['docs']} documents: growth exponent {exponent:.2f}")
    for r in warm:
        if rate:
            lines.append(
                f"{r['docs']} documents: cross-document stages {r['cross']:.1f} s = "
                f"{100 * r['cross'] / (r['words'] / rate):.1f}% of parse + extract time at the measured cold rate"
            )
    for mode, runs in (("warm", warm), ("cold -j1", _runs(rows, "cold -j1"))):
        for r in runs[1:]:
            lines.append(
                f"peak RSS, {mode}: {r['rss'] / runs[0]['rss']:.2f}x from {runs[0]['docs']} to {r['docs']} "
                f"documents ({runs[0]['rss']:,.0f} -> {r['rss']:,.0f} MiB)"
            )
    return lines


def _runs(rows: list[dict], mode: str) -> list[dict]:
    """The PolNeAR rows of one kind of run, smallest corpus first."""
    return sorted((r for r in rows if r["mode"] == mode and r["corpus"] != "sample"), key=lambda r: r["docs"])


def plot(rows: list[dict], path: Path) -> None:
    """Wall time against documents, log-log, one line per kind of run."""
    w, h, pad = 460, 320, 52
    series = {m: sorted((r["docs"], r["wall"]) for r in rows if r["mode"] == m and r["corpus"] != "sample")
              for m in ("cold -j1", "cold -j2", "warm")}  # fmt: skip
    pts = [p for s in series.values() for p in s]
    lx = [math.log10(d) for d, _ in pts]
    ly = [math.log10(t) for _, t in pts]
    mx, my = 0.05 * (max(lx) - min(lx)) + 1e-9, 0.08 * (max(ly) - min(ly)) + 1e-9
    x0, x1, y0, y1 = min(lx) - mx, max(lx) + mx, min(ly) - my, max(ly) + my

    def xy(d: float, t: float) -> tuple[float, float]:
        return (pad + (math.log10(d) - x0) / (x1 - x0) * (w - 2 * pad),
                h - pad - (math.log10(t) - y0) / (y1 - y0) * (h - 2 * pad))  # fmt: skip

    colours = {"cold -j1": "#a03020", "cold -j2": "#d08020", "warm": "#2060a0"}
    body = []
    for i, (mode, s) in enumerate(series.items()):
        if not s:
            continue
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(*p) for p in s))
        body.append(f'<polyline points="{line}" fill="none" stroke="{colours[mode]}" stroke-width="1.5"/>')
        dy = 14 if mode == "cold -j2" else -4  # below its line, clear of the one-process labels
        body += [f'<text x="{xy(*p)[0] + 4:.1f}" y="{xy(*p)[1] + dy:.1f}">{p[1]:.0f} s</text>' for p in s]
        body.append(f'<text x="{pad + 8}" y="{pad + 14 + 14 * i}" fill="{colours[mode]}">{mode}</text>')
    ticks = sorted({d for d, _ in pts})
    body += [f'<text x="{xy(d, 10**y0)[0]:.1f}" y="{h - pad + 16}" text-anchor="middle">{d}</text>' for d in ticks]
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="Helvetica" font-size="11">'
        f'<rect x="{pad}" y="{pad}" width="{w - 2 * pad}" height="{h - 2 * pad}" fill="none" stroke="#999"/>'
        f"{''.join(body)}"
        f'<text x="{w / 2}" y="{h - 12}" text-anchor="middle">PolNeAR articles (log scale)</text>'
        f'<text x="14" y="{h / 2}" transform="rotate(-90 14 {h / 2})" text-anchor="middle">'
        "citetrace run, wall seconds (log scale)</text>"
        f'<text x="{w / 2}" y="24" text-anchor="middle">Time against corpus size (bench/scale.py)</text></svg>\n',
        encoding="utf-8",
    )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, corpus, out, cache, workers = sys.argv[2:7]
        result = (
            child_stanza(Path(corpus))
            if kind == "stanza"
            else child_run(Path(corpus), Path(out), Path(cache), int(workers))
        )
        print(json.dumps(result))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 400])
    ap.add_argument("--cold", type=int, nargs="*", default=[25, 100])
    ap.add_argument("--plot", type=Path, default=None)
    ap.add_argument(
        "--rows", type=Path, default=None, help="Table and plot the rows of an earlier run (its scale.json)."
    )
    args = ap.parse_args()
    if args.rows:
        rows = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        rows = bench("sample", SAMPLE, cold=True)
        for n in args.sizes:
            rows += bench(f"PolNeAR {n}", subset(args.corpus, n), cold=n in args.cold)
    print(table(rows))
    print()
    print("\n".join(f"- {line}" for line in summary(rows)))
    if args.plot:
        plot(rows, args.plot)
    if not args.rows:
        Path(tempfile.gettempdir(), "scale.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
