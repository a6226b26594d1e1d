"""Reuse pairs as clusters: the documents that share passages, each under the earliest document it
shares text with, so that a story printed by n outlets is one cluster of n members (``ReuseCluster``).

``find_reuse`` already compares documents earliest first and keeps a pair only for what no earlier
printing shares, so its pairs are the edges of a copy tree; this groups them (connected components,
``networkx``) and names each member's parent: the earlier document of its first pair.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx

from citetrace.models import ClusterMember, ReuseCluster, ReusePair
from citetrace.reuse.passages import printed_order


def copy_tree(pairs: Sequence[ReusePair], dates: Mapping[str, str | None]) -> list[ReuseCluster]:
    """One ``ReuseCluster`` for each group of documents the pairs connect."""

    def order(name: str) -> tuple[str, str]:
        return printed_order(name, dates.get(name))

    g: nx.Graph = nx.Graph()
    parent: dict[str, ReusePair] = {}
    for p in pairs:
        g.add_edge(p.a, p.b)
        later = max(p.a, p.b, key=order)
        if later not in parent or order(_other(parent[later], later)) > order(_other(p, later)):
            parent[later] = p
    clusters: list[ReuseCluster] = []
    for members in sorted((sorted(c, key=order) for c in nx.connected_components(g)), key=lambda m: order(m[0])):
        out = []
        for name in members:
            pair = parent.get(name)
            if pair is None:  # a pair's later document alone has a parent: this one is the earliest of its pairs
                out.append(ClusterMember(document=name, date=dates.get(name)))
                continue
            similarity = sum(x.similarity for x in pair.passages) / len(pair.passages) if pair.passages else None
            out.append(
                ClusterMember(
                    document=name,
                    date=dates.get(name),
                    shares_with=_other(pair, name),
                    relation=pair.direction,
                    passages=len(pair.passages),
                    similarity=round(similarity, 3) if similarity is not None else None,
                )
            )
        clusters.append(ReuseCluster(id=f"c{len(clusters) + 1}", first=members[0], members=out))
    return clusters


def _other(pair: ReusePair, name: str) -> str:
    return pair.b if pair.a == name else pair.a
