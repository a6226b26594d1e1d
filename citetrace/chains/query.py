"""Queries over a citation graph: a source by any of its names, what rests on a source, where a claim
comes from (``citetrace trace``)."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from citetrace.attribution.cues import PRONOUNS
from citetrace.models import CanonicalSource, Chain, CitationGraph, ClaimGroup
from citetrace.sources.naming import is_name, known, name_key, norm


def find_source(graph: CitationGraph, name: str) -> str | None:
    """The canonical name in the graph that ``name`` means: exact, alias, then fuzzy (rapidfuzz WRatio >= 85)."""
    wanted = name_key(name)
    for s in graph.sources:
        if name_key(s.name) == wanted or wanted in {name_key(a) for a in s.aliases}:
            return s.name
    k = known(name)
    if k is not None and any(s.name == k.canonical for s in graph.sources):
        return k.canonical
    names = [s.name for s in graph.sources]
    best = process.extractOne(name, names, scorer=fuzz.WRatio, processor=norm)
    return best[0] if best and best[1] >= 85 else None


def chains_resting_on(graph: CitationGraph, name: str) -> list[Chain]:
    """Chains whose path goes through (or ends at) the source ``name``."""
    return [c for c in graph.chains if name in c.path]


def chains_of_claim(graph: CitationGraph, text: str) -> list[Chain]:
    """Chains whose claim contains ``text`` (case and spacing aside) or nearly (rapidfuzz partial ratio >= 90)."""
    wanted = " ".join(text.casefold().split())
    return [c for c in graph.chains if _matches(wanted, c.claim.text)]


def _matches(wanted: str, text: str) -> bool:
    return wanted in " ".join(text.casefold().split()) or fuzz.partial_ratio(wanted, text.casefold()) >= 90


def groups_of_claim(graph: CitationGraph, text: str) -> list[ClaimGroup]:
    """The groups of retellings (``graph.claims``) with a version that contains ``text``, as ``chains_of_claim``."""
    wanted = " ".join(text.casefold().split())
    return [g for g in graph.claims if any(_matches(wanted, m.text.text) for m in g.members)]


def primary_counts(graph: CitationGraph) -> dict[str, int]:
    """How many chains end at each source (the source is their original)."""
    counts: dict[str, int] = {}
    for c in graph.chains:
        if c.primary is not None:
            counts[c.primary] = counts.get(c.primary, 0) + 1
    return counts


def aliases_toml(sources: list[CanonicalSource]) -> str:
    """An ``--aliases`` file for these sources, to be corrected by hand and given back to ``run``."""
    lines = ["# citetrace --aliases file: correct the names, kinds and aliases, delete what is right.", ""]
    for s in sources:
        lines += ["[[source]]", f"name = {_toml_str(s.name)}", f'kind = "{s.kind.value}"']
        for m in s.merges:
            if m.guess:  # said where the hand that corrects the file reads
                lines.append(f"# a guess, check it: {_toml_str(m.alias)} ({m.reason.value}, {m.confidence:.2g})")
        others = [a for a in s.aliases if name_key(a) != name_key(s.name) and is_name(a) and norm(a) not in PRONOUNS]
        lines.append("aliases = [" + ", ".join(_toml_str(a) for a in others) + "]")
        lines.append("")
    return "\n".join(lines)


def _toml_str(text: str) -> str:
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'
