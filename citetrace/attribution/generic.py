"""Frames for cues only the learned scorer finds: any verb, noun, adjective, colon or dash whose
score passes ``cues.LEARNED_CUE`` and that no rule frame already uses as its cue.

Content and source come from the tree, the same way for every word of a class:

- a verb or adjective: its clause or infinitive, else its object together with a topic phrase
  ("cited Trump's past references", "voiced concerns about the nominee", "critical of the plan");
  the source is its subject (through coordination and control), a passive's content its subject;
- a noun: its clause, infinitive or "of/about/over" phrase ("the claim that ...", "his plan to ...",
  "criticism of ..."); the source is its possessor ("his plan"), its "by" phrase, or the subject
  of the verb it is the object of ("Clinton made the claim");
- a colon or a dash after a short name ("WALLACE: Let's start"): the rest of the sentence, said by
  the name.

The kind says whether the frame reports words (``FrameKind.verb``, ``nominal``, ``label``) or
a stance, feeling, plan or act (``FrameKind.stance``): chains use only the first.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.learned import DASHES, cue_scorer, is_candidate, token_features
from citetrace.attribution.quotes import dialogue_tag, extend_to_quote
from citetrace.attribution.subjects import subject_of
from citetrace.attribution.tree import Tree, glue, negated, other_sense, prenominal, right_rest
from citetrace.models import FoundBy, FrameKind, Token

_CLAUSE = ("ccomp", "xcomp", "csubj")
_NOUN_CLAUSE = ("acl", "ccomp", "xcomp", "appos")
_TIME_RELS = ("obl:tmod", "nmod:tmod", "obl:npmod")  # "said Friday afternoon that": a time, not a cue
_FRAME_UPOS = frozenset({"NOUN", "VERB", "ADJ", "AUX"})  # the candidates that may make a frame of their own
_SAYING = frozenset({"saying", "stating"})
MAX_LABEL_WORDS = 6  # a speaker label is a short name: "WALLACE", "Rep. Jim Jordan"
SCORED_KINDS = frozenset(
    {FrameKind.verb, FrameKind.stance, FrameKind.negated, FrameKind.according, FrameKind.citing}
)  # scored cues


def _topic(t: Tree, tok: Token, *rels: str) -> Token | None:
    """A "of/about/over/on/that/to/for" phrase of ``tok`` after it."""
    for k in t.children(tok, *rels):
        marks = {c.lemma.lower() for c in t.children(k, "case", "mark")}
        if k.start > tok.start and marks & cues.LEARNED_TOPIC_WORDS:
            return k
    return None


def _verb_parts(t: Tree, tok: Token) -> tuple[set[int] | None, set[int] | None]:
    """(content ids, source ids) of a verb or adjective cue."""
    content = next((t.subtree(k) for k in t.children(tok, *_CLAUSE) if k.start > tok.start), None)
    if content is None:  # "voiced concerns about the nominee", "accused Trump of lying": the object and the topic
        parts = [k for k in (t.child(tok, "obj"), _topic(t, tok, "obl", "advcl", "ccomp")) if k is not None]
        content = set().union(*(t.subtree(k) for k in parts)) if parts else None
    source, passive = subject_of(t, tok)
    if content is None and passive:
        subj = t.child(tok, "nsubj")
        content = t.subtree(subj) if subj is not None else None
    return content, source


def _noun_content(t: Tree, tok: Token) -> Token | None:
    """What a noun cue reports: its clause after it, else an "of/about/..." phrase after it."""
    clause = next((k for k in t.children(tok, *_NOUN_CLAUSE) if k.start > tok.start), None)
    return clause or _topic(t, tok, "nmod", "acl")


def _noun_parts(t: Tree, tok: Token) -> tuple[set[int] | None, set[int] | None]:
    """(content ids, source ids) of a noun cue."""
    chosen = _noun_content(t, tok)
    content = t.subtree(chosen) if chosen is not None else None
    owner = t.child(tok, "nmod:poss") or next(
        (k for k in t.children(tok, "nmod") if any(c.lemma.lower() == "by" for c in t.children(k, "case"))), None
    )
    source = t.subtree(owner) - {c.id for c in t.children(owner, "case")} if owner is not None else None
    head = t.head(tok)
    if source is None and head is not None and tok.deprel == "obj" and head.upos == "VERB":
        source, _ = subject_of(t, head)
    return content, source


def _label_parts(t: Tree, tok: Token) -> tuple[set[int] | None, set[int] | None]:
    """(content ids, source ids) of a speaker label: the words before the colon, the rest after it."""
    before = {x.id for x in t.tokens if x.id < tok.id}
    after = {x.id for x in t.tokens if x.id > tok.id}
    words = [x for x in t.tokens if x.id in before and x.upos != "PUNCT"]
    if not words or len(words) > MAX_LABEL_WORDS or not any(x.upos in ("PROPN", "NOUN", "PRON") for x in words):
        return None, None
    if any(x.upos in ("VERB", "AUX") and x.text[:1].islower() for x in words):
        return None, None  # "The governor said:": the verb's frame, not a label
    return (after or None), before


def _around(t: Tree, tok: Token) -> set[int]:
    """The words around a verb the tree gives no complement: the clause it hangs on, less its own
    words, or for the sentence's root the words after it ("Trump said during the debate that ...",
    where the parse hung the clause on "debate")."""
    head = t.head(tok)
    if head is not None:
        return t.subtree(head) - t.subtree(tok)
    return right_rest(t, tok)


def _statement_saying(t: Tree, tok: Token) -> Token | None:
    """The "saying" of "issued a statement saying ...": the verb's object is a statement (whatever the
    tagger made of "saying") and a form of "say" or "state" follows it."""
    obj = t.child(tok, "obj")
    if tok.upos != "VERB" or obj is None:
        return None
    if obj.text.lower() in _SAYING:  # "a statement saying": the tagger's noun compound
        noun = t.child(obj, "compound")
        return obj if noun is not None and noun.lemma.lower() in cues.STATEMENT_NOUNS else None
    after = next((k for k in t.tokens if k.id == obj.id + 1), None)
    if obj.lemma.lower() not in cues.STATEMENT_NOUNS or after is None or after.text.lower() not in _SAYING:
        return None
    return after


def may_frame(t: Tree, tok: Token) -> bool:
    """Whether ``learned_frame`` may give ``tok`` a frame, asked without building one: False only where
    it gives none (about half the candidates; a third make one)."""
    if tok.text in DASHES:
        return True
    if tok.upos not in _FRAME_UPOS:
        return False  # a preposition: scored for the phrase frames' confidence ("according to"), no frame
    if prenominal(t, tok) or other_sense(t, tok):
        return False  # a participle before the noun it modifies: "a self-described socialist"; "where noted"
    if tok.upos == "NOUN":  # a clause or a topic after it (``_noun_parts``)
        return tok.deprel not in _TIME_RELS and _noun_content(t, tok) is not None
    return tok.upos != "AUX" or tok.id in t.kids  # an auxiliary's content is what it governs


def learned_frame(t: Tree, tok: Token, quotes: list[tuple[int, int]]) -> Candidate | None:
    """A frame for one learned cue token, or None when the tree gives it no content."""
    if not may_frame(t, tok):
        return None
    if tok.text in DASHES:
        content_ids, source_ids = _label_parts(t, tok)
        kind = FrameKind.label
    elif tok.upos == "NOUN" and tok.deprel not in _TIME_RELS:
        content_ids, source_ids = _noun_parts(t, tok)
        kind = FrameKind.nominal if tok.lemma.lower() in cues.SPEECH_NOUNS else FrameKind.stance
    elif tok.upos in ("VERB", "ADJ", "AUX"):
        content_ids, source_ids = _verb_parts(t, tok)
        lemma = tok.lemma.lower()
        speech = (lemma in cues.SAY_LEMMAS or tok.text.lower() in cues.learned_cue_forms()) and (
            lemma not in cues.STANCE_LEMMAS
        )
        kind = FrameKind.verb if speech else FrameKind.stance
    else:
        return None
    if not content_ids and tok.upos in ("VERB", "ADJ") and not tok.deprel.startswith("csubj"):
        content_ids = _around(
            t, tok
        )  # "“...,” Clark said in a statement", "as a reporter noted, ...": the chooser picks
    if not content_ids:
        return None
    cue = (tok.start, tok.end)
    statement = _statement_saying(t, tok)
    if statement is not None:  # "NEC released a statement saying, “...”": words reported
        cue, kind = (tok.start, statement.end), FrameKind.verb
        content_ids = right_rest(t, statement)
    content = t.char_span(content_ids - {tok.id} - (source_ids or set()))
    if content is None or (content[0] < cue[1] and cue[0] < content[1]):
        return None
    source = glue(t.text, t.char_span(source_ids)) if source_ids else None
    if source is not None and source[0] < cue[1] and cue[0] < source[1]:
        source = None
    content = extend_to_quote(glue(t.text, content), quotes)
    if kind is FrameKind.stance and tok.upos == "VERB" and content in quotes and dialogue_tag(t.text, content, cue):
        kind = FrameKind.verb  # "“...,” she laughed.": the quote's words, whatever the verb
    kind = FrameKind.negated if negated(t, tok) else kind
    return Candidate(cue, source, content, kind, t.index)


def scored_frames(trees: list[Tree], quotes: list[tuple[int, int]], rule_frames: list[Candidate]) -> list[Candidate]:
    """The rule frames the learned scorer keeps, and the frames it adds. Every candidate token is
    scored: a rule frame of ``SCORED_KINDS`` gets its best cue word's score as its confidence and is
    dropped under ``cues.RULE_VETO`` (a surface frame under ``cues.SURFACE_VETO``; credits, floating
    quotes and possessives keep 1.0); a token over ``cues.LEARNED_CUE`` that no rule frame uses as its
    cue makes a frame of its own (``learned_frame``), unless a word it governs or its head is already
    such a cue."""
    scorer = cue_scorer()
    if scorer is None:
        return rule_frames
    tokens = _scored_tokens(trees, rule_frames)
    rows = [token_features(t, tok, quotes) for t, tok in tokens]
    scores = scorer.scores(rows, [tok.lemma.lower() for _, tok in tokens])
    # one score per start (the words of a multi-word token share it: the last one's, as before)
    by_start = sorted({tok.start: p for (_, tok), p in zip(tokens, scores, strict=True)}.items())
    starts = [start for start, _ in by_start]
    words = {tok.start: tok.text.lower() for _, tok in tokens}
    for f in rule_frames:
        inside = by_start[bisect_left(starts, f.cue[0]) : bisect_left(starts, f.cue[1])]
        if inside and f.kind in SCORED_KINDS and not all(words[start] in cues.UNSCORED_CUES for start, _ in inside):
            f.confidence = max(p for _, p in inside)
    rule_frames = [
        f
        for f in rule_frames
        if f.confidence >= cues.RULE_VETO or f.found_by is FoundBy.surface and f.confidence >= cues.SURFACE_VETO
    ]
    taken = [f.cue for f in rule_frames]
    new: list[Candidate] = []
    cue_ids: set[tuple[int, int]] = set()
    ranked = sorted(zip(tokens, scores, strict=True), key=lambda x: -x[1])
    for (t, tok), p in ranked:
        if p < cues.LEARNED_CUE:
            break
        if any(a <= tok.start < b for a, b in taken):
            continue
        near = {(t.index, tok.head)} | {(t.index, k.id) for k in t.kids.get(tok.id, [])}
        if near & cue_ids:
            continue
        frame = learned_frame(t, tok, quotes)
        if frame is not None:
            frame.confidence = p
            new.append(frame)
            cue_ids.add((t.index, tok.id))
    return rule_frames + new


def _scored_tokens(trees: list[Tree], rule_frames: list[Candidate]) -> list[tuple[Tree, Token]]:
    """The candidate tokens whose score is read, in text order: those inside a rule frame's cue (its
    confidence) and those that may make a frame of their own (``may_frame``), with every word of a
    multi-word token among them. Scoring the others changed nothing, and cost a third of extraction."""
    spans = sorted(f.cue for f in rule_frames)
    starts = [a for a, _ in spans]
    ends = list(accumulate((b for _, b in spans), max))  # the furthest end of the cues starting so far

    def in_a_cue(start: int) -> bool:
        k = bisect_right(starts, start)
        return k > 0 and ends[k - 1] > start

    candidates = [(t, tok) for t in trees for tok in t.tokens if is_candidate(tok)]
    kept = {tok.start for t, tok in candidates if in_a_cue(tok.start) or may_frame(t, tok)}
    return [(t, tok) for t, tok in candidates if tok.start in kept]
