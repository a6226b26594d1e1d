"""Score predicted frames against gold annotations (``citetrace.evaluation.gold`` reads them).

Matching rules (docs/accuracy.md):

- **frames**: a predicted and a gold frame of one document match when their cue spans overlap;
  pairs are matched one-to-one, largest overlap first.
- **full frames**: matched frames whose content spans overlap and whose sources overlap (or both
  have none).
- **sources** and **content**: word-level overlap of the span on matched frames; precision over all
  predicted words, recall over all gold words (an unmatched frame contributes only to the
  denominator).
- **canonical** / **kind accuracy**: share of matched frames with a gold canonical name whose
  predicted source has the same name (case and punctuation aside) / kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from citetrace.errors import GoldError, InputError
from citetrace.evaluation.gold import read_gold
from citetrace.models import (
    DocumentFrames,
    EvalReport,
    FoundBy,
    Frame,
    GoldDocument,
    GoldFrame,
    GoldSpan,
    ProvenanceKind,
    ProvenanceReport,
    Score,
)

_WORD = re.compile(r"\w+")
Pieces = Sequence[tuple[int, int]]


def _overlap(a: Pieces, b: Pieces) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _words(text: str, pieces: Pieces) -> set[int]:
    """Start offsets of the words inside the pieces."""
    return {m.start() for s, e in pieces for m in _WORD.finditer(text, s, e)}


def _content(frame: Frame) -> list[tuple[int, int]]:
    """A predicted frame's content pieces (``Frame.content_pieces``) as offsets."""
    return [(s.start, s.end) for s in frame.content_pieces]


def _pieces(span) -> list[tuple[int, int]]:
    if span is None:
        return []
    if isinstance(span, GoldSpan):
        return list(span.pieces)
    return [(span.start, span.end)]


def _source(frame: Frame) -> list[tuple[int, int]]:
    """The whole source phrase: "Bolton and Gorka", where the frame's ``source`` is "Bolton"."""
    if frame.source is None or not frame.co_sources:
        return _pieces(frame.source)
    return [(frame.source.start, max(s.end for s in frame.co_sources))]


def _score(tp: float, predicted: float, gold: float) -> Score:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(tp=tp, predicted=predicted, gold=gold, precision=round(p, 4), recall=round(r, 4), f1=round(f, 4))


def match_frames(predicted: Sequence[Frame], gold: Sequence[GoldFrame]) -> list[tuple[Frame, GoldFrame]]:
    """One-to-one pairs of frames whose cues overlap, largest overlap first."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            ov = _overlap(_pieces(p.cue), g.cue.pieces)
            if ov > 0:
                candidates.append((-ov, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


def _norm_name(name: str) -> str:
    return "".join(_WORD.findall(name.casefold()))


def score(
    gold_docs: Iterable[GoldDocument], predictions: dict[str, DocumentFrames], texts: dict[str, str]
) -> EvalReport:
    """Score predictions (keyed by document file name) against gold documents."""
    n_docs = n_gold = n_pred = 0
    frames_tp = full_tp = 0
    src = [0, 0, 0]  # tp words, predicted words, gold words
    cnt = [0, 0, 0]
    m_src = [0, 0]  # predicted and gold words of matched frames only (the tp words are src[0], cnt[0])
    m_cnt = [0, 0]
    canon_ok = kind_ok = canon_n = 0
    found_by, matched_by = Counter[FoundBy](), Counter[FoundBy]()  # predicted and matched frames, by path
    for gdoc in gold_docs:
        n_docs += 1
        text = texts[gdoc.document]
        pred = predictions[gdoc.document].frames if gdoc.document in predictions else []
        pred = pred if gdoc.stances else [f for f in pred if f.kind.reports_words]  # the gold's scope
        n_gold += len(gdoc.frames)
        n_pred += len(pred)
        pairs = match_frames(pred, gdoc.frames)
        frames_tp += len(pairs)
        found_by.update(f.found_by for f in pred)
        matched_by.update(p.found_by for p, _ in pairs)
        for p in pred:
            src[1] += len(_words(text, _source(p)))
            cnt[1] += len(_words(text, _content(p)))
        for g in gdoc.frames:
            src[2] += len(_words(text, _pieces(g.source)))
            cnt[2] += len(_words(text, _pieces(g.content)))
        for p, g in pairs:
            ps, gs = _source(p), _pieces(g.source)
            psw, gsw = _words(text, ps), _words(text, gs)
            pcw, gcw = _words(text, _content(p)), _words(text, g.content.pieces)
            for acc, matched, pw, gw in ((src, m_src, psw, gsw), (cnt, m_cnt, pcw, gcw)):
                acc[0] += len(pw & gw)
                matched[0] += len(pw)
                matched[1] += len(gw)
            same_source = (not ps and not gs) or _overlap(ps, gs) > 0
            if same_source and _overlap(_content(p), g.content.pieces) > 0:
                full_tp += 1
            if g.canonical is not None:
                canon_n += 1
                if p.source is not None:
                    canon_ok += _norm_name(p.source.canonical) == _norm_name(g.canonical)
                    kind_ok += p.source.kind == g.kind
    return EvalReport(
        documents=n_docs,
        gold_frames=n_gold,
        predicted_frames=n_pred,
        frames=_score(frames_tp, n_pred, n_gold),
        full_frames=_score(full_tp, n_pred, n_gold),
        sources=_score(*src),
        content=_score(*cnt),
        matched_content=_score(cnt[0], *m_cnt),
        matched_sources=_score(src[0], *m_src),
        canonical_accuracy=round(canon_ok / canon_n, 4) if canon_n else None,
        kind_accuracy=round(kind_ok / canon_n, 4) if canon_n else None,
        found_by=dict(sorted(found_by.items())),
        matched_by=dict(sorted(matched_by.items())),
    )


def evaluate(gold: Path, docs_dir: Path | None, parser) -> EvalReport:
    """Read gold, run the pipeline on the annotated documents, and score it."""
    from citetrace.parse import timeout_message
    from citetrace.read.corpus import read_document
    from citetrace.run.pipeline import parse_documents

    gold_docs, folder = read_gold(gold, docs_dir)
    if not gold_docs:
        raise GoldError(f"{gold} holds no annotated documents")
    documents = [read_document(folder / g.document) for g in gold_docs]
    each = parse_documents(documents, parser)
    late = [d.path for d, r in zip(documents, each, strict=True) if r.frames is None]
    if late:
        raise InputError(f"{late[0]}: {timeout_message(parser.doc_timeout)}")
    predictions = {d.name: r.frames for d, r in zip(documents, each, strict=True) if r.frames is not None}
    return score(gold_docs, predictions, {d.name: d.text for d in documents})


SCORED_KINDS = (ProvenanceKind.wire, ProvenanceKind.hat_tip)


def read_provenance_table(path: Path) -> dict[str, set[tuple[ProvenanceKind, str]]]:
    """A metadata table (``corpus.read_meta_table``: ``filename``, ``wire``, ``credit``): document file
    name -> the (kind, source) pairs it credits."""
    from citetrace.read.corpus import read_meta_table
    from citetrace.read.provenance import metadata_provenance

    try:
        meta = read_meta_table(path)
    except InputError as exc:
        raise GoldError(str(exc)) from exc
    return {
        name: {(p.kind, p.source) for p in metadata_provenance(row.get("wire"), row.get("credit"))}
        for name, row in meta.items()
    }


def evaluate_provenance(folder: Path, table_path: Path) -> ProvenanceReport:
    """Score ``provenance.read_provenance`` on the documents of ``folder`` (a brat gold folder's
    ``text/`` or a folder of texts) that the table lists."""
    from citetrace.read.corpus import read_document
    from citetrace.read.provenance import read_provenance

    table = read_provenance_table(table_path)
    texts = folder / "text" if (folder / "text").is_dir() else folder
    if not texts.is_dir():
        raise GoldError(f"{folder} is not a folder of texts")
    counts = {k: [0, 0, 0] for k in SCORED_KINDS}  # tp, predicted, gold
    n_docs = false_credit = 0
    for path in sorted(texts.glob("*.txt")):
        if path.name not in table:
            continue
        n_docs += 1
        gold = table[path.name]
        found = {(p.kind, p.source) for p in read_provenance(read_document(path).text) if p.kind in SCORED_KINDS}
        norm = {(k, s.casefold()) for k, s in gold}
        for kind, c in counts.items():
            c[0] += sum(1 for k, s in found if k is kind and (k, s.casefold()) in norm)
            c[1] += sum(1 for k, _ in found if k is kind)
            c[2] += sum(1 for k, _ in gold if k is kind)
        false_credit += not gold and bool(found)
    if not n_docs:
        raise GoldError(f"{table_path} lists none of the documents in {texts}")
    return ProvenanceReport(
        documents=n_docs, scores={k: _score(*c) for k, c in counts.items()}, no_provenance_given_some=false_credit
    )
