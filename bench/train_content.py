"""Train the content chooser (citetrace/data/content_gbm.txt.gz) on PolNeAR *train*.

Every frame the extractor proposes (``attribution.assemble.propose``) whose kind is chosen
(``content.CHOSEN_KINDS``) and whose cue overlaps a gold cue is an example: each of its content
``options`` is a row (``option_features``) labelled with its word F1 against the gold content (the
quotes going on, ``Candidate.more``, counted with every option), in tenths. A LightGBM ranker
(lambdarank, each frame's options one group) learns to put the best option first; the top-ranked
option is the content. One document in seven (sorted by name, the split of bench/heldout_train.py)
is held out: it stops the training (early stopping on its NDCG@1) and chose the objective and the
settings below (cross-entropy on the F1 itself: 0.868; "is the best option", binary: 0.873;
lambdarank: 0.875, with 63 leaves 0.879); the word F1 of the rules' content, of the model's
choice and of the best option (the ceiling) on it are printed. Dev is never read.

    python bench/train_content.py ../shared/gold/polnear/train citetrace/data

Parses come from the parse cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import sys
from pathlib import Path

import lightgbm
import numpy as np
from cue_examples import HOLD_OUT_EVERY, early_stopped, save_model

from citetrace.attribution import content
from citetrace.attribution.assemble import propose
from citetrace.attribution.quotes import quote_frames
from citetrace.evaluation.gold import read_brat_folder
from citetrace.evaluation.score import _overlap, _words
from citetrace.models import GoldFrame
from citetrace.parse.nlp import Parser, default_cache_dir
from citetrace.read.corpus import read_document

MAX_TREES = 800
GRADES = 10  # relevance: the option's word F1 in tenths
PARAMS = {
    "objective": "lambdarank",
    "lambdarank_truncation_level": 3,
    "eval_at": [1],
    "learning_rate": 0.05,
    "num_leaves": 63,
    "min_data_in_leaf": 10,
    "feature_fraction": 0.8,
    "lambda_l2": 1.0,
    "verbose": -1,
    "num_threads": 2,
    "seed": 13,
    "deterministic": True,
    "force_col_wise": True,
}

Example = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, word F1 labels, (tp, predicted, gold) per option


def _gold_for(cue: tuple[int, int], gold: list[GoldFrame]) -> GoldFrame | None:
    best, most = None, 0
    for g in gold:
        ov = _overlap([cue], g.cue.pieces)
        if ov > most:
            best, most = g, ov
    return best


def examples(folder: Path) -> list[list[Example]]:
    """For each gold document (sorted by name), its examples."""
    parser = Parser(None, cache_dir=default_cache_dir(), doc_timeout=None)
    gold = sorted(read_brat_folder(folder), key=lambda g: g.document.removesuffix(".txt"))
    docs = [read_document(folder / "text" / g.document) for g in gold]
    out = []
    for g, d, parsed in zip(gold, docs, parser.parse([d.text for d in docs]), strict=True):
        trees, quotes, raw = propose(d.text, parsed)
        quote_frames(d.text, trees, quotes, raw)  # fills Candidate.more: the quotes going on count for every option
        by_index = {t.index: t for t in trees}
        found = []
        for f in raw:
            t, match = by_index.get(f.sentence), _gold_for(f.cue, g.frames)
            tok = content.cue_token(t, f) if t is not None else None
            if f.kind not in content.CHOSEN_KINDS or tok is None or match is None:
                continue
            opts = content.options(t, tok, f, quotes)
            gold_words = _words(d.text, match.content.pieces)
            counts = []
            for o in opts:
                words = _words(d.text, [o.span, *f.more])
                counts.append((len(words & gold_words), len(words), len(gold_words)))
            c = np.array(counts, dtype=np.float64)
            f1 = 2 * c[:, 0] / np.maximum(1, c[:, 1] + c[:, 2])
            found.append((content.option_features(t, tok, f, opts, quotes), f1, c))
        out.append(found)
    return out


def micro_f1(part: list[Example], picks: list[int]) -> float:
    tp = pred = gold = 0.0
    for (_, _, counts), i in zip(part, picks, strict=True):
        tp, pred, gold = tp + counts[i, 0], pred + counts[i, 1], gold + counts[i, 2]
    p, r = tp / max(1, pred), tp / max(1, gold)
    return 2 * p * r / max(1e-9, p + r)


def _matrix(part: list[Example]) -> lightgbm.Dataset:
    rows = np.vstack([r for r, _, _ in part])
    grades = np.concatenate([np.round(y * GRADES).astype(int) for _, y, _ in part])
    return lightgbm.Dataset(rows, grades, group=[len(y) for _, y, _ in part], free_raw_data=False)


def main(folder: Path, dest: Path) -> None:
    docs = examples(folder)
    fit = [e for i, d in enumerate(docs) if i % HOLD_OUT_EVERY for e in d]
    held = [e for i, d in enumerate(docs) if not i % HOLD_OUT_EVERY for e in d]
    n_fit, n_held = sum(len(y) for _, y, _ in fit), sum(len(y) for _, y, _ in held)
    print(f"{len(fit)} training frames ({n_fit} options), {len(held)} held out ({n_held})", file=sys.stderr)
    train_set = _matrix(fit)
    held_set = _matrix(held)
    held_set.reference = train_set
    booster = early_stopped(PARAMS, train_set, held_set, MAX_TREES)
    print(f"{booster.best_iteration} trees", file=sys.stderr)
    picks = [int(np.argmax(booster.predict(r, num_iteration=booster.best_iteration))) for r, _, _ in held]
    print(f"held-out content word F1: rules {micro_f1(held, [0] * len(held)):.4f}", file=sys.stderr)
    print(f"  best option (ceiling) {micro_f1(held, [int(np.argmax(y)) for _, y, _ in held]):.4f}", file=sys.stderr)
    changed = sum(1 for p in picks if p)
    print(f"  model {micro_f1(held, picks):.4f} ({changed} of {len(held)} changed)", file=sys.stderr)
    save_model(booster, dest / Path(content.MODEL).name)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
