"""The content chooser (``attribution.content``) on real parses: the options it offers, the features it
gives them, and the option the shipped ranker picks where the rules' content is wrong."""

from __future__ import annotations

import numpy as np
import pytest

from citetrace.attribution import content
from citetrace.attribution.assemble import propose
from citetrace.attribution.content import Reach


@pytest.fixture(scope="module")
def proposed(parser):
    def run(text: str):
        (parsed,) = parser.parse([text])
        trees, quotes, raw = propose(text, parsed)
        return {t.index: t for t in trees}, quotes, raw

    return run


def _options(proposed, text: str, cue: str) -> dict[str, set[Reach]]:
    trees, quotes, raw = proposed(text)
    frame = next(f for f in raw if text[f.cue[0] : f.cue[1]] == cue)
    t = trees[frame.sentence]
    opts = content.options(t, content.cue_token(t, frame), frame, quotes)
    return {text[o.span[0] : o.span[1]]: o.reaches for o in opts}


def test_the_rules_content_comes_first_and_the_clause_inside_it_is_offered(proposed) -> None:
    text = "He said Friday afternoon that the talks had failed."
    trees, quotes, raw = proposed(text)
    (frame,) = raw
    t = trees[frame.sentence]
    opts = content.options(t, content.cue_token(t, frame), frame, quotes)
    assert opts[0].span == frame.content and Reach.rule in opts[0].reaches
    shown = {text[o.span[0] : o.span[1]]: o.reaches for o in opts}
    assert Reach.inner_clause in shown["that the talks had failed"]
    assert len(shown) == len(opts)  # one option per span, all the ways to it kept


def test_no_option_holds_the_cue_the_source_or_the_addressee(proposed) -> None:
    shown = _options(proposed, "The cleric told them to drive the fight to the extremists.", "told")
    assert "to drive the fight to the extremists" in shown
    for span in shown:
        assert "told" not in span and "cleric" not in span and not span.startswith("them")


def test_a_quote_before_the_speaker_is_an_option(proposed) -> None:
    text = '"Her tenure is a vulnerability, not an asset," said Dan Conston, a senior adviser to the group.'
    shown = _options(proposed, text, "said")
    assert Reach.quote_before in shown['"Her tenure is a vulnerability, not an asset,"']


def test_features_have_one_row_per_option_and_a_fixed_width(proposed) -> None:
    text = "Officials said the plan would cost billions, as critics warned of higher taxes."
    trees, quotes, raw = proposed(text)
    frame = next(f for f in raw if text[f.cue[0] : f.cue[1]] == "said")
    t = trees[frame.sentence]
    tok = content.cue_token(t, frame)
    opts = content.options(t, tok, frame, quotes)
    rows = content.option_features(t, tok, frame, opts, quotes)
    assert rows.shape == (len(opts), content.WIDTH)
    assert np.all(rows[0, : len(Reach)] == [float(r in opts[0].reaches) for r in Reach])


@pytest.mark.parametrize(
    ("text", "cue", "rules", "chosen"),
    [
        (  # the parse makes "the death" the object
            "ISIS has claimed the death of the general was an act of divine intervention.",
            "claimed",
            "the death of the general",
            "the death of the general was an act of divine intervention",
        ),
        (  # the parse hangs the clause on the addressee
            "The governor told reporters that the budget was balanced.",
            "told",
            "reporters that the budget was balanced",
            "that the budget was balanced",
        ),
    ],
)
def test_the_ranker_replaces_a_wrong_rule_content(proposed, text: str, cue: str, rules: str, chosen: str) -> None:
    trees, quotes, raw = proposed(text)
    frame = next(f for f in raw if text[f.cue[0] : f.cue[1]] == cue)
    assert text[frame.content[0] : frame.content[1]] == rules
    content.choose_contents(list(trees.values()), quotes, raw)
    assert text[frame.content[0] : frame.content[1]] == chosen
