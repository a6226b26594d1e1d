"""The claims of a corpus, each with what is compared of it (``collect_claims``).

A **claim** is the content of a chain's innermost frame ("Soleimani's death as an act of god", which
Al-Naba "portrayed", according to BBC Monitoring), a claim a copy kept without its attribution, or a
sentence stated without attribution (outside every frame and boilerplate) that matches an
attributed claim of another document: the case we most want to show is one outlet stating as fact
what another attributes. A claim must state something (``_states``).

Which claims are one claim retold is ``similarity``'s work (a nearest-neighbour index, a score,
groups); what each retelling changed is ``drift.trace_groups``'s. Linear in the corpus.
"""

from __future__ import annotations

import hashlib
import re
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from citetrace.chains.graph_index import graph_index
from citetrace.models import Chain, CitationGraph, Document, DocumentFrames, Frame, ParsedDocument, Span, Token

MIN_WORDS = 5  # shorter contents ("responsibility", "Tehran and Soleimani") say too little to match
MAX_WORDS = 80  # longer "sentences" are lists or run-ons that match everything a little
STATES_WORDS = 8  # a claim with no verb this long is a clause the parse got wrong, not a name
NAMES_SHARE = 0.7  # ... unless names make most of it: a list of names states nothing
MIN_QUOTE_WORDS = 2  # a quoted phrase of two words or more is evidence on its own ("divine intervention")

_TITLE_SMALL = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by"}  # "Face the Nation"
_NEGATIONS = {"not", "never", "no", "nobody", "nothing", "neither", "nor", "none"}
_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
_POSSESSIVE = ("'s", "\u2019s")
_NOTHING: frozenset[str] = frozenset()
_LIGHT = {"be", "have", "do", "will", "would", "also", "not", "so", "more", "just", "very", "other", "'s"}
# Words between double quotation marks, or between single ones that stand outside words: the
# apostrophe of "don't" or "Clinton's" opens and closes nothing.
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]|(?<!\w)[‘']([^‘’'\n]{2,}?[^\s‘’'])[’'](?!\w)")


@dataclass
class Claim:
    """A claim of one document, with what ``similarity`` compares: its ``gist`` (the content, with the
    words between its cue and it, less every cue and source: ``_gist``), the gist's content lemmas,
    numbers and polarity, and the claim's quoted phrases."""

    document: str
    outlet: str | None
    span: Span
    gist: str
    frame: Frame | None = None
    chain: Chain | None = None
    lemmas: tuple[str, ...] = ()  # distinct and sorted: a tuple of ten is 120 bytes, a frozenset of ten 728
    numbers: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    quotes: frozenset[str] = field(default_factory=frozenset)
    negated: bool = False
    cue_lemma: str | None = None

    @property
    def cue_text(self) -> str | None:
        return self.frame.cue.text if self.frame is not None else None

    @property
    def id(self) -> str:
        return f"{self.document}@{self.span.start}"

    @property
    def attributed(self) -> bool:
        return self.frame is not None


def quotes_in(text: str) -> list[tuple[int, int]]:
    """(start, end) of each phrase inside quotation marks in ``text``, marks excluded."""
    return [m.span(1) if m.group(1) is not None else m.span(2) for m in _QUOTE.finditer(text)]


def _quote_key(text: str) -> str | None:
    words = re.findall(r"\w+", text.lower())
    return " ".join(words) if len(words) >= MIN_QUOTE_WORDS else None


def _title(text: str, start: int, end: int) -> bool:
    """Whether a quoted phrase is a title, a name or a slogan ("Make America Great Again", "The Late
    Show With Stephen Colbert"): every word capitalised, in words around it that are not."""
    inside = re.findall(r"[^\W\d_][\w'’-]*", text[start:end])
    around = re.findall(r"[^\W\d_][\w'’-]*", text[:start] + " " + text[end:])
    if len(inside) < MIN_QUOTE_WORDS or not all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in inside):
        return False
    return sum(w[0].islower() for w in around) > len(around) / 2


def _claim(
    doc: DocumentFrames,
    span: Span,
    tokens: Sequence[Token],
    gist: Sequence[Token],
    frame: Frame | None = None,
    chain: Chain | None = None,
) -> Claim | None:
    """The claim at ``span`` (``tokens``: its sentences' tokens), matched on the words of ``gist``."""
    inside = [t for t in tokens if span.start <= t.start and t.end <= span.end]
    if not MIN_WORDS <= sum(t.upos != "PUNCT" for t in inside) <= MAX_WORDS:
        return None
    quotes = {k for s, e in quotes_in(span.text) if not _title(span.text, s, e) and (k := _quote_key(span.text[s:e]))}
    if not quotes and not _states(inside):
        return None  # a name or a description ("the former secretary of state") states nothing
    return Claim(
        document=doc.document,
        outlet=doc.outlet,
        span=span,
        gist=" ".join(t.text for t in gist),
        frame=frame,
        chain=chain,
        lemmas=tuple(sorted({k for k in (word_key(t.lemma) for t in gist if t.upos in _CONTENT) if k not in _LIGHT})),
        numbers=_set(t.text for t in gist if t.upos == "NUM"),
        names=_set(word_key(t.lemma) for t in gist if t.upos == "PROPN"),
        quotes=_set(quotes),
        negated=any(t.lemma.lower() in _NEGATIONS or "Polarity=Neg" in (t.feats or "") for t in gist),
        cue_lemma=" ".join(t.lemma.lower() for t in tokens if frame and frame.cue.start <= t.start < frame.cue.end),
    )


def _set(words: Iterable[str]) -> frozenset[str]:
    """``frozenset(words)``, and the one empty set when there are none: most claims have no number,
    name or quote, and an empty frozenset is 216 bytes each (~8 MiB at 400 articles)."""
    found = frozenset(words)
    return found if found else _NOTHING


def word_key(lemma: str) -> str:
    """A lemma as claims compare it: lower case, a possessive's "'s" off where the parse kept it on the
    word ("Soleimani's death" and "the death of Soleimani" share "soleimani"). Interned: one string
    per word of the corpus, not one per word of every claim (157,000 strings, 8 MiB, at 400 articles)."""
    key = lemma.lower()
    for ending in _POSSESSIVE:
        if key.endswith(ending) and len(key) > len(ending):
            return sys.intern(key[: -len(ending)])
    return sys.intern(key)


def _states(tokens: Sequence[Token]) -> bool:
    """Whether words state something: a verb, a small clause ("Soleimani's death as an act of god"), or
    words enough for a clause the parse got wrong ("the new vaccine cut[NOUN] admissions by half")."""
    if any(t.upos in ("VERB", "AUX") or (t.lemma.lower() == "as" and t.upos in ("ADP", "SCONJ")) for t in tokens):
        return True
    words = [t for t in tokens if t.upos not in ("PUNCT", "CCONJ", "DET")]
    names = sum(t.upos == "PROPN" for t in words)
    return len(words) >= STATES_WORDS and names < NAMES_SHARE * len(words)  # "Ted Cruz (R-TX) and Sen. Marco Rubio"


class _Words:
    """One document's sentences, and the starts of the words its frames do not say (cues and
    sources), for ``_gist``: found by bisection, not by a scan per claim (at 400 PolNeAR articles
    that scan took 1 s of a 2.4 s step)."""

    def __init__(self, parsed: ParsedDocument, not_said: Sequence[tuple[int, int]]):
        self.sentences = [s.tokens for s in parsed.sentences if s.tokens]
        self.ends = [tokens[-1].end for tokens in self.sentences]  # in order, as the sentences are
        starts = sorted(t.start for tokens in self.sentences for t in tokens)
        self.muted: set[int] = set()
        for a, b in not_said:
            i = bisect_left(starts, a)
            while i < len(starts) and starts[i] < b:
                self.muted.add(starts[i])
                i += 1

    def touching(self, span: Span) -> list[Token]:
        """The tokens of the sentences ``span`` touches."""
        out: list[Token] = []
        for tokens in self.sentences[bisect_right(self.ends, span.start) :]:
            if tokens[0].start >= span.end:
                break
            out += tokens
        return out


def _gist(words: _Words, span: Span, frame: Frame | None) -> tuple[list[Token], list[Token]]:
    """(the tokens of the sentences ``span`` touches, the gist's tokens): the content, with the words
    between a cue and a content that follows it (a subject the parse left out: "claimed [the death of
    the general] was an act of god"), less every cue and source of the document."""
    tokens = words.touching(span)
    start = frame.cue.end if frame is not None and frame.cue.end <= span.start else span.start
    gist = [t for t in tokens if start <= t.start < span.end and t.start not in words.muted]
    return tokens, gist


def collect_claims(
    documents: Sequence[Document],
    parses: Sequence[ParsedDocument],
    frames: Sequence[DocumentFrames],
    graph: CitationGraph,
    boilerplate: dict[str, list[tuple[int, int]]],
) -> list[Claim]:
    """Every chain's claim (its innermost frame's content, or a claim that lost its attribution), then
    every sentence outside frames and boilerplate, once per document; in document order."""
    by_doc = {f.document: f for f in frames}
    blurbs: dict[str, set[str]] = defaultdict(set)  # boilerplate the reuse stage found (two-article blurbs)
    for b in graph.boilerplate:
        for d in b.documents:
            blurbs[d].add(_key(b.text))
    chains = graph_index(graph).of_document
    out: list[Claim] = []
    for document, parsed in zip(documents, parses, strict=True):
        doc = by_doc[document.name]
        frame_of = {f.id: f for f in doc.frames}
        not_said = [(f.cue.start, f.cue.end) for f in doc.frames]
        not_said += [(s.start, s.end) for f in doc.frames for s in f.source_mentions]
        words = _Words(parsed, not_said)
        taken: list[tuple[int, int]] = list(boilerplate.get(doc.document, []))
        seen: set[int] = set()
        for c in chains.get(doc.document, []):
            inner = frame_of.get(c.claim_frame) if c.claim_frame else None
            span = inner.content if inner is not None else c.claim
            taken.append((c.claim.start, c.claim.end))
            if span.start in seen:
                continue
            seen.add(span.start)
            tokens, gist = _gist(words, span, inner)
            if (claim := _claim(doc, span, tokens, gist, inner, c)) is not None:
                out.append(claim)
        for f in doc.frames:
            taken += [(p.start, p.end) for p in (f.cue, *f.content_pieces)]
        texts = set(blurbs.get(doc.document, ()))
        overlaps = _Overlaps(taken)
        for s in parsed.sentences:
            if not s.tokens:
                continue
            start, end = s.tokens[0].start, s.tokens[-1].end
            key = _key(document.text[start:end])
            if key in texts or overlaps(start, end):
                continue  # a caption printed twice is one claim
            texts.add(key)
            span = Span(text=document.text[start:end], start=start, end=end)
            if (claim := _claim(doc, span, s.tokens, s.tokens)) is not None:
                out.append(claim)
    return out


class _Overlaps:
    """Whether [start, end) overlaps one of the spans given, by bisection (a scan of every span per
    sentence was quadratic in a document's frames)."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))  # the furthest end among the first k

    def __call__(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the spans starting before ``end``
        return k > 0 and self.reach[k - 1] > start


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def group_id(claims: Sequence[Claim]) -> str:
    """'claim-' + 10 hex digits of the members' places: the same group gets the same id on every run."""
    key = "\n".join(sorted(c.id for c in claims))
    return "claim-" + hashlib.sha256(key.encode()).hexdigest()[:10]
