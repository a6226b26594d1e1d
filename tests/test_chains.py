"""The citation graph: edges with evidence, chains to the primary source, and every flag."""

from __future__ import annotations

import pytest

from citetrace.dot import hop_label
from citetrace.models import Direction, Document, EdgeType, FlagType, HopType
from citetrace.pipeline import frames_of, link_documents
from citetrace.query import chains_of_claim, chains_resting_on, find_source

from .test_reuse import COPY, RT


@pytest.fixture(scope="module")
def graph_of(parser):
    def run(*texts: str, outlets: tuple[str | None, ...] = (), dates: tuple[str | None, ...] = ()):
        docs = [
            Document(
                path=f"{i}.txt",
                name=f"{i}.txt",
                text=t,
                outlet=outlets[i] if i < len(outlets) else None,
                date=dates[i] if i < len(dates) else None,
            )
            for i, t in enumerate(texts)
        ]
        parses = parser.parse([d.text for d in docs])
        frames = [frames_of(d, p) for d, p in zip(docs, parses, strict=True)]
        return link_documents(docs, parses, frames)[1]

    return run


def _flags(chain) -> set[FlagType]:
    return {f.type for f in chain.flags}


def test_nested_frame_is_a_cites_edge_and_a_longer_chain(graph_of) -> None:
    g = graph_of(
        "The paper also reported a rise in attacks, according to BBC journalist Mina Al-Lami.\n",
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


def test_words_printed_in_a_publication_end_at_the_publication(graph_of) -> None:
    g = graph_of("In the weekly ISIS newspaper al-Naba, the extremists said that the jihadists would regroup.\n")
    (chain,) = g.chains
    assert chain.path[-2:] == ["Islamic State", "Al-Naba"] and chain.hops[-1].type is HopType.printed_in


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
    assert any(flag in _flags(c) for c in g.chains)


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
    circular = [c for c in g.chains if FlagType.circular in _flags(c)]
    assert circular and "Reuters" in circular[0].flags[-1].detail


def test_copy_lost_its_attribution_and_was_altered(graph_of) -> None:
    g = graph_of(RT, COPY)
    copy = [c for c in g.chains if c.document == "1.txt"]
    lost = [c for c in copy if FlagType.lost_attribution in _flags(c)]
    assert lost and "BBC Monitoring" in next(f.detail for f in lost[0].flags if f.type == FlagType.lost_attribution)
    assert any(FlagType.altered_copy in _flags(c) and "Israeli-backed" in str(c.flags) for c in copy)
    assert any(e.type == EdgeType.shares_text for e in g.edges)
    assert {e.target for e in g.edges if e.type == EdgeType.republishes} == {"src:RT"}
    assert all(c.path[1] == "RT" for c in g.chains if c.path and len(c.path) > 1)


def test_lookups(graph_of) -> None:
    g = graph_of(RT, COPY)
    assert find_source(g, "the bbc monitoring") == "BBC Monitoring"
    assert find_source(g, "Nobody Anywhere") is None
    assert chains_resting_on(g, "RT") and all("RT" in c.path for c in chains_resting_on(g, "RT"))
    assert {c.document for c in chains_of_claim(g, "IN OPEN DISREGARD for its partners")} == {"0.txt", "1.txt"}


def test_a_dated_copy_continues_through_the_original(graph_of) -> None:
    g = graph_of(RT, COPY, outlets=("RT", "ABC Flash Point News"), dates=("2020-01-12", "2020-07-27"))
    assert g.reuse[0].direction is Direction.b_copies_a
    lost = next(c for c in g.chains if c.document == "1.txt" and FlagType.lost_attribution in _flags(c))
    # the copy dropped "according to BBC Monitoring"; its chain goes on through the original it copied
    assert lost.path == ["ABC Flash Point News", "RT", "BBC Monitoring", "weekly newspaper"]
    assert [(h.type, h.cue) for h in lost.hops] == [
        (HopType.republishes, "RT. com /"),
        (HopType.cites, "according to"),
        (HopType.cites, "portrayed"),
    ]
    assert [hop_label(h) for h in lost.hops] == ["republishes (RT. com /)", "according to", "portrayed"]
    # a claim the original attributes no further is left as the copy has it
    first = next(c for c in g.chains if c.document == "1.txt" and c.frame == "f1")
    assert first.path[:2] == ["ABC Flash Point News", "RT"] and "BBC Monitoring" not in first.path
    assert any(e.type == EdgeType.copies for e in g.edges)


def test_a_copied_claim_names_the_original_document(graph_of) -> None:
    original, copy = RT.split("\n\nRT with")[0] + "\n", COPY.split("\n\nRT. com")[0] + "\n"
    g = graph_of(original, copy, outlets=("Wire Service", "Copy Outlet"), dates=("2020-01-12", "2020-07-27"))
    lost = next(c for c in g.chains if c.document == "1.txt" and FlagType.lost_attribution in _flags(c))
    assert lost.path == ["Copy Outlet", "Wire Service", "BBC Monitoring", "weekly newspaper"]
    assert (lost.hops[0].type, lost.hops[0].cue, lost.hops[0].document) == (HopType.copies, None, "0.txt")
    assert hop_label(lost.hops[0]) == "copies (0.txt)"
