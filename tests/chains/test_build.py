"""Chains from each claim to its primary source: printed originals, copies continued through the original."""

from __future__ import annotations

from citetrace.models import Direction, EdgeType, FlagType, HopType
from citetrace.render.dot import hop_label

from ..conftest import flag_types
from ..reuse.test_passages import COPY, RT


def test_words_printed_in_a_publication_end_at_the_publication(graph_of) -> None:
    g = graph_of("In the weekly ISIS newspaper al-Naba, the extremists said that the jihadists would regroup.\n")
    (chain,) = g.chains
    assert chain.path[-2:] == ["Islamic State", "Al-Naba"] and chain.hops[-1].type is HopType.printed_in


def test_a_dated_copy_continues_through_the_original(graph_of) -> None:
    g = graph_of(RT, COPY, outlets=("RT", "ABC Flash Point News"), dates=("2020-01-12", "2020-07-27"))
    assert g.reuse[0].direction is Direction.b_copies_a
    lost = next(c for c in g.chains if c.document == "1.txt" and FlagType.lost_attribution in flag_types(c))
    # the copy dropped "according to BBC Monitoring"; its chain goes on through the original it copied
    assert lost.path == ["ABC Flash Point News", "RT", "BBC Monitoring", "weekly newspaper"]
    assert [(h.type, h.cue) for h in lost.hops] == [
        (HopType.republishes, "RT. com / ABC Flash Point News 2020"),  # the credit line as printed
        (HopType.cites, "according to"),
        (HopType.cites, "portrayed"),
    ]
    assert [hop_label(h) for h in lost.hops] == [
        "republishes RT (credit: 'RT. com / ABC Flash Point News 2020')",
        "according to",
        "portrayed",
    ]
    # a claim the original attributes no further is left as the copy has it
    first = next(c for c in g.chains if c.document == "1.txt" and c.frame == "f1")
    assert first.path[:2] == ["ABC Flash Point News", "RT"] and "BBC Monitoring" not in first.path
    assert any(e.type == EdgeType.copies for e in g.edges)


def test_a_copied_claim_names_the_original_document(graph_of) -> None:
    original, copy = RT.split("\n\nRT with")[0] + "\n", COPY.split("\n\nRT. com")[0] + "\n"
    g = graph_of(original, copy, outlets=("Wire Service", "Copy Outlet"), dates=("2020-01-12", "2020-07-27"))
    lost = next(c for c in g.chains if c.document == "1.txt" and FlagType.lost_attribution in flag_types(c))
    assert lost.path == ["Copy Outlet", "Wire Service", "BBC Monitoring", "weekly newspaper"]
    assert (lost.hops[0].type, lost.hops[0].cue, lost.hops[0].document) == (HopType.copies, None, "0.txt")
    assert hop_label(lost.hops[0]) == "copies Wire Service (0.txt)"


def test_linking_leaves_the_callers_frames_as_they_were(parser) -> None:
    # a run's own extraction is emptied as its frames are linked (``pipeline._link``); a caller's is not
    from citetrace.models import Document
    from citetrace.run.pipeline import frames_of, link_documents

    doc = Document(path="a.txt", name="a.txt", text="Reuters reported that the talks had failed, officials said.\n")
    parses = parser.parse([doc.text])
    frames = [frames_of(doc, parses[0])]
    before = [f.model_dump() for f in frames]
    linked, graph = link_documents([doc], parses, frames)
    assert [f.model_dump() for f in frames] == before
    assert linked[0].frames and graph.chains
