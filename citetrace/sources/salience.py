"""Who a "he" or "she" is: the people a document names before it, ranked by salience.

A candidate is a proper-noun run that names a person (``names_person``): a known person, a name with an
honorific, a title or a role before it, or a name of two words or more that is no place, party, time
or organization and that the document makes the subject of a verb somewhere ("Tim Kaine visited",
not "Wall Street" or "the Super Bowl"; its surname alone as a subject vouches too: "Christie unleashed
..."), or a surname the document gives such a full name, also where the tagger did not take it for a
name as it opens a sentence ("Perez/ADJ talks about ..."). Each scores by how recent its sentence is
(its own sentence, then up to ``WINDOW`` before, each worth half the one after it), its role there
(the subject of the main clause most, any other subject less), whether it was the source of an
earlier frame (a "he said" most often goes on with the last speaker), less for a name inside a quote
(a speaker's words name people the speaker talks about). A candidate of the other gender (an
honorific; its given name, ``given_names``; a pronoun that follows it in its sentence: "Clinton adds
that she ...") is never chosen. The scores follow Lappin and Leass's salience factors (1994), cut to
the ones a dependency parse gives reliably.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from citetrace.attribution import cues
from citetrace.attribution.quotes import find_quotes
from citetrace.models import SourceKind, Token
from citetrace.sources.mentions import PRONOUN_GENDER, WordClass, classes, is_title, without_possessive
from citetrace.sources.name_index import DocumentIndex, NameRun
from citetrace.sources.name_kinds import kind_of_name
from citetrace.sources.naming import known, norm

WINDOW = 3  # sentences before a pronoun's own in which its person is looked for
RECENCY = 100  # a name in the pronoun's sentence; each sentence back halves it
MAIN_SUBJECT = 80  # the subject of the sentence's main verb
SUBJECT = 50  # the subject of another clause
SPEAKER = 20  # the source of an earlier frame: a pronoun that is a source is most often a speaker again
IN_QUOTE = -40  # a name inside a quote
# a speaker's label opening a line of a transcript: "Q:", "A:", "RAMOS:", "MR. TRUMP:"
_SPEAKER_LABEL = re.compile(r"^(Q|A|[A-Z][A-Z.'’ -]{1,30}):", re.MULTILINE)
NAME_PARTICLES = frozenset("de da del della der di du la le van von bin al el ibn".split())  # "Ludwig van Beethoven"


@dataclass(frozen=True)
class Person:
    start: int
    name: str
    sentence: int
    role: int  # MAIN_SUBJECT, SUBJECT or 0
    quoted: bool


def names_person(index: DocumentIndex, run: NameRun, vouched: frozenset[str]) -> bool:
    """Whether a proper-noun run names a person (module docstring); ``vouched``: the full names of two
    words or more the document makes the subject of a verb in its own words, and the names it gives a
    title ("Sen. Bernie Sanders")."""
    k = known(run.name)
    if k is not None:
        return k.kind is SourceKind.person
    if not _may_be_person(run):
        return False
    if run.gender is not None or any(is_title(t.text) for t in run.description):
        return True
    if not _plain_name(run):
        return False
    if len(run.name.split()) >= 2:  # "Tim Kaine" as a subject somewhere, not "Wall Street" or "Super Bowl"
        return run.name in vouched
    return index.full_name(run.name) in vouched or run.name in vouched  # a surname the document so vouches for


def _may_be_person(run: NameRun) -> bool:
    if re.search(r"\w['\u2019]s?\s+\S", run.name):
        return False  # "Mister Rogers' Neighborhood", "Trump's Tower": a person's thing
    tokens = list(run.tokens)
    return kind_of_name(run.name, tokens, tokens[-1]) is SourceKind.person


def _plain_name(run: NameRun) -> bool:
    """No place, party or time in it, not in capitals: "South Carolina Saturday", a dateline ("BUENA PARK")."""
    if any(classes(t.text) & {WordClass.place, WordClass.party} for t in run.tokens):
        return False
    return not (set(norm(run.name).split()) & cues.TIME_WORDS or run.name.isupper())


class People:
    """The people of one document (``DocumentIndex``), their genders and roles, computed once."""

    def __init__(self, index: DocumentIndex):
        self.index = index
        # the quote of the frame whose speaker is looked for: its speaker is not a person it names
        # ('"... those who supported Sen. Sanders," he said': not Sanders). Set by ``resolve_sources``.
        self.said: tuple[int, int] | None = None

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return find_quotes(self.index.text)

    @cached_property
    def transcript(self) -> bool:
        """Whether the text is an interview's transcript ("Q: ...", "A: ...", "RAMOS: ..."), where a first
        person outside quotes is whoever has the floor."""
        labels = _SPEAKER_LABEL.findall(self.index.text)
        return sum(1 for x in labels if x in ("Q", "A")) >= 2 or len(labels) >= 3

    def in_own_voice(self, position: int) -> bool:
        """Whether a word at ``position`` is the article's own ("As we have explained before"): outside
        quotes, in a text that is no transcript. A quote is open where its paragraph so far has more
        opening marks than closing ones, or an odd number of straight ones or of doubled apostrophes
        ("''I think I'll get there,'' Mr. Trump said"; a quote going on over paragraphs)."""
        if self.transcript or any(a <= position < b for a, b in self.quotes):
            return False
        before = self.index.text[self.index.text.rfind("\n", 0, position) + 1 : position]
        doubled = before.count("''")
        return before.count("\u201c") <= before.count("\u201d") and before.count('"') % 2 == 0 and doubled % 2 == 0

    @cached_property
    def _runs(self) -> tuple[list[int], list[bool], set[int]]:
        """Each name run's role in its sentence and whether it is inside a quote; the headings."""
        quotes = self.quotes
        roles = [_sentence_role(self.index.sentences[r.sentence], list(r.tokens)) for r in self.index.runs]
        quoted = [any(a <= r.start < b for a, b in quotes) for r in self.index.runs]
        headings = {i for i, sentence in enumerate(self.index.sentences) if _title_case(sentence)}
        return roles, quoted, headings

    @cached_property
    def subjects(self) -> list[NameRun]:
        """The names that are subjects in the article's own words: not in a quote, its headline or a heading."""
        roles, quoted, headings = self._runs
        return [
            r
            for r, role, in_quote in zip(self.index.runs, roles, quoted, strict=True)
            if role and r.start >= self.index.body and r.sentence not in headings and not in_quote
        ]

    @cached_property
    def vouched(self) -> frozenset[str]:
        """The full names the document vouches are people's: subjects (or their surnames are), or titled."""
        headings = self._runs[2]
        full = {r.name: r for r in self.index.runs if r.sentence not in headings and r.start >= self.index.body}
        subjects = {r.name for r in self.subjects if _full_name(r.name)}  # "Britain" as a subject vouches for no one
        for r in self.subjects:  # a surname as a subject ("Christie unleashed ...") vouches for its full name
            name = self.index.full_name(r.name) if len(r.tokens) == 1 else r.name
            whole = full.get(name)
            if whole is None or not _full_name(name) or norm(name.split()[-1]) != norm(r.name):
                continue  # not "Compaq Computer" for "Compaq": a body named after its first word
            if _clean_name(whole) and all(_may_be_person(x) and _plain_name(x) for x in (r, whole)):
                subjects.add(name)
        return frozenset(subjects) | {name for _, name, _ in self.index.titled}

    @cached_property
    def sure(self) -> frozenset[str]:
        """The vouched names the document writes cleanly (``_clean_name``)."""
        return frozenset(r.name for r in self.index.runs if r.name in self.vouched and _clean_name(r))

    @cached_property
    def people(self) -> list[Person]:
        roles, quoted, headings = self._runs
        out = []
        said: dict[str, Counter[WordClass]] = {}  # name -> the pronouns that follow it as a subject
        for run, role, in_quote in zip(self.index.runs, roles, quoted, strict=True):
            if run.sentence in headings or not names_person(self.index, run, self.vouched):
                continue
            sentence = self.index.sentences[run.sentence]
            out.append(Person(run.start, without_possessive(run.name), run.sentence, role, in_quote))
            if role and (gender := _pronoun_after(sentence, run)) is not None:
                said.setdefault(self._full(run.name, None), Counter())[gender] += 1
        out += self._untagged_surnames({p.start for p in out})
        for name, counts in said.items():  # "Clinton adds that she ...": mostly, not once
            (gender, n), *rest = counts.most_common()
            if n > 2 * sum(m for _, m in rest):
                self.index.gender.setdefault(name, gender)
        return out

    def _untagged_surnames(self, named: set[int]) -> list[Person]:
        """Sentences opened by the surname of a person the document names in full, which the tagger did
        not take for a name ("Perez/ADJ talks/NOUN about growing up in Buffalo"): that person, as the
        sentence's subject."""
        surnames = {n.split()[-1]: n for n in self.sure if len(n.split()) >= 2 and _full_name(n)}
        out = []
        for i, sentence in enumerate(self.index.sentences):
            first = next((t for t in sentence if t.upos != "PUNCT"), None)
            if first is None or first.upos == "PROPN" or first.start in named or first.text not in surnames:
                continue
            after = sentence[sentence.index(first) + 1 : sentence.index(first) + 3]
            if i in self._runs[2] or first.start < self.index.body or any(t.upos == "PROPN" for t in after):
                continue  # a heading, the headline, or a modifier: "McConnell spokesman Don Stewart"
            out.append(Person(first.start, surnames[first.text], i, MAIN_SUBJECT, False))
        return out

    def _sentence_at(self, position: int) -> int | None:
        return next((i for i, s in enumerate(self.index.sentences) if s[0].start <= position <= s[-1].end), None)

    def last_subject(self, position: int) -> tuple[str, bool] | None:
        """The last named subject before ``position`` in the article's own words, at most ``WINDOW``
        sentences back, and whether the document vouches that it is a person. A name it does not vouch
        for counts only in the same sentence and if it could be a person's ("Netanyahu congratulated
        ..., which the Zionist dictator said": the description says that it is one)."""
        here = self._sentence_at(position)
        last = max((r for r in self.subjects if r.start < position), key=lambda r: r.start, default=None)
        if here is None or last is None or here - last.sentence > WINDOW:
            return None
        people = {p.start: p for p in self.people}
        if last.start in people:
            return self._full(people[last.start].name, None), True
        if last.sentence == here and _clean_name(last) and _may_be_person(last) and _plain_name(last):
            return self._full(without_possessive(last.name), None), False
        return None

    def _full(self, name: str, gender: WordClass | None) -> str:
        return self.index.full_name(name, gender) if len(name.split()) == 1 else name

    def salient(self, position: int, gender: WordClass | None, speakers: list[tuple[int, int]]) -> str | None:
        """The most salient person before ``position`` that agrees with ``gender`` (module docstring);
        ``speakers``: the spans of earlier frames' sources."""
        here = self._sentence_at(position)
        if here is None:
            return None
        best: tuple[float, int, str] | None = None
        for p in self.people:
            back = here - p.sentence
            if not 0 <= back <= WINDOW or p.start >= position or self.said and self.said[0] <= p.start < self.said[1]:
                continue
            name = self._full(p.name, gender)
            if gender is not None and (self.index.gender_of(name) or gender) != gender:
                continue
            if (
                gender is not None
                and self._full(p.name, None) != name
                and (len(name.split()) == 1 or name not in self.sure)
            ):
                continue  # the document's full name for it is someone of the other gender, and no other is sure
            spoke = any(a <= p.start < b for a, b in speakers)
            score = RECENCY / 2**back + p.role + (SPEAKER if spoke else 0) + (IN_QUOTE if p.quoted else 0)
            if best is None or (score, -p.start) > best[:2]:  # of equals, the first named
                best = (score, -p.start, name)
        return best[2] if best else None


def _full_name(name: str) -> bool:
    """Two words or more, each capitalised or a particle, no digit, no possessive: "Tim Kaine", not
    "Jeb chose Denver" or "Carolina’s HB2"."""
    parts = name.split()
    if any(any(c.isdigit() for c in w) or w.endswith(("’s", "'s")) for w in parts):
        return False  # "Carolina’s HB2"
    return len(parts) >= 2 and all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in parts)


def _clean_name(run: NameRun) -> bool:
    """Proper nouns only, no abbreviation or compound before the last: not "Shaw & Co. Obama" or
    "Angeles-area Sanders", runs that took in a word before the name."""
    words = run.name.split()
    return all(t.upos == "PROPN" and t.text[:1].isupper() for t in run.tokens) and not any(
        w.endswith(".") or "-" in w for w in words[:-1]
    )


def _title_case(sentence: list[Token]) -> bool:
    """A heading written in title case ("Jeb Chose Denver", "Obama Urges Britain to Stay"): its
    capitals say nothing about names."""
    words = [t.text for t in sentence if t.text[:1].isalpha()]
    return len(words) >= 5 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _pronoun_after(sentence: list[Token], run: NameRun) -> WordClass | None:
    """The gender of the first "he" or "she" after the run in its sentence, where no other name comes
    between ("Clinton adds that she ...")."""
    for t in sentence:
        if t.start <= run.tokens[-1].end:
            continue
        if t.upos == "PROPN":
            return None
        if (gender := PRONOUN_GENDER.get(t.text.lower())) is not None:
            return gender
    return None


def _sentence_role(sentence: list[Token], run: list[Token]) -> int:
    """The run's role in its sentence, through a title it names ("spokesman Josh Earnest", "Another
    pollster, David Woodard, said"): MAIN_SUBJECT, SUBJECT or 0."""
    by_id = {t.id: t for t in sentence}
    for t in run:
        k, steps = t, 0
        while k.deprel.split(":")[0] in ("flat", "compound", "appos") and k.head in by_id and steps < 3:
            k, steps = by_id[k.head], steps + 1
        if k.deprel.startswith("nsubj"):
            head = by_id.get(k.head)
            return MAIN_SUBJECT if head is not None and head.deprel == "root" else SUBJECT
    return MAIN_SUBJECT if _opens(sentence, run) else 0


def _opens(sentence: list[Token], run: list[Token]) -> bool:
    """Whether the run opens its sentence and a verb or a comma follows ("Trump, when asked ...,
    often steam-rolls"): its subject, whatever the parse made of it."""
    first = next((i for i, t in enumerate(sentence) if t.upos not in ("CCONJ", "ADV", "PUNCT")), None)
    if first is None or sentence[first].id != run[0].id:
        return False
    after = next((t for t in sentence if t.start >= run[-1].end), None)
    return after is not None and (after.text == "," or after.upos in ("VERB", "AUX"))
