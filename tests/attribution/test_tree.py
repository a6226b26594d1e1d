"""The dependency-tree helper, on real parses: subtrees as spans, subjects, negation, glued names."""

from __future__ import annotations

import pytest

from citetrace.attribution.subjects import subject_of
from citetrace.attribution.tree import Tree, glue, negated


@pytest.fixture(scope="module")
def tree_of(parser):
    def run(text: str) -> Tree:
        (parsed,) = parser.parse([text])
        return Tree(parsed.sentences[0], 0, text)

    return run


def _token(t: Tree, word: str):
    return next(k for k in t.tokens if k.text == word)


def _text(t: Tree, ids: set[int] | None) -> str | None:
    span = t.char_span(ids) if ids else None
    return t.text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("text", "verb", "subject", "passive"),
    [
        ("The Pentagon said the strike was carried out by a drone.", "said", "The Pentagon", False),
        ("The move was first reported by MSNBC.", "reported", "MSNBC", True),
        ("Iran is alleged to have supplied the weapons.", "alleged", None, True),
    ],
)
def test_subject_of(tree_of, text: str, verb: str, subject: str | None, passive: bool) -> None:
    t = tree_of(text)
    ids, is_passive = subject_of(t, _token(t, verb))
    assert _text(t, ids) == subject and is_passive is passive


def test_char_span_trims_punctuation_and_takes_the_longest_run(tree_of) -> None:
    t = tree_of("Barzani, the former president, said Iran helped.")
    said = _token(t, "said")
    assert _text(t, t.subtree(said) - {said.id}) is not None
    commas = {k.id for k in t.tokens if k.text == ","}
    assert t.char_span(commas) is None  # punctuation alone is no span


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("The paper did not mention Soleimani by name.", "mention", True),
        ("The paper was careful not to credit the US or even mention Soleimani.", "mention", True),
        ("The paper mentioned Soleimani by name.", "mentioned", False),
    ],
)
def test_negated(tree_of, text: str, verb: str, expected: bool) -> None:
    t = tree_of(text)
    assert negated(t, _token(t, verb)) is expected


def test_glue_widens_to_whole_words() -> None:
    text = "according to Mina Al-Lami, the paper"
    start = text.index("Mina")
    assert glue(text, (start, start + len("Mina Al"))) == (start, start + len("Mina Al-Lami"))
    assert glue(text, None) is None
