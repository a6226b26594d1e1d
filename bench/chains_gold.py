"""Chains a journalist can trust, scored: who every frame's source is, which sources are one entity
within and across documents, and what credits each document (issue 36).

    python bench/chains_gold.py                      # the 42 documents of tests/chains/gold
    python bench/chains_gold.py --credits ../shared/gold/polnear   # and PolNeAR's credits, train and dev

The gold (``tests/chains/gold/``, README there) is 42 documents run as one corpus: 24 held-out PolNeAR
train articles, 6 WSJ tune articles, the sample corpus and 7 short articles of our own. For every
frame citetrace found, by the offset of its cue: the entity its source is (``null``: no attribution
with a source of its own), the entity's kind and, for a list of speakers ("Bolton and Gorka said"),
the other speakers (``co_sources``). A frame is right when its canonical source is the entity's name
or one of the names ``names.json`` accepts for it (case, a leading "the" and curly apostrophes aside),
and its other speakers are the list's others, in order. Pairs: two frames' sources are one entity
when their gold entities are the same; counted over distinct (document, gold entity, predicted
source) units, so that a name quoted 40 times does not count 780 times; sources of kind anonymous or
unknown ("some analysts") are left out of the pairs. Credits: what citetrace reads from the text
(provenance and credit lines) against ``credits.jsonl``; with ``--credits``, against PolNeAR's
``metadata.tsv`` for train and dev, with the hat tips the texts give and the table lacks
(``credits_extra.tsv``, read by hand) added.

Parses come from the cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
import unicodedata
from collections import Counter
from itertools import combinations
from pathlib import Path

from citetrace.models import DocumentFrames, Frame, FrameKind, ProvenanceKind
from citetrace.parse.nlp import Parser, default_cache_dir
from citetrace.read.corpus import read_document, read_meta_table
from citetrace.read.provenance import read_provenance
from citetrace.run.pipeline import trace_corpus

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "chains" / "gold"
SHARED = ROOT.parent / "shared" / "gold"
FOLDERS = {  # the gold's document prefix -> where its texts are
    "polnear": SHARED / "polnear" / "train" / "text",
    "wsj": SHARED / "wsj" / "text",
    "sample": ROOT / "corpus",
    "own": GOLD / "own",
}
PRONOUNS = frozenset("he she they it his her its their him them we i who".split())
DETERMINERS = frozenset("the a an its his her their this that these those".split())
POOLED = ("anonymous", "unknown")  # kinds whose gold entities are not compared in pairs
WIRE_NAMES = {"associated press": ("AP",), "agence france-presse": ("AFP",), "united press international": ("UPI",)}


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u00a0", " ")
    s = " ".join(s.split()).casefold()
    return s.removeprefix("the ")


def load_gold() -> tuple[list[dict], dict[str, set[str]]]:
    rows = [json.loads(line) for line in (GOLD / "frames.jsonl").read_text(encoding="utf-8").splitlines() if line]
    names = json.loads((GOLD / "names.json").read_text(encoding="utf-8"))
    accepted = {norm(k): {norm(k), *map(norm, v)} for k, v in names.items()}
    return rows, accepted


def build_corpus(dest: Path, docs: set[str]) -> None:
    """The gold's documents in one folder per origin, each with the metadata a user would give."""
    for prefix, folder in FOLDERS.items():
        (dest / prefix).mkdir(parents=True)
        for d in sorted(docs):
            if d.startswith(prefix + "/"):
                shutil.copy(folder / d.split("/", 1)[1], dest / d)
    for meta in ("sample", "own"):
        if (FOLDERS[meta] / "meta.json").exists():
            shutil.copy(FOLDERS[meta] / "meta.json", dest / meta / "meta.json")
    (dest / "wsj" / "meta.json").write_text(
        json.dumps({p.name: {"outlet": "Wall Street Journal"} for p in (dest / "wsj").iterdir()}), encoding="utf-8"
    )
    table = read_meta_table(SHARED / "polnear" / "metadata.tsv")
    lines = ["filename\toutlet\tdate\theadline"]  # the outlet, not the credits: those are read from the text
    for name in sorted(p.name for p in (dest / "polnear").iterdir()):
        row = table[name]
        lines.append(f"{name}\t{row.get('publisher', '')}\t{row.get('publication_date', '')}\t{row.get('title', '')}")
    (dest / "polnear" / "meta.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def form(row: dict) -> str:
    mention = row["mention"]
    if not mention:
        return "no source found"
    if mention.casefold() in PRONOUNS:
        return "pronoun"
    first = mention.split()[0]
    return "description" if first.casefold() in DETERMINERS else "name"


def resolution(rows: list[dict], predicted: dict[tuple[str, int], Frame], accepted: dict[str, set[str]]) -> dict:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    kinds = [0, 0]
    wrong = []
    for row in rows:
        if row["source"] is None:
            continue
        frame = predicted.get((row["doc"], row["cue"]))
        if frame is None:
            total["frame gone"] += 1
            continue
        src = frame.source
        got = src.canonical if src is not None and src.unresolved is None else None
        # a list of speakers ("Bolton and Gorka"): the first is the source, each of the others in order
        expected = [row["source"], *row.get("co_sources", [])]
        found = [got, *(s.canonical for s in frame.co_sources)]
        ok = len(found) == len(expected) and all(
            g is not None and norm(g) in accepted.get(norm(e), {norm(e)}) for g, e in zip(found, expected, strict=True)
        )
        if len(found) > 1:
            got = " + ".join(str(g) for g in found)
        f = form(row)
        total[f] += 1
        right[f] += ok
        kinds[0] += src is not None and src.kind.value == row["kind"]
        kinds[1] += 1
        if not ok:
            wrong.append(f"{row['doc']}:{row['cue']} {row['cue_text']!r}: {got!r}, expected {row['source']!r}")
    forms = {f: {"right": right[f], "of": total[f]} for f in sorted(total)}
    scored = [f for f in total if f != "frame gone"]
    n = sum(total[f] for f in scored)
    return {
        "accuracy": round(sum(right[f] for f in scored) / n, 3),
        "frames": n,
        "by_form": forms,
        "kind_accuracy": round(kinds[0] / kinds[1], 3),
        "wrong": wrong,
    }


def units(rows: list[dict], predicted: dict[tuple[str, int], Frame]) -> set[tuple[str, str, str, str, str]]:
    """(document, gold entity, predicted source, how it is written, its form) for every scored frame: one unit
    per way of writing an entity in a document, however many times it is quoted."""
    out = set()
    for row in rows:
        frame = predicted.get((row["doc"], row["cue"]))
        if row["source"] is None or row["kind"] in POOLED or frame is None or frame.source is None:
            continue
        if frame.source.unresolved is None:
            out.add((row["doc"], norm(row["source"]), norm(frame.source.canonical), row["mention"], form(row)))
    return out


def pairs(rows: list[dict], predicted: dict[tuple[str, int], Frame]) -> dict:
    """Pairwise precision and recall of 'one entity': within a document over its ways of writing a
    source ("Donald Trump", "Trump", "he"), across documents over each document's sources."""
    within = units(rows, predicted)
    across = {u[:3] for u in within}
    named = {u[:3] for u in within if u[4] == "name"}
    out = {}
    for scope, group in (("within", within), ("across", across), ("across, named sources", named)):
        tp = pred = gold = 0
        errors = set()
        for a, b in combinations(sorted(group), 2):
            if (a[0] == b[0]) != (scope == "within"):
                continue
            same_gold, same_pred = a[1] == b[1], a[2] == b[2]
            tp += same_gold and same_pred
            pred += same_pred
            gold += same_gold
            if same_gold != same_pred:
                errors.add(f"{'joined' if same_pred else 'split'}: {a[1]!r} ({a[2]!r}) / {b[1]!r} ({b[2]!r})")
        out[scope] = {
            "precision": round(tp / pred, 3) if pred else None,
            "recall": round(tp / gold, 3) if gold else None,
            "pairs": {"right": tp, "predicted": pred, "gold": gold},
            "errors": sorted(errors),
        }
    return out


def found_credits(doc: DocumentFrames) -> set[str]:
    credits = {norm(p.source) for p in doc.provenance}
    return credits | {norm(f.source.canonical) for f in doc.frames if f.kind is FrameKind.credit and f.source}


def credits(frames: list[DocumentFrames]) -> dict:
    gold = {
        r["doc"]: {norm(c) for c in r["credits"]}
        for r in map(json.loads, (GOLD / "credits.jsonl").read_text(encoding="utf-8").splitlines())
        if r
    }
    tp = pred = want = 0
    errors = []
    for doc in frames:
        found, expected = found_credits(doc), gold.get(doc.document, set())
        tp, pred, want = tp + len(found & expected), pred + len(found), want + len(expected)
        if found != expected:
            errors.append(f"{doc.document}: {sorted(found)}, expected {sorted(expected)}")
    return {"precision": round(tp / pred, 3), "recall": round(tp / want, 3), "credits": want, "errors": errors}


def named_in(text: str, source: str) -> bool:
    """Whether the text names the source anywhere (its name or the wire's abbreviation, as a word)."""
    names = (source, *WIRE_NAMES.get(source.casefold(), ()))
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, flags=0 if n.isupper() else re.I) for n in names)


def polnear_credits(polnear: Path) -> dict:
    """Wire copies and hat tips read from PolNeAR's texts. Wires against ``metadata.tsv`` (recall also
    over the wires the text names at all); hat tips against the lines the texts give
    (``credits_extra.tsv``: the table's hat tips were on the web pages, not in the texts)."""
    from citetrace.evaluation.score import read_provenance_table

    table = read_provenance_table(polnear / "metadata.tsv")
    in_text: dict[str, set[tuple[ProvenanceKind, str]]] = {}
    for line in (GOLD / "credits_extra.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, kind, source, _ = line.split("\t")
        in_text.setdefault(name, set()).add((ProvenanceKind(kind), source.casefold()))
    out: dict[str, dict] = {}
    for split in ("train", "dev"):
        c: Counter[str] = Counter()
        for path in sorted((polnear / split / "text").glob("*.txt")):
            if path.name not in table:
                continue
            text = read_document(path).text
            found = {(p.kind, p.source.casefold()) for p in read_provenance(text)}
            wires = {(k, s.casefold()) for k, s in table[path.name] if k is ProvenanceKind.wire}
            named = {(k, s) for k, s in wires if named_in(text, s)}
            tips = in_text.get(path.name, set())
            got_wires = {f for f in found if f[0] is ProvenanceKind.wire}
            got_tips = {f for f in found if f[0] is ProvenanceKind.hat_tip}
            c.update(wire_found=len(got_wires), wire_gold=len(wires), wire_right=len(got_wires & wires))
            c.update(wire_named=len(named), wire_named_right=len(got_wires & named))
            c.update(tip_found=len(got_tips), tip_gold=len(tips), tip_right=len(got_tips & tips))
        out[split] = {
            "wire": _pr(c["wire_right"], c["wire_found"], c["wire_gold"])
            | {
                "recall_named_in_text": _ratio(c["wire_named_right"], c["wire_named"]),
                "named_in_text": c["wire_named"],
            },
            "hat_tip_in_text": _pr(c["tip_right"], c["tip_found"], c["tip_gold"]),
        }
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _pr(right: int, found: int, gold: int) -> dict:
    return {
        "precision": _ratio(right, found),
        "recall": _ratio(right, gold),
        "right": right,
        "found": found,
        "gold": gold,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--credits", type=Path, help="PolNeAR's folder (train/, dev/, metadata.tsv)")
    ap.add_argument("--show", action="store_true", help="print every wrong frame, pair and credit")
    args = ap.parse_args()
    rows, accepted = load_gold()
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(Path(tmp) / "corpus", {r["doc"] for r in rows})
        result = trace_corpus([Path(tmp) / "corpus"], Parser(None, cache_dir=default_cache_dir()))
    predicted = {(d.document, f.cue.start): f for d in result.frames for f in d.frames}
    report = {"resolution": resolution(rows, predicted, accepted), "pairs": pairs(rows, predicted)}
    report["credits"] = credits(result.frames)
    if args.credits:
        report["polnear_credits"] = polnear_credits(args.credits)
    if not args.show:
        report["resolution"].pop("wrong")
        report["credits"].pop("errors")
        for scope in report["pairs"].values():
            scope["errors"] = len(scope["errors"])
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
