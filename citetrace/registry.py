"""One name per source across the corpus: ``build_registry`` merges the sources of every document
(frame sources, outlets, channels) into canonical sources, ``apply_registry`` writes the canonical
names back into the frames. User aliases come from a TOML file (``load_aliases``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from citetrace import cues
from citetrace.errors import InputError
from citetrace.models import CanonicalSource, DocumentFrames, SourceKind
from citetrace.naming import affiliation, is_name, known, name_key


def load_aliases(path: Path) -> tuple[cues.KnownSource, ...]:
    """User aliases from a TOML file::

    [[source]]
    name = "Al-Naba"
    kind = "publication"          # person, outlet, publication, organization, government, ...
    aliases = ["an-Nabaa", "al-Nabaa weekly"]
    part_of = "Islamic State"     # optional
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"--aliases {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--aliases {path}: cannot be read ({exc}): give a UTF-8 TOML file") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"--aliases {path} is not valid TOML ({exc}): see docs/chains.md for the format") from None
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise InputError(f"--aliases {path}: expected [[source]] tables, see docs/chains.md")
    out = []
    for n, e in enumerate(entries, start=1):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
            raise InputError(f"--aliases {path}: [[source]] number {n} has no name")
        try:
            kind = SourceKind(e.get("kind", "unknown"))
        except ValueError:
            kinds = ", ".join(k.value for k in SourceKind)
            raise InputError(
                f"--aliases {path}: source {e['name']!r} has kind {e.get('kind')!r}; use one of {kinds}"
            ) from None
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(f"--aliases {path}: aliases of {e['name']!r} must be a list of strings")
        out.append(cues.KnownSource(e["name"].strip(), kind, tuple(aliases), e.get("part_of")))
    return tuple(out)


FUZZY_THRESHOLD = 90  # rapidfuzz token_sort_ratio (0..100) for two names to be one source


@dataclass
class _Entry:
    name: str
    kind: SourceKind
    mentions: dict[str, int]  # mention text -> count
    documents: set[str]


class Registry:
    """The corpus's sources: every within-document canonical name mapped to one corpus-wide entry.

    Merging, in order: a user alias or a known source (``--aliases``, ``cues.KNOWN_SOURCES``) names
    the entry; otherwise names that are equal once normalised (case, hyphens, apostrophes, dots,
    a leading "the"), then names whose ``rapidfuzz`` token-sort ratio is at least
    ``FUZZY_THRESHOLD`` and whose kinds agree ("Qassem Soleimani" ~ "Qasem Soleimani"). Descriptions
    ("a weekly newspaper affiliated with the group") are never fuzzy-merged: two copies may describe
    two different things in nearly the same words ("... the Israeli-backed group"). A one-word
    person name never merges with a longer one across documents (two people may share a surname);
    within a document ``resolve_sources`` already gave it the full name when the text has it.
    """

    def __init__(self, extra: tuple[cues.KnownSource, ...] = ()):
        self.extra = {name_key(a): k for k in extra for a in (*k.aliases, k.canonical)}
        self.extra_sources = extra
        self.entries: dict[str, _Entry] = {}
        self._order: list[str] = []

    def lookup(self, name: str) -> cues.KnownSource | None:
        n = name_key(name)
        return self.extra.get(n) or known(name)

    def add(self, name: str, kind: SourceKind, mention: str, document: str) -> None:
        k = self.lookup(name) or self.lookup(mention)
        if k is not None:
            name, kind = k.canonical, k.kind
        key = name_key(name)
        e = self.entries.get(key)
        if e is None:
            e = self.entries[key] = _Entry(name, kind, {}, set())
        if e.kind == SourceKind.unknown and kind != SourceKind.unknown:
            e.kind = kind
        e.mentions[mention] = e.mentions.get(mention, 0) + 1
        e.documents.add(document)

    def merge(self) -> dict[str, str]:
        """Fuzzy-merge the entries; returns normalised key -> canonical name."""
        keys = sorted(self.entries)
        parent = {k: k for k in keys}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        fixed = {k for k in keys if self.lookup(self.entries[k].name) is not None}
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                ea, eb = self.entries[a], self.entries[b]
                if a in fixed and b in fixed or not (is_name(ea.name) and is_name(eb.name)):
                    continue  # known names are already merged; descriptions are not names to merge
                if ea.kind != eb.kind and SourceKind.unknown not in (ea.kind, eb.kind):
                    continue
                if (ea.kind == SourceKind.person or eb.kind == SourceKind.person) and (len(a.split()) == 1) != (
                    len(b.split()) == 1
                ):
                    continue
                if fuzz.token_sort_ratio(a, b) >= FUZZY_THRESHOLD:
                    parent[find(b)] = find(a)
        groups: dict[str, list[str]] = {}
        for k in keys:
            groups.setdefault(find(k), []).append(k)
        mapping: dict[str, str] = {}
        merged: dict[str, _Entry] = {}
        for members in groups.values():
            es = [self.entries[k] for k in members]
            best = next((e for e in es if self.lookup(e.name)), None) or max(
                es, key=lambda e: (sum(e.mentions.values()), len(e.name), e.name)
            )
            entry = _Entry(best.name, best.kind, {}, set())
            for e in es:
                for m, c in e.mentions.items():
                    entry.mentions[m] = entry.mentions.get(m, 0) + c
                entry.documents |= e.documents
                if entry.kind == SourceKind.unknown:
                    entry.kind = e.kind
                mapping[name_key(e.name)] = best.name
            merged[name_key(best.name)] = entry
        self.entries = merged
        self.mapping = mapping
        return mapping

    def canonical(self, name: str) -> str:
        k = self.lookup(name)
        if k is not None:
            return k.canonical
        return self.mapping.get(name_key(name), name)

    def kind(self, name: str) -> SourceKind:
        e = self.entries.get(name_key(self.canonical(name)))
        return e.kind if e is not None else SourceKind.unknown

    def sources(self) -> list[CanonicalSource]:
        out = []
        part_of = {k.canonical: k.part_of for k in (*cues.KNOWN_SOURCES, *self.extra_sources) if k.part_of}
        for e in sorted(self.entries.values(), key=lambda e: e.name.casefold()):
            aff = None
            if e.kind == SourceKind.person:
                aff = next((a for m in sorted(e.mentions) if (a := affiliation(m)) is not None), None)
            out.append(
                CanonicalSource(
                    name=e.name,
                    kind=e.kind,
                    aliases=sorted(e.mentions),
                    part_of=part_of.get(e.name),
                    affiliation=aff,
                    documents=sorted(e.documents),
                )
            )
        return out


def channel_source(text: str, registry: Registry | None = None) -> cues.KnownSource | None:
    """The known outlet or publication named in a channel ("an interview with Sky News Arabic")."""
    ws = text.split()
    for n in range(len(ws), 0, -1):
        for i in range(len(ws) - n + 1):
            chunk = " ".join(ws[i : i + n]).strip(",.;:()")
            k = registry.lookup(chunk) if registry is not None else known(chunk)
            if k is not None and k.kind in (SourceKind.outlet, SourceKind.publication):
                return k
    return None


def build_registry(frames: Sequence[DocumentFrames], extra: tuple[cues.KnownSource, ...] = ()) -> Registry:
    """One registry over the corpus: frame sources, document outlets and channels."""
    reg = Registry(extra)
    for doc in frames:
        if doc.outlet:
            reg.add(doc.outlet, SourceKind.outlet, doc.outlet, doc.document)
        for f in doc.frames:
            if f.source is not None:
                reg.add(f.source.canonical, f.source.kind, " ".join(f.source.text.split()), doc.document)
            if f.channel is not None and (k := channel_source(f.channel.text, reg)) is not None:
                reg.add(k.canonical, k.kind, " ".join(f.channel.text.split()), doc.document)
    reg.merge()
    return reg


def apply_registry(frames: Sequence[DocumentFrames], reg: Registry) -> list[DocumentFrames]:
    """Frames with corpus-wide canonical names and kinds, and outlets in canonical form."""
    out = []
    for doc in frames:
        new = []
        for f in doc.frames:
            if f.source is not None:
                name = reg.canonical(f.source.canonical)
                f = f.model_copy(
                    update={"source": f.source.model_copy(update={"canonical": name, "kind": reg.kind(name)})}
                )
            new.append(f)
        outlet = reg.canonical(doc.outlet) if doc.outlet else None
        out.append(doc.model_copy(update={"frames": new, "outlet": outlet}))
    return out
