"""The garbage collector's thresholds while a corpus is traced, and after."""

from __future__ import annotations

import gc
import weakref

import pytest

from citetrace.parse.collector import YOUNG, few_collections, give_back


def test_few_collections_within_and_the_old_thresholds_after() -> None:
    before = gc.get_threshold()
    with few_collections():
        assert gc.get_threshold()[0] == YOUNG
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), few_collections():
        raise RuntimeError
    assert gc.get_threshold() == before


class _Node:
    other: _Node


def _cycle() -> weakref.ref[_Node]:
    """Two objects that refer to each other and to nothing else; a weak reference to one of them."""
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_cycles_are_still_collected_within() -> None:
    with few_collections():
        _cycle()
        assert gc.collect() >= 2


def test_give_back_frees_cycles_at_once() -> None:
    with few_collections():
        gone = _cycle()
        assert gone() is not None  # a cycle waits for the collector...
        give_back()
        assert gone() is None  # ...which give_back runs, before it trims the heap
