"""Train the learned cue scorer (citetrace/data/cue_gbm.txt.gz + cue_gbm.features) on PolNeAR *train*.

Every candidate token (``attribution.learned.is_candidate``) of the parsed training documents is an
example, positive when it lies inside an annotated cue span; features come from
``attribution.learned.token_features``. One document in seven (sorted by name, the same split as
bench/heldout_train.py) is held out: the number of trees is chosen on it (early stopping) and its
token-level precision and recall are printed. Dev is never read.

    python bench/train_cues.py ../shared/gold/polnear/train citetrace/data

Parses come from the parse cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS), so a second
run parses nothing. About 10 minutes on 2 cores with the cache warm.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import lightgbm
import numpy as np
from cue_examples import HOLD_OUT_EVERY, early_stopped, labelled_tokens, save_model

from citetrace.attribution.learned import (
    DENSE,
    FEATURES,
    MODEL,
    VECTORS,
    CueScorer,
    LemmaVectors,
    is_candidate,
    token_features,
)
from citetrace.evaluation.gold import read_brat_folder
from citetrace.parse.nlp import Parser, default_cache_dir

MIN_COUNT = 5  # features seen in fewer training tokens are dropped
MAX_TREES = 600
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.15,
    "num_leaves": 31,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.5,
    "lambda_l2": 1.0,
    "verbose": -1,
    "num_threads": 2,
    "seed": 13,
    "deterministic": True,
    "force_col_wise": True,
}


def examples(folder: Path) -> list[tuple[str, list[list[str]], list[int], list[str]]]:
    """(document, feature rows, labels, lemmas) of every training document, sorted by name."""
    parser = Parser(None, cache_dir=default_cache_dir(), doc_timeout=None)
    gold = sorted(read_brat_folder(folder), key=lambda g: g.document.removesuffix(".txt"))  # as heldout_train.py
    return [
        (
            doc,
            [token_features(t, tok, quotes) for t, tok, quotes, _ in toks],
            [label for *_, label in toks],
            [tok.lemma.lower() for _, tok, _, _ in toks],
        )
        for doc, toks in labelled_tokens(folder, gold, parser, is_candidate)
    ]


def report(y: np.ndarray, p: np.ndarray) -> None:
    for threshold in (0.3, 0.4, 0.5, 0.6):
        guess = p >= threshold
        tp = int((guess & (y == 1)).sum())
        prec, rec = tp / max(1, int(guess.sum())), tp / max(1, int(y.sum()))
        f1 = 2 * prec * rec / max(1e-9, prec + rec)
        print(f"held-out tokens, threshold {threshold}: P {prec:.3f} R {rec:.3f} F1 {f1:.3f}", file=sys.stderr)


def fit_vectors(fit: list) -> np.ndarray:
    """The lemma-vector rows (``LemmaVectors``) from the training documents: the mean unit vector of
    the lemmas of cue tokens and of the other tokens, then the 16 main directions of the distinct
    lemmas' vectors (SVD of the centred matrix)."""
    vectors = LemmaVectors(np.zeros((DENSE, 256), dtype=np.float32))
    lemmas = [x for *_, ls in fit for x in ls]
    labels = np.array([y for _, _, ys, _ in fit for y in ys])
    distinct = sorted(set(lemmas))
    unit = dict(zip(distinct, vectors.embed(distinct), strict=True))
    all_vectors = np.array([unit[x] for x in lemmas])
    cue, other = all_vectors[labels == 1].mean(0), all_vectors[labels == 0].mean(0)
    matrix = np.array([unit[x] for x in distinct])
    _, _, vt = np.linalg.svd(matrix - matrix.mean(0), full_matrices=False)
    rows = [cue / np.linalg.norm(cue), other / np.linalg.norm(other), *vt[: DENSE - 2]]
    return np.array(rows, dtype=np.float32)


def main(folder: Path, dest: Path) -> None:
    docs = examples(folder)
    fit = [d for i, d in enumerate(docs) if i % HOLD_OUT_EVERY]
    held = [d for i, d in enumerate(docs) if not i % HOLD_OUT_EVERY]
    counts = Counter(x for _, rows, _, _ in fit for row in rows for x in set(row))
    features = sorted(x for x, n in counts.items() if n >= MIN_COUNT and "\n" not in x)
    rows = fit_vectors(fit)
    scorer_cols = CueScorer.columns_of(features, LemmaVectors(rows))

    def matrix(part: list):
        return scorer_cols.matrix([r for _, rs, _, _ in part for r in rs], [x for *_, ls in part for x in ls])

    x_fit, x_held = matrix(fit), matrix(held)
    y_fit = np.array([y for _, _, labels, _ in fit for y in labels])
    y_held = np.array([y for _, _, labels, _ in held for y in labels])
    print(
        f"{len(fit)} training documents, {len(y_fit)} tokens ({int(y_fit.sum())} in cues), {len(features)} "
        f"features + {DENSE} lemma-vector columns; {len(held)} held out ({len(y_held)} tokens)",
        file=sys.stderr,
    )
    train_set = lightgbm.Dataset(x_fit, y_fit, free_raw_data=False)
    held_set = lightgbm.Dataset(x_held, y_held, reference=train_set)
    booster = early_stopped(PARAMS, train_set, held_set, MAX_TREES)
    print(f"{booster.best_iteration} trees (early stopping on the held-out documents)", file=sys.stderr)
    report(y_held, booster.predict(x_held, num_iteration=booster.best_iteration))
    save_model(booster, dest / Path(MODEL).name)
    used = booster.feature_importance("split", iteration=booster.best_iteration)
    lines = [f"{i}\t{name}" for i, name in enumerate(features) if used[i]]
    (dest / Path(FEATURES).name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    np.save(dest / Path(VECTORS).name, rows)
    dense_splits = int(used[len(features) :].sum())
    print(f"{len(lines)} of {len(features)} features used; {dense_splits} splits on lemma vectors", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
