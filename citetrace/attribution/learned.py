"""The learned cue scorer: how likely a token is (part of) an attribution cue, from its dependency tree.

Candidates are generous by design (``is_candidate``): verbs, auxiliaries, nouns, adjectives,
prepositions (the words of "according to"), colons and dashes. Each gets sparse string features
(``token_features``: the token, its relations, what it governs, its head, its neighbours, quotes,
lexicon flags) and a few dense ones for what its lemma means (``LemmaVectors``: static word vectors
that ship in wordllama's wheel, so that a verb never seen in training that is used like "say" still
scores); a LightGBM model over them gives a probability. LightGBM because the signal is in
combinations (a lemma with a clausal complement, a noun with a "that" clause, a colon after a
capitalised name) that a linear model has to be handed one by one, and because its text model
format is small, stable across versions and needs no pickle.

The model ships as package data (``data/cue_gbm.txt.gz``, LightGBM's text format compressed;
``data/cue_gbm.features``, the column of each sparse feature the model uses; ``data/cue_gbm.vectors.npy``,
the lemma-vector rows), trained by ``bench/train_cues.py`` on PolNeAR train; it loads on first use.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from io import BytesIO

import numpy as np

from citetrace.attribution.cue_model import cue_features
from citetrace.attribution.tree import Tree
from citetrace.models import Token
from citetrace.parse.vectors import word_model

CANDIDATE_UPOS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "ADP"})  # not names: 0.7% of them are cues
DASHES = frozenset({":", "-", "--", "—", "–", "―"})
MODEL = "data/cue_gbm.txt.gz"
FEATURES = "data/cue_gbm.features"
VECTORS = "data/cue_gbm.vectors.npy"
DENSE = 2 + 16  # dense columns: cosine with the cue and the other centroid, 16 projections


def is_candidate(tok: Token) -> bool:
    """Whether a token may be a cue: a content word, a preposition, a colon or a dash."""
    return tok.upos in CANDIDATE_UPOS or tok.text in DASHES


def token_features(t: Tree, tok: Token, quotes: list[tuple[int, int]]) -> list[str]:
    """Features of a candidate cue token: those of the verb cue model and what tells other cues apart
    (a noun's clause or "of" phrase, a possessor, a speaker label's colon, the place in the sentence)."""
    f = [*cue_features(t, tok, quotes)]
    head = t.head(tok)
    position = tok.id - t.tokens[0].id
    f += [
        f"pos={min(position, 5)}",
        f"left={min(len(t.tokens) - position - 1, 5)}",
        f"hr={head.deprel if head else 'ROOT'}",
        f"u|r={tok.upos}|{tok.deprel}",
    ]
    for kid in t.kids.get(tok.id, []):
        marks = [k.lemma.lower() for k in t.children(kid, "mark", "case")]
        f.append(f"kid={kid.deprel}|{marks[0] if marks else '-'}")
        f.append(f"l|kid={tok.lemma.lower()}|{kid.deprel}|{marks[0] if marks else '-'}")
    if head is not None:
        f.append(f"hl|r={head.lemma.lower()}|{tok.deprel}")
    if tok.text in DASHES:
        before = [x for x in t.tokens if x.id < tok.id]
        f.append(f"dash_after_names={all(x.upos == 'PROPN' or x.text.isupper() for x in before) and bool(before)}")
        f.append(f"dash_quote_next={any(qs >= tok.end and qs - tok.end <= 3 for qs, _ in quotes)}")
    return f


class LemmaVectors:
    """What a lemma means, as a few numbers: its static word vector (wordllama's 256 dimensions, shipped
    in its wheel) compared with the centroid of the training cues' lemmas and of the other
    candidates' lemmas (cosine), and projected on the training lemmas' main directions. ``rows``:
    the two centroids, then the projection's rows (``bench/train_cues.py`` fits them on train)."""

    def __init__(self, rows: np.ndarray):
        self.model = word_model()
        self.rows = rows
        self.cache: dict[str, np.ndarray] = {}

    def embed(self, lemmas: Sequence[str]) -> np.ndarray:
        """Unit vectors of the lemmas (256 columns)."""
        new = sorted({x for x in lemmas if x not in self.cache})
        if new:
            for lemma, v in zip(new, self.model.embed(new, norm=True), strict=True):
                self.cache[lemma] = v
        return np.array([self.cache[x] for x in lemmas], dtype=np.float32).reshape(len(lemmas), -1)

    def __call__(self, lemmas: Sequence[str]) -> np.ndarray:
        """The dense features of each lemma (``DENSE`` columns)."""
        return self.embed(lemmas) @ self.rows.T


class CueScorer:
    """A LightGBM cue model, its sparse feature columns (``columns``: feature -> column) and the dense
    lemma-vector columns after them (``vectors``; the model's last ``DENSE`` columns)."""

    def __init__(self, model_text: str, columns: dict[str, int], vectors: LemmaVectors | None):
        import lightgbm

        self.booster = lightgbm.Booster(model_str=model_text)
        self.columns = columns
        self.vectors = vectors
        self.width = self.booster.num_feature() - (DENSE if vectors is not None else 0)

    @classmethod
    def columns_of(cls, features: Sequence[str], vectors: LemmaVectors | None) -> CueScorer:
        """A scorer with columns only (no model yet): how bench/train_cues.py builds its matrices."""
        scorer = cls.__new__(cls)
        scorer.columns = {name: i for i, name in enumerate(features)}
        scorer.vectors = vectors
        scorer.width = len(features)
        return scorer

    def matrix(self, rows: Sequence[list[str]], lemmas: Sequence[str]):  # -> scipy.sparse.csr_matrix
        """One row per token: its sparse features (one-hot), then its lemma's dense features."""
        from scipy.sparse import csr_matrix, hstack

        indptr, indices = [0], []
        for feats in rows:
            cols = sorted({self.columns[x] for x in feats if x in self.columns})
            indices += cols
            indptr.append(len(indices))
        sparse = csr_matrix(([1.0] * len(indices), indices, indptr), shape=(len(rows), self.width))
        if self.vectors is None:
            return sparse
        return hstack([sparse, csr_matrix(self.vectors(lemmas))], format="csr")

    def scores(self, rows: Sequence[list[str]], lemmas: Sequence[str]) -> list[float]:
        """Probability that each row's token is a cue."""
        if not rows:
            return []
        return [float(p) for p in self.booster.predict(self.matrix(rows, lemmas), num_threads=1)]


@lru_cache(maxsize=1)
def cue_scorer() -> CueScorer | None:
    """The packaged model, loaded once; None when it is not installed (the rules then decide alone)."""
    data = resources.files("citetrace")
    model, features = data.joinpath(MODEL), data.joinpath(FEATURES)
    if not model.is_file() or not features.is_file():
        return None
    columns = {}
    for line in features.read_text(encoding="utf-8").splitlines():
        column, _, name = line.partition("\t")
        columns[name] = int(column)
    vectors_file = data.joinpath(VECTORS)
    vectors = LemmaVectors(np.load(BytesIO(vectors_file.read_bytes()))) if vectors_file.is_file() else None
    return CueScorer(gzip.decompress(model.read_bytes()).decode("utf-8"), columns, vectors)
