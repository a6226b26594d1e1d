"""What may be said is not what was said: a cue in a question, a condition or with a modal is
``hypothetical``, never shown as said; the speaker's own "I can tell you", "would later say", a
question about a saying taken as given, and a speaker named Will stay ``verb``. Sentences marked
(PolNeAR) are from PolNeAR train."""

from __future__ import annotations

import pytest

from citetrace.models import FrameKind

pytestmark = pytest.mark.slow

K = FrameKind
CASES = [
    ("Did Trump say that Mexico would pay for the wall?", "say", K.hypothetical),
    ("If Clinton says the emails were deleted, she will be in trouble.", "says", K.hypothetical),
    ("Trump will probably argue that the deal is bad.", "argue", K.hypothetical),
    ("Clinton could claim that the server was secure.", "claim", K.hypothetical),
    ("Critics may say the plan goes too far.", "say", K.hypothetical),
    ("Beijing could also declare an air defense zone over parts of the South China Sea.", "declare", K.hypothetical),
    ("Obama would later say that he regretted it.", "say", K.verb),
    ("Why had he asserted that his father had given the charity money?", "asserted", K.verb),
    ("A reporter asked: Did they talk about the wall?", "asked", K.verb),
    ("She will be there,'' said Thomas R. Nides, a friend and adviser.", "said", K.verb),  # (PolNeAR)
    ("If anything, Ash argued in his email, the incident shows the danger.", "argued", K.verb),  # (PolNeAR)
    (  # (PolNeAR): George Will
        "With the heightened security concerns, Will believes Christie has been presented with an opportunity.",
        "believes",
        K.verb,
    ),
]


@pytest.mark.parametrize(("sentence", "cue", "kind"), CASES, ids=[c[0][:40] for c in CASES])
def test_what_may_be_said(frames_of_text, sentence: str, cue: str, kind: FrameKind) -> None:
    found = [f for f in frames_of_text(sentence) if f.cue.text == cue]
    assert found, [(f.kind.value, f.cue.text) for f in frames_of_text(sentence)]
    assert found[0].kind is kind
    assert found[0].kind.reports_words is (kind is K.verb)
