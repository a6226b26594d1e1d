"""Direct quotes in every mark news texts use: curly, straight, and the doubled apostrophes of the New
York Times articles in PolNeAR (''...''); a quote is what its frame reports, whole, and the verbs
inside it are the speaker's words, not frames of their own."""

from __future__ import annotations

import pytest

from citetrace.attribution.quotes import find_quotes

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("\u201cWe will win this race,\u201d she said.", ["\u201cWe will win this race,\u201d"]),
        ('"We will win this race," she said.', ['"We will win this race,"']),
        ("''We will win this race,'' she said.", ["''We will win this race,''"]),
        (  # two quotes of one speaker, doubled apostrophes; an apostrophe inside is no mark
            "''I disavow these comments,'' Mr. Ryan said. ''I think that should be disavowed.''",
            ["''I disavow these comments,''", "''I think that should be disavowed.''"],
        ),
        ("''Yes,'' he said.", []),  # under four words: a word or two quoted, no statement
        ("The players' union and the owners' group met.", []),
    ],
)
def test_quotes_in_every_mark(text: str, quotes: list[str]) -> None:
    assert [text[a:b] for a, b in find_quotes(text)] == quotes


def test_a_quote_in_doubled_apostrophes_is_reported_whole(frames_of_text) -> None:
    text = (
        "Mr. Ridge spoke on Tuesday. ''Bombast doesn't cut it. Inexperience doesn't cut it. Those who have "
        "a record of governance will win,'' Mr. Ridge said."
    )
    (frame,) = [f for f in frames_of_text(text) if f.cue.text == "said"]
    assert frame.content.text.startswith("''Bombast doesn't cut it. Inexperience")
    assert frame.source is not None and frame.source.text == "Mr. Ridge"
