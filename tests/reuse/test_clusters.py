"""Reuse pairs as clusters (issue 38): one story printed by many documents is one cluster, each copy
under the earliest document it shares text with."""

from __future__ import annotations

from citetrace.models import Direction

from .test_passages import COPY, RT


def test_one_story_in_four_outlets_is_one_cluster_under_its_first_printing(graph_of) -> None:
    texts = (COPY, RT, RT.replace("rejoiced at", "celebrated"), RT.replace("rejoiced at", "cheered"))
    dates = ("2020-07-27", "2020-01-12", "2020-01-15", "2020-01-20")
    g = graph_of(*texts, outlets=("ABC Flash Point News", "RT", "Copy One", "Copy Two"), dates=dates)
    (cluster,) = g.clusters
    assert cluster.first == "1.txt"  # the earliest, RT
    assert [m.document for m in cluster.members] == ["1.txt", "2.txt", "3.txt", "0.txt"]  # by date
    assert cluster.members[0].shares_with is None
    assert {m.shares_with for m in cluster.members[1:]} == {"1.txt"}
    assert all(m.relation is Direction.b_copies_a and m.passages >= 1 for m in cluster.members[1:])
    assert len(g.reuse) == 3  # the tree's edges, not the six pairs of four documents


def test_documents_sharing_nothing_are_in_no_cluster(graph_of) -> None:
    from .test_passages import OTHER

    g = graph_of(RT, OTHER)
    assert g.clusters == [] and g.reuse == []
