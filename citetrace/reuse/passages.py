"""Text reuse between documents: passages one article shares with another, and what changed.

``find_reuse(documents, parses, frames) -> list[ReusePair]``

1. **Candidates without comparing every pair**: every sentence of five words or more becomes a
   MinHash of its word 3-gram shingles (``citetrace.reuse.minhash``); LSH bands give, for each sentence, the
   sentences of other documents whose estimated Jaccard similarity passes ``LSH_THRESHOLD``.
2. **Alignment**: candidate sentence pairs of one document pair that follow each other in both
   texts form a run; each run, widened by one sentence on each side (an editor may merge or split
   sentences), is aligned word by word with ``difflib.SequenceMatcher``. The aligned region is
   trimmed to its first and last matching block of three words or more and split where more than
   ``MAX_GAP`` words in a row differ.
3. **Changes**: the opcodes inside a passage are its word-level changes (insert, delete, replace),
   compared without case and with typographic apostrophes folded.
4. **Dropped attributions**: a frame whose cue words fall in a deleted or replaced stretch, with no
   frame of the same cue in the other copy's stretch, is recorded as present in one copy only.
5. **Direction**: two documents that credit the same outlet or copy the same wire (credit lines,
   datelines: ``DocumentFrames.provenance``) both copy it (``both_copy``, the ``common_source``);
   two documents whose every shared passage is mostly the quoted words of one source (a frame's
   content in both, or in one while the other has the words between quotation marks)
   ``both_quote`` it; two documents of one outlet are ``self_reuse``; otherwise from dates in the
   metadata (older is the original), from credits (a document that credits the other's outlet
   copies it), otherwise undecided (``reuse.direction``).
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from typing import NamedTuple

import numpy as np

from citetrace.attribution.quotes import find_quotes
from citetrace.models import (
    AttributionChange,
    Change,
    ChangeOp,
    Document,
    DocumentFrames,
    ParsedDocument,
    Passage,
    ReusePair,
    Side,
)
from citetrace.parse.cache import sentence_spans
from citetrace.reuse.direction import PairSide, direction_of
from citetrace.reuse.minhash import lsh_bands, signatures

LSH_THRESHOLD = 0.2
NUM_PERM = 128
SHINGLE = 3
MIN_WORDS = 5
MANY = 32  # documents that share a sentence beyond which its candidate pairs form a star around the first
MIN_BLOCK = 3  # a passage starts and ends on a run of at least this many equal words
MAX_GAP = 25  # more differing words than this in a row split a passage
# Equal words a passage needs: the stock formulas of PolNeAR dev are shorter ("did not immediately respond
# to requests for comment", 8; "X is director of debate at the University of Michigan", 11), the
# sample corpus's shortest copied passage has 50.
MIN_PASSAGE_WORDS = 12
MERGE_GAP = 1  # equal tokens between two changes that still make them one change

_TOKEN = re.compile(r"\w+(?:['\u2019.-]\w+)*|[^\w\s]")


class _Word(NamedTuple):  # a tuple: ~3x quicker to make than a frozen dataclass, and a corpus makes millions
    key: str
    start: int
    end: int


def words(text: str, start: int = 0, end: int | None = None) -> list[_Word]:
    """Word and punctuation tokens of ``text[start:end]`` with their offsets; keys fold case and apostrophes."""
    return [
        _Word(m.group().casefold().replace("\u2019", "'"), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


def word_keys(text: str, start: int, end: int) -> list[str]:
    """The keys of ``words(text, start, end)`` that are words, not punctuation (no offsets: faster)."""
    found = (m.group().casefold().replace("\u2019", "'") for m in _TOKEN.finditer(text, start, end))
    return [k for k in found if k[0].isalnum()]


def _shingles(keys: Sequence[str]) -> set[bytes]:
    return {" ".join(keys[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(keys) - SHINGLE + 1))}


def candidate_pairs(
    texts: Sequence[str],
    sentence_spans: Sequence[Sequence[tuple[int, int]]],
    skip: Sequence[Collection[tuple[int, int]]] = (),
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(doc a, doc b) -> [(sentence in a, sentence in b)] from MinHash LSH, a < b; the sentences in
    ``skip[d]`` (boilerplate) are left out. A bucket of like sentences gives the pairs of its first
    document (the earliest, as ``find_reuse`` orders them) with each other one, not every pair: a
    passage printed by n documents is n - 1 pairs, each copy against the first printing.

    The bands are those datasketch's ``MinHashLSH`` chooses for ``LSH_THRESHOLD`` (28 bands of 2
    hash values at 128 permutations: ``minhash.lsh_bands``), and two sentences are candidates when
    they agree on every value of one band, as in its index; the buckets are found by sorting one
    array of hash values per band, which holds 128 numbers a sentence where the index held 28 keys
    and their tables (133 MB at 400 PolNeAR articles, against 16 MB). The sentences' shingles are
    hashed as they are made, not held."""
    bands, rows = lsh_bands(LSH_THRESHOLD, NUM_PERM)
    where: list[tuple[int, int]] = []  # (document, sentence) of each row of hash values

    def shingled() -> Iterator[set[bytes]]:  # each sentence's shingles, its place noted in ``where``
        for d, (text, spans) in enumerate(zip(texts, sentence_spans, strict=True)):
            for s, (start, end) in enumerate(spans):
                if d < len(skip) and (start, end) in skip[d]:
                    continue
                keys = word_keys(text, start, end)
                if len(keys) >= MIN_WORDS:
                    where.append((d, s))
                    yield _shingles(keys)

    pairs: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    values = signatures(shingled(), NUM_PERM)
    for band in range(bands):
        for bucket in _buckets(values[:, band * rows : (band + 1) * rows]):
            if len(bucket) <= MANY:
                for i, j in itertools.combinations(bucket, 2):
                    (da, sa), (db, sb) = where[i], where[j]
                    if da != db:
                        pairs[(da, db)].add((sa, sb))
                continue
            # a star, not every pair: each document's sentences in the bucket meet the first
            # document's only ("the wire story in 500 outlets" is 499 pairs, not 124,750)
            first = where[bucket[0]][0]
            roots = [where[i][1] for i in bucket if where[i][0] == first]
            for j in bucket:
                db, sb = where[j]
                if db != first:
                    for sa in roots:
                        pairs[(first, db)].add((sa, sb))
    return {k: sorted(v) for k, v in sorted(pairs.items())}


def _buckets(band: np.ndarray) -> list[list[int]]:
    """Row indices, ascending, of each group of two or more equal rows of ``band`` (rows sorted with
    ``lexsort``, which is stable; only groups of two or more are made into lists)."""
    n = len(band)
    if n < 2:
        return []
    order = np.lexsort(band.T[::-1])
    ordered = band[order]
    starts = np.flatnonzero(np.r_[True, np.any(ordered[1:] != ordered[:-1], axis=1)])
    ends = np.r_[starts[1:], n]
    return [order[starts[k] : ends[k]].tolist() for k in np.flatnonzero(ends - starts > 1)]


def _runs(anchors: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group sentence pairs that follow each other in both documents."""
    runs: list[list[tuple[int, int]]] = []
    for i, j in anchors:
        for run in runs:
            pi, pj = run[-1]
            if 0 <= i - pi <= 3 and 0 <= j - pj <= 3 and (i, j) != (pi, pj):
                run.append((i, j))
                break
        else:
            runs.append([(i, j)])
    return runs


def _split(blocks: list[difflib.Match]) -> list[list[difflib.Match]]:
    """Matching blocks grouped into passages: trimmed to blocks of MIN_BLOCK words, split at long gaps."""
    groups: list[list[difflib.Match]] = []
    for b in blocks:
        if b.size == 0:
            continue
        if groups:
            last = groups[-1][-1]
            if _gap(last, b) <= MAX_GAP:
                groups[-1].append(b)
                continue
        groups.append([b])
    trimmed = []
    for g in groups:
        big = [k for k, b in enumerate(g) if b.size >= MIN_BLOCK]
        if not big:
            continue
        lo, hi = big[0], big[-1]
        while lo > 0 and g[lo - 1].size >= 2 and _gap(g[lo - 1], g[lo]) <= 2:
            lo -= 1  # "ISIS terrorists rejoiced" / "ISIS terrorists applauded": a short run right next to the passage
        while hi < len(g) - 1 and g[hi + 1].size >= 2 and _gap(g[hi], g[hi + 1]) <= 2:
            hi += 1
        trimmed.append(g[lo : hi + 1])
    return trimmed


def _gap(x: difflib.Match, y: difflib.Match) -> int:
    return max(y.a - (x.a + x.size), y.b - (x.b + x.size))


def _merge_opcodes(opcodes: Sequence[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Changes separated by at most MERGE_GAP equal tokens read as one replacement:
    "Islamic State (IS, formerly ISIS/ISIL)" -> "Zionist based ISIS", not two edits around "ISIS"."""
    merged: list[tuple[str, int, int, int, int]] = []
    pending_equal: tuple[str, int, int, int, int] | None = None
    for op in opcodes:
        if op[0] == "equal":
            if pending_equal is not None:
                merged.append(pending_equal)
            pending_equal = op
            continue
        if (
            merged
            and pending_equal is not None
            and pending_equal[2] - pending_equal[1] <= MERGE_GAP
            and merged[-1][0] != "equal"
        ):
            last = merged.pop()
            merged.append(("replace", last[1], op[2], last[3], op[4]))
            pending_equal = None
            continue
        if pending_equal is not None:
            merged.append(pending_equal)
            pending_equal = None
        merged.append(op)
    return [op for op in merged if op[0] != "equal"]


def _passage(a_text: str, b_text: str, aw: list[_Word], bw: list[_Word], group: list[difflib.Match]) -> Passage | None:
    a0, a1 = group[0].a, group[-1].a + group[-1].size
    b0, b1 = group[0].b, group[-1].b + group[-1].size
    if sum(1 for b in group for w in aw[b.a : b.a + b.size] if w.key[0].isalnum()) < MIN_PASSAGE_WORDS:
        return None
    while a0 < a1 and not aw[a0].key[0].isalnum() and aw[a0].key == bw[b0].key:
        a0, b0 = a0 + 1, b0 + 1  # a passage starts on a word, not on the last sentence's full stop
    changes = []
    sm = difflib.SequenceMatcher(None, [w.key for w in aw[a0:a1]], [w.key for w in bw[b0:b1]], autojunk=False)
    equal = sum(b.size for b in sm.get_matching_blocks())  # over the trimmed passage: similarity stays <= 1
    for op, i1, i2, j1, j2 in _merge_opcodes(sm.get_opcodes()):
        a_s = aw[a0 + i1].start if i2 > i1 else (aw[a0 + i1 - 1].end if i1 else aw[a0].start)
        a_e = aw[a0 + i2 - 1].end if i2 > i1 else a_s
        b_s = bw[b0 + j1].start if j2 > j1 else (bw[b0 + j1 - 1].end if j1 else bw[b0].start)
        b_e = bw[b0 + j2 - 1].end if j2 > j1 else b_s
        changes.append(
            Change(
                op=ChangeOp(op),
                a_text=a_text[a_s:a_e],
                b_text=b_text[b_s:b_e],
                a_start=a_s,
                a_end=a_e,
                b_start=b_s,
                b_end=b_e,
            )
        )
    similarity = 2 * equal / max(1, (a1 - a0) + (b1 - b0))
    return Passage(
        a_start=aw[a0].start,
        a_end=aw[a1 - 1].end,
        b_start=bw[b0].start,
        b_end=bw[b1 - 1].end,
        similarity=round(similarity, 3),
        changes=changes,
    )


def _dropped(passage: Passage, a_frames: DocumentFrames, b_frames: DocumentFrames) -> list[AttributionChange]:
    """Frames whose cue sits in a changed stretch of one copy with no frame of that cue in the other."""
    dropped = []
    for side, mine, other in ((Side.a, a_frames, b_frames), (Side.b, b_frames, a_frames)):
        for change in passage.changes:
            m_s, m_e = (change.a_start, change.a_end) if side is Side.a else (change.b_start, change.b_end)
            o_s, o_e = (change.b_start, change.b_end) if side is Side.a else (change.a_start, change.a_end)
            for f in mine.frames:
                if not (m_s <= f.cue.start and f.cue.end <= m_e):
                    continue
                cue = " ".join(f.cue.text.lower().split())
                kept = any(
                    o_s <= g.cue.start < max(o_e, o_s + 1) and " ".join(g.cue.text.lower().split()) == cue
                    for g in other.frames
                )
                if not kept:
                    dropped.append(
                        AttributionChange(
                            present_in=side, frame=f.id, cue=f.cue, source=f.speaker.canonical if f.speaker else None
                        )
                    )
    return sorted(dropped, key=lambda d: (d.present_in, d.cue.start))


def _shared(
    a_text: str,
    b_text: str,
    a_spans: list[tuple[int, int]],
    b_spans: list[tuple[int, int]],
    anchors: list[tuple[int, int]],
) -> list[Passage]:
    """The passages two texts share around their matching sentences (``anchors``), none inside another."""
    passages: dict[tuple[int, int], Passage] = {}
    for run in _runs(anchors):
        ia0, ia1 = max(0, run[0][0] - 1), min(len(a_spans) - 1, run[-1][0] + 1)
        ib0, ib1 = max(0, run[0][1] - 1), min(len(b_spans) - 1, run[-1][1] + 1)
        aw = words(a_text, a_spans[ia0][0], a_spans[ia1][1])
        bw = words(b_text, b_spans[ib0][0], b_spans[ib1][1])
        sm = difflib.SequenceMatcher(None, [w.key for w in aw], [w.key for w in bw], autojunk=False)
        for group in _split(sm.get_matching_blocks()):
            p = _passage(a_text, b_text, aw, bw, group)
            if p is not None and not any(q.a_start <= p.a_start and p.a_end <= q.a_end for q in passages.values()):
                passages[(p.a_start, p.b_start)] = p
    return [
        p
        for p in passages.values()
        if not any(
            q is not p
            and q.a_start <= p.a_start
            and p.a_end <= q.a_end
            and q.b_start <= p.b_start
            and p.b_end <= q.b_end
            for q in passages.values()
        )
    ]


def printed_order(name: str, date: str | None) -> tuple[str, str]:
    """Earliest first: by date (undated last), then name."""
    return (date or "9999", name)


def _overlaps(passage: Passage, span: tuple[int, int]) -> bool:
    return passage.b_start < span[1] and span[0] < passage.b_end


def find_reuse(
    documents: Sequence[Document],
    parses: Sequence[ParsedDocument],
    frames: Sequence[DocumentFrames],
    boilerplate: dict[str, list[tuple[int, int]]] | None = None,
) -> list[ReusePair]:
    """Passages shared by pairs of documents, with their word-level changes and dropped attributions;
    ``boilerplate``: document -> sentence spans that are no evidence of reuse."""
    # earliest first: a passage many documents share is compared with its earliest printing only
    order = sorted(range(len(documents)), key=lambda i: printed_order(documents[i].name, documents[i].date))
    docs = [documents[i] for i in order]
    sentences = sentence_spans(parses)
    spans = [sentences[i] for i in order]
    frs = [frames[i] for i in order]
    skip = [set((boilerplate or {}).get(d.name, ())) for d in docs]
    quotes: dict[int, list[tuple[int, int]]] = {}
    covered: dict[int, set[int]] = defaultdict(set)  # sentences of a document already in a kept passage
    result = []
    for (da, db), anchors in candidate_pairs([d.text for d in docs], spans, skip).items():  # earlier a first
        if {sb for _, sb in anchors} <= covered[db]:
            continue  # what b shares with a, it shares with an earlier printing already: one copy tree, not all pairs
        a, b = docs[da], docs[db]
        kept = _shared(a.text, b.text, spans[da], spans[db], anchors)
        if not kept:
            continue
        covered[db] |= {sb for _, sb in anchors if any(_overlaps(p, spans[db][sb]) for p in kept)}
        kept = [
            p.model_copy(update={"dropped_attributions": _dropped(p, frs[da], frs[db])})
            for p in sorted(kept, key=lambda p: (p.a_start, p.b_start))
        ]
        for i in (da, db):
            if i not in quotes:
                quotes[i] = find_quotes(docs[i].text)
        sides = [PairSide(docs[i], frs[i], quotes[i]) for i in (da, db)]
        direction, evidence, common = direction_of(sides[0], sides[1], kept)
        result.append(
            ReusePair(
                a=a.name,
                b=b.name,
                passages=kept,
                direction=direction,
                direction_evidence=evidence,
                common_source=common,
            )
        )
    return result
