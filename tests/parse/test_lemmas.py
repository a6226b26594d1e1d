"""Lemmas of inflected verbs the offline lemmatizer left as they were: the lexicon's, and only its."""

from __future__ import annotations

from dataclasses import replace

import pytest

from citetrace.models import Sentence
from citetrace.parse.cache import decode, encode
from citetrace.parse.lemmas import repaired
from citetrace.parse.nlp import Parser


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("denounced", "denounce"), ("criticizing", "criticize"), ("reiterated", "reiterate"), ("Stressing", "stress")],
)
def test_an_inflected_verb_left_as_it_was_gets_its_lemma(word: str, lemma: str) -> None:
    assert repaired(word, word.lower(), "VERB") == lemma


@pytest.mark.parametrize(
    ("word", "lemma", "upos"),
    [
        ("undocumented", "undocumented", "VERB"),  # not in the lexicon: no suffix cut by guesswork
        ("perhaps", "perhaps", "VERB"),
        ("address", "address", "VERB"),  # its own lemma
        ("willing", "willing", "VERB"),  # "is willing to": no auxiliary
        ("alleged", "alleged", "ADJ"),  # only verbs
        ("said", "say", "VERB"),  # the lemmatizer's own lemma stays
        ("re-elected", "re-elected", "VERB"),  # not a plain word
    ],
)
def test_other_words_keep_their_lemma(word: str, lemma: str, upos: str) -> None:
    assert repaired(word, lemma, upos) == lemma


def test_a_parse_and_a_parse_cached_before_the_repair_read_alike(parser: Parser) -> None:
    (parsed,) = parser.parse(["Dr. Sullivan defused the charges by stressing that candidates will be judged by merit."])
    stressing = next(t for s in parsed.sentences for t in s.tokens if t.text == "stressing")
    assert (stressing.upos, stressing.lemma) == ("VERB", "stress")
    # as Stanza's dictionary gives it, and as cache files written before the repair hold it
    old = [[replace(t, lemma="stressing") if t is stressing else t for t in s.tokens] for s in parsed.sentences]
    again = decode(encode(parsed.model_copy(update={"sentences": [Sentence(tokens=ts) for ts in old]})))
    assert next(t for s in again.sentences for t in s.tokens if t.text == "stressing").lemma == "stress"
