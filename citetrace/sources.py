"""Resolve and canonicalise sources within a document.

``resolve_sources(document, parsed, frames)`` gives every frame's source a canonical name and a kind:

- a **name** (the proper-noun run at the head of the source phrase) loses its titles ("US President
  Donald Trump" -> "Donald Trump"), maps to a known source when it is an alias of one ("BBC",
  "DailyMail.co.uk" -> "Daily Mail"), and a lone surname takes the fullest form of that name in the
  document ("Barzani" -> "Masoud Barzani");
- a **description** without a name of its own ("a weekly newspaper affiliated with the group",
  "the jihadi paper") resolves to the nearest named source of the same kind in the document, before
  it or, failing that, after it;
- **pronouns**: he/she -> the last person source; it -> the last publication, outlet or
  organization; they -> the last organization or group;
- **anonymous** sources ("security sources", "several reports") keep their description.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from citetrace import cues
from citetrace.errors import InputError
from citetrace.models import (
    CanonicalSource,
    Document,
    DocumentFrames,
    Frame,
    ParsedDocument,
    SourceKind,
    SourceMention,
    Token,
)

_NORM = re.compile(r"[^0-9a-z]+")


def norm(name: str) -> str:
    """Normalised form for matching names: case, hyphens, apostrophes and dots aside."""
    return _NORM.sub(" ", name.casefold().replace("\u2019", "'")).strip()


_ALIASES: dict[str, cues.KnownSource] = {norm(a): k for k in cues.KNOWN_SOURCES for a in (*k.aliases, k.canonical)}
_ORG_WORDS = {
    "organization",
    "organisation",
    "forces",
    "party",
    "group",
    "army",
    "council",
    "committee",
    "union",
    "front",
}
_GOV_WORDS = {"department", "ministry", "administration", "government", "office", "pentagon", "kremlin"}
_OUTLET_WORDS = {"news", "times", "post", "tv", "radio", "press", "monitoring", "journal", "herald", "tribune"}


def known(name: str) -> cues.KnownSource | None:
    """The known source a name is an alias of, if any."""
    n = norm(name)
    if n.startswith("the "):
        n = n[4:]
    return _ALIASES.get(n)


@dataclass(frozen=True)
class _Mention:
    start: int
    canonical: str
    kind: SourceKind


def _strip_titles(tokens: list[Token]) -> list[Token]:
    """Drop leading titles and determiners: "US President Donald Trump" -> "Donald Trump"."""
    i = 0
    while i < len(tokens) - 1 and norm(tokens[i].text) in cues.TITLES | {""}:
        i += 1
    return tokens[i:]


def _noun_kind(tok: Token) -> SourceKind | None:
    return cues.SOURCE_NOUNS.get(tok.lemma.lower()) or cues.SOURCE_NOUNS.get(tok.text.lower())


def _words(tokens: list[Token]) -> list[list[Token]]:
    """Group tokens written without space between them ("Al", "-", "Naba") into words."""
    words: list[list[Token]] = []
    for t in tokens:
        if (
            words
            and t.start == words[-1][-1].end
            and (t.text[:1].isalnum() or t.text in "-'\u2019")
            and (words[-1][-1].text[-1:].isalnum() or words[-1][-1].text in "-'\u2019")
        ):
            words[-1].append(t)
        else:
            words.append([t])
    return words


def _namelike(word: list[Token]) -> bool:
    first = word[0].text
    return any(t.upos == "PROPN" for t in word) or (
        first[:1].isupper() and word[0].upos in ("ADJ", "NOUN", "PROPN", "NUM")
    )


def _name_run(tokens: list[Token], head: Token) -> list[Token]:
    """The run of proper-noun words (hyphenated words kept whole) around ``head``."""
    words = _words(tokens)
    idx = next(i for i, w in enumerate(words) if head in w)
    if not _namelike(words[idx]):
        return []
    lo = hi = idx
    while lo > 0 and _namelike(words[lo - 1]):
        lo -= 1
    while hi < len(words) - 1 and _namelike(words[hi + 1]):
        hi += 1
    return [t for w in words[lo : hi + 1] for t in w]


def _head(tokens: list[Token]) -> Token:
    ids = {t.id for t in tokens}
    outside = [t for t in tokens if t.head not in ids]
    return outside[0] if outside else tokens[-1]


def _nominal_path(tokens: list[Token], tok: Token, head: Token) -> bool:
    """Whether ``tok`` hangs from ``head`` without passing through a clause ("affiliated with ... Iraq")."""
    by_id = {t.id: t for t in tokens}
    while tok is not head:
        if tok.deprel.split(":")[0] in ("acl", "advcl", "ccomp", "xcomp", "parataxis") or tok.head not in by_id:
            return False
        tok = by_id[tok.head]
    return True


def _kind_of_name(name: str, span_tokens: list[Token], head: Token) -> SourceKind:
    k = known(name)
    if k is not None:
        return k.kind
    words = {norm(w) for w in name.split()}
    if words & _GOV_WORDS:
        return SourceKind.government
    if words & _OUTLET_WORDS:
        return SourceKind.outlet
    if words & _ORG_WORDS:
        return SourceKind.organization
    head_kind = _noun_kind(head)
    if head.upos == "NOUN" and head_kind is not None:
        return head_kind
    if name.replace(".", "").isupper() and len(name) <= 6:
        return SourceKind.organization
    return SourceKind.person


class _DocumentIndex:
    """Named mentions of a document in text order: known aliases and proper-noun runs with a kind."""

    def __init__(self, document: Document, parsed: ParsedDocument):
        self.text = document.text
        self.sentences = [s.tokens for s in parsed.sentences if s.tokens]
        self.mentions: list[_Mention] = []
        for tokens in self.sentences:
            words = _words(tokens)
            i = 0
            while i < len(words):
                if not any(t.upos == "PROPN" for t in words[i]):
                    i += 1
                    continue
                j = i
                while j + 1 < len(words) and _namelike(words[j + 1]):
                    j += 1
                run = _strip_titles([t for w in words[i : j + 1] for t in w])
                name = self.slice(run)
                k = known(name)
                before = words[i - 1][-1] if i > 0 else None
                if k is not None:
                    self.mentions.append(_Mention(run[0].start, k.canonical, k.kind))
                elif before is not None and before.upos == "NOUN" and _noun_kind(before) is not None:
                    self.mentions.append(_Mention(run[0].start, name, _noun_kind(before)))
                else:  # an alias inside a longer run: "the weekly ISIS newspaper"
                    for w in words[i : j + 1]:
                        kw = known(self.slice(w))
                        if kw is not None:
                            self.mentions.append(_Mention(w[0].start, kw.canonical, kw.kind))
                i = j + 1
        self._descriptions()
        self.mentions.sort(key=lambda m: m.start)

    def _descriptions(self) -> None:
        """Definite descriptions ("the jihadi paper") as mentions of the nearest earlier name of their kind,
        so that a later "it" finds them."""
        named = sorted(self.mentions, key=lambda m: m.start)
        for tokens in self.sentences:
            for t in tokens:
                kind = _noun_kind(t)
                if t.upos != "NOUN" or kind not in (SourceKind.publication, SourceKind.outlet, SourceKind.organization):
                    continue
                if not any(
                    k.head == t.id and k.deprel == "det" and k.lemma.lower() in ("the", "this", "that") for k in tokens
                ):
                    continue
                if any(k.head == t.id and k.upos == "PROPN" for k in tokens):
                    continue
                before = [m for m in named if m.start < t.start and m.kind == kind]
                if before:
                    self.mentions.append(_Mention(t.start, before[-1].canonical, kind))

    def slice(self, tokens: list[Token]) -> str:
        return self.text[tokens[0].start : tokens[-1].end] if tokens else ""

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for s in self.sentences for t in s if t.start >= start and t.end <= end]

    def full_name(self, surname: str) -> str:
        """The longest title-less name in the document that ends with ``surname``."""
        best = surname
        for tokens in self.sentences:
            for t in tokens:
                if t.upos == "PROPN" and norm(t.text) == norm(surname.split("-")[-1]):
                    run = _name_run(tokens, t)
                    if not run:
                        continue
                    run = _strip_titles(run[: run.index(t) + 1])
                    name = self.slice(run)
                    if (
                        norm(name).endswith(norm(surname))
                        and len(name.split()) > len(best.split())
                        and len(name.split()) <= 4
                    ):
                        best = name
        return best

    def nearest(self, position: int, kinds: set[SourceKind]) -> _Mention | None:
        before = [m for m in self.mentions if m.start < position and m.kind in kinds]
        if before:
            return before[-1]
        after = [m for m in self.mentions if m.start > position and m.kind in kinds]
        return after[0] if after else None


_PAREN = re.compile(r"\s*\([^()]*\)")


def _person_word(tok: Token) -> bool:
    return cues.SOURCE_NOUNS.get(tok.lemma.lower()) == SourceKind.person or norm(tok.text) in cues.TITLES


def affiliation(text: str) -> str | None:
    """The known outlet or group named before a person's title: "BBC journalist Mina Al-Lami" -> "BBC"."""
    ws = text.split()
    for i, w in enumerate(ws[:-1]):
        if norm(w) in cues.TITLES - {"the", "a", "an", "us", "u s"} and i > 0:
            for n in range(i, 0, -1):
                for j in range(0, i - n + 1):
                    k = known(" ".join(ws[j : j + n]))
                    if k is not None and k.kind != SourceKind.person:
                        return k.canonical
    return None


def _affiliated_person(index: _DocumentIndex, tokens: list[Token]) -> str | None:
    """ "BBC journalist Mina Al-Lami": a known outlet or group, a person noun, then a name -> the name."""
    for i, tok in enumerate(tokens[1:-1], start=1):
        if not _person_word(tok) or tok.upos == "PROPN":
            continue
        rest = tokens[i + 1 :]
        if (
            not rest
            or not all(_namelike([t]) or t.text in "-'\u2019" for t in rest)
            or not any(t.upos == "PROPN" for t in rest)
        ):
            return None
        if affiliation(index.slice(tokens)) is None:
            return None
        return index.slice(_strip_titles(rest))
    return None


def _resolve(
    index: _DocumentIndex, source: SourceMention, resolved: list[tuple[int, str, SourceKind]]
) -> tuple[str, SourceKind]:
    text = source.text.strip()
    if "," in text and not text.rstrip(")").endswith(")"):
        tail = text.rsplit(",", 1)[1].strip()  # "A few days after the attack, NATO" -> "NATO"
        if tail[:1].isupper() and (known(tail) or len(tail.split()) <= 4):
            start = source.start + text.rindex(tail)
            source = source.model_copy(update={"text": tail, "start": start, "end": start + len(tail)})
            text = tail
    if text.lower().startswith("as "):
        start = source.start + 3
        source = source.model_copy(update={"text": text[3:], "start": start})
        text = text[3:]
    k = known(text)
    if k is not None:
        return k.canonical, k.kind
    bare_text = _PAREN.sub(" ", text).strip()  # "Foreign Policy (FP)" -> "Foreign Policy"
    k = known(bare_text) if bare_text != text else None
    if k is not None:
        return k.canonical, k.kind
    tokens = index.tokens_in(source.start, source.end)
    lowered = norm(text)
    if not tokens:
        return text, source.kind
    person = _affiliated_person(index, tokens)
    if person is not None:
        return person, SourceKind.person
    head = _head(tokens)
    head_lemma = head.lemma.lower()
    if len(tokens) == 1 and head.upos == "PRON":
        wanted = (
            {SourceKind.person}
            if lowered in cues.PERSON_PRONOUNS
            else {SourceKind.publication, SourceKind.outlet, SourceKind.organization}
            if lowered in cues.THING_PRONOUNS
            else {SourceKind.organization, SourceKind.government}
            if lowered in cues.GROUP_PRONOUNS
            else set()
        )
        earlier = [r for r in resolved if r[0] < source.start and r[2] in wanted]
        mention = index.nearest(source.start, wanted) if wanted else None
        candidates = [(r[0], r[1], r[2]) for r in earlier]
        if mention is not None and mention.start < source.start:
            candidates.append((mention.start, mention.canonical, mention.kind))
        if candidates:
            _, name, kind = max(candidates)
            return name, kind
        if mention is not None:
            return mention.canonical, mention.kind
        return text, SourceKind.unknown
    # a known name at the end of the phrase: "The weekly Islamic State (IS) newspaper Al-Naba"
    if tokens[-1].upos == "PROPN":
        trailing = known(index.slice(_strip_titles(_name_run(tokens, tokens[-1]))))
        if trailing is not None and (trailing.kind == _noun_kind(head) or head in _name_run(tokens, tokens[-1])):
            return trailing.canonical, trailing.kind
    # a name: the head's proper-noun run, or a proper noun in apposition to a common-noun head
    name_tokens: list[Token] = []
    if head.upos == "PROPN":
        name_tokens = _name_run(tokens, head)
    else:
        named = [
            t
            for t in tokens
            if t.head == head.id
            and t.upos == "PROPN"
            and t.deprel in ("appos", "flat", "compound")
            and t.start > head.start
        ]
        if named:
            name_tokens = _name_run(tokens, named[0])
        elif tokens[-1].upos == "PROPN" and head.start < tokens[-1].start and _nominal_path(tokens, tokens[-1], head):
            name_tokens = _name_run(tokens, tokens[-1])  # "then president of ... Masoud Barzani"
    if name_tokens:
        stripped = _strip_titles(name_tokens)
        name = index.slice(stripped)
        words = name.split()
        # "US President Donald Trump": a known alias inside the run wins only if it is the whole name
        k = known(name)
        if k is not None:
            return k.canonical, k.kind
        kind = _kind_of_name(name, tokens, head)
        if kind == SourceKind.person and len(words) == 1:
            name = index.full_name(name)
        return name, kind
    # a description
    own_deps = [
        t
        for t in tokens
        if t.head == head.id and t.deprel in ("det", "amod", "compound", "nmod:poss", "nummod", "nmod")
    ]
    bare = not any(t.upos == "PROPN" for t in own_deps)
    if (head_lemma in cues.ANONYMOUS_NOUNS or head.text.lower() in cues.ANONYMOUS_NOUNS) and bare:
        return " ".join(w for w in text.split() if w.lower() not in ("the", "a", "an")).lower(), SourceKind.anonymous
    kind = _noun_kind(head)
    if kind is not None and bare:
        mention = index.nearest(source.start, {kind})
        if mention is not None:
            return mention.canonical, mention.kind
    kept = [t for t in tokens if not (t.deprel == "det" and t.head == head.id and t is tokens[0])]
    return index.slice(kept) or text, kind or SourceKind.unknown


def resolve_sources(document: Document, parsed: ParsedDocument, frames: list[Frame]) -> list[Frame]:
    """Frames with every source's ``canonical`` and ``kind`` filled in."""
    index = _DocumentIndex(document, parsed)
    resolved: list[tuple[int, str, SourceKind]] = []
    out = []
    for frame in frames:
        if frame.source is None:
            out.append(frame)
            continue
        canonical, kind = _resolve(index, frame.source, resolved)
        resolved.append((frame.source.start, canonical, kind))
        out.append(
            frame.model_copy(update={"source": frame.source.model_copy(update={"canonical": canonical, "kind": kind})})
        )
    return _inherit_channels(out)


CHANNEL_REACH = 400  # characters after a frame within which the same speaker keeps its channel


def _inherit_channels(frames: list[Frame]) -> list[Frame]:
    """A speaker who goes on talking keeps the channel: "In an interview with Sky News Arabic, Barzani
    said ... . '...,' Barzani said at that time." Only from the frame right before, same source."""
    out: list[Frame] = []
    for f in frames:
        prev = next((p for p in reversed(out) if p.parent is None), None)
        if (
            f.channel is None
            and f.parent is None
            and f.source is not None
            and prev is not None
            and prev.channel is not None
            and prev.source is not None
            and prev.source.canonical == f.source.canonical
            and 0 <= f.cue.start - prev.content.end <= CHANNEL_REACH
        ):
            f = f.model_copy(update={"channel": prev.channel})
        out.append(f)
    return out


def canonical_outlet(name: str | None) -> str | None:
    """The canonical name of a document's outlet ("DailyMail.co.uk" -> "Daily Mail")."""
    if name is None:
        return None
    k = known(name)
    return k.canonical if k is not None else name.strip()


# --------------------------------------------------------------------------- across documents


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
        self.extra = {norm(a).removeprefix("the "): k for k in extra for a in (*k.aliases, k.canonical)}
        self.extra_sources = extra
        self.entries: dict[str, _Entry] = {}
        self._order: list[str] = []

    def lookup(self, name: str) -> cues.KnownSource | None:
        n = norm(name).removeprefix("the ")
        return self.extra.get(n) or known(name)

    def add(self, name: str, kind: SourceKind, mention: str, document: str) -> None:
        k = self.lookup(name) or self.lookup(mention)
        if k is not None:
            name, kind = k.canonical, k.kind
        key = norm(name).removeprefix("the ")
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
                mapping[norm(e.name).removeprefix("the ")] = best.name
            merged[norm(best.name).removeprefix("the ")] = entry
        self.entries = merged
        self.mapping = mapping
        return mapping

    def canonical(self, name: str) -> str:
        k = self.lookup(name)
        if k is not None:
            return k.canonical
        return self.mapping.get(norm(name).removeprefix("the "), name)

    def kind(self, name: str) -> SourceKind:
        e = self.entries.get(norm(self.canonical(name)).removeprefix("the "))
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


def is_name(text: str) -> bool:
    """A name starts with a capital: "Qassem Soleimani", not "weekly newspaper affiliated with the group"."""
    words = [w for w in text.split() if w.lower() not in ("the", "a", "an")]
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit())


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
