"""How many words and sentences the tagger and parser in bfloat16 parse differently from float32 (issue 39).

    python bench/precision_agreement.py ../shared/gold/polnear/dev/text /tmp/wsj/dev/text

Each folder's .txt articles are parsed (or read from the cache: $CITETRACE_CACHE) with
``--precision float32`` and ``--precision bfloat16``; the table counts, of the words both tokenized
alike, those whose UPOS, XPOS, features, head or relation differ, and the sentences with any
difference. The tokenizer runs in float32 in both, so the tokens are the same. Models from
$CITETRACE_MODELS.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from citetrace.parse.device import Precision
from citetrace.parse.nlp import Parser, default_cache_dir, resolve_models_dir

COLUMNS = ("upos", "xpos", "feats", "head", "deprel")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", type=Path, nargs="+", help="folders of .txt articles")
    args = ap.parse_args()
    models = resolve_models_dir(None)
    precisions = (Precision.float32, Precision.bfloat16)
    parsers = [Parser(models, cache_dir=default_cache_dir(), precision=p) for p in precisions]
    print("| texts | sentences | words | " + " | ".join(COLUMNS) + " | sentences with a difference |")
    print("|---" * (4 + len(COLUMNS)) + "|")
    for folder in args.folders:
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        full, low = (parser.parse(texts) for parser in parsers)
        differ = dict.fromkeys(COLUMNS, 0)
        words = sentences = changed = 0
        for a, b in zip(full, low, strict=True):
            assert len(a.sentences) == len(b.sentences), "the tokenizer runs in float32 in both"
            for s, t in zip(a.sentences, b.sentences, strict=True):
                sentences += 1
                words += len(s.tokens)
                changed += s != t
                for x, y in zip(s.tokens, t.tokens, strict=True):
                    for column in COLUMNS:
                        differ[column] += getattr(x, column) != getattr(y, column)
        cells = " | ".join(f"{differ[c]} ({differ[c] / words:.2%})" for c in COLUMNS)
        share = f"{changed} ({changed / sentences:.1%})"
        print(f"| {folder} ({len(texts)}) | {sentences:,} | {words:,} | {cells} | {share} |")


if __name__ == "__main__":
    main()
