"""He and she: the person the sentences before are about, not the last source named (issue 36)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    (  # the subject of the sentence before, not the vice-president quoted earlier
        "Vice President Mike Pence said the plan was sound. Senator Tim Kaine visited Ohio on Tuesday. "
        "He said the plan would fail.",
        "Tim Kaine",
    ),
    (  # a named young woman, not the organisation quoted before her; an organisation is never "she"
        "The World Health Organization said the virus was spreading. Maria Lopez, 19, lives in Miami. "
        "She said she was worried.",
        "Maria Lopez",
    ),
    (  # a surname alone is its full name in the document; the other woman named spoke a sentence earlier
        "Democratic nominee Hillary Clinton spoke in Ohio on Monday. Donald Trump's campaign manager Kellyanne "
        "Conway said the rally was small. Clinton later toured a factory. She said jobs were coming back.",
        "Hillary Clinton",
    ),
    (  # a speaker goes on talking
        '"We will win," Pence said in New York. "The polls are wrong." He added that the campaign had money.',
        "Pence",
    ),
    (  # a dateline is no person
        "BUENA PARK, Calif. - Rallying service workers, Hillary Clinton tried to empathize with them. A Clinton "
        "presidency, she vowed, would bring better-paying jobs.",
        "Hillary Clinton",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_pronoun_goes_to_the_salient_person(frames_of_text, text: str, expected: str) -> None:
    frames = [f for f in frames_of_text(text) if f.source is not None and f.source.text.lower() in ("he", "she")]
    assert frames, "no pronoun source"
    assert frames[-1].source.canonical == expected
    assert frames[-1].source.kind.value == "person"
