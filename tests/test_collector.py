"""The garbage collector's thresholds while a corpus is traced, and after."""

from __future__ import annotations

import gc
import weakref

import pytest

from citetrace.collector import YOUNG, few_collections, give_back


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


def test_give_back_frees_cycles_at_once() -> None:
    class Node:
        pass

    with few_collections():
        a, b = Node(), Node()
        a.other, b.other = b, a  # type: ignore[attr-defined]
        gone = weakref.ref(a)
        del a, b
        assert gone() is not None  # a cycle waits for the collector...
        give_back()
        assert gone() is None  # ...which give_back runs, before it trims the heap
