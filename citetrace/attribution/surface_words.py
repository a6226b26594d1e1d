"""The words of a sentence as ``surface`` reads them: which tokens make a source phrase, a content, a
name or its titles, and where the words after a cue end; from the tokens, their part-of-speech tags and
the punctuation alone."""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.attribution.cues import QUOTE_MARKS
from citetrace.models import Token

SENTENCE_END = frozenset({".", "!", "?", "..."})
NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
MIN_CONTENT_WORDS = 3
# After a sentence-final cue: when, where and to whom ("said Wednesday", "told reporters in Tokyo")
TAIL_UPOS = frozenset({"ADV", "ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ", "PUNCT", "PRON", "CCONJ", "PART", "SYM"})


def word_tokens(toks: list[Token]) -> list[Token]:
    return [k for k in toks if k.upos != "PUNCT"]


def is_source(toks: list[Token]) -> bool:
    """Whether the tokens read as a source phrase: a few words, a noun, a name or a pronoun among them,
    no finite verb or auxiliary, not only a time."""
    words = word_tokens(toks)
    if not words or len(words) > cues.MAX_NAME_WORDS:
        return False
    if any(k.upos == "AUX" or k.xpos in FINITE and k.upos == "VERB" for k in words):
        return False
    quoted = any(k.text in QUOTE_MARKS and not possessive(toks, i) for i, k in enumerate(toks))
    if quoted or words[0].upos in ("SCONJ", "ADP", "ADV", "CCONJ") or all(cues.is_time(k.lemma) for k in words):
        return False  # "..., just like I said", "..., said Sunday": no source phrase
    return any(k.upos in NOUNISH or k.text[:1].isupper() or source_noun(k) for k in words)


def source_noun(k: Token) -> bool:
    """A noun of sources the tagger took for another word ("a former official/ADJ said")."""
    word = k.text.lower()
    return word in cues.SOURCE_NOUNS or word in cues.ANONYMOUS_NOUNS


def reports(toks: list[Token], finite: bool = False) -> bool:
    """Whether the words before a cue can be what was said: a quote, or a clause (a verb among them;
    ``finite``: a finite one), not a name and its title ("Gary Hoffman, a lawyer, said the ...")."""
    return any(k.text in QUOTE_MARKS for k in toks[:2]) or any(
        k.upos in ("VERB", "AUX") and (k.xpos in FINITE or not finite) for k in toks
    )


def clause_after(toks: list[Token]) -> bool:
    """Whether a finite verb follows outside a relative clause ("said the threat ..., prompted"):
    the cue has a clause of its own, so the words after it are no speaker."""
    relative = False
    for k in toks:
        if k.text in QUOTE_MARKS:
            return False
        if k.text == ",":
            relative = False
        elif k.text.lower() in cues.RELATIVE_PRONOUNS:
            relative = True
        elif k.upos in ("VERB", "AUX") and k.xpos in FINITE and not relative:
            return True
    return False


def token_span(toks: list[Token]) -> tuple[int, int]:
    return toks[0].start, toks[-1].end


def content_span(toks: list[Token]) -> tuple[int, int] | None:
    """The reported words: the tokens, less punctuation other than quote marks at their edges; None
    when fewer than ``MIN_CONTENT_WORDS`` words are left, unless they are a whole quotation ('"Out!"
    the crowd yelled')."""
    while toks and (toks[-1].upos == "PUNCT" and toks[-1].text not in QUOTE_MARKS):
        toks = toks[:-1]
    while toks and toks[0].upos == "PUNCT" and toks[0].text not in QUOTE_MARKS:
        toks = toks[1:]
    quoted = len(toks) > 2 and toks[0].text in QUOTE_MARKS and toks[-1].text in QUOTE_MARKS
    if len(word_tokens(toks)) < (1 if quoted else MIN_CONTENT_WORDS):
        return None
    return token_span(toks)  # a quote's marks stay: "“...,”" whole, its comma inside


def last_word(toks: list[Token]) -> int:
    """Index of the sentence's last word (before its closing punctuation and quote marks)."""
    end = len(toks)
    while end > 0 and (toks[end - 1].text in SENTENCE_END or toks[end - 1].text in QUOTE_MARKS):
        end -= 1
    return end


def tail_ok(toks: list[Token]) -> bool:
    """Whether the words after a sentence-final cue are only when, where or to whom."""
    return all(k.upos in TAIL_UPOS and k.text != "," and k.text not in QUOTE_MARKS for k in toks)


def comma_segments(toks: list[Token], stop: int) -> list[tuple[int, int]]:
    """(start, end) token ranges between the commas and quote marks before token ``stop``, last first
    (a possessive's apostrophe is no quote mark: "Jeff Weaver, Sanders' campaign manager, said")."""
    cuts = [i for i in range(stop) if toks[i].text == "," or toks[i].text in QUOTE_MARKS and not possessive(toks, i)]
    bounds = [-1, *cuts]
    return [(a + 1, b) for a, b in zip(bounds, [*cuts, stop], strict=True)][::-1]


def possessive(toks: list[Token], i: int) -> bool:
    """Whether the apostrophe at ``i`` makes a possessive ("Sanders' campaign manager"), whatever its tag."""
    if toks[i].xpos == "POS":
        return True
    if toks[i].text not in ("'", "\u2019") or i == 0 or i + 1 >= len(toks):
        return False
    before, after = toks[i - 1], toks[i + 1]
    return before.end == toks[i].start and before.text.endswith("s") and after.upos in ("NOUN", "ADJ", "PROPN")


def is_name(toks: list[Token]) -> bool:
    words = word_tokens(toks)
    return 0 < len(words) <= 5 and all(k.upos == "PROPN" for k in words)


def appositive(toks: list[Token]) -> bool:
    """A title or description after a name: "an official at Keidanren", "the chairman", "55 years old",
    "president of T. Rowe Price Growth and Income Fund" (longer than a name may be)."""
    words = word_tokens(toks)
    if not words or len(words) > cues.MAX_SOURCE_WORDS or words[0].upos not in ("DET", "ADJ", "NOUN", "NUM", "PROPN"):
        return False
    return is_source(toks[:1] + [k for k in toks[1:] if k.upos in NOUNISH][: cues.MAX_NAME_WORDS - 1]) and not any(
        k.upos == "AUX" or k.xpos in FINITE and k.upos == "VERB" or k.text in QUOTE_MARKS for k in words
    )


# words opening the writer's own clause after a sentence-final cue and a comma
CLAUSE_AFTER = frozenset("as while after before because although though when whereas".split())


def participle_after(toks: list[Token], c: int, end: int) -> int:
    """Where the words after a cue end before a participle (", adding ...", ", citing ...", ", speaking
    on condition of anonymity") or a clause of the writer's (", as rescuers searched ..."): the index of
    that comma; ``end`` where there is none."""
    comma = next((i for i in range(c + 1, end - 1) if toks[i].text == ","), None)
    if comma is None:
        return end
    opener = toks[comma + 1].text.lower()
    as_well = opener == "as" and comma + 2 < end and toks[comma + 2].text.lower() == "well"  # "as well as" adds
    if opener in CLAUSE_AFTER and not as_well:
        return comma  # "..., the agency said on Tuesday, as rescuers searched ...": the writer's clause
    if toks[comma + 1].xpos != "VBG":
        return end
    for k in toks[comma + 2 : end]:
        if (
            k.upos in ("SCONJ", "PRON", "PUNCT")
            or k.xpos in ("WDT", "WRB")
            or k.text in QUOTE_MARKS
            or k.text.lower() == "that"
        ):
            break  # "adding that ...", "adding of Mr. Trump, ''...''": a participle
        if k.upos == "AUX" or k.xpos in FINITE:
            return end  # "she added, revoking clearances would be ...": a gerund subject, the content goes on
    return comma
