"""One wire story printed by many outlets (issue 38): how many reuse rows, how many bytes of
``reuse.jsonl`` and ``graph.json``, and how long the cross-document stages take, as the copies grow.

    python bench/reuse_clusters.py ../shared/gold/polnear/train/text --variants 30 --outlets 20

It also writes the run's whole report (every file ``citetrace run`` puts in its output folder) and says
how many files and megabytes it holds.

The story is the first paragraphs of a real AP article in PolNeAR (the wire copy Breitbart printed);
``--variants`` versions of it are made by seeded word edits (a word replaced, an attribution dropped,
a sentence left out, as outlets edit wire copy), and each version is printed by ``--outlets`` outlets
on one of three days: variants x outlets documents, every one a copy of the story. Parses come from
the cache after the first run (one per variant).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

STORY = "breitbart_2016-02-07_after-rubio-stumbles-rivals-see-.txt"
PARAGRAPHS = 6
SWAPS = {
    "uneven": "shaky",
    "emboldened": "encouraged",
    "seeking": "trying",
    "likely": "expected",
    "muddled": "confused",
    "withering": "fierce",
    "attacks": "criticism",
    "experience": "background",
    "trio": "group",
    "rise": "surge",
}


def variant(paragraphs: list[str], k: int) -> str:
    """The k-th outlet's edit of the story: version 0 is the wire's own text."""
    rng = random.Random(k)
    out = []
    for i, p in enumerate(paragraphs):
        if k and i > 1 and rng.random() < 0.15:
            continue  # a paragraph left out
        for a, b in SWAPS.items():
            if k and rng.random() < 0.3:
                p = p.replace(a, b)
        out.append(p)
    return "\n\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", type=Path, help="PolNeAR train texts")
    ap.add_argument("--variants", type=int, default=30)
    ap.add_argument("--outlets", type=int, default=20)
    args = ap.parse_args()

    from citetrace.parse.nlp import Parser, default_cache_dir
    from citetrace.report.write import write_report
    from citetrace.run.pipeline import trace_corpus

    paragraphs = [p for p in (args.texts / STORY).read_text(encoding="utf-8").split("\n\n") if p.strip()][:PARAGRAPHS]
    work = Path(tempfile.mkdtemp(prefix="reuse-clusters-"))
    meta = {}
    for k in range(args.variants):
        text = variant(paragraphs, k)
        for o in range(args.outlets):
            name = f"v{k:02d}-o{o:03d}.txt"
            (work / name).write_text(text, encoding="utf-8")
            meta[name] = {"outlet": f"Outlet {k:02d}-{o:03d}", "date": f"2016-02-{7 + (k + o) % 3:02d}"}
    (work / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    parser = Parser(os.environ.get("CITETRACE_MODELS"), cache_dir=default_cache_dir(), doc_timeout=None)
    started = time.perf_counter()
    result = trace_corpus([work], parser)
    seconds = time.perf_counter() - started
    assert result.graph is not None
    out = work.with_name(work.name + "-out")
    report_started = time.perf_counter()
    files = write_report(out, result.documents, result.frames, result.graph)
    report_seconds = time.perf_counter() - report_started
    sizes = {f: (out / f).stat().st_size for f in files}
    reuse = "".join(p.model_dump_json() + "\n" for p in result.graph.reuse)
    graph = result.graph.model_dump_json()
    stages = {k: round(v, 2) for k, v in result.timings.items()} if result.timings else {}
    print(
        json.dumps(
            {
                "documents": len(result.documents),
                "reuse_rows": len(result.graph.reuse),
                "reuse_jsonl_mb": round(len(reuse.encode()) / 2**20, 2),
                "graph_json_mb": round(len(graph.encode()) / 2**20, 2),
                "seconds": round(seconds, 1),
                "stages": stages,
                "report_seconds": round(report_seconds, 1),
                "output_files": len(files),
                "output_mb": round(sum(sizes.values()) / 2**20, 2),
                "pages_and_diagrams_mb": round(
                    sum(n for f, n in sizes.items() if f.endswith((".html", ".svg", ".dot"))) / 2**20, 2
                ),
            }
        )
    )
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
