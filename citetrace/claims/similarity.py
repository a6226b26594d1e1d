"""When two claims are one claim retold: candidates from a nearest-neighbour index, a score, groups.

Meaning comes from wordllama's static vectors (256 dimensions, shipped in its wheel: nothing is
downloaded): a sentence vector per claim, and a vector per word for a soft word alignment, each word
of one claim matched with the closest word of the other ("act of god" ~ "divine intervention",
"rejoiced" ~ "applauded"), weighted by how rare the word is in the corpus (``idf``), so that the
names every article of a story shares ("Soleimani", "ISIS") count for little. What is exact counts
too: a shared quoted phrase, numbers that differ. The weights and ``THRESHOLD`` were chosen on the
labelled pairs of ``bench/data/claim_pairs.tsv`` (``bench/claim_pairs.py``; docs/claims.md).

Cost: the index (faiss: exact up to ``EXACT_UP_TO`` claims, HNSW beyond) answers ``NEIGHBOURS`` per
claim, so scoring is linear in the claims and, past the exact range, building the index O(n log n);
each claim's candidates are scored in one matrix product (``Matcher.matches``); quoted phrases are
blocked by phrase. ``cluster`` joins groups pair by pair, strongest first, while the pairs across
them match on average (``LINK_MARGIN``): a chain of loosely related sentences does not become one
group.
"""

from __future__ import annotations

import logging
import math
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, NamedTuple

import networkx as nx

from citetrace.claims.vector_cache import VectorCache
from citetrace.parse.vectors import word_model

if TYPE_CHECKING:
    import numpy as np

    from citetrace.claims.collect import Claim

NEIGHBOURS = 10  # nearest neighbours asked of the index per claim
# Up to this many claims (~2,000 PolNeAR articles) every distance is computed (``faiss.knn``, one
# thread): it grows as n**2 and HNSW as about n**1.5, but from a lower start. On 400 articles
# (13,078 claims) exact took 1.0 s against 2.3 s to build and search the HNSW index; on all 924
# (27,504 claims) 4.4 s against 7.7 s, where HNSW found 97.8% of the true neighbours
# (bench/claim_index.py; docs/claims.md). They would meet near 80,000 claims; beyond this many the
# index keeps the step O(n log n).
EXACT_UP_TO = 60_000
MAX_QUOTE_DOCS = 20  # a phrase quoted in more documents than this is a slogan, not one claim's words
MIN_COSINE = 0.2  # candidates below this sentence cosine are not scored further
# score = ALIGN_WEIGHT * alignment + (1 - ALIGN_WEIGHT) * overlap, halved for each sign against, plus
# QUOTE_BONUS for a shared quoted phrase (``combine``). Chosen on bench/data/claim_pairs.tsv.
ALIGN_WEIGHT = 0.6
QUOTE_BONUS = 0.3
MIN_CONTENT_WORDS = 3
THRESHOLD = 0.65
LINK_MARGIN = 0.1  # two groups join when the mean score across them is at least THRESHOLD - LINK_MARGIN

Pair = tuple[float, int, int]


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors (float32, 256 columns), one per text."""
    import numpy as np

    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    with np.errstate(invalid="ignore", divide="ignore"):  # a text of no known token: norm 0, handled below
        vectors = word_model().embed([" ".join(t.split()) or "-" for t in texts], norm=True)
    return np.ascontiguousarray(np.nan_to_num(vectors), dtype=np.float32)  # no known token: a zero vector, not NaN


def neighbours(vectors: np.ndarray, k: int = NEIGHBOURS) -> np.ndarray:
    """Pairs (i, j), i < j, where j is among i's ``k`` nearest by cosine or i among j's, as rows of an
    array (n x 2, in order; not a set of tuples: ~1 MB against ~17 MiB at 400 articles): every
    distance computed up to ``EXACT_UP_TO`` claims (``faiss.knn``: what a flat index finds, without
    copying the vectors into one; exact, and faster there), an HNSW index beyond (one thread, so
    that the index, and so every output, is the same on every run)."""
    logging.getLogger("faiss.loader").setLevel(logging.WARNING)  # which CPU build it loads is no news
    import faiss
    import numpy as np

    n = len(vectors)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    faiss.omp_set_num_threads(1)
    if n <= EXACT_UP_TO:  # what a flat index's search finds, without copying the vectors into one
        _, found = faiss.knn(vectors, vectors, min(k + 1, n), metric=faiss.METRIC_INNER_PRODUCT)
    else:
        index = faiss.IndexHNSWFlat(vectors.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = max(64, 2 * k)
        index.add(vectors)
        _, found = index.search(vectors, min(k + 1, n))
    return _unique_pairs(np.repeat(np.arange(n, dtype=np.int64), found.shape[1]), found.ravel().astype(np.int64), n)


def _unique_pairs(i: np.ndarray, j: np.ndarray, n: int) -> np.ndarray:
    """The distinct pairs (min, max) of ``i`` and ``j`` (indices below ``n``; -1 and i == j left
    out), in order, as rows of an array."""
    import numpy as np

    keep = (j >= 0) & (j != i)
    codes = np.unique(np.minimum(i, j)[keep] * n + np.maximum(i, j)[keep])
    return np.stack([codes // n, codes % n], axis=1)


def quote_pairs(claims: Sequence[Claim]) -> set[tuple[int, int]]:
    """Pairs of claims that quote the same phrase (blocked by the phrase)."""
    by_quote: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for q in c.quotes:
            by_quote[q].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in by_quote.values():
        if len({claims[i].document for i in ids}) <= MAX_QUOTE_DOCS:
            pairs.update(combinations(ids, 2))
    return pairs


class Matcher:
    """Scores pairs of one corpus's claims: word weights (``idf``) and word vectors, built once."""

    def __init__(self, claims: Sequence[Claim], cache: VectorCache | None = None):
        import numpy as np

        self.claims = claims
        df: dict[str, int] = defaultdict(int)
        for c in claims:
            for w in c.lemmas:
                df[w] += 1
        n = len(claims)
        self.idf = {w: math.log((n + 1) / (k + 1)) + 1.0 for w, k in df.items()}
        vocab = sorted(df)
        self.word = {w: i for i, w in enumerate(vocab)}
        self.cache = cache or VectorCache(None)  # vectors embedded by an earlier run are read back
        self.vectors = self.cache.embed(vocab, embed) if vocab else np.zeros((0, 256), dtype=np.float32)
        self.rows = [self._rows(c) for c in claims]  # each claim's words, looked up once, not per pair
        # claims that score alike (the same words, quotes, numbers, names, polarity: copies of one story
        # in many outlets) share a key, and a pair of keys is scored once
        keys: dict[tuple, int] = {}
        self.key = [keys.setdefault((c.lemmas, c.quotes, c.numbers, c.names, c.negated), len(keys)) for c in claims]
        self._scores: dict[tuple[int, int], float] = {}

    def sentence_vectors(self) -> np.ndarray:
        """A vector per claim (its gist), for the candidates only: not kept (13 MB at 400 articles)."""
        return self.cache.embed([c.gist for c in self.claims], embed)

    def _rows(self, c: Claim) -> tuple[np.ndarray, np.ndarray]:
        """(rows of ``vectors``, ascending, and ``idf`` weights) of a claim's words, in sorted order (the
        vocabulary is numbered in sorted order too)."""
        import numpy as np

        words = sorted(c.lemmas)
        return np.array([self.word[w] for w in words], dtype=np.intp), np.array([self.idf[w] for w in words])

    def matches(self, i: int, others: Sequence[int]) -> list[tuple[float, float]]:
        """(alignment, overlap) of claim i with each of ``others``, in one matrix product:

        - alignment, 0..1: soft word overlap, each word matched with the other claim's closest word
          (cosine of the word vectors; 1 for the same word), weighted by ``idf``, averaged over both
          directions;
        - overlap, 0..1: the ``idf`` weight of the words both share over that of the words either
          has (a weighted Jaccard)."""
        import numpy as np

        wa, ia = self.rows[i]
        rows = [self.rows[j] for j in others]
        if not len(wa) or not rows:
            return [(0.0, 0.0)] * len(others)
        sizes = np.array([len(w) for w, _ in rows])
        wb = np.concatenate([w for w, _ in rows])
        ib = np.concatenate([x for _, x in rows])
        if not len(wb):
            return [(0.0, 0.0)] * len(others)
        starts = np.cumsum(sizes) - sizes
        sim = self.vectors[wa] @ self.vectors[wb].T  # a's words x every other claim's words
        shown = sizes > 0  # ``reduceat`` needs a column to start at
        at = starts[shown]
        forward = np.zeros(len(others))  # a's words, each at its closest word of b
        forward[shown] = (np.maximum.reduceat(sim, at, axis=1) * ia[:, None]).sum(0) / ia.sum()
        weight = np.zeros(len(others))  # of b's words
        weight[shown] = np.add.reduceat(ib, at)
        backward = np.zeros(len(others))  # b's words, each at its closest word of a
        backward[shown] = np.add.reduceat(sim.max(0) * ib, at) / weight[shown]
        shared = np.zeros(len(others))
        in_a = wa[np.minimum(np.searchsorted(wa, wb), len(wa) - 1)] == wb  # a's rows are sorted: no ``isin``
        shared[shown] = np.add.reduceat(np.where(in_a, ib, 0.0), at)
        union = ia.sum() + weight - shared
        return [
            (float(0.5 * (f + b)) if n else 0.0, float(s / u) if n and u else 0.0)
            for f, b, s, u, n in zip(forward, backward, shared, union, sizes, strict=True)
        ]

    def features(self, i: int, j: int) -> Features:
        """What ``combine`` weighs for claims i and j."""
        return self._features(i, j, *self.matches(i, [j])[0])

    def _features(self, i: int, j: int, alignment: float, overlap: float) -> Features:
        a, b = self.claims[i], self.claims[j]
        return Features(
            alignment=alignment,
            overlap=overlap,
            quote=bool(a.quotes & b.quotes),
            other_numbers=bool(a.numbers and b.numbers and not a.numbers & b.numbers),
            other_names=bool(a.names and b.names and not _names_meet(a.names, b.names)),
            other_polarity=a.negated != b.negated,
            words=min(len(a.lemmas), len(b.lemmas)),
        )

    def score(self, i: int, j: int) -> float:
        """How surely claims i and j are one claim retold (``THRESHOLD`` decides); once per pair of
        claims that score alike."""
        key = (self.key[i], self.key[j]) if self.key[i] <= self.key[j] else (self.key[j], self.key[i])
        known = self._scores.get(key)
        if known is None:
            known = self._scores[key] = combine(self.features(i, j))
        return known

    def _candidates(self) -> dict[int, list[int]]:
        """Each claim's candidates in other documents (nearest neighbours, shared quotes), by the
        sentence vectors, which are freed before the pairs are scored."""
        import numpy as np

        sentences = self.sentence_vectors()
        others: dict[int, list[int]] = defaultdict(list)
        quoted = np.array(list(quote_pairs(self.claims)), dtype=np.int64).reshape(-1, 2)  # put in order below
        both = np.concatenate([neighbours(sentences), quoted])
        candidates = _unique_pairs(both[:, 0], both[:, 1], len(self.claims))
        for start in range(0, len(candidates), _CHUNK):  # a chunk at a time as Python ints, not all
            for i, j in candidates[start : start + _CHUNK].tolist():
                a, b = self.claims[i], self.claims[j]
                if a.document == b.document:
                    continue
                if float(sentences[i] @ sentences[j]) < MIN_COSINE and not a.quotes & b.quotes:
                    continue
                others[i].append(j)
        return others

    def pairs(self) -> Pairs:
        """The candidate pairs of different documents, scored, strongest first (ties: by place); each
        claim's candidates scored together (``matches``)."""
        import numpy as np

        others = self._candidates()
        scores, first, second = array("d"), array("q"), array("q")
        for i, js in others.items():
            for j, (alignment, overlap) in zip(js, self.matches(i, js), strict=True):
                scores.append(combine(self._features(i, j, alignment, overlap)))
                first.append(i)
                second.append(j)
        return Pairs(np.frombuffer(scores), np.frombuffer(first, dtype=np.int64), np.frombuffer(second, dtype=np.int64))


_CHUNK = 8_192


class Pairs:
    """Scored pairs of claims (i < j), strongest first, ties by place, as three arrays: at 924
    PolNeAR articles 206,000 pairs take ~5 MB where (score, i, j) tuples took ~30 MB and a dict to
    look their scores up ~35 MB more. Iterating gives (score, i, j) tuples in order."""

    def __init__(self, scores: np.ndarray, first: np.ndarray, second: np.ndarray):
        import numpy as np

        order = np.lexsort((second, first, -scores))
        self.scores, self.first, self.second = scores[order], first[order], second[order]
        codes = (self.first << 32) | self.second  # one key a pair, for ``score``
        by_code = np.argsort(codes, kind="stable")
        self._codes, self._coded_scores = codes[by_code], self.scores[by_code]

    def __len__(self) -> int:
        return len(self.scores)

    def __iter__(self) -> Iterator[Pair]:
        for start in range(0, len(self), _CHUNK):
            end = start + _CHUNK
            scores, first, second = (a[start:end].tolist() for a in (self.scores, self.first, self.second))
            yield from zip(scores, first, second, strict=True)

    def score(self, i: int, j: int) -> float | None:
        """The score of the pair (i, j), i < j, if it is one of these."""
        import numpy as np

        code = (i << 32) | j
        k = int(np.searchsorted(self._codes, code))
        return float(self._coded_scores[k]) if k < len(self._codes) and self._codes[k] == code else None


def _names_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two claims share a name, where one name may be the start of the other ("US" and "USA",
    "IS" and "ISIS", "Trump" and "Trump's"): a short form is no sign of someone else."""
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


class Features(NamedTuple):
    """What decides whether two claims are one claim retold (``Matcher.features``)."""

    alignment: float  # soft word overlap (word vectors), idf-weighted
    overlap: float  # exact word overlap, idf-weighted
    quote: bool  # a quoted phrase of two words or more in both
    other_numbers: bool  # numbers in both, none shared ("46 to 42" against "46 to 35")
    other_names: bool  # names in both, none shared ("Gingrich won the primary" against "Trump won the primary")
    other_polarity: bool  # one is negated, the other is not ("might vote for" against "would never vote for")
    words: int  # content words of the shorter claim


def combine(
    f: Features,
    align_weight: float = ALIGN_WEIGHT,
    quote_bonus: float = QUOTE_BONUS,
    min_words: int = MIN_CONTENT_WORDS,
) -> float:
    """The pair score: alignment and overlap blended, halved for each sign against (numbers that
    differ, opposite polarity, a claim shorter than ``min_words`` content words), plus a bonus for a
    shared quote."""
    s = align_weight * f.alignment + (1 - align_weight) * f.overlap
    for against in (f.other_numbers, f.other_names, f.other_polarity, f.words < min_words):
        if against:
            s /= 2
    return s + (quote_bonus if f.quote else 0.0)


def cluster(matcher: Matcher, pairs: Pairs, threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups (claim indices) spanning two documents or more, each with an attributed claim. Pairs at
    ``threshold`` or more join their groups, strongest first, when the mean score of all pairs across
    the two groups (scored on demand where the index did not propose them) is within ``LINK_MARGIN``
    of ``threshold``: a claim joins a group it matches as a whole, not one member of it."""
    claims = matcher.claims
    uf = nx.utils.UnionFind(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    for s, i, j in pairs:
        if s < threshold:
            break
        ri, rj = uf[i], uf[j]
        if ri == rj:
            continue
        across = [(min(x, y), max(x, y)) for x in members[ri] for y in members[rj]]
        scores = [known if (known := pairs.score(*p)) is not None else matcher.score(*p) for p in across]
        if sum(scores) / len(scores) < threshold - LINK_MARGIN:
            continue
        merged = members.pop(ri) + members.pop(rj)
        uf.union(ri, rj)
        members[uf[i]] = sorted(merged)
    groups = [
        ids
        for ids in members.values()
        if len({claims[i].document for i in ids}) >= 2 and any(claims[i].attributed for i in ids)
    ]
    return sorted(groups)
