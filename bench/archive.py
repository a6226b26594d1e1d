"""An archive of N articles through every stage after parsing (issue 38, item 6, first step): seconds
per stage and peak memory, one JSON line per run.

    python bench/archive.py ../shared/gold/polnear --docs 1000
    python bench/archive.py ../shared/gold/polnear --docs 10000

The archive is made of PolNeAR's 924 real articles (train and dev), each printed again by other
outlets once N is larger: article i % 924, under its own name, an outlet of 50 and a date of 60, so
that every story has N / 924 printings, as wire stories do. Parses come from the cache after the
first run (one per distinct article); frames are extracted for every document (the frame cache is
keyed by the document with its name and metadata), so what is timed is reading, extraction and the
cross-document stages (sources, reuse, chains, claims). Not yet: sentences recombined into new
articles (they would need parsing), and the report.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

OUTLETS = 50
DAYS = 60


def build_archive(polnear: Path, docs: int) -> Path:
    """A temporary folder of ``docs`` articles made of PolNeAR's, with a meta.json of outlets and dates."""
    texts = sorted(p for split in ("train", "dev") for p in (polnear / split / "text").glob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="archive-"))
    meta = {}
    for i in range(docs):
        source = texts[i % len(texts)]
        name = f"a{i:06d}.txt"
        shutil.copyfile(source, work / name)
        date = f"2016-{1 + (i % DAYS) // 28:02d}-{1 + i % 28:02d}"
        meta[name] = {"outlet": f"Outlet {i % OUTLETS:02d}", "date": date}
    (work / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return work


def open_archive(description: str) -> tuple[argparse.Namespace, Path, Any]:
    """The command line's arguments, the archive they ask for and a parser reading the cache."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("polnear", type=Path, help="PolNeAR's folder (train/text, dev/text)")
    ap.add_argument("--docs", type=int, default=1000)
    args = ap.parse_args()

    from citetrace.parse.nlp import Parser, default_cache_dir

    parser = Parser(os.environ.get("CITETRACE_MODELS"), cache_dir=default_cache_dir(), doc_timeout=None)
    return args, build_archive(args.polnear, args.docs), parser


def main() -> None:
    from citetrace.run.pipeline import trace_corpus

    args, work, parser = open_archive(__doc__.splitlines()[0])
    texts = list((args.polnear / "train" / "text").glob("*.txt")) + list((args.polnear / "dev" / "text").glob("*.txt"))
    started = time.perf_counter()
    result = trace_corpus([work], parser, release=True)
    seconds = time.perf_counter() - started
    assert result.graph is not None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "documents": len(result.documents),
                "distinct": min(args.docs, len(texts)),
                "seconds": round(seconds, 1),
                "peak_mib": round(peak),
                "stages": {k: round(v, 2) for k, v in result.timings.items()},
                "frames": sum(len(d.frames) for d in result.frames),
                "chains": len(result.graph.chains),
                "reuse_pairs": len(result.graph.reuse),
                "clusters": len(result.graph.clusters),
                "claim_groups": len(result.graph.claims),
            }
        )
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
