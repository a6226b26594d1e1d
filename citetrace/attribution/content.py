"""Which words a frame reports: the rules propose a content, the tree offers others, a learned model
picks one (``choose_contents``).

For a frame whose cue is a word of the sentence (verbs, nouns, adjectives and "according to"),
``options`` lists the spans its content could be, each with the ways it was reached
(``Reach``): the rule's own content, the cue's clausal complement, its object with or without a
topic phrase, a parataxis, the clause the cue sits in, the words right or left of the cue, the
whole sentence less cue and source, a quote beside the cue, and the rule's content less a trailing
adverbial clause, an apposition or a participle. Every span is made whole-word and widened to
whole quotes, as the rules do, and options reaching the same span are one option.

``option_features`` describes an option by how it was reached and what it looks like (length,
side of the cue, quotes, verbs, whether it runs to the sentence's end); ``ContentChooser`` (a
LightGBM ranker trained by ``bench/train_content.py`` on PolNeAR train to rank options by their word
F1 with the gold content) ranks them, and the first is the frame's content. The model ships as
package data (``data/content_gbm.txt.gz``) and loads on first use; without it the rules' content stays.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from importlib import resources

import numpy as np

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.quotes import extend_to_quote
from citetrace.attribution.tree import Tree, glue, right_rest
from citetrace.models import FoundBy, FrameKind, Token

MODEL = "data/content_gbm.txt.gz"
CHOSEN_KINDS = frozenset({FrameKind.verb, FrameKind.stance, FrameKind.negated, FrameKind.nominal, FrameKind.according})
_CLAUSE_MARKS = frozenset({"that", "whether", "if"})


class Reach(IntEnum):
    """How an option was reached from the cue (one feature column each)."""

    rule = 0  # the content the rules made
    clause = 1  # a ccomp, xcomp or csubj of the cue
    obj = 2  # the cue's object
    obj_topic = 3  # its object and an "about/of/over" phrase
    topic = 4  # an "about/of/over/on" phrase alone
    parataxis = 5  # a parataxis of the cue
    governor = 6  # the clause the cue is inserted in ("X, he said, ...")
    right = 7  # the words right of the cue (and of a source after it) to the end
    left = 8  # the words left of the cue and its source
    sentence = 9  # the sentence less the cue and the source
    quote_before = 10  # the nearest quote ending before the cue
    quote_after = 11  # the nearest quote starting after the cue
    no_adverbial = 12  # the rule's content less a trailing adverbial or participle clause
    no_apposition = 13  # the rule's content less appositions
    noun_clause = 14  # a noun cue's acl, ccomp or appos
    inner_clause = 15  # a "that/whether/if" clause inside the rule's content ("told reporters that ...")


@dataclass
class Option:
    span: tuple[int, int]
    reaches: set[Reach] = field(default_factory=set)


def cue_token(t: Tree, f: Candidate) -> Token | None:
    """The cue's head word: of the words inside the cue span, the one whose head is outside it."""
    inside = [x for x in t.tokens if f.cue[0] <= x.start < f.cue[1]]
    ids = {x.id for x in inside}
    return next((x for x in inside if x.head not in ids), inside[0] if inside else None)


def _ids_in(t: Tree, span: tuple[int, int] | None) -> set[int]:
    if span is None:
        return set()
    return {x.id for x in t.tokens if span[0] <= x.start and x.end <= span[1]}


def _marked(t: Tree, k: Token, words: frozenset[str] | set[str]) -> bool:
    return any(c.lemma.lower() in words for c in t.children(k, "case", "mark"))


def _reached(t: Tree, tok: Token, f: Candidate, source: set[int]) -> list[tuple[Reach, set[int]]]:
    """Token-id sets an option may come from, and how each was reached."""
    out: list[tuple[Reach, set[int]]] = []
    after = [k for k in t.kids.get(tok.id, []) if k.start > tok.start]
    for k in after:
        rel = k.deprel.split(":")[0]
        if rel in ("ccomp", "xcomp", "csubj"):
            out.append((Reach.clause, t.subtree(k)))
        elif rel == "parataxis":
            out.append((Reach.parataxis, t.subtree(k)))
        elif rel in ("obl", "nmod", "advcl") and _marked(t, k, cues.TOPIC_PREPOSITIONS | cues.LEARNED_TOPIC_WORDS):
            out.append((Reach.topic, t.subtree(k)))
        elif rel in ("acl", "appos") and tok.upos == "NOUN":
            out.append((Reach.noun_clause, t.subtree(k)))
    obj = t.child(tok, "obj")
    if obj is not None and obj.start > tok.start:
        out.append((Reach.obj, t.subtree(obj)))
        topics = [ids for reach, ids in out if reach is Reach.topic]
        if topics:
            out.append((Reach.obj_topic, t.subtree(obj) | topics[0]))
    for k in t.kids.get(tok.id, []):
        if k.start < tok.start and k.deprel.split(":")[0] in ("ccomp", "parataxis"):
            out.append((Reach.clause, t.subtree(k)))  # "“...,” she said" parsed as the quote's ccomp
    governor = t.head(tok)
    if governor is not None:
        out.append((Reach.governor, t.subtree(governor) - t.subtree(tok)))
    sentence = {x.id for x in t.tokens} - {tok.id} - source
    first = min(source | {tok.id})
    last = max(source | {tok.id})
    out.append((Reach.right, right_rest(t, t.by_id[last]) - source))
    out.append((Reach.left, {i for i in sentence if i < first}))
    out.append((Reach.sentence, sentence))
    return out


def _trimmed(t: Tree, ids: set[int]) -> list[tuple[Reach, set[int]]]:
    """The rule's content less its trailing adverbial clause or participle, less its appositions."""
    out = []
    late = [
        x
        for x in t.tokens
        if x.id in ids
        and x.head in ids
        and x.deprel.split(":")[0] in ("advcl", "conj", "parataxis")
        and any(p.text == "," for p in t.tokens if x.id - 3 <= p.id < x.id)
    ]
    if late:
        cut = max(late, key=lambda x: len(t.subtree(x)))
        out.append((Reach.no_adverbial, ids - t.subtree(cut)))
    inner = [
        x
        for x in t.tokens
        if x.id in ids and x.head in ids and x.upos in ("VERB", "AUX", "ADJ") and _marked(t, x, _CLAUSE_MARKS)
    ]
    if inner:
        out.append((Reach.inner_clause, t.subtree(inner[0])))
    appos = [x for x in t.tokens if x.id in ids and x.deprel == "appos" and x.head in ids]
    if appos:
        out.append((Reach.no_apposition, ids - set().union(*(t.subtree(x) for x in appos))))
    return out


def _nearest_quotes(t: Tree, f: Candidate, quotes: list[tuple[int, int]]) -> list[tuple[Reach, tuple[int, int]]]:
    start, end = t.span
    before = [q for q in quotes if q[1] <= f.cue[0] and q[1] > start - 2]
    after = [q for q in quotes if q[0] >= f.cue[1] and q[0] < end]
    out = []
    if before:
        out.append((Reach.quote_before, max(before)))
    if after:
        out.append((Reach.quote_after, min(after)))
    return out


def _addressee(t: Tree, tok: Token) -> set[int]:
    """Whom the words were said to ("told them to ...", "told reporters that ..."): never content,
    also where the parse hangs the clause on the addressee ("reporters" <- acl "that ...")."""
    kid = t.child(tok, "iobj")
    if kid is None and tok.lemma.lower() == "tell":
        obj = t.child(tok, "obj")
        if obj is not None and (t.child(tok, "ccomp", "xcomp") is not None or _clause_of(t, obj) is not None):
            kid = obj
    if kid is None or kid.start < tok.start:
        return set()
    clause = _clause_of(t, kid)
    return t.subtree(kid) - (t.subtree(clause) if clause is not None else set())


def _clause_of(t: Tree, tok: Token) -> Token | None:
    """A "that/whether/if" clause hanging on ``tok``."""
    return next((k for k in t.children(tok, "acl", "ccomp") if _marked(t, k, _CLAUSE_MARKS)), None)


def options(t: Tree, tok: Token, f: Candidate, quotes: list[tuple[int, int]]) -> list[Option]:
    """Every content the frame ``f`` (its cue's head word ``tok``, ``cue_token``) could have, the rule's first."""
    addressee = _addressee(t, tok)
    content_ids = _ids_in(t, f.content)
    rule = f.content
    if addressee & content_ids:
        kept = t.char_span(content_ids - addressee)
        rule = extend_to_quote(glue(t.text, kept), quotes) if kept else rule
    found: dict[tuple[int, int], Option] = {rule: Option(rule, {Reach.rule})}
    cue_ids = _ids_in(t, f.cue) | addressee
    source = _ids_in(t, f.source)
    sets = _reached(t, tok, f, source) + _trimmed(t, content_ids)
    spans: list[tuple[Reach, tuple[int, int] | None]] = [
        (reach, t.char_span(ids - cue_ids - source)) for reach, ids in sets
    ]
    spans += _nearest_quotes(t, f, quotes)
    for reach, span in spans:
        if span is None:
            continue
        span = extend_to_quote(glue(t.text, span), quotes)
        if span[0] < f.cue[1] and f.cue[0] < span[1]:
            continue
        found.setdefault(span, Option(span)).reaches.add(reach)
    return list(found.values())


_KINDS = (FrameKind.verb, FrameKind.stance, FrameKind.nominal, FrameKind.according)
_UPOS = ("VERB", "NOUN", "ADJ")
_RELS = ("root", "ccomp", "parataxis", "conj", "advcl", "acl", "xcomp")
_FIRST = ("that", "to", "about", "of", "if", "whether", "on", "over", "for")
WIDTH = len(Reach) + 26 + len(_FIRST) + len(_KINDS) + len(_UPOS) + len(_RELS) + 7


def _frame_columns(t: Tree, tok: Token, f: Candidate, quotes: list[tuple[int, int]], n: int) -> list[float]:
    """What every option of one frame shares: the frame's kind, its cue and its source."""
    rel = tok.deprel.split(":")[0]
    inside_quote = any(qs < tok.start < qe for qs, qe in quotes)
    return [
        *(float(f.kind is k) for k in _KINDS),
        *(float(tok.upos == u) for u in _UPOS),
        *(float(rel == r) for r in _RELS),
        float(f.source is not None),
        float(f.source is not None and f.source[1] <= f.cue[0]),
        float(inside_quote),
        float(tok.lemma.lower() in cues.SAY_LEMMAS),
        float(tok.lemma.lower() == "tell"),
        float(n),
        float(tok.id - t.tokens[0].id) / max(1, len(t.tokens)),
    ]


def _option_columns(t: Tree, f: Candidate, o: Option, rule: tuple[int, int], rank: int) -> list[float]:
    start, end = o.span
    toks = [x for x in t.tokens if start <= x.start and x.end <= end]
    words = [x for x in toks if x.upos != "PUNCT"]
    n_sentence = sum(1 for x in t.tokens if x.upos != "PUNCT")
    last_word = max((x.end for x in t.tokens if x.upos != "PUNCT"), default=t.span[1])
    first = words[0] if words else None
    overlap = max(0, min(end, rule[1]) - max(start, rule[0]))
    union = max(end, rule[1]) - min(start, rule[0])
    gap = f.cue[0] - end if end <= f.cue[0] else start - f.cue[1] if start >= f.cue[1] else 0
    text = t.text[start:end]
    return [
        *(float(r in o.reaches) for r in Reach),
        float(len(o.reaches)),
        float(len(words)),
        len(words) / max(1, n_sentence),
        float(end <= f.cue[0]),
        float(start >= f.cue[1]),
        float(min(gap, 200)),
        float(start < t.span[0] or end > t.span[1]),
        float(text[:1] in '"\u201c'),
        float(text[-1:] in '"\u201d'),
        float(any(c in text for c in '"\u201c\u201d')),
        float(sum(1 for x in words if x.upos == "VERB")),
        float(any(x.deprel.startswith("nsubj") for x in words)),
        float(end >= last_word),
        float(start <= t.span[0]),
        float(text.count(",")),
        overlap / max(1, union),
        float(start <= rule[0] and rule[1] <= end),
        float(rule[0] <= start and end <= rule[1]),
        float(rank),
        float(first is not None and first.upos == "ADP"),
        float(first is not None and first.upos == "SCONJ"),
        float(first is not None and first.upos in ("PRON", "PROPN")),
        float(any(x.lemma.lower() in cues.TIME_WORDS for x in words)),
        float(first is not None and (first.lemma.lower() in cues.TIME_WORDS or first.upos == "NUM")),
        float(first is not None and first.upos in ("NOUN", "PROPN")),
        float(len(toks) - len(words)),
        *(float(first is not None and first.lemma.lower() == w) for w in _FIRST),
    ]


def option_features(t: Tree, tok: Token, f: Candidate, opts: list[Option], quotes: list[tuple[int, int]]) -> np.ndarray:
    """One row per option (``WIDTH`` columns)."""
    shared = _frame_columns(t, tok, f, quotes, len(opts))
    lengths = sorted({o.span[1] - o.span[0] for o in opts})
    rule = opts[0].span
    rows = [_option_columns(t, f, o, rule, lengths.index(o.span[1] - o.span[0])) + shared for o in opts]
    return np.asarray(rows, dtype=np.float64)


class ContentChooser:
    """The trained ranker (LightGBM lambdarank): options ranked by how well they match the gold content."""

    def __init__(self, booster):
        self.booster = booster

    def picks(self, groups: list[np.ndarray]) -> list[int]:
        """For each frame's rows (its options, the rule's first), the option ranked first (the rule's
        on a tie). One call to the model per document."""
        scores = self.booster.predict(np.vstack(groups), num_threads=1)
        out, at = [], 0
        for rows in groups:
            mine = scores[at : at + len(rows)]
            at += len(rows)
            out.append(int(np.argmax(mine)))
        return out


@lru_cache(maxsize=1)
def content_chooser() -> ContentChooser | None:
    """The shipped model, loaded on first use; None when the package holds none."""
    path = resources.files("citetrace").joinpath(MODEL)
    if not path.is_file():
        return None
    import lightgbm

    return ContentChooser(lightgbm.Booster(model_str=gzip.decompress(path.read_bytes()).decode()))


def choose_contents(trees: list[Tree], quotes: list[tuple[int, int]], frames: list[Candidate]) -> None:
    """Give each frame of ``CHOSEN_KINDS`` the content the model scores best among its ``options``."""
    chooser = content_chooser()
    if chooser is None:
        return
    by_index = {t.index: t for t in trees}
    chosen: list[tuple[Candidate, list[Option]]] = []
    groups: list[np.ndarray] = []
    for f in frames:
        t = by_index.get(f.sentence)
        if t is None or f.kind not in CHOSEN_KINDS or (tok := cue_token(t, f)) is None:
            continue
        opts = options(t, tok, f, quotes)
        f.content = opts[0].span  # the rule's content, less an addressee
        if len(opts) > 1:
            chosen.append((f, opts))
            groups.append(option_features(t, tok, f, opts, quotes))
    if groups:
        for (f, opts), pick in zip(chosen, chooser.picks(groups), strict=True):
            if not _picks_what_was_added(by_index[f.sentence], f, opts[0].span, opts[pick].span):
                f.content = opts[pick].span


def _picks_what_was_added(t: Tree, f: Candidate, rule: tuple[int, int], pick: tuple[int, int]) -> bool:
    """Whether ``pick`` is the participle clause after a sentence-final cue whose content the surface
    found before it ("..., the utility said, adding that ...": what it added is a frame of its own)."""
    if f.found_by is not FoundBy.surface or rule[1] > f.cue[0] or pick[0] < f.cue[1]:
        return False
    first = next((x for x in t.tokens if x.start >= pick[0]), None)
    return first is not None and first.xpos == "VBG"
