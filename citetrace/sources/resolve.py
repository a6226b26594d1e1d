"""Resolve and canonicalise sources within a document.

``resolve_sources(document, parsed, frames)`` gives every frame's source a canonical name, a kind, and
what the mention says besides the name (``description``):

- a **name** (the proper-noun run at the head of the source phrase) is split from its description
  ("Massachusetts Sen. Elizabeth Warren" -> "Elizabeth Warren", described as "Massachusetts Sen.";
  ``mentions.split_name``), maps to a known source when it is an alias of one ("BBC",
  "DailyMail.co.uk" -> "Daily Mail"), and a lone surname takes the full name it has in the document
  ("Barzani" -> "Masoud Barzani"; of two, the one named last, and never against an honorific: "Mr.
  Obama" is not "the first lady, Michelle Obama");
- an **organization form** ("the Clinton campaign", "Clinton's team") is an organization named after
  the person, who becomes its ``affiliation`` ("Hillary Clinton campaign");
- a **description** without a name of its own resolves to a named source of the same kind: a definite
  one ("the jihadi paper") to the nearest, an indefinite one ("a weekly newspaper affiliated with the
  group") only to a name that comes after it; a plural ("lawmakers") never to one person. A
  description is cut to ``cues.MAX_NAME_WORDS`` words; one that is a clause is no source;
- **pronouns**: he/she -> the most salient person before it (``salience.People``: its sentence,
  then the ones before; subjects first; never the other gender), else the last person source of that
  gender; it -> the last publication, outlet or organization; they -> the last organization or group;
  who/which -> the noun phrase the relative clause hangs from; I/we in the article's own voice -> its writer;
- a **list** of speakers ("Bolton and Gorka said") is split into its speakers (``coordination``), the
  first the frame's ``source``, the others its ``co_sources``; a "they" close after it is the list;
- **anonymous** sources ("security sources") keep their description; people of a place are no person.

A pronoun with no antecedent, a clause and the writer are no source (``SourceMention.unresolved`` says
which; the chains flag the claim, ``FlagType.unresolved_source``, and make no node of "they").
"""

from __future__ import annotations

import re

from citetrace.attribution import cues
from citetrace.models import (
    Document,
    Frame,
    ParsedDocument,
    SourceKind,
    SourceMention,
    Token,
    Unresolved,
)
from citetrace.read.provenance import wires
from citetrace.sources.coordination import conjuncts, part, them
from citetrace.sources.given_names import given_name_gender
from citetrace.sources.mentions import (
    classes,
    core,
    honorific,
    name_run,
    namelike,
    plural_noun,
    titles,
    without_possessive,
)
from citetrace.sources.name_index import DocumentIndex
from citetrace.sources.name_kinds import (
    SPOKESPEOPLE,
    body_by_last_word,
    body_kind,
    described_kind,
    kind_of_name,
    name_tokens,
    noun_kind,
    split_source_name,
    spoken_for,
    works_at,
)
from citetrace.sources.naming import affiliation, known, norm
from citetrace.sources.pointers import (
    Resolved,
    Seen,
    antecedent,
    definite,
    described_person,
    editorial_board,
    pronoun,
    pronoun_form,
)
from citetrace.sources.salience import People


def _head(tokens: list[Token]) -> Token:
    """The head of a source phrase; where the parse gives it several, the first proper noun, a subject
    first ("[Republican nominee] [Donald Trump] has called", "[Rendell], [a Clinton surrogate], said",
    "[Friday], [Trump] said"), else the last nominal ("[Last month], [the Obama administration] said")."""
    ids = {t.id for t in tokens}
    outside = [t for t in tokens if t.head not in ids]
    proper = sorted(
        (t for t in outside if t.upos == "PROPN" and norm(t.text) not in cues.TIME_WORDS),
        key=lambda t: not t.deprel.startswith("nsubj"),
    )
    nominal = [t for t in outside if t.upos in ("NOUN", "PROPN", "PRON")]
    if not proper and len(nominal) > 1 and norm(tokens[0].text) == "the" and noun_kind(nominal[0]) is not None:
        return nominal[0]  # "The newspaper, long a vocal advocate of immigration reform": the body, then what it is
    after = next((t for t in tokens if nominal and t.id == nominal[0].id + 1), None)
    if not proper and len(nominal) > 1 and after is not None and norm(after.text) in cues.RELATIVE_PRONOUNS:
        return nominal[0]  # "a young woman who had been an exchange student in Montana", the clause broken off
    return proper[0] if proper else nominal[-1] if nominal else outside[0] if outside else tokens[-1]


_PAREN = re.compile(r"\s*\([^()]*\)")


def _person_word(tok: Token) -> bool:
    return cues.SOURCE_NOUNS.get(tok.lemma.lower()) == SourceKind.person or norm(tok.text) in cues.TITLES


def _affiliated_person(index: DocumentIndex, tokens: list[Token]) -> str | None:
    """ "BBC journalist Mina Al-Lami": a known outlet or group, a person noun, then a name -> the name."""
    for i, tok in enumerate(tokens[1:-1], start=1):
        if not _person_word(tok) or tok.upos == "PROPN":
            continue
        rest = tokens[i + 1 :]
        if (
            not rest
            or not all(namelike([t]) or t.text in "-'\u2019" for t in rest)
            or not any(t.upos == "PROPN" for t in rest)
        ):
            return None
        if affiliation(index.slice(tokens)) is None:
            return None
        return index.slice(split_source_name(rest)[1])
    return None


def _trim(index: DocumentIndex, source: SourceMention) -> SourceMention:
    """A source mention without a leading clause ("A few days after the attack, NATO" -> "NATO") or "as";
    the part after the last comma only where the head is in it (not "Donna Rawlings, 59, of Ashton, [Md.]")."""
    text = source.text.strip()
    if "," in text and not text.rstrip(")").endswith(")"):
        tail = text.rsplit(",", 1)[1].strip()
        pronoun = norm(tail) in cues.PRONOUNS
        start = source.start + text.rindex(tail)
        tokens = index.tokens_in(source.start, source.end)
        headed = not tokens or _head(tokens).start >= start
        if (tail[:1].isupper() or pronoun) and (known(tail) or pronoun or len(tail.split()) <= 4 and headed):
            source = source.model_copy(update={"text": tail, "start": start, "end": start + len(tail)})
            text = tail
    if text.lower().startswith("as "):
        source = source.model_copy(update={"text": text[3:], "start": source.start + 3})
        text = source.text
    # "Freedom of Information Act. Judicial Watch": the splitter missed a sentence end ("Sen. Warren" is none)
    cut = next((m for m in _SENTENCE_END.finditer(text) if not classes(text[: m.start()].split()[-1])), None)
    if cut is not None and text[cut.end() :][:1].isupper():
        start = source.start + cut.end()
        source = source.model_copy(update={"text": text[cut.end() :], "start": start})
        text = source.text
    tokens = index.tokens_in(source.start, source.end)
    while len(tokens) > 1 and tokens[-1].upos == "ADV":  # "It also", "Trump further"
        tokens.pop()
        source = source.model_copy(update={"text": index.text[source.start : tokens[-1].end], "end": tokens[-1].end})
    return source


_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\. (?=[A-Z])")


INDEFINITE_REACH = 1500  # characters after an indefinite description within which the name it introduces may come
_NOT_DESCRIPTIVE = frozenset({"ADP", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "DET"})
_POINTERS = cues.RELATIVE_PRONOUNS | cues.PRONOUNS | {"one"}  # words that point at a source, never name one


def _names_someone(tokens: list[Token], head: Token) -> bool:
    """Whether a proper noun hangs from ``head`` ("one of Clinton's aides" names someone's circle)."""
    return any(t.upos == "PROPN" for t in tokens if t.head == head.id)


def _description(index: DocumentIndex, source: SourceMention, text: str, tokens: list[Token], head: Token) -> Resolved:
    """A source without a name of its own: anonymous ("security sources"), the nearest named source of
    its kind ("the jihadi paper"), or the description itself, cut to ``cues.MAX_NAME_WORDS`` words (no
    source at all when it is a clause)."""
    own_deps = [
        t
        for t in tokens
        if t.head == head.id and t.deprel in ("det", "amod", "compound", "nmod:poss", "nummod", "nmod")
    ]
    bare = not any(t.upos == "PROPN" or t.text[:1].isupper() and t is not tokens[0] for t in own_deps)
    is_definite = definite(tokens, head)
    kept = core(tokens, head, cues.MAX_NAME_WORDS)
    if norm(head.text) == "one" and not _names_someone(tokens, head):  # "no one", "the one": nobody named
        return Resolved(text, SourceKind.unknown, unresolved=Unresolved.pronoun)
    if kept is None:
        return Resolved(text, SourceKind.unknown, unresolved=Unresolved.clause)
    if (head.lemma.lower() in cues.ANONYMOUS_NOUNS or head.text.lower() in cues.ANONYMOUS_NOUNS) and bare:
        words_kept = index.slice(kept).split()
        return Resolved(" ".join(w for w in words_kept if w.lower() not in cues.ARTICLES).lower(), SourceKind.anonymous)
    kind = described_kind(tokens, head)
    if (is_definite or norm(tokens[0].text) == "the") and editorial_board(tokens, head):  # the paper named before it
        board = index.nearest(source.start, _PRINT, after=False)
        if board is not None:
            return Resolved(board.canonical, board.kind, description=index.slice(tokens[1:]))
    if kind is not None and bare and kind is not SourceKind.person:  # "a spokesman", "the band leader": no one named
        if plural_noun(head) and norm(head.text) not in cues.GROUP_MEMBERS:
            mention = None  # "protest groups", "former prosecutors": not one named body
        elif is_definite:  # "the ministry" is a ministry the document names; "the company", any named company
            word = norm(head.text)
            named = word if word in cues.BODY_WORDS else None
            mention = index.nearest(source.start, {kind}, named=named, after=False)  # not one named later
            if mention is None and word in cues.PRINT_NOUNS:  # "the newspaper": the Orlando Sentinel, an outlet,
                mention = index.nearest(source.start, _PRINT, named=named, after=False, unless=wires())  # not the AP
        elif any(t.head == head.id and t.deprel == "nmod:poss" for t in tokens):
            mention = None  # "the country's disaster agency": whose it is says which, not a name further on
        else:  # "a weekly newspaper ..." is new to the text: it can only be a name that comes after it
            mention = next(
                (m for m in index.mentions if m.kind is kind and m.start > source.start and not m.by_words), None
            )
            mention = mention if mention is not None and mention.start - source.start <= INDEFINITE_REACH else None
        if mention is not None:
            return Resolved(mention.canonical, mention.kind, description=index.slice(kept))
    kept = [t for t in kept if not (t.deprel == "det" and t.head == head.id and t is kept[0])]
    if len(kept) > 1 and kept[0].head == head.id and norm(kept[0].text) in _MASS and not plural_noun(head):
        kept = kept[1:]  # "the little polling that was done" is polling; "many economists" stay many
    return Resolved(index.slice(kept) or text, kind or SourceKind.unknown)


_PRINT = {SourceKind.outlet, SourceKind.publication}
_QUOTE_OPENERS = frozenset("\"\u201c\u2018'`")  # the first character of a frame's words that are a quote
_MASS = frozenset({"little", "much", "less", "more"})  # how much of a thing, not which


def _before(index: DocumentIndex, tokens: list[Token], name: list[Token]) -> str | None:
    """What a source phrase says before the name: "[Republican nominee] Donald Trump"."""
    kept = [t for t in tokens if t.end <= name[0].start]
    while kept and (kept[0].upos in ("DET", "PUNCT") or kept[0].deprel == "det"):
        kept.pop(0)
    while kept and kept[-1].upos == "PUNCT":
        kept.pop()
    if any(t.upos in _NOT_DESCRIPTIVE for t in kept):
        return None  # "[A spokeswoman for] Hillary Clinton", "[a speech] Mrs. Clinton [delivered]": not about the name
    return index.slice(kept) or None


def _resolve(index: DocumentIndex, people: People, source: SourceMention, resolved: list[Seen]) -> Resolved:
    source = _trim(index, source)
    text = source.text.strip()
    bare_text = _PAREN.sub(" ", text).strip()  # "Foreign Policy (FP)" -> "Foreign Policy"
    k = known(text) or (known(bare_text) if bare_text != text else None)
    if k is not None:
        return Resolved(k.canonical, k.kind)
    tokens = index.tokens_in(source.start, source.end)
    head = _head(tokens) if tokens else None
    if head is None or len(tokens) == 1 and head.upos != "PROPN" and noun_kind(head) is None:
        # a span the sentences do not hold whole, or a surname tagged as a noun: its full name, if any
        full = index.full_name(text, said=titles(text)) if text[:1].isupper() else text
        if len(text.split()) == 1 and full != text:
            return Resolved(full, SourceKind.person)
        if head is None:
            return Resolved(text, source.kind)
    person = _affiliated_person(index, tokens)
    if person is not None:
        return Resolved(person, SourceKind.person)
    if len(tokens) == 1 and (head.upos in ("PRON", "DET") or norm(without_possessive(text)) in _POINTERS):
        if norm(head.text) in cues.RELATIVE_PRONOUNS and head.deprel.startswith("nsubj"):
            phrase = antecedent(index, head)
            if phrase is None:
                return Resolved(text, SourceKind.unknown, unresolved=Unresolved.pronoun)
            return _resolve(index, people, phrase, resolved)
        return pronoun(index, people, source, text, resolved)
    # a known name at the end of the phrase: "The weekly Islamic State (IS) newspaper Al-Naba"
    if tokens[-1].upos == "PROPN":  # not "Senator Jeff Sessions, a close advisor to Trump": a name of its own
        run = name_run(tokens, tokens[-1])
        bare = split_source_name(run)[1]
        trailing = known(index.slice(bare)) if head in run or head.upos != "PROPN" else None
        if trailing is not None and (trailing.kind == noun_kind(head) or head in run):
            return Resolved(trailing.canonical, trailing.kind, description=_before(index, tokens, bare))
    owned = pronoun_form(index, people, tokens, head, resolved)  # "his campaign"
    if owned is not None:
        return owned
    organization = index.organization(tokens, head)  # "the Clinton campaign", "Clinton's team"
    if organization is not None:
        return Resolved(organization.name, organization.kind, affiliation=organization.person)
    named = name_tokens(tokens, head) or index.leading_name(tokens) or spoken_for(tokens, head)
    if not named:
        described = described_person(index, people, source, tokens, head, resolved)  # "Harry Reid, the leader"
        return described or _description(index, source, text, tokens, head)
    return _named(index, text, tokens, head, named)


def _named(index: DocumentIndex, text: str, tokens: list[Token], head: Token, name_tokens: list[Token]) -> Resolved:
    """A source phrase with a name: the name, its kind, its full form in the document, what is said before it."""
    bare_name = split_source_name(name_tokens)[1]
    name = index.slice(bare_name)
    description = _before(index, tokens, bare_name)
    # "US President Donald Trump": a known alias inside the run wins only if it is the whole name
    k = known(name) or _known_with_words_before(index, tokens, bare_name)
    if k is not None:
        return Resolved(k.canonical, k.kind, description=description)
    name = without_possessive(name)  # "Hillary’s claim"
    at_work = head not in name_tokens and works_at(tokens, name_tokens)  # "Economists at JPMorgan": a body
    kind = SourceKind.organization if at_work else kind_of_name(name, tokens, head)
    if head not in name_tokens and norm(head.text) in SPOKESPEOPLE and body_kind(name) is None and known(name) is None:
        # "a spokeswoman for Microsoft": whom a spokesperson speaks for is a body unless a person is named
        person = given_name_gender(index.full_name(name)) is not None  # "Clinton" -> "Hillary Clinton"; not "Twitter"
        own = body_by_last_word(name)  # "the Metropolitan Police": a body by its own word
        kind = own or (SourceKind.person if person else SourceKind.organization)
    if kind == SourceKind.person and len(name.split()) <= 2:  # "Barzani", "Trump Jr.", "Wasserman Schultz"
        gender, said = honorific(text), titles(text)
        full = index.full_name(name, gender, said)
        alone = full == name and len(name.split()) == 1 and gender is None and not said
        body = index.body_named(name) if alone else None
        if body is not None:  # "Fujitsu said", after "Fujitsu Ltd."
            return Resolved(body.canonical, body.kind, description=description)
        name = full
    return Resolved(name, kind, description=description)


def _known_with_words_before(index: DocumentIndex, tokens: list[Token], name: list[Token]) -> cues.KnownSource | None:
    """A known source whose name ends with ``name`` and starts with capitalised words the tagger left out
    of the run ("a count by The Associated Press": "Associated" tagged a participle)."""
    at = tokens.index(name[0]) if name and name[0] in tokens else 0
    for start in range(at - 1, max(-1, at - 3), -1):
        if not tokens[start].text[:1].isupper():
            return None
        if (k := known(index.slice(tokens[start : at + len(name)]))) is not None:
            return k
    return None


def resolve_sources(document: Document, parsed: ParsedDocument, frames: list[Frame]) -> list[Frame]:
    """Frames with every source's ``canonical`` and ``kind``; a coordinated source ("Bolton and Gorka
    said") split into its speakers (``coordination``), the first the ``source``, the others ``co_sources``."""
    index = DocumentIndex(document, parsed)
    people = People(index)
    resolved: list[Seen] = []
    out: list[Frame] = []
    for frame in frames:
        if frame.source is None:
            out.append(frame)
            continue
        named = them(frame.source, out[-1] if out else None)
        people.said = (frame.content.start, frame.content.end) if frame.content.text[:1] in _QUOTE_OPENERS else None
        if not named:
            parts = conjuncts(index, frame.source.start, frame.source.end)
            mentions = [part(frame.source, index.text, s, e) for s, e in parts] or [frame.source]
            # only the first speaker of a list is one "he" or "she" may go back to, as before it was split
            named = [_mention(index, people, m, resolved if i == 0 else []) for i, m in enumerate(mentions)]
            named = [m for i, m in enumerate(named) if all(m.canonical != n.canonical for n in named[:i])]
        out.append(frame.model_copy(update={"source": named[0], "co_sources": named[1:]}))
    return _inherit_channels(out)


def _mention(index: DocumentIndex, people: People, source: SourceMention, resolved: list[Seen]) -> SourceMention:
    """``source`` with its canonical name, kind, description and affiliation (its name into ``resolved``)."""
    r = _resolve(index, people, source, resolved)
    too_long = len(r.name.split()) > cues.MAX_NAME_WORDS and known(r.name) is None  # a name is never this long
    if r.unresolved is None and (too_long or set(norm(r.name).split()) <= cues.TIME_WORDS):  # nor "Tuesday"
        r = Resolved(r.name, SourceKind.unknown, unresolved=Unresolved.clause)
    if r.unresolved is None:
        resolved.append((source.start, r.name, r.kind, source.end))
    update = {
        "canonical": r.name,
        "kind": r.kind,
        "description": r.description,
        "affiliation": r.affiliation,
        "unresolved": r.unresolved,
    }
    return source.model_copy(update=update)


CHANNEL_REACH = 400  # characters after a frame within which the same speaker keeps its channel


def _inherit_channels(frames: list[Frame]) -> list[Frame]:
    """A speaker who goes on talking keeps the channel ("In an interview with Sky News Arabic, Barzani said
    ... . '...,' Barzani said at that time."): from the frame right before, same source, only."""
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
