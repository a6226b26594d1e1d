"""Reuse pairs as clusters: the documents that share passages, each under the earliest document it
shares text with, so that a story printed by n outlets is one cluster of n members (``ReuseCluster``).

``find_reuse`` already compares documents earliest first and keeps a pair only for what no earlier
printing shares, so its pairs are the edges of a copy tree; this groups them (connected components,
``networkx``) and names each member's parent: the earlier document of its first pair. A member whose
text is nearly all in the passages it shares with its parent is a reprint (``is_reprint``): a report
shows it as its differences from the parent, so that 600 printings of one story are one page, not 600.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx

from citetrace.models import ClusterMember, ReuseCluster, ReusePair
from citetrace.reuse.passages import printed_order

# A reprint: at least this share of its text is in passages shared with its parent, at least this similar
# (an outlet's edits of a wire story: words swapped, a paragraph cut, a line added, stay a reprint; a story
# that adds its own reporting around a quoted paragraph does not)
REPRINT_COVERAGE = 0.9
REPRINT_SIMILARITY = 0.8


def is_reprint(coverage: float | None, similarity: float | None) -> bool:
    """Whether a member with these passages is its parent's text, near enough, in print again."""
    return (coverage or 0.0) >= REPRINT_COVERAGE and (similarity or 0.0) >= REPRINT_SIMILARITY


def copy_tree(
    pairs: Sequence[ReusePair], dates: Mapping[str, str | None], lengths: Mapping[str, int] | None = None
) -> list[ReuseCluster]:
    """One ``ReuseCluster`` for each group of documents the pairs connect; ``lengths``: each document's
    text in characters, for how much of it a member shares with its parent (none: no coverage, no reprint)."""

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
            coverage = _coverage(pair, name, (lengths or {}).get(name))
            out.append(
                ClusterMember(
                    document=name,
                    date=dates.get(name),
                    shares_with=_other(pair, name),
                    relation=pair.direction,
                    passages=len(pair.passages),
                    similarity=round(similarity, 3) if similarity is not None else None,
                    coverage=coverage,
                    reprint=is_reprint(coverage, similarity),
                )
            )
        clusters.append(ReuseCluster(id=f"c{len(clusters) + 1}", first=members[0], members=out))
    return clusters


def _other(pair: ReusePair, name: str) -> str:
    return pair.b if pair.a == name else pair.a


def _coverage(pair: ReusePair, name: str, length: int | None) -> float | None:
    """The share of ``name``'s text (``length`` characters) inside the pair's passages."""
    if not length:
        return None
    spans = [(x.a_start, x.a_end) if pair.a == name else (x.b_start, x.b_end) for x in pair.passages]
    covered, reach = 0, 0
    for start, end in sorted(spans):
        covered += max(0, end - max(start, reach))
        reach = max(reach, end)
    return round(min(1.0, covered / length), 3)
