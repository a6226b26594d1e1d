"""Read gold attribution annotations and score predicted frames against them.

Gold formats (``read_gold`` picks by shape):

- our JSONL (``seeds.jsonl``): ``{"doc", "id", "cue", "source", "content", "source_canonical",
  "source_kind", "parent"}`` with span *texts*; each is located in the document text (content at
  its first occurrence, cue and source at the occurrence nearest to the content);
- PolNeAR JSONL (``dev.jsonl``): spans as ``{"spans": [[s, e], ...], "text"}``;
- brat standoff folders (``text/*.txt`` + ``attributions/*.ann``): ``E`` lines tie Cue, Source and
  Content ``T`` lines together; one annotator per document (the first file name in sort order).

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

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import ValidationError

from citetrace.errors import GoldError
from citetrace.models import (
    DocumentFrames,
    EvalReport,
    Frame,
    GoldDocument,
    GoldFrame,
    GoldSpan,
    Score,
    SourceKind,
)

_WORD = re.compile(r"\w+")
Pieces = Sequence[tuple[int, int]]


# --------------------------------------------------------------------------- reading gold


def read_gold(path: Path, docs_dir: Path | None) -> tuple[list[GoldDocument], Path]:
    """Read gold annotations; returns them with the folder that holds the annotated texts."""
    if path.is_dir():
        if not (path / "attributions").is_dir() or not (path / "text").is_dir():
            raise GoldError(f"{path} is a folder but not a brat gold folder: expected text/ and attributions/ in it")
        return read_brat_folder(path), docs_dir or path / "text"
    if not path.is_file():
        raise GoldError(f"gold file {path} does not exist")
    if docs_dir is None:
        raise GoldError(f"{path} holds no texts: give the folder of annotated documents with --docs DIR")
    if not docs_dir.is_dir():
        raise GoldError(f"--docs {docs_dir} is not a folder")
    return read_gold_jsonl(path, docs_dir), docs_dir


def read_gold_jsonl(path: Path, docs_dir: Path) -> list[GoldDocument]:
    """Read our seeds JSONL or PolNeAR's JSONL (one frame per line)."""
    by_doc: dict[str, list[GoldFrame]] = {}
    texts: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            doc = row["doc"]
            if doc not in texts:
                texts[doc] = (docs_dir / doc).read_text(encoding="utf-8")
            by_doc.setdefault(doc, []).append(_gold_frame(row, texts[doc]))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, ValidationError) as exc:
            raise GoldError(f"{path}:{number}: not a gold frame ({exc})") from exc
        except OSError as exc:
            raise GoldError(f"{path}:{number}: cannot read its document: {exc}") from exc
    return [GoldDocument(document=doc, frames=frames) for doc, frames in sorted(by_doc.items())]


def _gold_frame(row: dict, text: str) -> GoldFrame:
    if isinstance(row["cue"], dict):  # PolNeAR JSONL: spans given
        return GoldFrame(
            id=row["id"],
            cue=_spans(row["cue"]),
            source=_spans(row["source"]) if row.get("source") else None,
            content=_spans(row["content"]),
        )
    content = _locate(text, row["content"], None)
    anchor = content.pieces[0]
    kind = row.get("source_kind")
    return GoldFrame(
        id=row["id"],
        cue=_locate(text, row["cue"], anchor),
        source=_locate(text, row["source"], anchor) if row.get("source") else None,
        content=content,
        canonical=row.get("source_canonical"),
        kind=SourceKind(kind) if kind else None,
        parent=row.get("parent"),
    )


def _spans(obj: dict) -> GoldSpan:
    return GoldSpan(pieces=[(int(s), int(e)) for s, e in obj["spans"]], text=obj["text"])


def _locate(text: str, needle: str, near: tuple[int, int] | None) -> GoldSpan:
    """Find ``needle`` in ``text``: first occurrence, or the one nearest to the ``near`` span."""
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not starts:
        raise ValueError(f"{needle!r} is not in the document")
    if near is None:
        start = starts[0]
    else:
        start = min(starts, key=lambda s: _distance((s, s + len(needle)), near))
    return GoldSpan(pieces=[(start, start + len(needle))], text=needle)


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[0] < b[1] and b[0] < a[1]:
        return 0
    return min(abs(a[0] - b[1]), abs(b[0] - a[1]))


def read_brat_folder(folder: Path) -> list[GoldDocument]:
    """Read a brat standoff folder (PolNeAR layout), one annotator per document."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        doc, _, _annotator = ann.stem.rpartition("_")
        chosen.setdefault(doc, ann)
    documents = []
    for doc, ann in sorted(chosen.items()):
        text_path = folder / "text" / f"{doc}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
            documents.append(GoldDocument(document=text_path.name, frames=_read_ann(ann, text)))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise GoldError(f"cannot read brat annotation {ann}: {exc}") from exc
    return documents


_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def _read_ann(ann: Path, text: str) -> list[GoldFrame]:
    spans: dict[str, tuple[str, GoldSpan]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if m := _T_LINE.match(line):
            pieces = [(int(s), int(e)) for s, e in (part.split() for part in m.group(3).split(";"))]
            span = GoldSpan(pieces=pieces, text=" … ".join(text[s:e] for s, e in pieces))
            spans[m.group(1)] = (m.group(2), span)
        elif m := _E_LINE.match(line):
            args = dict(a.split(":", 1) for a in m.group(2).split() if ":" in a)
            events.append((m.group(1), args))
    frames = []
    for eid, args in events:
        role = {name: spans[tid][1] for name, tid in args.items() if tid in spans}
        if "Cue" not in role or "Content" not in role:
            continue
        if "Discard" in args or "Discuss" in args:
            continue
        frames.append(GoldFrame(id=eid, cue=role["Cue"], source=role.get("Source"), content=role["Content"]))
    return frames


# --------------------------------------------------------------------------- scoring


def _overlap(a: Pieces, b: Pieces) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _words(text: str, pieces: Pieces) -> set[int]:
    """Start offsets of the words inside the pieces."""
    return {m.start() for s, e in pieces for m in _WORD.finditer(text, s, e)}


def _pieces(span) -> list[tuple[int, int]]:
    if span is None:
        return []
    if isinstance(span, GoldSpan):
        return list(span.pieces)
    return [(span.start, span.end)]


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
    canon_ok = kind_ok = canon_n = 0
    for gdoc in gold_docs:
        n_docs += 1
        text = texts[gdoc.document]
        pred = predictions[gdoc.document].frames if gdoc.document in predictions else []
        n_gold += len(gdoc.frames)
        n_pred += len(pred)
        pairs = match_frames(pred, gdoc.frames)
        frames_tp += len(pairs)
        for p in pred:
            src[1] += len(_words(text, _pieces(p.source)))
            cnt[1] += len(_words(text, _pieces(p.content)))
        for g in gdoc.frames:
            src[2] += len(_words(text, _pieces(g.source)))
            cnt[2] += len(_words(text, _pieces(g.content)))
        for p, g in pairs:
            ps, gs = _pieces(p.source), _pieces(g.source)
            src[0] += len(_words(text, ps) & _words(text, gs))
            cnt[0] += len(_words(text, _pieces(p.content)) & _words(text, g.content.pieces))
            same_source = (not ps and not gs) or _overlap(ps, gs) > 0
            if same_source and _overlap(_pieces(p.content), g.content.pieces) > 0:
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
        canonical_accuracy=round(canon_ok / canon_n, 4) if canon_n else None,
        kind_accuracy=round(kind_ok / canon_n, 4) if canon_n else None,
    )


def evaluate(gold: Path, docs_dir: Path | None, parser) -> EvalReport:
    """Read gold, run the pipeline on the annotated documents, and score it."""
    from citetrace.corpus import read_document
    from citetrace.pipeline import frames_of

    gold_docs, folder = read_gold(gold, docs_dir)
    if not gold_docs:
        raise GoldError(f"{gold} holds no annotated documents")
    documents = [read_document(folder / g.document) for g in gold_docs]
    parses = parser.parse([d.text for d in documents])
    predictions = {d.name: frames_of(d, p) for d, p in zip(documents, parses, strict=True)}
    return score(gold_docs, predictions, {d.name: d.text for d in documents})
