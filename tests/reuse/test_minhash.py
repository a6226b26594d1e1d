"""MinHash signatures and LSH bands: datasketch's values, and what a MinHash promises."""

from __future__ import annotations

import random

import numpy as np
import pytest

from citetrace.reuse import minhash
from citetrace.reuse.minhash import lsh_bands, signatures

# Values datasketch 2.0.0 gave (``MinHash(num_perm, seed).update_batch(...)``, scheme "affine32"),
# and the (b, r) its ``MinHashLSH(threshold, num_perm)`` chose: the reuse stage's candidates are
# those it had while citetrace used it.
DATASKETCH = [
    ([b"the death of", b"death of soleimani", b"of soleimani was"], [110827711, 556414360, 2507166390, 209744435]),
    ([b"a"], [2722863001, 569248834, 1183017304, 1951353081]),
    ([b"x y z", b"x y z", b"q r s"], [257014287, 3594806029, 938040509, 831884731]),
]
DATASKETCH_SEED_7 = [1111704247, 453708904, 2936067143, 1218011885, 2689763684, 1176823504, 1926747340, 201652148]


def test_signatures_are_datasketchs() -> None:
    got = signatures([s for s, _ in DATASKETCH])
    assert got.shape == (3, 128) and got.dtype == np.uint32
    assert [list(map(int, row[:4])) for row in got] == [v for _, v in DATASKETCH]
    assert list(map(int, signatures([[b"a", b"b"]], num_perm=16, seed=7)[0, :8])) == DATASKETCH_SEED_7


@pytest.mark.parametrize(
    ("threshold", "num_perm", "chosen"),
    [(0.1, 128, (64, 2)), (0.2, 128, (28, 2)), (0.5, 128, (25, 5)), (0.8, 128, (9, 13)), (0.2, 256, (85, 3))],
)
def test_bands_are_those_datasketch_chooses(threshold: float, num_perm: int, chosen: tuple[int, int]) -> None:
    assert lsh_bands(threshold, num_perm) == chosen


def test_a_set_split_across_blocks_and_order_do_not_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3)
    sets = [{f"w{rng.randrange(300)}".encode() for _ in range(rng.randrange(1, 30))} for _ in range(200)]
    whole = signatures(sets)
    monkeypatch.setattr(minhash, "BLOCK_ROWS", 7)  # many blocks, each flushed after a whole set
    assert (signatures(sorted(s, reverse=True) for s in sets) == whole).all()
    assert (signatures([set(), sets[0]])[0] == np.iinfo(np.uint32).max).all()  # an empty set: nothing hashed


def test_agreement_estimates_jaccard() -> None:
    rng = random.Random(5)
    errors = []
    for _ in range(40):
        pool = [f"t{i}".encode() for i in range(rng.randrange(20, 200))]
        a, b = set(rng.sample(pool, len(pool) // 2)), set(rng.sample(pool, len(pool) // 2))
        sa, sb = signatures([a, b])
        errors.append(abs(float((sa == sb).mean()) - len(a & b) / len(a | b)))
    assert np.mean(errors) < 0.05 and max(errors) < 0.15  # standard error at 128 permutations: <= 0.044
