"""Lemmas of inflected verbs that the offline lemmatizer does not know.

The shipped lemmatizer is a dictionary of the UD training words (MODELS.md): an inflected verb it
never saw keeps its own form as its lemma ("denounced", "criticizing", "reiterated", "tweeting",
"stressing"; about one verb in ten of PolNeAR and WSJ). The cue lexicons and the learned cue scorer
read lemmas, so "Dr. Sullivan ... by stressing that ..." had no cue. Such a verb gets its lemma from
LemmInflect's English lexicon (its wheel ships the tables; no download), and only from the lexicon:
a word it does not list keeps its form, so no suffix is cut by guesswork ("perhaps", "undocumented").
"""

from __future__ import annotations

from functools import cache

INFLECTED = ("ing", "ed", "s")
# lemmas a main verb's form never gets here: "willing" (tagged a verb in "is willing to") is no "will"
AUXILIARY = frozenset({"be", "have", "do", "will", "shall", "can", "may", "must", "might", "could", "would", "should"})


def needs_repair(text: str, lemma: str, upos: str) -> bool:
    """Whether a word's lemma is its own inflected form, left so by a lemmatizer that did not know it."""
    return upos == "VERB" and lemma.lower() == text.lower() and text.isalpha() and text.lower().endswith(INFLECTED)


@cache
def verb_lemma(word: str) -> str | None:
    """The lexicon's lemma of an inflected verb form ("denounced" -> "denounce"), None if it is not
    listed or is its own lemma ("address")."""
    from lemminflect import getLemma

    found = getLemma(word.lower(), upos="VERB", lemmatize_oov=False)
    lemma = found[0] if found else None
    return lemma if lemma and lemma != word.lower() and lemma not in AUXILIARY else None


def repaired(text: str, lemma: str, upos: str) -> str:
    """The lemma to keep for a word: the lexicon's where the lemmatizer left an inflected verb as it was."""
    if needs_repair(text, lemma, upos):
        return verb_lemma(text) or lemma
    return lemma
