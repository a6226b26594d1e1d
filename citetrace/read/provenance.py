"""Where a document comes from, as its own first and last lines say: a wire copy ("WASHINGTON (AP) —",
"(Reporting by ...; Editing by ...)"), contributions ("The Associated Press contributed to this
report."), hat tips ("h/t: The Hill"), syndication ("This article originally appeared on ...") and
the byline ("By Jane Roe, Associated Press").

The patterns are data (``data/provenance.tsv``: kind, source, the names a source goes by, where the
line may stand, the regular expression), not code. A dateline is looked for in the first lines, a
contributor line in the last ones; every pattern matches a whole line or a dateline, so an
attribution inside a sentence ("According to MSNBC, ...") is never read as provenance.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from citetrace.models import Provenance, ProvenanceKind, ProvenanceOrigin, Span

HEAD_LINES = 3  # a dateline opens the first paragraph: after the headline and perhaps a byline
TAIL_CHARS = 1200  # contributor and editing lines close the article


class Where(StrEnum):
    head = "head"
    tail = "tail"
    any = "any"


@dataclass(frozen=True)
class ProvenancePattern:
    """One row of ``data/provenance.tsv``: a line that credits ``source`` (or its ``source`` group)."""

    kind: ProvenanceKind
    source: str
    where: Where
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[ProvenancePattern, ...], dict[str, str]]:
    """The packaged patterns, and every name of a wire or outlet (casefolded) -> its canonical name."""
    table = resources.files("citetrace").joinpath("data/provenance.tsv")
    with table.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = {n.casefold(): r["source"] for r in rows if r["names"] for n in [r["source"], *r["names"].split("|")]}
    found = tuple(
        ProvenancePattern(ProvenanceKind(r["kind"]), r["source"], Where(r["where"]), re.compile(r["pattern"], re.M))
        for r in rows
    )
    return found, names


@lru_cache(maxsize=1)
def wires() -> frozenset[str]:
    """The canonical names of the news agencies the table knows ("Associated Press", "Reuters", ...)."""
    return frozenset(p.source for p in patterns()[0] if p.kind is ProvenanceKind.wire)


def canonical(name: str) -> str:
    """A credited name as one source: "AP" -> "Associated Press"; others as written, trimmed."""
    name = name.strip().strip("\"'“”‘’").strip().rstrip(".").strip().removeprefix("the ")  # "by the Cairo Review"
    known = patterns()[1]
    return known.get(name.casefold()) or known.get(name.casefold().removeprefix("the ")) or name


def _head_end(text: str) -> int:
    """Where the first ``HEAD_LINES`` non-empty lines end."""
    seen, end = 0, 0
    for line in text.splitlines(keepends=True):
        end += len(line)
        seen += bool(line.strip())
        if seen == HEAD_LINES:
            break
    return end


def read_provenance(text: str) -> list[Provenance]:
    """What the document's own lines say about where it comes from, in text order, once per kind and source."""
    rows, _ = patterns()
    head_end, tail_start = _head_end(text), max(0, len(text) - TAIL_CHARS)
    found: list[tuple[int, Provenance]] = []
    for p in rows:
        start, end = {Where.head: (0, head_end), Where.tail: (tail_start, len(text)), Where.any: (0, len(text))}[
            p.where
        ]
        for m in p.regex.finditer(text, start, end):
            named = m.groupdict().get("source")
            source = canonical(named) if named else p.source
            if not source:
                continue
            line = text[m.start() : m.end()].strip()
            at = m.start() + text[m.start() : m.end()].index(line[:1]) if line else m.start()
            evidence = Span(text=line, start=at, end=at + len(line))
            found.append((m.start(), Provenance(kind=p.kind, source=source, evidence=evidence)))
    seen: set[tuple[ProvenanceKind, str]] = set()
    out = []
    for _, prov in sorted(found, key=lambda x: x[0]):
        if (prov.kind, prov.source) not in seen:
            seen.add((prov.kind, prov.source))
            out.append(prov)
    return out


HAT_TIP = re.compile(r"^\s*(?:[Hh]/[Tt]|[Vv]ia):?\s*(?P<source>.+?)[\s.]*$")


def metadata_provenance(wire: str | None, credit: str | None) -> list[Provenance]:
    """What a metadata table says: its ``wire`` (a wire copy) and a ``credit`` that is a hat tip."""
    found = []
    if wire:
        found.append(Provenance(kind=ProvenanceKind.wire, source=canonical(wire), origin=ProvenanceOrigin.metadata))
    if credit and (m := HAT_TIP.match(credit)) is not None:
        source = canonical(m.group("source"))
        found.append(Provenance(kind=ProvenanceKind.hat_tip, source=source, origin=ProvenanceOrigin.metadata))
    return found


def with_metadata(read: Sequence[Provenance], wire: str | None, credit: str | None) -> list[Provenance]:
    """Provenance read from a text, completed and overridden by the metadata: a kind the metadata
    gives replaces what the text says of that kind, unless the text says the same (then the text's
    line, with its evidence, stays)."""
    given = metadata_provenance(wire, credit)
    kinds = {p.kind for p in given}
    kept = [p for p in read if p.kind not in kinds or any(g.kind is p.kind and g.source == p.source for g in given)]
    return kept + [g for g in given if not any(k.kind is g.kind and k.source == g.source for k in kept)]
