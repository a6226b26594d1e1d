"""What stands between a cue and its clause is no part of what was said (``attribution.lead_in``); a
participle after a sentence-final cue is the next frame, not the first one's content; what records
show is found at a sentence's end; a channel noun is no frame of its own (issue 35). Sentences marked
(PolNeAR) are from PolNeAR train, (WSJ) from the WSJ gold's tune part; the others are ours."""

from __future__ import annotations

import pytest

from citetrace.models import FrameKind

pytestmark = pytest.mark.slow

# (sentence, cue, content)
LEAD_INS = [
    ("The company said in a statement that it would cooperate.", "said", "that it would cooperate"),
    (
        "The group said in a post on Facebook that the march was cancelled.",
        "said",
        "that the march was cancelled",
    ),
    ("The agency said Tuesday it had approved the vaccine.", "said", "it had approved the vaccine"),
    ("The firm said Friday that profits fell.", "said", "that profits fell"),
    ("Johnson told the court he had acted in self-defence.", "told", "he had acted in self-defence"),
    ("She told The Associated Press she was leaving the party.", "told", "she was leaving the party"),
    ("Officials told reporters on Monday that the bridge would reopen.", "told", "that the bridge would reopen"),
    (  # (PolNeAR) breitbart_2016-02-08
        "Trump said during this week’s GOP debate that he is in favor of bringing back waterboarding.",
        "said",
        "that he is in favor of bringing back waterboarding",
    ),
    (  # (PolNeAR) politico_2016-02-19
        "Welch said on Friday to Vermont Edition that he planned to vote for Sanders in the state's March 1 primary.",
        "said",
        "that he planned to vote for Sanders in the state's March 1 primary",
    ),
    (  # (WSJ) wsj_0041
        "Mr. Coleman said this week that he would devote the remainder of the political season to positive "
        "campaigning.",
        "said",
        "that he would devote the remainder of the political season to positive campaigning",
    ),
    ("I asked him whether he regretted it.", "asked", "whether he regretted it"),
    # not a lead-in: a question word, a noun's own clause, a relative clause, a determiner
    (  # (PolNeAR) nyt_2016-05-09
        "The chairman of the Joint Chiefs of Staff, Gen. Joseph F. Dunford Jr., asked Admiral Harris just that "
        "question.",
        "asked",
        "Admiral Harris just that question",
    ),
    ("Trump explained how he would pay for the wall.", "explained", "how he would pay for the wall"),
    (  # (PolNeAR) breitbart_2016-02-01
        "Carson was responding to the recent news that the State Department deemed 22 of the emails top secret.",
        "responding",
        "to the recent news that the State Department deemed 22 of the emails top secret",
    ),
]

# (sentence, cue, content) of the frames of one sentence
PARTICIPLES = [
    (
        "The outage affected thousands of customers, the utility said, adding that power would be restored by evening.",
        [("said", "The outage affected thousands of customers"), ("adding", "that power would be restored by evening")],
    ),
    (
        "The talks collapsed on Monday, a spokesman said Tuesday, noting that no new date had been set.",
        [("said", "The talks collapsed on Monday"), ("noting", "that no new date had been set")],
    ),
    (  # (PolNeAR) nyt_2016-04-23: 'adding of Mr. Trump, ...'
        "Mr. Trump intends to deliver a foreign policy address at the National Press Club in Washington this "
        "month, Mr. Manafort said, adding that he would also hold similar events.",
        [
            (
                "said",
                "Mr. Trump intends to deliver a foreign policy address at the National Press Club in Washington "
                "this month",
            )
        ],
    ),
    (  # a gerund subject, not a participle: the content goes on past it
        "While some employees could get a slap on the wrist, she added, revoking clearances would be very aggressive.",
        [("added", "revoking clearances would be very aggressive")],
    ),
]


# a content ends before the next cue of its speaker joined by "and", "or", "but"
COORDINATED = [
    (
        'Smith told CNN that the claims were "false" and said he would sue.',
        [("told", 'that the claims were "false"'), ("said", "he would sue")],
    ),
    (  # (PolNeAR) nyt_2016-02-20
        "Mr. Trump criticized the pope as ''a political person'' and accused him of visiting the border.",
        [("criticized", "the pope as ''a political person''")],
    ),
    (  # (PolNeAR) breitbart_2016-07-26: a word between the coordinator and the cue
        "Canova said he has not held fundraising dinners and never called a donor to ask for money.",
        [("said", "he has not held fundraising dinners")],
    ),
    (  # the frame that reports another ends the other's content
        "Both men denied the charges, their lawyer said.",
        [("denied", "the charges"), ("said", "Both men denied the charges")],
    ),
    (  # (PolNeAR) usa-today_2016-05-05
        "Trump told the Ohio Republican he might consider Kasich as vice presidential contender, CNN reported.",
        [
            ("told", "he might consider Kasich as vice presidential contender"),
            ("reported", "Trump told the Ohio Republican he might consider Kasich as vice presidential contender"),
        ],
    ),
    (  # (PolNeAR) nyt_2016-03-12: "he said" set off inside the content is no end of it
        "Mr. Trump lamented the ''good old days'' when, he said, protesters would have been treated more harshly.",
        [("lamented", "the ''good old days'' when, he said, protesters would have been treated more harshly")],
    ),
    (  # (PolNeAR) nyt_2016-03-23: not inside the quote, nor past a comma after the coordinator
        "Ms. Jones recalled that in 2009, ''I called all my lenders and creditors, asked for extensions.''",
        [("recalled", "that in 2009, ''I called all my lenders and creditors, asked for extensions.''")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), COORDINATED, ids=[c[0][:40] for c in COORDINATED])
def test_a_content_ends_before_the_speakers_next_cue(frames_of_text, sentence: str, expected) -> None:  # noqa: ANN001
    frames = frames_of_text(sentence)
    for cue, content in expected:
        assert _frame(frames, cue).content.text == content


def _frame(frames, cue: str):
    found = [f for f in frames if f.cue.text == cue]
    assert found, f"no frame with cue {cue!r}: {[(f.kind.value, f.cue.text) for f in frames]}"
    return found[0]


@pytest.mark.parametrize(("sentence", "cue", "content"), LEAD_INS, ids=[c[0][:40] for c in LEAD_INS])
def test_the_content_starts_after_the_lead_in(frames_of_text, sentence: str, cue: str, content: str) -> None:
    assert _frame(frames_of_text(sentence), cue).content.text == content


@pytest.mark.parametrize(("sentence", "expected"), PARTICIPLES, ids=[c[0][:40] for c in PARTICIPLES])
def test_a_participle_after_the_cue_is_not_its_content(frames_of_text, sentence: str, expected) -> None:  # noqa: ANN001
    frames = frames_of_text(sentence)
    for cue, content in expected:
        assert _frame(frames, cue).content.text == content


def test_the_lead_in_is_the_channel(frames_of_text) -> None:
    f = _frame(frames_of_text("The company said in a statement that it would cooperate."), "said")
    assert f.channel is not None and f.channel.text == "a statement"


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        ("Sales rose 5 percent, figures showed on Thursday.", "figures", "Sales rose 5 percent"),
        (  # (PolNeAR) nyt_2016-04-25
            "The jet is rarely used for trips abroad, records show.",
            "records",
            "The jet is rarely used for trips abroad",
        ),
    ],
)
def test_what_records_show_at_the_sentences_end(frames_of_text, sentence: str, source: str, content: str) -> None:
    f = _frame(frames_of_text(sentence), sentence.split(", ")[-1].split()[1].rstrip("."))
    assert (f.kind, f.source.text if f.source else None, f.content.text) == (FrameKind.stance, source, content)


def test_the_poll_showed_a_name_is_no_frame_of_the_surface(frames_of_text) -> None:
    frames = frames_of_text("After the debate, the poll showed Clinton ahead.")
    assert all(f.content.text != "After the debate" for f in frames)


def test_an_address_is_a_channel_too(frames_of_text) -> None:
    frames = frames_of_text('"We will not be intimidated," Zelensky said in a video address on Sunday night.')
    assert [(f.cue.text, f.channel.text if f.channel else None) for f in frames] == [("said", "a video address")]


def test_a_channel_noun_is_no_frame_of_its_own(frames_of_text) -> None:
    frames = frames_of_text(
        "Exports rose 4.2 percent in March from a year earlier, the statistics office said in a statement on Friday."
    )
    assert [f.cue.text for f in frames] == ["said"]
    assert frames[0].content.text == "Exports rose 4.2 percent in March from a year earlier"
