"""Boilerplate, learned from the corpus itself: sentences printed under many documents that otherwise
have little in common (an editor's note under every article of an outlet, a newsletter blurb, "Join
the conversation!"). ``find_boilerplate(documents, parses) -> (list[Boilerplate], spans)``.

A sentence (its words, case and apostrophes folded) is boilerplate when it stands in at least
``MIN_DOCUMENTS`` documents, or in two of one outlet and in the last ``BLURB_TAIL`` of one of them,
and no two of them share more than ``MAX_SHARED`` of their sentences: copies of one story (a wire
printed by three outlets) share most of theirs and stay reuse. It is
reported once per outlet, and the pipeline leaves it out of reuse and of claims. Linear in the
corpus: one pass over the sentences, then a count per pair of documents that share a candidate.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations

from citetrace.models import Boilerplate, Direction, Document, DocumentFrames, ParsedDocument, ReusePair
from citetrace.parse.cache import sentence_spans
from citetrace.reuse.passages import MIN_WORDS, word_keys

MIN_DOCUMENTS = 3  # an outlet's standing text is printed under three articles or more
MAX_SHARED = 0.3  # copies of one story share more than this share of the shorter one's sentences
# An outlet's blurb may stand under only two of its articles: then it must start in the last
# BLURB_TAIL of one of them. Chosen on the 12 same-outlet pairs read in docs/chains.md (the 6 blurbs
# start at 0.85 of one copy or later; the 5 passages of self-reuse end by 0.68, or lie in copies of
# one story, which MAX_SHARED keeps as reuse); checked on all 21 pairs of PolNeAR it turns into
# blurbs: 18 blurbs, 3 reused passages (docs/chains.md).
BLURB_TAIL = 0.15

Spans = dict[str, list[tuple[int, int]]]


def _key(text: str, start: int, end: int) -> str | None:
    keys = word_keys(text, start, end)
    return " ".join(keys) if len(keys) >= MIN_WORDS else None


def find_boilerplate(
    documents: Sequence[Document], parses: Sequence[ParsedDocument], frames: Sequence[DocumentFrames]
) -> tuple[list[Boilerplate], Spans]:
    """The corpus's boilerplate, once per outlet and sentence, and each document's boilerplate spans."""
    outlets = {f.document: f.outlet for f in frames}
    where: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)  # sentence key -> document -> span
    keys_of: dict[str, set[str]] = {}
    tail = _tails(documents)
    for doc, sentences in zip(documents, sentence_spans(parses), strict=True):
        keys_of[doc.name] = set()
        for start, end in sentences:
            if (key := _key(doc.text, start, end)) is not None:
                where[key].setdefault(doc.name, (start, end))
                keys_of[doc.name].add(key)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in where.values():
        if len(docs) > 1:
            for pair in combinations(sorted(docs), 2):
                shared[pair] += 1
    found: list[Boilerplate] = []
    spans: Spans = defaultdict(list)
    texts = {d.name: d.text for d in documents}
    for _key_text, docs in sorted(where.items()):
        if len(docs) < MIN_DOCUMENTS and not _blurb(docs, outlets, tail):
            continue
        pairs = combinations(sorted(docs), 2)
        if any(shared[(a, b)] > MAX_SHARED * min(len(keys_of[a]), len(keys_of[b])) for a, b in pairs):
            continue  # copies of one story
        by_outlet: dict[str | None, list[str]] = defaultdict(list)
        for name, span in docs.items():
            spans[name].append(span)
            by_outlet[outlets.get(name)].append(name)
        first = min(docs)
        text = texts[first][docs[first][0] : docs[first][1]]
        for outlet, names in sorted(by_outlet.items(), key=lambda x: (x[0] or "", x[1])):
            found.append(Boilerplate(outlet=outlet, text=text, documents=sorted(names)))
    return found, {name: sorted(s) for name, s in spans.items()}


def _tails(documents: Sequence[Document]) -> dict[str, int]:
    """Where each document's end starts: its last ``BLURB_TAIL``."""
    return {doc.name: int((1 - BLURB_TAIL) * len(doc.text)) for doc in documents}


def blurbs(
    reuse: Sequence[ReusePair], documents: Sequence[Document], frames: Sequence[DocumentFrames]
) -> tuple[list[ReusePair], list[Boilerplate]]:
    """Reuse within one outlet whose every passage sits at the end of one of the two articles is the
    outlet's blurb (a poll's method, a newsletter call-out), not reuse: (the other pairs, the blurbs)."""
    tail = _tails(documents)
    texts = {d.name: d.text for d in documents}
    outlets = {f.document: f.outlet for f in frames}
    kept: list[ReusePair] = []
    found: list[Boilerplate] = []
    for pair in reuse:
        if pair.direction is Direction.self_reuse and all(
            p.a_start >= tail[pair.a] or p.b_start >= tail[pair.b] for p in pair.passages
        ):
            first = pair.passages[0]
            outlet = outlets.get(pair.a)
            text = texts[pair.a][first.a_start : first.a_end]
            found.append(Boilerplate(outlet=outlet, text=text, documents=sorted([pair.a, pair.b])))
        else:
            kept.append(pair)
    return kept, found


def _blurb(docs: dict[str, tuple[int, int]], outlets: dict[str, str | None], tail: dict[str, int]) -> bool:
    """A sentence two articles of one outlet print at the end of one of them (``tail``: where each
    document's end starts): a newsletter or radio blurb, a poll's method."""
    owners = [outlets.get(name) for name in docs]
    if len(docs) != 2 or owners[0] is None or owners[0] != owners[1]:
        return False
    return any(start >= tail[name] for name, (start, _) in docs.items())


def outside(doc: DocumentFrames, spans: Sequence[tuple[int, int]]) -> DocumentFrames:
    """The document's frames whose content does not start in boilerplate."""
    if not spans:
        return doc
    kept = [f for f in doc.frames if not any(a <= f.content.start < b for a, b in spans)]
    return doc.model_copy(update={"frames": kept})
