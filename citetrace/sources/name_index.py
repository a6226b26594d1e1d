"""The named mentions of one document, in text order, for ``sources.resolve_sources``: known aliases,
proper-noun runs with their kind and what their honorifics say, organization forms ("the Clinton
campaign") and definite descriptions ("the jihadi paper"), with the document's full names for a
surname ("Clinton" -> "Hillary Clinton")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from citetrace.models import Document, ParsedDocument, SourceKind, Token
from citetrace.sources.given_names import given_name_gender
from citetrace.sources.mentions import (
    WordClass,
    classes,
    described,
    honorific,
    name_run,
    namelike,
    org_form,
    org_form_kind,
    org_form_words,
    place_words,
    places,
    titles,
    without_possessive,
    words,
)
from citetrace.sources.name_kinds import (
    body_kind,
    capitalised_modifiers,
    kind_of_name,
    noun_kind,
    opens_quote,
    split_source_name,
    surname_and_suffix,
)
from citetrace.sources.naming import known, misspelt, norm


@dataclass(frozen=True)
class Mention:
    start: int
    canonical: str
    kind: SourceKind
    by_words: bool = False  # a body known only by its name's words ("Fujitsu Ltd."): no antecedent for a pronoun


@dataclass(frozen=True)
class NameRun:
    """A proper-noun run of the document as the index split it: its name, tokens, sentence, the words
    before it that describe it, and the gender its honorifics give (``sources.salience`` reads them)."""

    start: int
    name: str
    tokens: tuple[Token, ...]
    sentence: int
    description: tuple[Token, ...]
    gender: WordClass | None


@dataclass(frozen=True)
class Organization:
    """An organization named after the person it belongs to ("the Clinton campaign")."""

    start: int
    name: str
    kind: SourceKind
    person: str
    known_owner: bool  # the person is a known source ("Trump")


def _mistagged_names(sentences: list[list[Token]]) -> set[Token]:
    """Subjects the tagger took for common nouns that are names elsewhere in the document ("Sanders,
    who has represented Vermont ..., rallied" with "Sanders" a noun there and a proper noun elsewhere),
    where the word is never written in lower case."""
    proper = {t.text for s in sentences for t in s if t.upos == "PROPN"}
    lower = {t.text for s in sentences for t in s if t.text[:1].islower()}
    return {
        t
        for s in sentences
        for t in s
        if t.upos == "NOUN"
        and (t.deprel.startswith("nsubj") or t.deprel == "root")
        and t.text in proper
        and t.text.lower() not in lower
        and t.text[:1].isupper()
    }


class DocumentIndex:
    """Named mentions of a document in text order: known aliases and proper-noun runs with a kind."""

    def __init__(self, document: Document, parsed: ParsedDocument):
        self.text = document.text
        self.sentences = [s.tokens for s in parsed.sentences if s.tokens]
        self.tokens = [t for s in self.sentences for t in s]  # in text order, for ``tokens_in``
        self.starts = [t.start for t in self.tokens]
        self.body = len(document.headline) if document.headline and document.text.startswith(document.headline) else 0
        self.mentions: list[Mention] = []
        self.gender: dict[str, WordClass] = {}  # name -> what its honorifics or pronouns say ("Mr.", "she adds")
        self.titled: list[tuple[int, str, frozenset[str]]] = []  # (start, name, its titles): "Sen. Sanders"
        self._proper: dict[str, list[tuple[int, Token]]] | None = None
        self._full: dict[tuple[str, WordClass | None, frozenset[str]], str] = {}
        self.runs: list[NameRun] = []  # every proper-noun run, for pronouns (``salience``)
        proper = _mistagged_names(self.sentences)
        for number, tokens in enumerate(self.sentences):
            ws = words(tokens)
            i = 0
            while i < len(ws):
                if not any(t.upos == "PROPN" or t in proper for t in ws[i]):
                    i += 1
                    continue
                j = i
                while j + 1 < len(ws) and namelike(ws[j + 1]):
                    j += 1
                description, run = split_source_name([t for w in ws[i : j + 1] for t in w])
                name = self.slice(run)
                at = tokens.index(ws[i][0])
                before_run = [t.text for t in tokens[max(0, at - 2) : at]]
                if at == 0 and number > 0 and classes(self.sentences[number - 1][-1].text) & {WordClass.title_word}:
                    before_run = [self.sentences[number - 1][-1].text]  # "... the real test for Sen." "Bernie Sanders."
                said = " ".join(t.text for t in description)
                gender = honorific(" ".join([*before_run, said]))  # "the first lady, Michelle Obama"
                if gender is not None:
                    self.gender.setdefault(name, gender)
                # the title right before the name counts: "Vermont senator Bernie Sanders", not "senator from [Texas]"
                said = " ".join([*before_run[-1:], said])
                if titles(said):
                    after = re.match(r",\s*\(?[RDI]-[\w.]+", self.text[run[-1].end : run[-1].end + 24])
                    home = places(after.group()) if after else frozenset()  # "Sen. Joni Ernst, R-Iowa"
                    self.titled.append((run[0].start, name, described(said) | home))
                k, before = known(name), ws[i - 1][-1] if i > 0 else None
                self.runs.append(NameRun(run[0].start, name, tuple(run), number, tuple(description), gender))
                if k is not None:
                    self.mentions.append(Mention(run[0].start, k.canonical, k.kind))
                elif before is not None and before.upos == "NOUN" and (before_kind := noun_kind(before)) is not None:
                    self.mentions.append(Mention(run[0].start, name, before_kind))
                elif (named_kind := body_kind(name, last=True)) is not None:  # "Fujitsu Ltd.", "the Finance Ministry"
                    whole = capitalised_modifiers(tokens, run) + run
                    if len(whole) > 1:  # not a bare "Committee", "Office"
                        self.mentions.append(Mention(whole[0].start, self.slice(whole), named_kind, by_words=True))
                elif len(run) == 1 and (body := self.body_named(name)) is not None:  # "Fujitsu", after "Fujitsu Ltd."
                    self.mentions.append(Mention(run[0].start, body.canonical, body.kind, by_words=True))
                else:  # an alias inside a longer run: "the weekly ISIS newspaper"
                    for w in ws[i : j + 1]:
                        kw = known(self.slice(w))
                        if kw is not None:
                            self.mentions.append(Mention(w[0].start, kw.canonical, kw.kind))
                i = j + 1
        self._org_forms()
        self._descriptions()
        self.mentions.sort(key=lambda m: m.start)

    def _org_forms(self) -> None:
        """ "the Clinton campaign" as a mention of the organization, so that a later "the campaign" finds it."""
        forms = org_form_words()
        for tokens in self.sentences:
            for t in tokens:
                found = self.organization(tokens, t) if t.text.lower() in forms else None
                # only an unknown person's: with "the Trump campaign" among them, "the campaign" and "it"
                # found it 2 times right and 3 times wrong in 6 PolNeAR dev chains
                if found is not None and not found.known_owner:
                    self.mentions.append(Mention(found.start, found.name, found.kind))

    def organization(self, tokens: list[Token], head: Token) -> Organization | None:
        """The organization form ``head`` makes of a named person ("the Clinton campaign" -> *Hillary Clinton
        campaign*; "Trump administration" kept), none for a known group's ("the ISIS team" is ISIS's)."""
        found = org_form(tokens, head)
        if found is None:
            return None
        owner_tokens, form = found
        owner = without_possessive(self.slice(split_source_name(owner_tokens)[1]))
        k = known(owner)
        if k is not None and k.kind != SourceKind.person:
            return None
        person = k.canonical if k is not None else self.full_name(owner) if len(owner.split()) == 1 else owner
        whole = known(f"{owner} {form}")
        if whole is not None:
            return Organization(owner_tokens[0].start, whole.canonical, whole.kind, person, k is not None)
        return Organization(owner_tokens[0].start, f"{person} {form}", org_form_kind(form), person, k is not None)

    def _descriptions(self) -> None:
        """Definite descriptions ("the jihadi paper") as mentions of the nearest earlier name of their kind."""
        named = sorted(self.mentions, key=lambda m: m.start)
        for tokens in self.sentences:
            for t in tokens:
                kind = noun_kind(t)
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
                    self.mentions.append(Mention(t.start, before[-1].canonical, kind))

    def slice(self, tokens: list[Token]) -> str:
        return self.text[tokens[0].start : tokens[-1].end] if tokens else ""

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens within [start, end), by bisection over the document's tokens in order."""
        i = bisect_left(self.starts, start)
        return [t for t in self.tokens[i : bisect_left(self.starts, end, i)] if t.end <= end]

    def apposed(self, start: int) -> NameRun | None:
        """The name right before ``start`` and a comma, to which a description there stands in
        apposition ("Lloyd Grove, the Daily Beast editor who wrote ...", "Mr. Rubio, the Florida senator,")."""
        run = next((r for r in reversed(self.runs) if r.tokens[-1].end <= start), None)
        if run is None or self.text[run.tokens[-1].end : start].strip() != ",":
            return None
        return run

    def full_name(
        self,
        surname: str,
        gender: WordClass | None = None,
        said: frozenset[str] = frozenset(),
    ) -> str:
        """The full name in the document that ends with ``surname`` ("Clinton" -> "Hillary Clinton").
        Names with one first word are one person, who goes by the longest of them; where the document
        names two people so ("Ted Cruz", "Heidi Cruz"), the one it names first, its subject, is meant. A
        person whose honorifics (``gender``) or titles (``said``) the document gives otherwise is not
        meant: "Mr. Obama", "President Obama" are not "the first lady, Michelle Obama"."""
        key = (surname, gender, said)
        if key not in self._full:
            self._full[key] = self._full_name(surname, gender, said)
        return self._full[key]

    def _full_name(self, surname: str, gender: WordClass | None, said: frozenset[str]) -> str:
        people: dict[str, list[tuple[int, str]]] = {}
        one_word = len(surname.split()) == 1  # else a surname and its suffix: "Trump Jr."
        for si, t in self._proper_nouns().get(norm(surname.split()[0].split("-")[-1]), []):
            run = name_run(self.sentences[si], t)
            if not run:
                continue
            bare = split_source_name(run[: run.index(t) + 1] if one_word else run)[1]
            if not one_word and not surname_and_suffix(surname) and bare and opens_quote(self.sentences[si], bare[0]):
                continue  # "[Imagine] Brad Thor going up against ...": a capitalised first word is no given name
            name = re.split(r"['\u2019]s ", self.slice(bare))[-1]  # "Colorado's Kendal Unruh" -> "Kendal Unruh"
            if any(w.endswith(".") and len(w) > 3 for w in name.split()[:-1]):
                continue  # "Information Act. Judicial Watch": a sentence end the splitter missed, not a name
            n = len(name.split())
            if norm(name).endswith(norm(surname)) and len(surname.split()) < n <= 4:
                people.setdefault(norm(name).split()[0], []).append((t.start, name))
        if gender is not None:
            people = {
                first: ms for first, ms in people.items() if all((self.gender_of(n) or gender) == gender for _, n in ms)
            }
        if said:
            people = {
                first: ms for first, ms in people.items() if not (own := self.said_of({n for _, n in ms})) or own & said
            }
        if not people:
            if not one_word:
                return surname
            given = self._given_name(surname)
            return given if given != surname else self._misspelt(surname)
        if len(people) > 1:  # the one the document names first, its subject ("Ted Cruz", then "Heidi Cruz")
            in_body = {k: ms for k, ms in people.items() if any(start >= self.body for start, _ in ms)}
            people = in_body or people  # a title-case headline may name no one ("Gold Star Mom Corners Obama")
            first = min(people, key=lambda k: min(start for start, _ in people[k] if start >= self.body or not in_body))
            people = {first: people[first]}
        (mentions,) = people.values()
        return max((name for _, name in mentions), key=lambda n: (len(n.split()), n))

    @cached_property
    def _people_in_full(self) -> frozenset[str]:
        """The names of two or three words the document gives people (its runs are all read by now)."""
        return frozenset(run.name for run in self.runs if len(run.name.split()) in (2, 3) and person_run(run))

    def _given_name(self, name: str) -> str:
        """The one person the document names in full with ``name`` as given name ("Hillary" -> "Hillary
        Clinton"), else ``name``."""
        full = {n for n in self._people_in_full if norm(n.split()[0]) == norm(name)}
        return full.pop() if len(full) == 1 else name

    def _misspelt(self, surname: str) -> str:
        """The one person the document names in full whose surname ``surname`` misspells by one letter
        ("Sharption" -> "Al Sharpton"; ``naming.misspelt``), else ``surname``."""
        return misspelt(surname, self._people_in_full) or surname

    def leading_name(self, tokens: list[Token]) -> list[Token]:
        """A name the tagger took for a common noun at the head of an apposition: "[Sanders], a senator
        from the state of Vermont" when the document has "Sanders" as a proper noun elsewhere."""
        lead = []
        for t in tokens:
            if t.text == ",":
                break
            if not t.text[:1].isupper() or t.upos not in ("NOUN", "PROPN"):
                return []
            lead.append(t)
        rest = tokens[len(lead) + 1 :]
        if not lead or not rest or rest[0].upos != "DET" or len(lead) > 3:
            return []
        return lead if norm(lead[-1].text) in self._proper_nouns() else []

    def _proper_nouns(self) -> dict[str, list[tuple[int, Token]]]:
        """Proper nouns by their normal form, with their sentence, built on the first call."""
        if self._proper is None:
            self._proper = {}
            for si, tokens in enumerate(self.sentences):
                for t in tokens:
                    if t.upos == "PROPN":
                        self._proper.setdefault(norm(t.text), []).append((si, t))
        return self._proper

    @cached_property
    def honorifics(self) -> dict[str, WordClass]:
        """Name -> what its honorifics say ("Mr.", "his wife"), as written."""
        out: dict[str, WordClass] = {}
        for run in self.runs:
            if run.gender is not None:
                out.setdefault(run.name, run.gender)
        return out

    def gender_of(self, name: str) -> WordClass | None:
        """The person's gender: what an honorific says ("Mr. Graham"), else the given name (``given_names``:
        "Lindsey Graham" aside, surer than the pronouns guessed to be the person's), else those pronouns."""
        return self.honorifics.get(name) or given_name_gender(name) or self.gender.get(name)

    def said_of(self, names: set[str]) -> frozenset[str]:
        """Every title, role, party and place the document gives these names ("Sen. Sanders (I-Vt.)")."""
        return frozenset().union(*(said for _, name, said in self.titled if name in names))

    def last_titled(
        self, position: int, title: str, party: frozenset[str] = frozenset(), where: frozenset[str] = frozenset()
    ) -> str | None:
        """The person named last before ``position`` with this title (and party, if one is given; not
        from another place, if one is given): "the senator" -> "Sen. Sanders"; "the Democratic nominee"
        is not "Republican nominee Donald Trump", "the Florida senator" not "Sen. Joni Ernst, R-Iowa"."""
        before = [
            (start, name)
            for start, name, said in self.titled
            if start < position
            and title in said
            and party <= said
            and (not where or not (home := said & place_words()) or bool(where & home))
        ]
        if not before:
            return None
        start, name = max(before)
        if len(name.split()) > 1:
            return name
        return self.full_name(name, self.gender_of(name), self.said_of({name}))

    def body_named(self, word: str) -> Mention | None:
        """The body the document names in full whose name starts with ``word``: "Fujitsu" -> "Fujitsu Ltd."."""
        return next(
            (
                m
                for m in self.mentions
                if m.kind is not SourceKind.person
                and len(m.canonical.split()) > 1
                and norm(m.canonical.split()[0]) == norm(word)
                and all(body_kind(w) is not None and norm(w) not in org_form_words() for w in m.canonical.split()[1:])
            ),
            None,
        )

    def nearest(
        self,
        position: int,
        kinds: set[SourceKind],
        gender: WordClass | None = None,
        by_words: bool = True,
        named: str | None = None,
        after: bool = True,
        unless: frozenset[str] = frozenset(),
    ) -> Mention | None:
        """The mention of one of ``kinds`` nearest before ``position`` (else the first after it);
        ``by_words``: bodies known only by their name's words count; ``named``: only a name with this word;
        ``after``: a name after ``position`` may do when none comes before; ``unless``: names that will not do."""
        fits = [
            m
            for m in self.mentions
            if m.kind in kinds
            and m.canonical not in unless
            and (gender is None or (self.gender_of(m.canonical) or gender) == gender)
            and (by_words or not m.by_words)
            and (named is None or named in norm(m.canonical).split())
        ]
        before = [m for m in fits if m.start < position]
        if before:
            return before[-1]
        later = [m for m in fits if m.start > position] if after else []
        return later[0] if later else None


def person_run(run: NameRun) -> bool:
    return kind_of_name(run.name, list(run.tokens), run.tokens[-1]) is SourceKind.person
