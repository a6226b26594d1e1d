"""Train the learned cue model (citetrace/data/cue_model.tsv) on the PolNeAR *train* split.

Every VERB/NOUN/AUX/ADJ token of the parsed training documents is an example; it is positive when it
lies inside an annotated cue span. Features come from ``citetrace.attribution.cue_features`` (lemma,
dependency relation, the complements and subject the token governs, quotes, lexicon flags); the
model is a logistic regression trained with AdaGrad SGD, in plain Python (no new dependency).
One document in seven is held out to report token-level precision/recall; dev is never read.

    python bench/train_cue_model.py ../shared/gold/polnear/train > citetrace/data/cue_model.tsv

Parses come from the parse cache (``$CITETRACE_CACHE``), so a second run parses nothing.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from cue_examples import HOLD_OUT_EVERY, labelled_tokens

from citetrace.attribution import CUE_UPOS, cue_features
from citetrace.evaluation.gold import read_brat_folder
from citetrace.parse.nlp import Parser, default_cache_dir

EPOCHS = 4
RATE = 0.1
L2 = 1e-6
MIN_WEIGHT = 0.05
MIN_COUNT = 5  # features seen fewer times in training are dropped (rare features overfit)


def examples(folder: Path, parser: Parser) -> list[tuple[str, list[tuple[list[str], int]]]]:
    tokens = labelled_tokens(folder, read_brat_folder(folder), parser, lambda tok: tok.upos in CUE_UPOS)
    return [(doc, [(cue_features(t, tok, quotes), label) for t, tok, quotes, label in toks]) for doc, toks in tokens]


def train(rows: list[tuple[list[str], int]]) -> dict[str, float]:
    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    rows = [([f for f in feats if counts[f] >= MIN_COUNT], y) for feats, y in rows]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rng = random.Random(13)
    for epoch in range(EPOCHS):
        rng.shuffle(rows)
        loss = 0.0
        for feats, y in rows:
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            loss -= math.log(max(1e-12, p if y else 1 - p))
            grad = p - y
            for f in feats:
                gf = grad + L2 * w.get(f, 0.0)
                g2[f] = g2.get(f, 0.0) + gf * gf
                w[f] = w.get(f, 0.0) - RATE * gf / math.sqrt(g2[f] + 1e-8)
        print(f"epoch {epoch + 1}: loss {loss / len(rows):.4f}", file=sys.stderr)
    return w


def report(w: dict[str, float], rows: list[tuple[list[str], int]]) -> None:
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        tp = fp = fn = 0
        for feats, y in rows:
            z = sum(w.get(f, 0.0) for f in feats)
            guess = 1 / (1 + math.exp(-max(-30, min(30, z)))) >= threshold
            tp += guess and y
            fp += guess and not y
            fn += (not guess) and y
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(
            f"held-out tokens, threshold {threshold}: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}",
            file=sys.stderr,
        )


def main(folder: str) -> None:
    parser = Parser(None, cache_dir=default_cache_dir())  # models from $CITETRACE_MODELS
    docs = examples(Path(folder), parser)
    fit = [row for i, (_, rows) in enumerate(docs) if i % HOLD_OUT_EVERY for row in rows]
    held = [row for i, (_, rows) in enumerate(docs) if not i % HOLD_OUT_EVERY for row in rows]
    print(f"{len(fit)} training tokens ({sum(y for _, y in fit)} in cues), {len(held)} held out", file=sys.stderr)
    w = train(fit)
    w = {f: v for f, v in w.items() if abs(v) >= MIN_WEIGHT and "\t" not in f and "\n" not in f}
    report(w, held)
    for feature in sorted(w):
        print(f"{feature}\t{w[feature]:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
