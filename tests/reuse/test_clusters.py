"""Reuse pairs as clusters (issue 38): one story printed by many documents is one cluster, each copy
under the earliest document it shares text with."""

from __future__ import annotations

import pytest

from citetrace.models import Direction, FlagType
from citetrace.reuse.clusters import is_reprint

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


# A wire story and four outlets' printings of it: the same words, a word changed (twice), its last
# sentence cut; and a fifth document that quotes one of its sentences inside reporting of its own
STORY = "BAGHDAD (AP) — " + RT.split("\n\n")[0] + "\n"
LAST = " The US is refusing"
PRINTINGS = (
    STORY,
    STORY,
    STORY.replace("rejoiced at", "celebrated"),
    STORY.replace("rejoiced at", "celebrated"),
    STORY[: STORY.index(LAST)] + "\n",
)


def _quoting() -> str:
    from .test_passages import OTHER

    return OTHER.strip() + " " + STORY.split(". ")[1] + ". " + OTHER.strip().replace("Friday", "Monday") + "\n"


@pytest.fixture(scope="module")
def printed(graph_of):
    dates = ("2020-01-12", "2020-01-13", "2020-01-14", "2020-01-15", "2020-01-16", "2020-01-17")
    outlets = ("RT", "Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E")
    return graph_of(*PRINTINGS, _quoting(), outlets=outlets, dates=dates)


def test_a_printing_of_its_parents_text_is_a_reprint_and_quoting_a_sentence_is_not(printed) -> None:
    (cluster,) = printed.clusters
    by_doc = {m.document: m for m in cluster.members}
    assert cluster.first == "0.txt" and by_doc["0.txt"].coverage is None and not by_doc["0.txt"].reprint
    for doc in ("1.txt", "2.txt", "3.txt", "4.txt"):
        assert by_doc[doc].reprint and by_doc[doc].shares_with == "0.txt" and by_doc[doc].coverage >= 0.9, doc
    assert by_doc["1.txt"].coverage == 1.0
    quoting = by_doc["5.txt"]
    assert quoting.passages == 1 and quoting.coverage < 0.5 and not quoting.reprint


def test_copies_that_change_a_claim_alike_are_one_flag_on_it(printed) -> None:
    altered = [f for c in printed.chains if c.document == "0.txt" for f in c.flags if f.type is FlagType.altered_copy]
    (flag,) = altered  # both print the AP's story: 2.txt and 3.txt make one change, one flag with both
    assert flag.detail == "the copies in 2.txt and 3.txt have 'celebrated' for 'rejoiced at'"
    assert [e.document for e in flag.evidence] == ["2.txt", "3.txt"]


@pytest.mark.parametrize(
    ("coverage", "similarity", "reprint"),
    [(1.0, 1.0, True), (0.9, 0.8, True), (0.89, 1.0, False), (1.0, 0.79, False), (None, 1.0, False)],
)
def test_is_reprint(coverage, similarity, reprint) -> None:
    assert is_reprint(coverage, similarity) is reprint
