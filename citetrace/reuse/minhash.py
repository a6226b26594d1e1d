"""MinHash signatures of many sets at once, and the LSH bands for a similarity threshold.

The scheme is datasketch's (2.0, "affine32"): each element's SHA-1 folded to 32 bits, mixed by the
MurmurHash3 finalizer, then ``a * h + b`` modulo 2**32 with odd ``a`` (a permutation of the 32-bit
values), the minimum per permutation; the permutations drawn from ``numpy.random.RandomState(seed)``
as datasketch draws them, so a signature here equals ``datasketch.MinHash(seed=seed)``'s of the same
set (tests/reuse/test_minhash.py pins values it gave). The bands are the (bands, rows) that
``datasketch.MinHashLSH`` chooses for a threshold: the least false positive plus false negative
probability, integrated exactly (Gauss-Legendre; the integrands are polynomials).

Why not datasketch itself: its package imports scipy (for that integral) on every run, a third of a
warm run's start-up, and it hashes one set at a time; here every sentence of a corpus is hashed in
one pass, the permutations applied in blocks of rows. Its 2.0 changed every signature under a
``>=`` pin; owning the ~40 lines keeps the candidates of a run the same across installs.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable
from functools import cache

import numpy as np

BLOCK_ROWS = 8_192  # elements permuted at once (a set's elements are never split): ~4 MiB at 128 permutations
_FMIX = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3's 32-bit finalizer (shift, multiplier, ...)


@cache
def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """(a, b), uint32 arrays of ``num_perm``: the affine permutations, ``a`` odd."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def hash32(element: bytes) -> int:
    """The first four bytes of the element's SHA-1, little-endian."""
    return int.from_bytes(hashlib.sha1(element).digest()[:4], "little")


def _fmix(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = (np.uint32(x) for x in _FMIX)
    h = (h ^ (h >> s1)) * m1
    h = (h ^ (h >> s2)) * m2
    return h ^ (h >> s3)


def signatures(sets: Iterable[Iterable[bytes]], num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """One row of ``num_perm`` minimum hash values (uint32) per set, in order; an empty set's row is
    all 2**32 - 1. The sets are read once, as they come: a block of elements at a time is held."""
    a, b = permutations(num_perm, seed)
    blocks: list[tuple[np.ndarray, np.ndarray]] = []
    hashes, owner = array("I"), array("q")  # the block's element hashes, and the set of each
    n = 0
    for elements in sets:
        for e in elements:
            hashes.append(hash32(e))
            owner.append(n)
        n += 1
        if len(hashes) >= BLOCK_ROWS:
            blocks.append(_block(hashes, owner, a, b))
            hashes, owner = array("I"), array("q")
    blocks.append(_block(hashes, owner, a, b))
    out = np.full((n, num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    for who, mins in blocks:
        out[who] = mins  # each set's elements lie in one block
    return out


def _block(hashes: array, owner: array, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the sets of a block, ascending, and their rows of minimum permuted hash values)."""
    h = _fmix(np.frombuffer(hashes, dtype=np.uint32))[:, None] * a + b
    who = np.frombuffer(owner, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, who[1:] != who[:-1]]) if len(who) else np.zeros(0, dtype=np.intp)
    return who[starts], np.minimum.reduceat(h, starts, axis=0) if len(who) else h


def _collision(s: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Probability that two sets of Jaccard similarity ``s`` agree on one band of ``rows`` at least."""
    return 1.0 - (1.0 - s**rows) ** bands


@cache
def lsh_bands(threshold: float, num_perm: int = 128) -> tuple[int, int]:
    """(bands, rows) with the least false positive + false negative probability around ``threshold``,
    each weighted 0.5, as ``datasketch.MinHashLSH`` chooses them."""
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 2)  # exact to degree num_perm + 3
    below = threshold / 2 * (nodes + 1)  # the nodes mapped onto [0, threshold] ...
    above = threshold + (1 - threshold) / 2 * (nodes + 1)  # ... and onto [threshold, 1]
    best, chosen = float("inf"), (0, 0)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = threshold / 2 * np.dot(weights, _collision(below, bands, rows))
            fn = (1 - threshold) / 2 * np.dot(weights, 1.0 - _collision(above, bands, rows))
            if 0.5 * fp + 0.5 * fn < best:
                best, chosen = 0.5 * fp + 0.5 * fn, (bands, rows)
    return chosen
