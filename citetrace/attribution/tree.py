"""The dependency-tree helper every extractor uses: one sentence's tokens indexed by id and head,
subtrees, and the phrases around a token, as character spans into the document text.

Public and typed: ``citetrace.attribution``, ``bench/`` and anyone writing a new frame family use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import overload

from citetrace.attribution import cues
from citetrace.models import Sentence, Token

PUNCT_EDGE = set(",;:.-–—()[]")  # trimmed from the edges of a span


class Tree:
    """Index over one sentence's tokens."""

    def __init__(self, sentence: Sentence, index: int, text: str):
        self.index = index
        self.text = text
        self.tokens = sentence.tokens
        self.by_id = {t.id: t for t in self.tokens}
        self.kids: dict[int, list[Token]] = {}
        self.memo: dict[tuple[object, ...], list[str]] = {}  # what is computed once a token (``cue_features``)
        self.rels: dict[int, tuple[str, str]] = {}  # id -> (relation, its universal part): "obl:tmod", "obl"
        for t in self.tokens:
            self.kids.setdefault(t.head, []).append(t)
            self.rels[t.id] = (t.deprel, t.deprel.partition(":")[0])

    def children(self, tok: Token, *deprels: str) -> list[Token]:
        """The words ``tok`` governs by any of ``deprels``, each a relation or its universal part."""
        rels = self.rels
        return [k for k in self.kids.get(tok.id, ()) if rels[k.id][1] in deprels or rels[k.id][0] in deprels]

    def child(self, tok: Token, *deprels: str) -> Token | None:
        found = self.children(tok, *deprels)
        return found[0] if found else None

    def head(self, tok: Token) -> Token | None:
        return self.by_id.get(tok.head)

    def subtree(self, tok: Token) -> set[int]:
        ids, stack = set(), [tok.id]
        while stack:
            i = stack.pop()
            if i in ids:
                continue
            ids.add(i)
            stack.extend(k.id for k in self.kids.get(i, []))
        return ids

    @property
    def span(self) -> tuple[int, int]:
        return self.tokens[0].start, self.tokens[-1].end

    def char_span(self, ids: Iterable[int]) -> tuple[int, int] | None:
        """Offsets of the contiguous run of ``ids`` (the longest run; of runs as long, the one with more
        words other than conjunctions and punctuation: "and" of "and then Wallnau" is no run), punctuation
        trimmed at the edges."""
        ordered = sorted(ids)
        if not ordered:
            return None
        runs, run = [], [ordered[0]]
        for i in ordered[1:]:
            if i == run[-1] + 1:
                run.append(i)
            else:
                runs.append(run)
                run = [i]
        runs.append(run)
        best = max(runs, key=lambda r: (len(r), sum(self.by_id[i].upos not in ("CCONJ", "PUNCT") for i in r)))
        toks = [self.by_id[i] for i in best]
        while toks and toks[0].text in PUNCT_EDGE:
            toks = toks[1:]
        while toks and toks[-1].text in PUNCT_EDGE:
            toks = toks[:-1]
        if not toks:
            return None
        return toks[0].start, toks[-1].end


# A contraction or possessive after a word, a word of its own: "They’re", "He’s", "Trump’s"
CLITIC = re.compile(r"['\u2019](?:s|re|ll|ve|m|d)\b", re.IGNORECASE)


@overload
def glue(text: str, span: tuple[int, int]) -> tuple[int, int]: ...
@overload
def glue(text: str, span: None) -> None: ...
@overload
def glue(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None: ...
def glue(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Widen a span to whole words: "Mina Al" -> "Mina Al-Lami" when the parse split a hyphenated name."""
    if span is None:
        return None
    start, end = span
    glue = "-'\u2019"
    while (
        end < len(text)
        and (text[end].isalnum() or text[end] in glue and end + 1 < len(text) and text[end + 1].isalnum())
        and (text[end - 1].isalnum() or text[end - 1] in glue)
        and not CLITIC.match(text, end)
    ):
        end += 1
    if text[start:end].count("(") > text[start:end].count(")") and text[end : end + 1] == ")":
        end += 1
    while (
        start > 0
        and (text[start - 1].isalnum() or text[start - 1] == "-" and start > 1 and text[start - 2].isalnum())
        and text[start].isalnum()
    ):
        start -= 1
    return start, end


def end_before(text: str, start: int, at: int) -> int:
    """Where the words from ``start`` end before ``at``, less the spaces, commas and semicolons before it
    ("told CNN the claims were false, and said": the end of "false")."""
    return start + len(text[start:at].rstrip(" ,;"))


BOUNDARY = {",", ";", ":", "\u2014", "\u2013", '"', "\u201c", "\u201d"}


def left_phrase(t: Tree, tok: Token) -> set[int]:
    """Tokens left of ``tok`` back to the last clause boundary outside brackets (a fallback subject)."""
    ids: list[int] = []
    depth = 0
    for k in reversed([x for x in t.tokens if x.id < tok.id]):
        if k.text == ")":
            depth += 1
        elif k.text == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and (k.text in BOUNDARY or k.upos in ("AUX",) and not ids):
            if k.upos == "AUX":
                continue
            break
        ids.append(k.id)
    while ids and t.by_id[ids[-1]].upos in ("ADP", "SCONJ", "CCONJ", "ADV"):
        ids.pop()  # "In 2014 ... then president X said": keep the noun phrase
    return set(ids)


def right_rest(t: Tree, tok: Token) -> set[int]:
    """Tokens right of ``tok`` to the end of the sentence, stopping before ", according to"."""
    ids = set()
    toks = [x for x in t.tokens if x.id > tok.id]
    for i, k in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if k.text == "," and nxt is not None and nxt.text.lower() == "according":
            break
        ids.add(k.id)
    return ids


def prenominal(t: Tree, tok: Token) -> bool:
    """Whether ``tok`` is a participle before the noun it modifies ("a self-described socialist", "an
    accused rapist", "a widely denounced tweet"): an adjective there, never a verb of saying. One after
    its noun ("the newspaper Al-Naba portrayed ...") is left alone: the parser takes many a main verb so."""
    head = t.by_id.get(tok.head) if tok.deprel == "amod" else None
    if head is None or head.start < tok.start:
        return False
    if t.text[tok.start - 1 : tok.start] == "-":
        return True  # "self-described", "oft-stated"
    own = {k.id for k in t.tokens if k.head == tok.id}
    before = [k for k in t.tokens if k.end <= tok.start and k.id not in own and k.head not in own]
    return bool(before) and before[-1].upos in ("DET", "ADJ", "ADV", "NUM", "PRON")


REDUCED_MARKS = frozenset({"when", "if", "once", "unless", "until", "while"})  # "when asked", "if elected"
_PUT_TO = frozenset({"ask", "press", "question", "tell", "quote"})  # "Asked about it, he said": a question put to him


def passive_adjunct(t: Tree, tok: Token) -> bool:
    """A past participle with no auxiliary of its own, set off by a comma after a clause with its subject,
    with no object or clause of its own: a passive adjunct ("Johnson wrote in his memoir, published last
    year"), whose subject is what was done to, never the main clause's. Not the main verb after a
    subject's relative clause, which the tagger takes for a participle too ("Trump, who campaigned there,
    tweeted, “...”": the clause it hangs on has a relative pronoun for its subject), nor a participle with
    an object, a clause, an agent or a quote after it."""
    before, head = t.by_id.get(tok.id - 1), t.head(tok)
    if tok.xpos != "VBN" or tok.deprel.split(":")[0] != "advcl" or before is None:
        return False
    # "he said when asked about the deal", "If confirmed, ...": a subordinate clause without its "be"
    marked = before.text.lower() in REDUCED_MARKS and before.head == tok.id
    if before.text != "," and not marked:
        return False
    subject = t.child(head, "nsubj") if head is not None and head.id < tok.id and head.upos == "VERB" else None
    if not marked and (subject is None or subject.text.lower() in cues.RELATIVE_PRONOUNS):
        return False  # after a subject and its relative clause, the main verb: "Trump, who campaigned, tweeted"
    if t.child(tok, "aux", "aux:pass", "ccomp", "xcomp", "parataxis", "iobj", "conj", "obl:agent") is not None:
        return False  # a clause, a verb of a series ("speculated ..., referred to ... and considered"), an agent
    if any(c.lemma.lower() == "by" for o in t.children(tok, "obl") for c in t.children(o, "case")):
        return False  # "encouraged by the United States": who did it is the source
    objects = t.children(tok, "obj")
    return all(cues.is_time(k.lemma) for k in objects) and not _quote_right_after(t, tok)


def participle_over_clause(t: Tree, tok: Token) -> Token | None:
    """The clause after a participle cue set off by a comma that the parse made the participle's head
    ("The bank held rates steady, saying inflation remained too high": "saying" an adverbial clause of
    "remained", itself a conjunct of "held"): what the participle reports, said by the main verb's subject."""
    head = t.head(tok)
    if tok.xpos != "VBG" or tok.deprel.split(":")[0] != "advcl" or head is None or head.id <= tok.id:
        return None
    main, before = t.head(head), t.by_id.get(tok.id - 1)
    if head.deprel.split(":")[0] not in ("conj", "parataxis") or main is None or main.id >= tok.id:
        return None
    return head if before is not None and before.text == "," else None


def _quote_right_after(t: Tree, tok: Token) -> bool:
    """A quote mark among the two tokens after ``tok`` ("tweeted, “Thank you”")."""
    return any(t.by_id[i].text in cues.QUOTE_MARKS for i in (tok.id + 1, tok.id + 2) if i in t.by_id)


def other_sense(t: Tree, tok: Token) -> bool:
    """A cue's word in a use that reports no one's words: "pointed their rifles at" (no "out" or "to"),
    "added Johnson & Johnson to its lawsuit" (an object, no clause), "where noted" (no subject), "Think
    about the good you can do" (an order to the reader, opening its sentence)."""
    lemma = tok.lemma.lower()
    if passive_adjunct(t, tok) and lemma not in _PUT_TO:
        return True  # "Johnson wrote in his memoir, published last year": what was published, not who said
    clause = t.child(tok, "ccomp", "parataxis") if lemma in cues.PHRASAL_ONLY or lemma == "add" else None
    if lemma in cues.PHRASAL_ONLY and clause is None:  # "the actress also pointed that ...": a clause is words
        return not any(k.text.lower() in cues.PHRASAL[lemma] for k in _particles(t, tok))
    if lemma == "add" and clause is None and (obj := t.child(tok, "obj")) is not None and obj.upos in ("NOUN", "PROPN"):
        after = [k for k in t.tokens if k.id > tok.id]
        upto = next((i for i, k in enumerate(after) if k.upos in ("VERB", "AUX") or k.text in cues.QUOTE_MARKS), None)
        return any(k.text.lower() == "to" for k in after[:upto])  # "to" before another verb: where it was added
    if t.child(tok, "nsubj", "nsubj:pass", "csubj", "expl") is not None:
        return False  # the rest is of a verb with no subject
    before = next((k for k in reversed(t.tokens) if k.id < tok.id and k.text.lower() != "otherwise"), None)
    if before is not None and before.text.lower() in cues.NO_ONE_MARKS:
        return True
    first = next((k for k in t.tokens if k.upos != "PUNCT"), None)  # not ", say Mr. Dinkins's managers, ..."
    return "Mood=Imp" in (tok.feats or "") and first is tok


def _particles(t: Tree, tok: Token) -> list[Token]:
    """A verb's particle, the prepositions of its obliques and the word right after it ("out" of "pointed
    out", "to" of "pointed to", "referring to" however the parse hung its object)."""
    after = next((k for k in t.tokens if k.id > tok.id and k.upos != "ADV"), None)
    return [*t.children(tok, "compound:prt"), *_cases(t, tok), *([after] if after is not None else [])]


def _cases(t: Tree, tok: Token) -> list[Token]:
    """The prepositions of a verb's obliques ("to" of "to its lawsuit")."""
    return [c for obl in t.children(tok, "obl") for c in t.children(obl, "case")]


def negation_before(t: Tree, tok: Token) -> bool:
    """A negation among the (up to three) auxiliaries and adverbs right before ``tok``: "did not say",
    "has never said", "neither confirmed nor denied", "without admitting". The tree is not read: the
    surface path asks it too."""
    for k in reversed([x for x in t.tokens if x.id < tok.id][-3:]):
        if k.text.lower() in cues.NEGATING_WORDS:
            return True  # whatever its tag: the tagger takes "neither" for a noun or a determiner
        if k.upos not in ("AUX", "PART", "ADV"):
            return False
        if k.lemma.lower() in cues.NEGATIONS or k.text.lower() in cues.NEGATIONS:
            return True
    return False


def _next_to(t: Tree, a: Token, b: Token) -> bool:
    """No punctuation between ``a`` and ``b``: a negation inside a quote before the cue is the quote's
    ('"Why not?" asked Mr. Smith')."""
    lo, hi = sorted((a.id, b.id))
    return not any(t.by_id[i].upos == "PUNCT" for i in range(lo + 1, hi) if i in t.by_id)


def negated(t: Tree, tok: Token) -> bool:
    """ "did not mention", "careful not to credit", "never said": the cue itself is negated, by a
    negation it governs or one among the auxiliaries and adverbs right before it. A negation in what
    was said ("workers haven't accepted it, the analyst said") is not the cue's."""
    if any(k.lemma.lower() in cues.NEGATIONS and _next_to(t, k, tok) for k in t.children(tok, "advmod")):
        return True
    if negation_before(t, tok):
        return True
    if _no_one(t, t.child(tok, "nsubj")):
        return True
    head = t.head(tok)  # "not to credit the US or even mention Soleimani": the negation spreads over "or"
    return (
        tok.deprel == "conj"
        and head is not None
        and head.upos == "VERB"
        and head.lemma.lower() in cues.SAY_LEMMAS | cues.STANCE_LEMMAS
        and negated(t, head)
    )


def _no_one(t: Tree, subject: Token | None) -> bool:
    """Whether a subject says that no one spoke: "Neither candidate", "None of them", "Neither Cruz nor
    Christie" (however the parse hangs "nor"), not "No wonder Trump"."""
    if subject is None:
        return False
    ids = sorted(t.subtree(subject))
    first, second = t.by_id[ids[0]], t.by_id[ids[1]] if len(ids) > 1 else None
    if first.text.lower() not in cues.NO_ONE or second is not None and second.text.lower() in cues.NOT_NO_ONE:
        return False
    return subject in (first, t.head(first)) or any(t.by_id[i].text.lower() == "nor" for i in ids)
