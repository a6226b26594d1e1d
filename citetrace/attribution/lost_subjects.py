"""A speaker the tree lost, from the sentence's surface (``shared_subjects``, run after the scorers,
so that their inputs do not change): a verb joined by "and" to an earlier frame's verb, and a verb
after the aside of a sentence that opens with a name and a comma."""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.tree import Tree
from citetrace.models import FrameKind, Token

_NO_SUBJECT_KINDS = frozenset({FrameKind.credit, FrameKind.quote, FrameKind.according, FrameKind.possessive})


def shared_subjects(trees: list[Tree], frames: list[Candidate]) -> None:
    """A source, from the surface, for a frame the tree gave none where the sentence says who:

    - a verb joined by "and" to an earlier frame's verb has that frame's speaker ("Peña Nieto compared
      ..., and urged people not to ...");
    - a verb right after a comma, in a sentence that opens with a name and a comma, has that name
      ("M. Dane Waters, whose group has been at the forefront, predicted ...": the parser made the
      clause between the commas the sentence).
    """
    by_index = {t.index: t for t in trees}
    for f in frames:
        t = by_index.get(f.sentence)
        if f.source is not None or t is None or f.kind in _NO_SUBJECT_KINDS:
            continue
        c = next((i for i, tok in enumerate(t.tokens) if tok.start == f.cue[0]), None)
        if c is None or t.tokens[c].upos not in ("VERB", "AUX") or _passive(t.tokens, c):
            continue
        b = c - 1
        while b >= 0 and t.tokens[b].upos == "ADV":  # "and later called", ", again called"
            b -= 1
        if b < 1:
            continue
        if t.tokens[b].text.lower() == "and":
            first = next((g for g in frames if g.sentence == f.sentence and g.source and g.cue[0] < f.cue[0]), None)
            if first is not None:
                f.source, f.source_kind = first.source, first.source_kind
        elif t.tokens[b].text == ",":
            name = _opening_name(t.tokens[:b])
            if name is None and t.tokens[c].xpos in ("VBD", "VBZ", "VBP"):
                name = _name_set_off(t.tokens[:b])
            if name is not None:
                f.source = name


def _passive(toks: list[Token], c: int) -> bool:
    """ "fined $15,000 and ordered to disgorge", "damages ... estimated at": the subject is not the speaker."""
    after = toks[c + 1].text.lower() if c + 1 < len(toks) else ""
    amount = c + 2 < len(toks) and toks[c + 2].upos in ("NUM", "SYM")  # "estimated at $50 million"
    return toks[c].xpos == "VBN" and (after in ("to", "by", "as") or after == "at" and amount)


def _opening_name(toks: list[Token]) -> tuple[int, int] | None:
    """The name a sentence opens with, when a comma follows it and an aside comes after: "Donald Trump,
    while being interviewed on Fox and Friends Monday morning,", "NEC, one of its largest domestic
    competitors," (the tagger took "NEC" for a verb); not a dateline ("PARIS,") or a place."""
    n = 0
    while n < len(toks) and toks[n].upos == "PROPN":
        n += 1
    if n == 0 and len(toks) > 3 and toks[1].text == "," and toks[0].text.isupper() and len(toks[0].text) > 1:
        n = 1 if toks[2].upos in ("DET", "NUM") else 0  # an acronym tagged as a word: "NEC, one of ..."
    if n == 0 or n + 2 >= len(toks) or toks[n].text != ",":
        return None
    described = toks[n + 1].upos in ("DET", "NUM")  # ", one of ...", ", the ..."
    capitals = all(t.text.isupper() and len(t.text) > 1 for t in toks[:n])
    if capitals and not described or toks[n + 1].upos == "PROPN":
        return None  # a dateline, or a place: "RALEIGH, N.C.", "Killeen, Texas,"
    return toks[0].start, toks[n - 1].end


def _name_set_off(toks: list[Token]) -> tuple[int, int] | None:
    """The name between the last two commas before a finite cue that has no subject, with the title set
    off before it ("In a meeting Tuesday, supreme leader, Deng Xiaoping, told Mr. Nixon": the parse hung
    the whole run on "meeting")."""
    commas = [i for i, k in enumerate(toks) if k.text == ","]
    if not commas:
        return None
    name = toks[commas[-1] + 1 :]
    if not name or not all(k.upos == "PROPN" for k in name) or len(name) > 4:
        return None
    title = toks[commas[-2] + 1 if len(commas) > 1 else 0 : commas[-1]]
    if title and title[-1].upos == "PROPN":
        return None  # a place and its state: "... in Boca Raton, Fla., charged"
    titled = bool(title) and len(title) <= 4 and all(k.upos in ("DET", "ADJ", "NOUN", "PROPN") for k in title)
    if titled and any(k.lemma.lower() in cues.SOURCE_NOUNS for k in title):
        return title[0].start, name[-1].end
    return name[0].start, name[-1].end
