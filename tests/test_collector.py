"""The garbage collector's thresholds while a corpus is traced, and after."""

from __future__ import annotations

import gc

import pytest

from citetrace.collector import YOUNG, few_collections


def test_few_collections_within_and_the_old_thresholds_after() -> None:
    before = gc.get_threshold()
    with few_collections():
        assert gc.get_threshold()[0] == YOUNG
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), few_collections():
        raise RuntimeError
    assert gc.get_threshold() == before


def test_cycles_are_still_collected_within() -> None:
    class Node:
        pass

    with few_collections():
        a, b = Node(), Node()
        a.other, b.other = b, a  # type: ignore[attr-defined]
        del a, b
        assert gc.collect() >= 2
