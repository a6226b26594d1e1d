"""One name per source across the corpus: ``build_registry`` merges the sources of every document
(frame sources, outlets, channels) into canonical sources, ``apply_registry`` writes the canonical
names back into the frames. User aliases come from a TOML file (``sources.aliases.load_aliases``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from networkx.utils import UnionFind
from rapidfuzz import fuzz

from citetrace.attribution import cues
from citetrace.models import CanonicalSource, DocumentFrames, MergeReason, SourceKind, SourceMention, SourceMerge
from citetrace.sources.mentions import WordClass, classes, honorific, titles
from citetrace.sources.naming import affiliation, is_name, known, name_key

_DIGITS = re.compile(r"\d+")
FUZZY_THRESHOLD = 90  # rapidfuzz token_sort_ratio (0..100) for two names to be one source
BLOCK_PREFIX = 4  # names are compared only when they share a word's first BLOCK_PREFIX letters


@dataclass
class _Entry:
    name: str
    kind: SourceKind
    mentions: dict[str, int]  # mention text -> count
    documents: set[str]
    reasons: dict[str, MergeReason] = field(default_factory=dict)  # alias -> why
    confidence: dict[str, float] = field(default_factory=dict)  # alias -> how sure, where not CONFIDENCE's
    descriptions: set[str] = field(default_factory=set)
    affiliation: str | None = None


# How sure each kind of merge is (``SourceMerge.confidence``); a fuzzy merge is as sure as its ratio,
# a short form as sure as where its full name is found: in one of its own documents, or only elsewhere
CONFIDENCE = {
    MergeReason.same_name: 1.0,
    MergeReason.known: 1.0,
    MergeReason.in_document: 0.9,
    MergeReason.pronoun: 0.8,
    MergeReason.surname: 0.9,
    MergeReason.by_title: 0.8,
}
ACROSS_DOCUMENTS = 0.6  # a short form whose full name only other documents give: a guess
GUESS_BELOW = 0.7


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
        if SourceKind.person in (ea.kind, eb.kind) and not _given_names_agree(a, b):
            return False  # "John Smith" and "Joan Smith" are two people, "Qassem" and "Qasem" one
        if _DIGITS.findall(a) != _DIGITS.findall(b):
            return False  # "Channel 4" and "Channel 5", "KTLA 5" and "KTLA 25" are two stations
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
        sure: dict[str, float] = {}
        for block in self._blocks(keys).values():
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if sets[a] != sets[b] and self._mergeable(a, b):
                        sets.union(a, b)
                        merged_in = b if len(b) <= len(a) else a
                        why.setdefault(merged_in, MergeReason.fuzzy)
                        sure.setdefault(merged_in, round(fuzz.token_sort_ratio(a, b) / 100, 2))
        for short, (target, reason, confidence) in self._short_forms(keys, sets).items():
            sets.union(short, target)
            why[short], sure[short] = reason, confidence
        self.mapping, merged = {}, {}
        for members in sorted(sorted(g) for g in sets.to_sets()):
            entry = self._combine([(k, self.entries[k]) for k in members], why, sure)
            merged[name_key(entry.name)] = entry
        self.entries = merged
        return self.mapping

    def _combine(
        self, members: list[tuple[str, _Entry]], why: dict[str, MergeReason], sure: dict[str, float]
    ) -> _Entry:
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
            for m, sure_of in e.confidence.items():
                entry.confidence.setdefault(m, sure_of)
            if e is not best:
                entry.reasons[e.name] = why.get(k, MergeReason.fuzzy)
                if k in sure:
                    entry.confidence[e.name] = sure[k]
            self.mapping[name_key(e.name)] = best.name
        return entry

    def _short_forms(self, keys: list[str], sets: UnionFind) -> dict[str, tuple[str, MergeReason, float]]:
        """Short forms ("obama", "clinton campaign") -> (the longer name they stand for, why, how sure):
        only names that do not conflict (honorifics, affiliations), and a guess where no document of the
        short form gives the full name."""
        by_last: dict[str, list[str]] = {}
        groups: dict[str, list[str]] = {}
        for k in keys:
            groups.setdefault(sets[k], []).append(k)
            if k:
                by_last.setdefault(k.split()[-1], []).append(k)
        out: dict[str, tuple[str, MergeReason, float]] = {}
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
            several = len(fits) > 1
            fits = {r for r in fits if self._compatible(e, [self.entries[o] for o in groups[r]])}
            if len(fits) > 1:
                fits = self._by_titles(e, fits, groups)
            if several:
                reason = MergeReason.by_title  # its titles or honorifics picked one of several
            else:
                reason = MergeReason.surname
            if len(fits) == 1:
                target = next(iter(fits))
                together = any(e.documents & self.entries[o].documents for o in groups[target])
                out[k] = (target, reason, CONFIDENCE[reason] if together else ACROSS_DOCUMENTS)
        return out

    def _compatible(self, short: _Entry, names: list[_Entry]) -> bool:
        """Whether a short form may be a full name's: their honorifics give no two genders ("Mrs. X", "Mr.
        John X") and their affiliations do not differ ("X of the CDC", "X of Acme")."""

        def said(e: _Entry) -> set:  # not pronouns: their resolution may be wrong
            return {g for t in _said_of(e) if name_key(t) not in cues.PRONOUNS and (g := honorific(t)) is not None}

        mine, theirs = said(short), set().union(*(said(e) for e in names))
        if mine and theirs and not mine & theirs:
            return False
        affiliated = {name_key(e.affiliation) for e in names if e.affiliation}
        mine_aff = name_key(short.affiliation) if short.affiliation else None
        return not mine_aff or not affiliated or any(_same_or_short(mine_aff, a) for a in affiliated)

    def _by_titles(self, short: _Entry, roots: set[str], groups: dict[str, list[str]]) -> set[str]:
        """The full names a short form's honorifics and titles allow ("Mr. Obama": not Michelle Obama)."""

        gender = {g for t in _said_of(short) if (g := honorific(t)) is not None}
        said = frozenset().union(*(titles(t) for t in _said_of(short)))

        def texts_of(root: str) -> list[str]:
            return [t for k in groups[root] for t in _said_of(self.entries[k])]

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
                    merges=[_merge(e, a, r) for a, r in sorted(e.reasons.items()) if a != e.name],
                )
            )
        return out


def _said_of(e: _Entry) -> list[str]:
    """What is said of a source itself: its descriptions and its short mentions, not the long ones that
    describe someone else too ("Nick Merrill, a spokesman for Mrs. Clinton")."""
    return [*e.descriptions, *(m for m in e.mentions if len(m.split()) <= 3)]


def _same_or_short(a: str, b: str) -> bool:
    """Whether two name keys are one name, or one the short form of the other ("obama", "barack obama")."""
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _given_names_agree(a: str, b: str) -> bool:
    """Whether two people's given names may be one: the same, an initial of the other, or a spelling
    variant of a long name (Qassem/Qasem, Mohammed/Muhammad), not two short names one letter apart."""
    x, y = a.split()[0].rstrip("."), b.split()[0].rstrip(".")
    if len(a.split()) == 1 or len(b.split()) == 1 or x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if x.startswith(y) or y.startswith(x):
        return True  # a short given name: Pete and Peter, Alex and Alexander
    if min(len(x), len(y)) >= 5 and x[0] == y[0]:
        return fuzz.ratio(x, y) >= 70
    return fuzz.ratio(x, y) >= 90


def _merge(e: _Entry, alias: str, reason: MergeReason) -> SourceMerge:
    confidence = e.confidence.get(alias, CONFIDENCE.get(reason, 0.9))
    return SourceMerge(alias=alias, reason=reason, confidence=confidence, guess=confidence < GUESS_BELOW)


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
            for s in f.speakers:
                reg.add(s.canonical, s.kind, " ".join(s.text.split()), doc.document, s.description, s.affiliation)
            if f.channel is not None and (k := channel_source(f.channel.text, reg)) is not None:
                reg.add(k.canonical, k.kind, " ".join(f.channel.text.split()), doc.document)
    reg.merge()
    return reg


def _registered(mention: SourceMention, reg: Registry) -> SourceMention:
    if mention.unresolved is not None:
        return mention
    name = reg.canonical(mention.canonical)
    return mention.model_copy(update={"canonical": name, "kind": reg.kind(name)})


def apply_registry(frames: Sequence[DocumentFrames], reg: Registry) -> list[DocumentFrames]:
    """Frames with corpus-wide canonical names and kinds, and outlets in canonical form."""
    out = []
    for doc in frames:
        new = []
        for f in doc.frames:
            if f.speakers:
                source = _registered(f.source, reg) if f.source is not None else None
                update = {"source": source, "co_sources": [_registered(s, reg) for s in f.co_sources]}
                f = f.model_copy(update=update)
            new.append(f)
        outlet = reg.canonical(doc.outlet) if doc.outlet else None
        out.append(doc.model_copy(update={"frames": new, "outlet": outlet}))
    return out
