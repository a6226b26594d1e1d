"""A quote and its dialogue tag ("“...,” Smith shot back."): the words are the tag's speaker's, whatever
the verb (issue 35). PolNeAR train has "shot back", "barked", "went on", "started", "elaborated"."""

from __future__ import annotations

import pytest

from citetrace.models import FrameKind

pytestmark = pytest.mark.slow

TAGS = [
    ('"That is simply not how this works," Smith shot back.', "shot back", "Smith"),
    ('"The numbers speak for themselves," he went on.', "went on", "he"),
    ('"You are wrong about the budget," Hannity pressed.', "pressed", "Hannity"),
    ('"I have never seen anything like it," she laughed.', "laughed", "she"),
    ('"We are going to win this election," he quipped.', "quipped", "he"),
    ('"This is a very serious matter," the senator chimed in.', "chimed in", "the senator"),
]


@pytest.mark.parametrize(("sentence", "cue", "source"), TAGS, ids=[t[1] for t in TAGS])
def test_a_dialogue_tag_reports_the_quote(frames_of_text, sentence: str, cue: str, source: str) -> None:
    frames = frames_of_text(sentence)
    assert [(f.kind, f.cue.text, f.source.text if f.source else None) for f in frames] == [
        (FrameKind.verb, cue, source)
    ]
    assert frames[0].content.text == sentence[: sentence.index(",") + 2]


def test_the_tag_not_the_last_speaker_has_the_quote(frames_of_text) -> None:
    """Before, the quote went to the speaker named before it (PolNeAR train: Oliver's words to Trump)."""
    text = 'Trump said the wife had been silenced. "She chose not to speak at all," Oliver barked.'
    quoted = [f for f in frames_of_text(text) if f.content.text.startswith('"She chose')]
    assert [(f.kind, f.cue.text, f.source.text if f.source else None) for f in quoted] == [
        (FrameKind.verb, "barked", "Oliver")
    ]


def test_a_quote_that_ends_its_sentence_has_no_tag(frames_of_text) -> None:
    frames = frames_of_text('"That is simply not how this works." Smith left the room.')
    assert all(f.cue.text != "left" for f in frames), [(f.kind, f.cue.text) for f in frames]


def test_a_quote_after_the_tag_goes_on_with_its_speaker(frames_of_text) -> None:
    """(PolNeAR train, politico_2016-07-11): the second quote went to an earlier frame's speaker."""
    text = (
        'The two lawmakers argue that "there is precedent for prosecution," citing a case. "You seem to have '
        'picked a new standard out of thin air," the two write. "We do not understand the need to have cited '
        'any lack of intent on the part of Secretary Clinton."'
    )
    frames = frames_of_text(text)
    tag = next(f for f in frames if f.cue.text == "write")
    assert tag.source is not None and tag.source.text == "the two"
    assert [p.text[:14] for p in tag.more_content] == ['"We do not und']
    assert not [f for f in frames if f.content.text.startswith('"We do not')]
