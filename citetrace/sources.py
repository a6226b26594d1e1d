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
from dataclasses import dataclass

from citetrace import cues
from citetrace.models import (
    Document,
    Frame,
    ParsedDocument,
    SourceKind,
    SourceMention,
    Token,
)
from citetrace.naming import affiliation, known, norm


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
    if words & cues.GOV_WORDS:
        return SourceKind.government
    if words & cues.OUTLET_WORDS:
        return SourceKind.outlet
    if words & cues.ORG_WORDS:
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
                elif before is not None and before.upos == "NOUN" and (before_kind := _noun_kind(before)) is not None:
                    self.mentions.append(_Mention(run[0].start, name, before_kind))
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


def _trim(source: SourceMention) -> SourceMention:
    """A source mention without a leading clause ("A few days after the attack, NATO" -> "NATO") or "as"."""
    text = source.text.strip()
    if "," in text and not text.rstrip(")").endswith(")"):
        tail = text.rsplit(",", 1)[1].strip()
        if tail[:1].isupper() and (known(tail) or len(tail.split()) <= 4):
            start = source.start + text.rindex(tail)
            source = source.model_copy(update={"text": tail, "start": start, "end": start + len(tail)})
            text = tail
    if text.lower().startswith("as "):
        source = source.model_copy(update={"text": text[3:], "start": source.start + 3})
    return source


def _pronoun(
    index: _DocumentIndex, source: SourceMention, text: str, resolved: list[tuple[int, str, SourceKind]]
) -> tuple[str, SourceKind]:
    """he/she: the last person; it: the last publication, outlet or organization; they: the last group."""
    lowered = norm(text)
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


def _name_tokens(tokens: list[Token], head: Token) -> list[Token]:
    """The name in a source phrase: the head's proper-noun run, or a proper noun in apposition to a
    common-noun head ("then president of ... Masoud Barzani"); empty for a description."""
    if head.upos == "PROPN":
        return _name_run(tokens, head)
    named = [
        t
        for t in tokens
        if t.head == head.id
        and t.upos == "PROPN"
        and t.deprel in ("appos", "flat", "compound")
        and t.start > head.start
    ]
    if named:
        return _name_run(tokens, named[0])
    if tokens[-1].upos == "PROPN" and head.start < tokens[-1].start and _nominal_path(tokens, tokens[-1], head):
        return _name_run(tokens, tokens[-1])
    return []


def _description(
    index: _DocumentIndex, source: SourceMention, text: str, tokens: list[Token], head: Token
) -> tuple[str, SourceKind]:
    """A source without a name of its own: anonymous ("security sources"), the nearest named source of
    its kind ("the jihadi paper"), or the description itself."""
    own_deps = [
        t
        for t in tokens
        if t.head == head.id and t.deprel in ("det", "amod", "compound", "nmod:poss", "nummod", "nmod")
    ]
    bare = not any(t.upos == "PROPN" for t in own_deps)
    if (head.lemma.lower() in cues.ANONYMOUS_NOUNS or head.text.lower() in cues.ANONYMOUS_NOUNS) and bare:
        return " ".join(w for w in text.split() if w.lower() not in cues.ARTICLES).lower(), SourceKind.anonymous
    noun_kind = _noun_kind(head)
    if noun_kind is not None and bare:
        mention = index.nearest(source.start, {noun_kind})
        if mention is not None:
            return mention.canonical, mention.kind
    kept = [t for t in tokens if not (t.deprel == "det" and t.head == head.id and t is tokens[0])]
    return index.slice(kept) or text, noun_kind or SourceKind.unknown


def _resolve(
    index: _DocumentIndex, source: SourceMention, resolved: list[tuple[int, str, SourceKind]]
) -> tuple[str, SourceKind]:
    source = _trim(source)
    text = source.text.strip()
    bare_text = _PAREN.sub(" ", text).strip()  # "Foreign Policy (FP)" -> "Foreign Policy"
    k = known(text) or (known(bare_text) if bare_text != text else None)
    if k is not None:
        return k.canonical, k.kind
    tokens = index.tokens_in(source.start, source.end)
    if not tokens:
        return text, source.kind
    person = _affiliated_person(index, tokens)
    if person is not None:
        return person, SourceKind.person
    head = _head(tokens)
    if len(tokens) == 1 and head.upos == "PRON":
        return _pronoun(index, source, text, resolved)
    # a known name at the end of the phrase: "The weekly Islamic State (IS) newspaper Al-Naba"
    if tokens[-1].upos == "PROPN":
        trailing = known(index.slice(_strip_titles(_name_run(tokens, tokens[-1]))))
        if trailing is not None and (trailing.kind == _noun_kind(head) or head in _name_run(tokens, tokens[-1])):
            return trailing.canonical, trailing.kind
    name_tokens = _name_tokens(tokens, head)
    if not name_tokens:
        return _description(index, source, text, tokens, head)
    name = index.slice(_strip_titles(name_tokens))
    # "US President Donald Trump": a known alias inside the run wins only if it is the whole name
    k = known(name)
    if k is not None:
        return k.canonical, k.kind
    kind = _kind_of_name(name, tokens, head)
    if kind == SourceKind.person and len(name.split()) == 1:
        name = index.full_name(name)
    return name, kind


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
