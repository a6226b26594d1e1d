"""Frames from the sentence's surface: its words, their part-of-speech tags and its punctuation, not
its dependency tree. The everyday shapes of news attribution, where the offline parser's tree is
often wrong (raw-text LAS about 75) while its tags are mostly right (UPOS about 94) and the commas
and quote marks say where the parts are:

- ``final``: "CONTENT, SOURCE said [TIME | in a statement | ...]." ("..., the Finance Ministry said.",
  "..., S&P said Wednesday.", "..., he added.");
- ``inverted``: "CONTENT, said SOURCE[, TITLE]." and "“QUOTE” insists SOURCE." (the speaker after the
  verb, with its apposition as PropBank and PolNeAR take it);
- ``initial``: "SOURCE say(s) [that] CONTENT", only where the tagger did not take the cue for a verb
  ("others at Greenville High say/NOUN she was eager");
- ``parenthetical``: "[ADVERB,] said SOURCE[, TITLE], CONTENT" ("Nevertheless, said Brenda Malizia Negus,
  editor of Money Fund Report, yields ...", "Says the organization's founder, John Cannell, ...");
- ``as``: "As SOURCE reported, CONTENT" ("As The Daily Caller reported, the star gave ...").

The cue is a word of ``cues.SURFACE_VERBS`` in a finite form (``surface_forms``), whatever its tag.
``assemble`` keeps a surface frame where the tree gives its cue no frame, or one whose source or
content disagrees with what the punctuation says; the learned cue scorer scores it like any other.
"""

from __future__ import annotations

from functools import cache

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.cues import QUOTE_MARKS
from citetrace.attribution.surface_words import (
    FINITE,
    MIN_CONTENT_WORDS,
    appositive,
    clause_after,
    comma_segments,
    content_span,
    is_name,
    is_source,
    last_word,
    participle_after,
    reports,
    tail_ok,
    token_span,
    word_tokens,
)
from citetrace.attribution.tree import Tree, negation_before
from citetrace.models import FoundBy, FrameKind, Token

# words before a sentence-final cue that make a report even with no verb tagged ("... differ/NOUN ...")
LONG_CONTENT = 6


@cache
def surface_forms() -> dict[str, str]:
    """Finite forms of the surface cue verbs -> their lemma: "said", "says", "say", "added", "insists",
    "replied", "told", "wrote" (the base form is the plural present: "officials say"), as LemmInflect
    spells them."""
    from lemminflect import getInflection

    forms: dict[str, str] = {}
    for lemma in sorted(cues.SURFACE_VERBS):
        for form in (lemma, *getInflection(lemma, tag="VBZ"), *getInflection(lemma, tag="VBD")):
            forms.setdefault(form, lemma)
    return forms


def _is_cue(tok: Token, *, base: bool = True) -> bool:
    form = tok.text.lower()
    if form not in surface_forms():
        return False
    return base or surface_forms()[form] != form


def _final(t: Tree, c: int) -> Candidate | None:
    """ "CONTENT, SOURCE said [TIME]." with the cue at token ``c``; the source may be a name with its
    titles ("..., Michio Sasaki, an official at Keidanren, the federation of ..., said.")."""
    toks = t.tokens
    end = last_word(toks)
    if c >= end or not tail_ok(toks[c + 1 : participle_after(toks, c, end)]):
        return None
    last = c - 1 if toks[c - 1].text == "," else c  # "..., Mr. Smith, the chairman, said"
    segments = [(a, b) for a, b in comma_segments(toks, last) if b > a]
    checked = last
    if len(segments) > 2 and toks[segments[0][0]].text.lower() == "who" and toks[segments[1][1]].text == ",":
        checked = segments[1][1]  # "..., the coach, who asked not to be named, told ESPN.": the relative is his
        segments = [(segments[1][0], last), *segments[2:]]
    if len(segments) < 2 or segments[0][1] != last or not is_source(toks[segments[0][0] : checked]):
        return None
    start = segments[0][0]
    if not is_name(toks[start:last]) and appositive(toks[start:last]):
        for k, (a, b) in enumerate(segments[1:4], 1):  # back over the titles to the name they describe
            if toks[b].text != ",":
                break  # a quote, not a name and its titles ('"Mexico!" the audience screamed back.')
            if is_name(toks[a:b]) and all(appositive(toks[x:y]) for x, y in segments[1:k]):
                start = a
                break
    elif len(segments) > 2 and _title_before(toks, segments[1], start):
        start = segments[1][0]  # "..., its chief economist, Huw Pill, said": the title before the name
    before = toks[: start - 1] if toks[start - 1].text == "," else toks[:start]
    content = content_span(before) if reports(before) or len(word_tokens(before)) >= LONG_CONTENT else None
    if content is None:
        return None
    return Candidate(token_span([toks[c]]), token_span(toks[start:last]), content, FrameKind.verb, t.index)


def _title_before(toks: list[Token], segment: tuple[int, int], name_start: int) -> bool:
    """Whether ``segment``, right before a name and its comma, is the name's title ("its chief
    economist", "the company's spokeswoman"): a possessive and a noun, or a determiner and a noun of
    sources; no verb."""
    a, b = segment
    words = word_tokens(toks[a:b])
    return (
        is_name(toks[name_start : name_start + 3])
        and b == name_start - 1
        and bool(words)
        and words[-1].upos == "NOUN"
        and (words[0].xpos == "PRP$" or words[0].upos == "DET" and words[-1].lemma.lower() in cues.SOURCE_NOUNS)
        and appositive(toks[a + (words[0].xpos == "PRP$") : b])  # "its" is no determiner to ``appositive``
    )


def _inverted(t: Tree, c: int, plural: bool = False) -> Candidate | None:
    """ "CONTENT, said SOURCE[, TITLE]." and "“QUOTE” insists SOURCE." with the cue at token ``c``;
    ``plural``: the cue is a base form, so the speakers must be several ("..., say analysts"). A quote
    that goes on after the speaker ("“...,” says X, “...”") is more of the content."""
    toks = t.tokens
    end = last_word(toks)
    if c == 0 or c + 1 >= end or not (toks[c - 1].text == "," or toks[c - 1].text in QUOTE_MARKS):
        return None
    if surface_forms()[toks[c].text.lower()] == "tell":
        return None  # "..., told Mr. Nixon": the addressee, not the speaker
    first = next((i for i in range(c + 1, end) if toks[i].text == ","), end)
    if not is_source(toks[c + 1 : first]) or toks[c + 1].upos in ("ADP", "SCONJ", "ADV"):
        return None
    if plural and not any(k.upos == "CCONJ" or k.xpos in ("NNS", "NNPS") for k in toks[c + 1 : first]):
        return None
    if toks[c + 1].upos == "PRON" and toks[c + 1].text.lower() not in cues.PERSON_PRONOUNS:
        return None  # "said it would ...": not a speaker
    if clause_after(toks[c + 1 : end]):
        return None
    reopen = next((i for i in range(first, len(toks)) if toks[i].text in QUOTE_MARKS), None)
    source_end = _titles_end(toks, c, first, end if reopen is None else reopen)
    while source_end > c + 1 and toks[source_end - 1].upos == "PUNCT":
        source_end -= 1
    before = toks[:c]
    while before and before[-1].text == ",":
        before = before[:-1]
    content = content_span(before) if reports(before, finite=True) else None
    if content is None:
        return None
    rest = toks[reopen:] if reopen is not None and reopen + 1 < len(toks) else []
    if rest and len(word_tokens(before)) < MIN_CONTENT_WORDS and (whole := content_span(rest)) is not None:
        content, rest = whole, []  # '"Now," says Joseph Napolitan, "the idea is ...": what he says is the rest
    frame = Candidate(token_span([toks[c]]), token_span(toks[c + 1 : source_end]), content, FrameKind.verb, t.index)
    if rest:
        frame.more = [token_span(rest)]
    return frame


def _titles_end(toks: list[Token], c: int, first: int, stop: int) -> int:
    """Where the speaker's titles after the cue at ``c`` end: before a relative pronoun ("said Sherman, a
    ... grad whose ..."), a missed sentence end ("& Co. Strong dividend growth") or a clause's comma."""
    for i in range(first, stop):
        if toks[i].text.lower() in cues.RELATIVE_PRONOUNS:
            return i
        if toks[i - 1].text.endswith(".") and toks[i].text[:1].isupper() and toks[i].upos != "PROPN":
            return i
        if toks[i].upos in ("VERB", "AUX") and toks[i].xpos in FINITE:
            return max(c + 2, max((j for j in range(first, i) if toks[j].text == ","), default=i))
    return stop


def _parenthetical(t: Tree, c: int) -> Candidate | None:
    """ "[ADVERB,] said SOURCE[, TITLE], CONTENT." with the cue at token ``c``: the speaker set off
    between a sentence adverb, or the sentence's start, and what was said ("Nevertheless, said Brenda
    Malizia Negus, editor of Money Fund Report, yields “may blip up again ...”", "Says the
    organization's founder, John Cannell, prosecuting Mrs. Yeargin is ..."); the titles end at the
    comma before the content's first finite verb."""
    toks, end = t.tokens, last_word(t.tokens)
    opener = word_tokens(toks[: c - 1]) if c else []
    if c and (c < 2 or toks[c - 1].text != "," or not 0 < len(opener) <= 2) or not c and not _opens(toks[0]):
        return None
    if not all(k.upos in ("ADV", "CCONJ") or k.text.lower() in cues.DISCOURSE_WORDS for k in opener):
        return None
    first = next((i for i in range(c + 1, end) if toks[i].text == ","), end)
    verb = next((i for i in range(first, end) if toks[i].upos in ("VERB", "AUX") and toks[i].xpos in FINITE), end)
    if verb == end or toks[c + 1].upos in ("ADP", "SCONJ", "ADV") or not is_source(toks[c + 1 : first]):
        return None
    cut = max(i for i in range(first, verb) if toks[i].text == ",")
    if any(not appositive(toks[a:b]) for a, b in comma_segments(toks, cut) if a > first):
        return None
    content = content_span(toks[cut + 1 : end])
    return (
        Candidate(token_span([toks[c]]), token_span(toks[c + 1 : cut]), content, FrameKind.verb, t.index)
        if content
        else None
    )


def _opens(cue: Token) -> bool:
    """An inverted cue opening its sentence: "Says", "Adds", "Said", never a participle ("Asked about it, ...")."""
    return cue.text.endswith("s") or cue.text.lower() == "said"


def _initial(t: Tree, c: int) -> Candidate | None:
    """ "SOURCE say(s) [that] CONTENT" opening the sentence, the cue not tagged as a verb: a past form
    ("told"), or a present one of a verb that is seldom a noun (``cues.SURFACE_OPENING``: "say", not
    "states", "remarks" or "reports")."""
    toks = t.tokens
    if toks[c].upos in ("VERB", "AUX"):
        return None  # the tree's own frame, or none on purpose
    form = toks[c].text.lower()
    lemma = surface_forms()[form]
    if lemma not in cues.SURFACE_OPENING or form in (lemma, lemma + "s", lemma + "es") and lemma in cues.NOUN_TOO:
        return None
    start = 0
    while start < c and (toks[start].upos in ("CCONJ", "ADV") or toks[start].text in QUOTE_MARKS):
        start += 1
    if start >= c:
        return None
    commas = [i for i in range(start, c) if toks[i].text == ","]
    parts = [(a, b) for a, b in zip([start, *(i + 1 for i in commas)], [*commas, c], strict=True) if b > a]
    if not parts:
        return None
    if toks[c - 1].text == ",":  # "Stephen Boesel, president of T. Rowe Price, explains that ..."
        if len(parts) < 2 or not is_name(toks[parts[0][0] : parts[0][1]]):
            return None
        if (
            not all(appositive(toks[a:b]) for a, b in parts[1:])
            or len(word_tokens(toks[start:c])) > cues.MAX_SOURCE_WORDS
        ):
            return None
        c_source = c - 1
    elif len(parts) > 1:
        return None  # "Put another way, the decline in the yield suggests": no opening speaker
    else:
        c_source = c
    if not is_source(toks[parts[0][0] : parts[0][1]]) or toks[c - 1].upos in ("DET", "ADP", "VERB", "AUX"):
        return None  # "have a say"
    if toks[c - 1].upos == "ADJ" and c >= 2 and toks[c - 2].upos == "DET":
        return None  # "the final say"
    rest = toks[c + 1 : last_word(toks)]
    if rest and rest[0].text.lower() == "that":
        rest = rest[1:]
    if not any(k.upos in ("VERB", "AUX") for k in rest):
        return None
    content = content_span(rest)
    if content is None:
        return None
    return Candidate(token_span([toks[c]]), token_span(toks[start:c_source]), content, FrameKind.verb, t.index)


def _frame_at(t: Tree, c: int) -> Candidate | None:
    """The sentence-final, inverted or opening frame of the cue at ``c``."""
    if _is_cue(t.tokens[c], base=False):  # "said", "says": a sentence-final or inverted cue
        frame = _final(t, c) or _inverted(t, c) or _parenthetical(t, c)
    else:  # "say": opening a report, or inverted before several speakers ("..., say analysts")
        frame = _inverted(t, c, plural=True)
    return frame or _initial(t, c)


def _final_only(t: Tree, c: int) -> Candidate | None:
    """ "..., Mr. Perritt found.", "..., records show.", "..., data showed on Thursday.", never "Levine
    found comic relief in it." (``cues.FINAL_ONLY``): the cue ends the sentence, or a time does."""
    toks = t.tokens
    tail = toks[c + 1 : last_word(toks)]
    if not all(k.upos in ("ADP", "DET", "NUM") or cues.is_time(k.text) for k in tail):
        return None
    if surface_forms()[toks[c].text.lower()] == "find" and not _is_cue(toks[c], base=False):
        return None  # "..., I find.": the writer's own view
    return _final(t, c)


def _as_clause(t: Tree, c: int) -> Candidate | None:
    """ "As SOURCE reported[, TIME], CONTENT": the speaker between "As" and the cue, what was said after
    the comma ("As The Daily Caller reported, the Cosby Show creator and star gave ...")."""
    toks = t.tokens
    start = next((i for i, k in enumerate(toks) if k.text not in QUOTE_MARKS), c)
    if start + 1 >= c or toks[start].text.lower() != "as" or not toks[c].text.islower():
        return None  # not "As the daughter of a State Department diplomat"
    end = c
    while end > start + 2 and toks[end - 1].upos == "ADV":  # "As The Atlantic recently noted"
        end -= 1
    comma = next((i for i in range(c + 1, min(len(toks), c + 6)) if toks[i].text == ","), None)
    if comma is None or not tail_ok(toks[c + 1 : comma]) or not is_source(toks[start + 1 : end]):
        return None
    content = content_span(toks[comma + 1 : last_word(toks)])
    if content is None:
        return None
    return Candidate(token_span([toks[c]]), token_span(toks[start + 1 : end]), content, FrameKind.verb, t.index)


def _in_name(toks: list[Token], c: int) -> bool:
    """Whether the word at ``c`` is part of a name: capitalised after a capitalised word ("the United
    States Special Operations Command"), not a verb opening a sentence or a quote."""
    return (
        c > 0 and toks[c].text[:1].isupper() and toks[c - 1].text[:1].isupper() and toks[c - 1].text not in QUOTE_MARKS
    )


def _before_name(t: Tree, c: int) -> bool:
    """Whether the word at ``c`` sits between a comma and a capitalised name ("..., notes Steven Einhorn")."""
    toks = t.tokens
    return (
        0 < c < len(toks) - 1
        and toks[c - 1].text == ","
        and toks[c + 1].upos == "PROPN"
        and toks[c + 1].text[:1].isupper()
    )


def surface_frames(t: Tree) -> list[Candidate]:
    """Every surface frame of one sentence, at most one a cue word."""
    frames = []
    for c, tok in enumerate(t.tokens):
        if not _is_cue(tok) or _in_name(t.tokens, c):
            continue
        lemma = surface_forms()[tok.text.lower()]
        if (
            tok.upos == "NOUN"
            and lemma in cues.NOUN_TOO
            and not tok.text.lower().endswith("ed")
            and not _before_name(t, c)
        ):
            continue  # "..., New Jersey and four other states.": the noun; "..., notes Steven G. Einhorn": the verb
        frame = _final_only(t, c) if lemma in cues.FINAL_ONLY else _as_clause(t, c) or _frame_at(t, c)
        if frame is None:
            continue
        frame.found_by = FoundBy.surface
        if lemma in cues.SURFACE_STANCE:
            frame.kind = FrameKind.stance
        if negation_before(t, tok):  # "he did not say"
            frame.kind = FrameKind.negated
        frames.append(frame)
    return frames
