"""The citation graph: nodes and edges with their evidence."""

from __future__ import annotations

from citetrace.models import EdgeType, HopType, SourceKind


def test_nested_frame_is_a_cites_edge_and_a_longer_chain(graph_of) -> None:
    g = graph_of(
        "The paper also reported that attacks rose, according to BBC journalist Mina Al-Lami.\n",
        outlets=("Daily Mail",),
    )
    (chain,) = g.chains
    assert chain.path == ["Daily Mail", "Mina Al-Lami", "paper"] or chain.path[:2] == ["Daily Mail", "Mina Al-Lami"]
    assert chain.hops[0].cue == "according to" and chain.hops[0].type is HopType.cites
    cites = [e for e in g.edges if e.type == EdgeType.cites]
    assert cites and cites[0].source == "src:Mina Al-Lami"
    ev = cites[0].evidence[0]
    assert ev.document == "0.txt" and ev.cue is not None and ev.cue.text == "reported" and ev.sentence is not None


def test_channel_is_kept_and_the_speaker_is_primary(graph_of) -> None:
    g = graph_of(
        "In an interview with Sky News Arabic, Masoud Barzani said Iran was the first country to send weapons.\n"
    )
    (chain,) = g.chains
    assert chain.primary == "Masoud Barzani" and chain.channel == "Sky News Arabic"
    assert any(e.type == EdgeType.spoke_through and e.target == "src:Sky News Arabic" for e in g.edges)


def test_a_wire_copy_chains_through_the_wire(graph_of) -> None:
    g = graph_of(
        "Campaign ads.\n\nWASHINGTON (AP) — The Trump campaign said it would spend $140 million on ads.\n",
        outlets=("Breitbart",),
    )
    (chain,) = g.chains
    assert chain.path == ["Breitbart", "Associated Press", "Donald Trump campaign"]
    assert [h.type for h in chain.hops] == [HopType.copies_wire, HopType.cites]
    assert chain.hops[0].cue == "WASHINGTON (AP) —" and chain.primary == "Donald Trump campaign"
    (wire,) = [e for e in g.edges if e.type == EdgeType.copies_wire]
    assert wire.target == "src:Associated Press" and wire.label == "WASHINGTON (AP) —"


def test_an_attribution_to_a_wire_is_no_wire_copy(graph_of) -> None:
    g = graph_of("Senate delays vote.\n\nThe senator told Reuters on Monday that she would vote no.\n")
    assert not [e for e in g.edges if e.type == EdgeType.copies_wire]
    assert all(h.type is not HopType.copies_wire for c in g.chains for h in c.hops)


def test_an_organization_form_is_affiliated_with_its_person(graph_of) -> None:
    g = graph_of("Hillary Clinton spoke in Ohio. The Clinton campaign said it would spend more on ads.\n")
    (edge,) = [e for e in g.edges if e.type == EdgeType.affiliated_with]
    assert (edge.source, edge.target) == ("src:Hillary Clinton campaign", "src:Hillary Clinton")
    campaign = next(s for s in g.sources if s.name == "Hillary Clinton campaign")
    assert campaign.affiliation == "Hillary Clinton" and campaign.kind is SourceKind.organization
