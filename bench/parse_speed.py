"""A cold run against bare Stanza, whole process against whole process, on the same documents (issue 39).

    python bench/parse_speed.py ../shared/gold/polnear/dev/text --docs 40 --rounds 3

Each variant is a fresh process, timed from its start to its exit, the variants alternating within
every round (this machine is noisy: compare within a run, as ratios):

- ``bare stanza``: a ``stanza.Pipeline`` with citetrace's processors and models, every document in
  one call, nothing of citetrace imported (the floor a user compares with);
- ``citetrace --workers 1``: ``citetrace run CORPUS --no-cache --workers 1`` (parse, extract, link,
  draw, write in one process), then the same with each speed-up turned off: ``--precision float32``
  (bfloat16 off), and also ``CITETRACE_STANZA_PATCHES=0`` (Stanza's own code: every patch of
  ``parse/stanza_patches.py`` off); with ``--tree-search``, ``CITETRACE_STANZA_MST=1`` alone;
- ``citetrace, default settings``: ``citetrace run CORPUS --no-cache`` (a worker process per core),
  and the same in float32;
- ``spaCy en_core_web_sm``: its pipeline over the same texts, where it is installed.

The table gives each variant's fastest and median seconds and its ratio to bare Stanza's (fastest
over fastest). Models from $CITETRACE_MODELS.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys, stanza
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = stanza.Pipeline("en", dir=sys.argv[2], processors="tokenize,mwt,pos,lemma,depparse",
                      download_method=None, logging_level="WARN", use_gpu=False)
docs = nlp([stanza.Document([], text=t) for t in texts])
print(sum(len(s.words) for d in docs for s in d.sentences))
"""

SPACY = """
import sys, spacy
from pathlib import Path
nlp = spacy.load("en_core_web_sm")
print(sum(len(d) for d in nlp.pipe(p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))))
"""


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="a folder of .txt articles")
    ap.add_argument("--docs", type=int, default=40, help="the first N articles (by name)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--tree-search", action="store_true", help="add a run with Stanza's own tree search")
    args = ap.parse_args()
    models = os.environ.get("CITETRACE_MODELS")
    if not models:
        sys.exit("set CITETRACE_MODELS to a Stanza resources directory")
    work = Path(tempfile.mkdtemp(prefix="parse-speed-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for p in sorted(args.corpus.glob("*.txt"))[: args.docs]:
        shutil.copy(p, corpus / p.name)
    env = dict(os.environ)
    citetrace = [str(Path(sys.executable).parent / "citetrace"), "run", str(corpus), "--no-cache", "--workers", "1"]
    one = [*citetrace, "--out", str(work / "out")]
    default = [*citetrace[:-2], "--out", str(work / "out-default")]
    fp32 = ["--precision", "float32"]
    variants: dict[str, tuple[list[str], dict[str, str]]] = {
        "bare stanza": ([sys.executable, "-c", BARE, str(corpus), models], env),
        "citetrace --workers 1": (one, env),
        "citetrace --workers 1, float32 (bfloat16 off)": ([*one, *fp32], env),
        "citetrace --workers 1, float32, Stanza's own code (every patch off)": (
            [*one, *fp32],
            {**env, "CITETRACE_STANZA_PATCHES": "0"},
        ),
        "citetrace, default settings (--workers = cores)": (default, env),
        "citetrace, default settings, float32": ([*default, *fp32], env),
    }
    if args.tree_search:
        variants["citetrace --workers 1, float32, Stanza's tree search"] = (
            [*one, *fp32],
            {**env, "CITETRACE_STANZA_MST": "1"},
        )
    try:
        import spacy

        spacy.load("en_core_web_sm")
        variants["spaCy en_core_web_sm"] = ([sys.executable, "-c", SPACY, str(corpus)], env)
    except (ImportError, OSError):
        pass
    times: dict[str, list[float]] = {name: [] for name in variants}
    for r in range(args.rounds):
        order = list(variants) if r % 2 == 0 else list(reversed(variants))
        for name in order:
            times[name].append(_timed(*variants[name]))
            print(f"round {r + 1}: {name}: {times[name][-1]:.1f} s", file=sys.stderr, flush=True)
    floor = min(times["bare stanza"])
    print(f"{args.docs} documents, {args.rounds} rounds, {os.cpu_count()} cores\n")
    print("| variant | fastest (s) | median (s) | bare Stanza's time over this |\n|---|---|---|---|")
    for name, ts in times.items():
        print(f"| {name} | {min(ts):.1f} | {statistics.median(ts):.1f} | {floor / min(ts):.2f}x |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
