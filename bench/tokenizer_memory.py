"""The tokenizer's memory and time, with Stanza's batches and with citetrace's (bounded in characters).

    python bench/tokenizer_memory.py /tmp/s100             # PolNeAR articles as they are
    python bench/tokenizer_memory.py /tmp/s100 --flat      # blank lines removed: one paragraph an article

Tokenizes the corpus in the batches ``citetrace run`` forms (``nlp.batches``), one torch thread,
each way in a fresh process, one after the other, twice: Stanza's own ``predict`` (32 paragraphs a
batch, each padded to the longest) and ``stanza_patches.tokenize_predict``. Prints, for each, the
tokenizer's highest memory above RSS before the batch (VmHWM reset before each batch; the first
batch is tokenized once before, to warm up), the seconds,
and whether the two gave the same tokens. ``--flat`` joins an article's paragraphs with single line
breaks, as text scraped without blank lines comes: Stanza then reads each article as one paragraph.
Models from $CITETRACE_MODELS. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

CHILD = r"""
import hashlib, json, re, sys, time
from pathlib import Path
import stanza, torch
from citetrace.parse import stanza_patches
from citetrace.parse.nlp import batches, normalise_for_parsing

def status(key):
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) / 1024 for line in fh if line.startswith(key))

way, corpus, flat, models = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "1", sys.argv[4]
texts = [normalise_for_parsing(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]
if flat:
    texts = [re.sub(r"\n\s*\n", "\n", t) for t in texts]
if way == "bounded":
    stanza_patches.apply()
torch.set_num_threads(1)
nlp = stanza.Pipeline("en", dir=models, download_method=None, processors="tokenize", logging_level="WARN")
groups = batches([len(t) for t in texts])
nlp([stanza.Document([], text=texts[i]) for i in groups[0]])  # warm-up: one-time allocations
digest, above, started = hashlib.sha256(), 0.0, time.perf_counter()
for batch in groups:
    before = status("VmRSS:")
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    for doc in nlp([stanza.Document([], text=texts[i]) for i in batch]):
        for sentence in doc.sentences:
            digest.update(repr([(t.text, t.start_char) for t in sentence.tokens]).encode())
    above = max(above, status("VmHWM:") - before)
print(json.dumps({"seconds": time.perf_counter() - started, "above": above, "tokens": digest.hexdigest()[:16]}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--flat", action="store_true", help="remove blank lines: one paragraph an article")
    args = ap.parse_args()
    models = os.environ["CITETRACE_MODELS"]
    print("| tokenizer batches | highest MiB above RSS | seconds | tokens (hash) |\n|---|---:|---:|---|")
    for way in ["stanza", "bounded"] * 2:
        command = [sys.executable, "-c", CHILD, way, args.corpus, "1" if args.flat else "0", models]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"| {way} | {row['above']:.0f} | {row['seconds']:.1f} | {row['tokens']} |", flush=True)


if __name__ == "__main__":
    main()
