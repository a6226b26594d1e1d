"""Flags on chains: no source, unnamed original, one intermediary, circular, lost attribution, altered copy."""

from __future__ import annotations

import pytest

from citetrace.models import EdgeType, FlagType

from ..conftest import flag_types
from ..reuse.test_passages import COPY, RT


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The strike was alleged to have killed ten people.\n", FlagType.no_source),
        ("Security sources said 10 people were killed in the strike.\n", FlagType.unnamed_original),
        ("The BBC reported that the group was back, according to Reuters.\n", FlagType.single_intermediary),
    ],
    ids=["no-source", "anonymous", "one-intermediary"],
)
def test_flags(graph_of, text: str, flag: FlagType) -> None:
    g = graph_of(text, outlets=("Daily Mail",))
    assert any(flag in flag_types(c) for c in g.chains)


def test_a_named_source_is_not_flagged(graph_of) -> None:
    g = graph_of("The Pentagon said the strike was carried out by a drone.\n", outlets=("Daily Mail",))
    (chain,) = g.chains
    assert chain.path == ["Daily Mail", "Pentagon"] and chain.flags == []


def test_circular_citation(graph_of) -> None:
    g = graph_of(
        "Reuters reported that the ceasefire had collapsed, according to the BBC.\n\n"
        "The BBC reported that the talks had failed, according to Reuters.\n",
        outlets=("Daily Mail",),
    )
    circular = [c for c in g.chains if FlagType.circular in flag_types(c)]
    assert circular and "Reuters" in circular[0].flags[-1].detail


def test_copy_lost_its_attribution_and_was_altered(graph_of) -> None:
    g = graph_of(RT, COPY)
    copy = [c for c in g.chains if c.document == "1.txt"]
    lost = [c for c in copy if FlagType.lost_attribution in flag_types(c)]
    assert lost and "BBC Monitoring" in next(f.detail for f in lost[0].flags if f.type == FlagType.lost_attribution)
    assert any(FlagType.altered_copy in flag_types(c) and "Israeli-backed" in str(c.flags) for c in copy)
    assert any(e.type == EdgeType.shares_text for e in g.edges)
    assert {e.target for e in g.edges if e.type == EdgeType.republishes} == {"src:RT"}
    assert all(c.path[1] == "RT" for c in g.chains if c.path and len(c.path) > 1)
