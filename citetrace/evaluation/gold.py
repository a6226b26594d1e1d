"""Read gold attribution annotations in three formats; ``read_gold`` picks one by its shape.

- our JSONL (``seeds.jsonl``): ``{"doc", "id", "cue", "source", "content", "source_canonical",
  "source_kind", "parent"}`` with span *texts*; each is located in the document text (content at
  its first occurrence, cue and source at the occurrence nearest to the content);
- PolNeAR JSONL (``dev.jsonl``): spans as ``{"spans": [[s, e], ...], "text"}``;
- brat standoff folders (``text/*.txt`` + ``attributions/*.ann``): ``E`` lines tie Cue, Source and
  Content ``T`` lines together; one annotator per document (the first file name in sort order).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import ValidationError

from citetrace.errors import GoldError
from citetrace.models import GoldDocument, GoldFrame, GoldSpan, SourceKind


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
    """Read our seeds JSONL, PolNeAR's JSONL or PropBank's speech predicates in the same spans form
    (one frame per line)."""
    by_doc: dict[str, list[GoldFrame]] = {}
    texts: dict[str, str] = {}
    polnear: set[str] = set()
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
            # PolNeAR's JSONL (spans given): its scope takes in stances and acts; PropBank's speech
            # predicates (spans and a ``roleset``: ../shared/gold/wsj) only words, as our own JSONL
            if isinstance(row["cue"], dict) and "roleset" not in row:
                polnear.add(doc)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, ValidationError) as exc:
            raise GoldError(f"{path}:{number}: not a gold frame ({exc})") from exc
        except OSError as exc:
            raise GoldError(f"{path}:{number}: cannot read its document: {exc}") from exc
    return [GoldDocument(document=d, frames=f, stances=d in polnear) for d, f in sorted(by_doc.items())]


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
