"""Queries: a source by any of its names, chains resting on a source, chains of a claim."""

from __future__ import annotations

from citetrace.chains.query import chains_of_claim, chains_resting_on, find_source

from ..reuse.test_passages import COPY, RT


def test_lookups(graph_of) -> None:
    g = graph_of(RT, COPY)
    assert find_source(g, "the bbc monitoring") == "BBC Monitoring"
    assert find_source(g, "Nobody Anywhere") is None
    assert chains_resting_on(g, "RT") and all("RT" in c.path for c in chains_resting_on(g, "RT"))
    assert {c.document for c in chains_of_claim(g, "AN ACT OF GOD in support of its cause")} == {"0.txt", "1.txt"}
