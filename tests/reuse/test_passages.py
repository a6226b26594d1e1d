"""Text reuse: what must match, what must not, word-level changes, dropped attributions, direction."""

from __future__ import annotations

import pytest

from citetrace.models import Direction, Document
from citetrace.reuse.passages import MANY, candidate_pairs, find_reuse, words
from citetrace.run.pipeline import frames_of

RT = (
    "ISIS terrorists rejoiced at the death of the general, according to a weekly newspaper affiliated with the group "
    "that once controlled much of Syria and Iraq. The weekly newspaper portrayed his death as an act of god in support "
    "of its cause, according to BBC Monitoring. The US is refusing to withdraw from Iraq in open disregard for its "
    "partners in the government in Baghdad.\n\nRT with additional input by GVS News Desk.\n"
)
COPY = (
    "ISIS terrorists applauded the death of the general, according to a weekly newspaper affiliated with the "
    "Israeli-backed group that once controlled much of Syria and Iraq. The weekly newspaper portrayed his death as an "
    "act of god in support of its cause. The US regime is refusing to withdraw from Iraq in open disregard for its "
    "partners in the government in Baghdad.\n\nRT. com / ABC Flash Point News 2020.\n"
)
OTHER = (
    "The government in Baghdad said on Friday that the markets were open and that the weather in Iraq was fine. "
    "Officials in Syria and Iraq said much of the border was quiet for the week.\n"
)


@pytest.fixture(scope="module")
def analysed(parser):
    def run(*texts: str, dates: tuple[str | None, ...] = ()):
        docs = [
            Document(path=f"{i}.txt", name=f"{i}.txt", text=t, date=dates[i] if i < len(dates) else None)
            for i, t in enumerate(texts)
        ]
        parses = parser.parse([d.text for d in docs])
        frames = [frames_of(d, p) for d, p in zip(docs, parses, strict=True)]
        return find_reuse(docs, parses, frames)

    return run


def test_copy_is_found_with_its_changes(analysed) -> None:
    (pair,) = analysed(RT, COPY)
    assert (pair.a, pair.b) == ("0.txt", "1.txt")
    changes = {(c.op, c.a_text, c.b_text) for p in pair.passages for c in p.changes}
    assert ("insert", "", "Israeli-backed") in changes
    assert ("insert", "", "regime") in changes
    assert ("replace", "rejoiced at", "applauded") in changes
    for p in pair.passages:
        assert 0.5 < p.similarity <= 1
        for c in p.changes:
            assert RT[c.a_start : c.a_end] == c.a_text and COPY[c.b_start : c.b_end] == c.b_text


def test_dropped_attribution(analysed) -> None:
    (pair,) = analysed(RT, COPY)
    dropped = [d for p in pair.passages for d in p.dropped_attributions]
    assert [(d.present_in, d.cue.text, d.source) for d in dropped] == [("a", "according to", "BBC Monitoring")]


def test_unrelated_text_sharing_words_is_not_reuse(analysed) -> None:
    assert analysed(RT, OTHER) == []


def test_a_document_is_not_compared_with_itself(analysed) -> None:
    assert analysed(RT) == []


def test_direction_from_credits_and_dates(analysed) -> None:
    (pair,) = analysed(RT, COPY)
    assert pair.direction is Direction.both_copy and pair.common_source == "RT"
    assert pair.direction_evidence == "both copy RT"
    (dated,) = analysed(RT, COPY, dates=("2020-01-12", "2020-07-27"))  # the common credit still decides
    assert dated.direction is Direction.both_copy
    uncredited = [t.rsplit("\n\n", 1)[0] + "\n" for t in (RT, COPY)]
    (undated,) = analysed(*uncredited)
    assert undated.direction is Direction.undecided and undated.common_source is None
    (dated,) = analysed(*uncredited, dates=("2020-01-12", "2020-07-27"))
    assert dated.direction is Direction.b_copies_a and "2020-01-12" in dated.direction_evidence


def test_two_copies_of_one_wire_both_copy_it(analysed) -> None:
    wire = "WASHINGTON (AP) — " + RT.rsplit("\n\n", 1)[0] + "\n"
    copy = "Washington (AP) — " + COPY.rsplit("\n\n", 1)[0] + "\n"
    (pair,) = analysed("Headline one.\n\n" + wire, "Headline two.\n\n" + copy, dates=("2020-01-12", "2020-07-27"))
    assert pair.direction is Direction.both_copy and pair.common_source == "Associated Press"


def test_words_keep_offsets_and_fold_case() -> None:
    ws = words("The US’s claim")
    assert [w.key for w in ws] == ["the", "us's", "claim"]
    assert [(w.start, w.end) for w in ws] == [(0, 3), (4, 8), (9, 14)]


def test_candidates_are_sentences_of_two_documents_sharing_a_band() -> None:
    said = "The mayor said on Tuesday that the old library on Main Street would be sold to a developer."
    near = "The mayor said on Tuesday that the old library on Main Street would be sold to the city."
    other = "Crews worked through the rain overnight to fix the power lines near the flooded dam."
    texts = [said + " " + other, other + " " + near, said]
    spans = [
        [(0, len(said)), (len(said) + 1, len(said) + 1 + len(other))],
        [(0, len(other)), (len(other) + 1, len(other) + 1 + len(near))],
        [(0, len(said))],
    ]
    pairs = candidate_pairs(texts, spans)
    # the same sentence and a near copy across documents; never two sentences of one document
    assert pairs == {(0, 1): [(0, 1), (1, 0)], (0, 2): [(0, 0)], (1, 2): [(1, 0)]}
    assert candidate_pairs(texts, spans, skip=[set(), set(), {(0, len(said))}]).keys() == {(0, 1)}


def test_a_sentence_many_documents_share_pairs_each_with_the_first_only() -> None:
    """A wire story in n outlets: n - 1 candidate pairs, not n (n - 1) / 2."""
    said = "The mayor said on Tuesday that the old library on Main Street would be sold to a developer."
    n = MANY + 4
    pairs = candidate_pairs([said] * n, [[(0, len(said))]] * n)
    assert pairs == {(0, b): [(0, 0)] for b in range(1, n)}


NOTE = (
    "Editor's note: our editors said that readers should check every claim in this article before they share it "
    "with friends.\n"
)
STORIES = (
    "The city council voted on Tuesday to close the old library on Main Street. Its books will move to the new "
    "school across the river. The mayor said the building would be sold. Residents asked for a public hearing first. "
    "The council agreed to hold one next month.\n\n",
    "A storm knocked out power to thousands of homes in the valley overnight. Crews worked through the rain to fix "
    "the lines. Schools stayed closed on Wednesday morning. The utility expects every home to have power by Friday. "
    "Two roads remain flooded near the dam.\n\n",
    "The local football team won its third game in a row on Saturday. The coach praised the young quarterback's calm "
    "under pressure. The stadium was full for the first time this year. Fans stayed long after the final whistle. "
    "The next game is away, against the league leaders.\n\n",
)


def test_boilerplate_under_one_outlet_is_neither_reuse_nor_claim(graph_of) -> None:
    g = graph_of(*(s + NOTE for s in STORIES), outlets=("HuffPost",) * 3)
    assert g.reuse == []
    (note,) = g.boilerplate
    assert note.outlet == "HuffPost" and note.documents == ["0.txt", "1.txt", "2.txt"]
    assert note.text.startswith("Editor's note: our editors said")
    assert not [c for c in g.chains if "readers should check" in c.claim.text]


def test_copies_of_one_story_are_not_boilerplate(graph_of) -> None:
    g = graph_of(RT, COPY, RT.replace("rejoiced at", "celebrated"))
    # each copy against the first printing: two pairs, not the three of every pair
    assert g.boilerplate == [] and [(p.a, p.b) for p in g.reuse] == [("0.txt", "1.txt"), ("0.txt", "2.txt")]


def test_a_stock_phrase_is_no_reuse(analysed) -> None:
    stock = "The White House did not immediately respond to requests for comment.\n"
    assert analysed(STORIES[0] + stock, STORIES[1] + stock) == []


def test_one_outlet_reusing_its_own_text_is_self_reuse(graph_of) -> None:
    bio = (
        "Aaron Kall, who directs the debate program at the University of Michigan and has coached students "
        "for twenty years, watched the first debate closely.\n"
    )
    first = STORIES[0] + bio + STORIES[2]
    second = STORIES[1] + bio + STORIES[2].replace("football", "hockey").replace("third", "fifth")
    g = graph_of(first, second, outlets=("USA Today", "USA Today"), dates=("2016-09-01", "2016-09-23"))
    (pair,) = g.reuse
    assert any("Aaron Kall" in first[p.a_start : p.a_end] for p in pair.passages)
    assert pair.direction is Direction.self_reuse and "USA Today" in pair.direction_evidence
    assert all(0 < p.similarity <= 1 for p in pair.passages)


LONG_STORY = (
    "The county fair opened on Thursday with more visitors than in any year since the fairground was rebuilt. "
    "Farmers brought cattle, sheep and goats from across the region, and the judges worked late into the evening. "
    "A new hall for crafts drew long queues of families who came to see quilts, pottery and carved wooden toys. "
    "The organisers said the parking fields filled before noon and asked visitors to take the shuttle buses. "
    "Food stands ran out of bread twice, and a bakery from the next town sent a second van in the afternoon. "
    "On Friday the fair hosts a tractor pull, a dog show and a concert by the school band on the main stage. "
    "Tickets for children under twelve are free, and the gates stay open until ten o'clock every night.\n\n"
)


def test_an_outlets_blurb_at_the_end_of_two_articles_is_boilerplate(graph_of) -> None:
    blurb = (
        "Poll of 1,000 likely voters taken Wednesday through Sunday by telephone and online, with a margin of "
        "error of plus or minus three percentage points.\n"
    )
    g = graph_of(STORIES[0] + LONG_STORY + blurb, STORIES[1] + blurb, outlets=("USA Today", "USA Today"))
    assert g.reuse == []
    (note,) = g.boilerplate
    assert note.outlet == "USA Today" and note.documents == ["0.txt", "1.txt"]


CLINTON_QUOTE = (
    '"How many times do we have to see this in our country before we finally act to keep our families safe '
    'and our streets calm?"'
)


def test_two_outlets_quoting_one_speech_both_quote_it(graph_of) -> None:
    speech = CLINTON_QUOTE + " Clinton said."
    g = graph_of(
        STORIES[0] + "Hillary Clinton spoke in Philadelphia on Monday. " + speech + "\n",
        STORIES[1] + "The Democratic nominee addressed a church in Ohio. " + speech + "\n",
        dates=("2016-09-20", "2016-09-21"),
    )
    (pair,) = g.reuse
    assert pair.direction is Direction.both_quote and pair.common_source == "Hillary Clinton"
    assert not [h for c in g.chains for h in c.hops if h.type.value == "copies"]


def test_a_quote_the_extractor_misses_in_one_copy_is_still_a_shared_quote(graph_of) -> None:
    """One outlet attributes the quote in its own sentence ("Clinton said"); the other prints the same
    words between quotation marks after a paragraph break, with no frame around them."""
    g = graph_of(
        STORIES[0] + "Hillary Clinton spoke in Philadelphia on Monday. " + CLINTON_QUOTE + " Clinton said.\n",
        STORIES[1] + "The rally went on until late in the evening.\n\n" + CLINTON_QUOTE + "\n",
        dates=("2016-09-20", "2016-09-21"),
    )
    (pair,) = g.reuse
    assert pair.direction is Direction.both_quote and pair.common_source == "Hillary Clinton"


def test_a_blurb_that_changes_its_numbers_is_boilerplate_too(graph_of) -> None:
    """A poll's method under two articles of one outlet, with other numbers each time: no sentence is
    printed twice, but the passage the two share sits at the end of one of them."""
    blurb = (
        "The poll of {n} likely voters was taken by telephone and online from {days}, and its margin of error "
        "is plus or minus {moe} percentage points among all voters and larger among the parties.\n"
    )
    g = graph_of(
        STORIES[0] + LONG_STORY + STORIES[2] + blurb.format(n="1,000", days="Wednesday through Sunday", moe="3"),
        STORIES[1] + blurb.format(n="1,200", days="Monday through Friday", moe="2.8"),
        outlets=("USA Today", "USA Today"),
    )
    assert g.reuse == []
    (note,) = g.boilerplate
    assert note.outlet == "USA Today" and note.documents == ["0.txt", "1.txt"] and "margin of error" in note.text
