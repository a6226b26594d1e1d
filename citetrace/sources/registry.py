"""One name per source across the corpus: ``build_registry`` merges the sources of every document
(frame sources, outlets, channels) into canonical sources, ``apply_registry`` writes the canonical
names back into the frames. User aliases come from a TOML file (``load_aliases``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from networkx.utils import UnionFind
from rapidfuzz import fuzz

from citetrace.attribution import cues
from citetrace.errors import InputError
from citetrace.models import CanonicalSource, DocumentFrames, MergeReason, SourceKind, SourceMerge
from citetrace.sources.mentions import WordClass, classes, honorific, titles
from citetrace.sources.naming import affiliation, is_name, known, name_key


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
        part_of = e.get("part_of")
        if part_of is not None and (not isinstance(part_of, str) or not part_of.strip()):
            raise InputError(f"--aliases {path}: part_of of {e['name']!r} must be a name")
        out.append(cues.KnownSource(e["name"].strip(), kind, tuple(aliases), part_of))
    _check_aliases(path, out)
    return tuple(out)


def _check_aliases(path: Path, entries: Sequence[cues.KnownSource]) -> None:
    """Refuse what would corrupt the graph: one name given to two sources, and a ``part_of`` cycle
    (A part of B, B part of A) through the file's sources and the known ones."""
    owner: dict[str, str] = {}
    for k in entries:
        for a in {name_key(x) for x in (k.canonical, *k.aliases)}:
            if a in owner and owner[a] != k.canonical:
                raise InputError(
                    f"--aliases {path}: {a!r} is given to both {owner[a]!r} and {k.canonical!r}; keep it in one"
                )
            owner[a] = k.canonical
    parent = {name_key(k.canonical): k.part_of for k in cues.KNOWN_SOURCES if k.part_of}
    parent.update({name_key(k.canonical): k.part_of for k in entries if k.part_of})
    for k in entries:
        seen, name = [k.canonical], k.part_of
        while name is not None:
            if name_key(name) in {name_key(x) for x in seen}:
                cycle = " -> ".join([*seen, name])
                raise InputError(f"--aliases {path}: part_of makes a cycle ({cycle}); a source is part of no loop")
            seen.append(name)
            name = parent.get(name_key(name))


def alias_folds(entries: Sequence[cues.KnownSource]) -> list[str]:
    """What the user's aliases fold into another source: an alias that is a known source's own name
    ("BBC" given as an alias of "CNN") makes the two one. Said aloud, not refused: it may be meant."""
    said = []
    for k in entries:
        for a in k.aliases:
            other = known(a)
            if other is not None and name_key(other.canonical) != name_key(k.canonical):
                said.append(f"the alias {a!r} folds the known source {other.canonical!r} into {k.canonical!r}")
    return said


FUZZY_THRESHOLD = 90  # rapidfuzz token_sort_ratio (0..100) for two names to be one source
BLOCK_PREFIX = 4  # names are compared only when they share a word's first BLOCK_PREFIX letters


@dataclass
class _Entry:
    name: str
    kind: SourceKind
    mentions: dict[str, int]  # mention text -> count
    documents: set[str]
    reasons: dict[str, MergeReason] = field(default_factory=dict)  # alias -> why
    descriptions: set[str] = field(default_factory=set)
    affiliation: str | None = None


def _mention_reason(name: str, mention: str) -> MergeReason:
    """Why a mention written ``mention`` resolved, in its document, to ``name``."""
    m, n = name_key(mention), name_key(name)
    if m == n or m.endswith(" " + n):
        return MergeReason.same_name
    if m in cues.PRONOUNS:
        return MergeReason.pronoun
    return MergeReason.in_document


class Registry:
    """The corpus's sources: every within-document canonical name mapped to one corpus-wide entry.

    Merging, in order, each merge recorded with its ``MergeReason``: a user alias or a known source
    (``--aliases``, ``cues.KNOWN_SOURCES``) names the entry; names equal once normalised (case,
    hyphens, apostrophes, dots, a leading "the"); names whose ``rapidfuzz`` token-sort ratio is at least
    ``FUZZY_THRESHOLD`` and whose kinds agree ("Qassem Soleimani" ~ "Qasem Soleimani"), compared only
    within blocks of names that share a word's first ``BLOCK_PREFIX`` letters (so the step grows with
    the corpus, not with its square); then short forms ("Obama", "Clinton campaign") into the one
    longer name of the corpus they end ("Barack Obama"), or, where several fit, the one their titles
    and honorifics pick ("Mr. Obama", "President Obama": not "first lady Michelle Obama"); a short form
    that still fits two people (Bill and Hillary Clinton) stays a source of its own. Descriptions ("a
    weekly newspaper affiliated with the group") are never merged by spelling.
    """

    def __init__(self, extra: tuple[cues.KnownSource, ...] = ()):
        self.extra = {name_key(a): k for k in extra for a in (*k.aliases, k.canonical)}
        self.extra_sources = extra
        self.entries: dict[str, _Entry] = {}
        self.mapping: dict[str, str] = {}

    def lookup(self, name: str) -> cues.KnownSource | None:
        n = name_key(name)
        return self.extra.get(n) or known(name)

    def add(
        self,
        name: str,
        kind: SourceKind,
        mention: str,
        document: str,
        description: str | None = None,
        affiliated: str | None = None,
    ) -> None:
        as_written = self.lookup(mention)
        k = self.lookup(name) or as_written
        reason = _mention_reason(name, mention)
        if k is not None:
            if as_written is k and name_key(k.canonical) != name_key(mention):
                reason = MergeReason.known
            name, kind = k.canonical, k.kind
        key = name_key(name)
        e = self.entries.get(key)
        if e is None:
            e = self.entries[key] = _Entry(name, kind, {}, set())
        if e.kind == SourceKind.unknown and kind != SourceKind.unknown:
            e.kind = kind
        e.mentions[mention] = e.mentions.get(mention, 0) + 1
        e.documents.add(document)
        if name_key(mention) != key:
            e.reasons.setdefault(mention, reason)
        if description:
            e.descriptions.add(" ".join(description.split()))
        e.affiliation = e.affiliation or affiliated

    def _mergeable(self, a: str, b: str) -> bool:
        ea, eb = self.entries[a], self.entries[b]
        if self.lookup(ea.name) is not None and self.lookup(eb.name) is not None:
            return False  # known names are already merged
        if not (is_name(ea.name) and is_name(eb.name)):
            return False  # descriptions are not names to merge
        if ea.kind != eb.kind and SourceKind.unknown not in (ea.kind, eb.kind):
            return False
        if SourceKind.person in (ea.kind, eb.kind) and (len(a.split()) == 1) != (len(b.split()) == 1):
            return False  # a surname alone is the short-form step's
        return fuzz.token_sort_ratio(a, b) >= FUZZY_THRESHOLD

    def _blocks(self, keys: list[str]) -> dict[str, list[str]]:
        blocks: dict[str, list[str]] = {}
        for k in keys:
            for w in {w[:BLOCK_PREFIX] for w in k.split() if len(w) > 2 and w not in cues.ARTICLES}:
                blocks.setdefault(w, []).append(k)
        return blocks

    def merge(self) -> dict[str, str]:
        """Merge the entries; returns normalised key -> canonical name."""
        keys = sorted(self.entries)
        sets = UnionFind(keys)
        why: dict[str, MergeReason] = {}
        for block in self._blocks(keys).values():
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if sets[a] != sets[b] and self._mergeable(a, b):
                        sets.union(a, b)
                        why.setdefault(b if len(b) <= len(a) else a, MergeReason.fuzzy)
        for short, (target, reason) in self._short_forms(keys, sets).items():
            sets.union(short, target)
            why[short] = reason
        self.mapping, merged = {}, {}
        for members in sorted(sorted(g) for g in sets.to_sets()):
            entry = self._combine([(k, self.entries[k]) for k in members], why)
            merged[name_key(entry.name)] = entry
        self.entries = merged
        return self.mapping

    def _combine(self, members: list[tuple[str, _Entry]], why: dict[str, MergeReason]) -> _Entry:
        """One entry for a group of merged names, under the known name or the most mentioned full name."""
        es = [e for _, e in members]
        best = next((e for e in es if self.lookup(e.name)), None) or max(
            es, key=lambda e: (len(e.name.split()) > 1, sum(e.mentions.values()), len(e.name), e.name)
        )
        entry = _Entry(best.name, best.kind, {}, set())
        for k, e in members:
            for m, c in e.mentions.items():
                entry.mentions[m] = entry.mentions.get(m, 0) + c
            entry.documents |= e.documents
            entry.descriptions |= e.descriptions
            entry.affiliation = entry.affiliation or e.affiliation
            if entry.kind == SourceKind.unknown:
                entry.kind = e.kind
            for m, r in e.reasons.items():
                entry.reasons.setdefault(m, r)
            if e is not best:
                entry.reasons[e.name] = why.get(k, MergeReason.fuzzy)
            self.mapping[name_key(e.name)] = best.name
        return entry

    def _short_forms(self, keys: list[str], sets: UnionFind) -> dict[str, tuple[str, MergeReason]]:
        """Short forms ("obama", "clinton campaign") -> (the longer name they stand for, why)."""
        by_last: dict[str, list[str]] = {}
        groups: dict[str, list[str]] = {}
        for k in keys:
            groups.setdefault(sets[k], []).append(k)
            if k:
                by_last.setdefault(k.split()[-1], []).append(k)
        out: dict[str, tuple[str, MergeReason]] = {}
        for k in keys:
            e = self.entries[k]
            if not k or not is_name(e.name) or self.lookup(e.name) is not None:
                continue
            if not (e.kind == SourceKind.person and len(k.split()) == 1 or _org_form_name(e)):
                continue
            fits = {
                sets[o]
                for o in by_last.get(k.split()[-1], [])
                if o.endswith(" " + k)
                and self.entries[o].kind in (e.kind, SourceKind.unknown)
                and len(o.split()) <= len(k.split()) + 3
            }
            fits.discard(sets[k])
            if len(fits) > 1:
                fits = self._by_titles(e, fits, groups)
                reason = MergeReason.by_title
            else:
                reason = MergeReason.surname
            if len(fits) == 1:
                out[k] = (next(iter(fits)), reason)
        return out

    def _by_titles(self, short: _Entry, roots: set[str], groups: dict[str, list[str]]) -> set[str]:
        """The full names a short form's honorifics and titles allow ("Mr. Obama": not Michelle Obama)."""

        def texts(e: _Entry) -> list[str]:  # what is said of the source itself: descriptions, short mentions
            return [*e.descriptions, *(m for m in e.mentions if len(m.split()) <= 3)]

        gender = {g for t in texts(short) if (g := honorific(t)) is not None}
        said = frozenset().union(*(titles(t) for t in texts(short)))

        def texts_of(root: str) -> list[str]:
            return [t for k in groups[root] for t in texts(self.entries[k])]

        allowed = {r for r in roots if not gender or not {honorific(t) for t in texts_of(r)} - {None} - gender}
        if len(allowed) > 1 and said:
            allowed = {r for r in allowed if said & frozenset().union(*(titles(t) for t in texts_of(r)))} or allowed
        return allowed

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
            aff = e.affiliation
            if aff is None and e.kind == SourceKind.person:
                aff = next((a for m in sorted(e.mentions) if (a := affiliation(m)) is not None), None)
            out.append(
                CanonicalSource(
                    name=e.name,
                    kind=e.kind,
                    aliases=sorted(e.mentions),
                    part_of=part_of.get(e.name),
                    affiliation=aff,
                    documents=sorted(e.documents),
                    mentions=sum(e.mentions.values()),
                    descriptions=sorted(e.descriptions),
                    merges=[SourceMerge(alias=a, reason=r) for a, r in sorted(e.reasons.items()) if a != e.name],
                )
            )
        return out


def _org_form_name(e: _Entry) -> bool:
    return e.kind in (SourceKind.organization, SourceKind.government) and bool(
        classes(e.name.split()[-1]) & {WordClass.org_form}
    )


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
            if f.speaker is not None:
                s = f.speaker
                reg.add(s.canonical, s.kind, " ".join(s.text.split()), doc.document, s.description, s.affiliation)
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
            if f.speaker is not None:
                name = reg.canonical(f.speaker.canonical)
                f = f.model_copy(
                    update={"source": f.speaker.model_copy(update={"canonical": name, "kind": reg.kind(name)})}
                )
            new.append(f)
        outlet = reg.canonical(doc.outlet) if doc.outlet else None
        out.append(doc.model_copy(update={"frames": new, "outlet": outlet}))
    return out
