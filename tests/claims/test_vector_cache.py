"""The claims' vector cache: the same bits as embedding, the model not loaded when all is found."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from citetrace.claims.similarity import embed
from citetrace.claims.vector_cache import FILE, VectorCache

TEXTS = [
    "the death of Qassem Soleimani was an act of divine intervention",
    "rejoiced",
    "Islamic State terrorists applauded the death of the Iranian general in their weekly newspaper",
    "",
]


def test_a_texts_vector_does_not_depend_on_the_texts_embedded_with_it() -> None:
    rng = random.Random(1)
    words = " ".join(TEXTS).split()
    texts = TEXTS + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 80))) for _ in range(150)]
    together = embed(texts)  # batches of 64, each padded to its longest text
    for i, text in enumerate(texts):
        assert embed([text])[0].tobytes() == together[i].tobytes()


def test_cached_vectors_are_the_embedded_ones_to_the_bit(tmp_path: Path) -> None:
    cache = VectorCache(tmp_path)
    calls: list[list[str]] = []

    def counted(texts):  # noqa: ANN001, ANN202
        calls.append(list(texts))
        return embed(texts)

    first = cache.embed(TEXTS[:2], counted)
    both = cache.embed(TEXTS, counted)  # two found, two embedded
    again = cache.embed(TEXTS, counted)  # all found: nothing embedded
    assert calls == [TEXTS[:2], TEXTS[2:]]
    assert both.tobytes() == again.tobytes() == embed(TEXTS).tobytes()
    assert first.tobytes() == both[:2].tobytes()


def test_a_damaged_or_unwritable_cache_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / FILE).write_bytes(b"not a database at all" * 100)
    assert VectorCache(tmp_path).embed(TEXTS, embed).tobytes() == embed(TEXTS).tobytes()
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    assert VectorCache(blocked).embed(TEXTS, embed).tobytes() == embed(TEXTS).tobytes()


def test_a_short_value_is_no_vector(tmp_path: Path) -> None:
    VectorCache(tmp_path).embed(TEXTS[:1], embed)
    with sqlite3.connect(tmp_path / FILE) as db:
        db.execute("UPDATE vectors SET v = ?", (b"\x00" * 12,))
    db.close()
    assert VectorCache(tmp_path).embed(TEXTS[:1], embed).tobytes() == embed(TEXTS[:1]).tobytes()


@pytest.mark.parametrize("cache", [None, "tmp"])
def test_no_texts(tmp_path: Path, cache: str | None) -> None:
    got = VectorCache(tmp_path if cache else None).embed([], embed)
    assert got.shape == (0, 256) and got.dtype == np.float32


def test_an_unreadable_cache_is_not_tried_again_in_the_run(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    cache = VectorCache(blocked)
    for _ in range(2):
        assert cache.embed(TEXTS, embed).tobytes() == embed(TEXTS).tobytes()
    assert cache.path is None and blocked.read_text() == "a file where the cache folder should be"
