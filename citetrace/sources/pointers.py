"""Words that point at a source instead of naming it: he/she/it/they (``pronoun``), "his campaign"
(``pronoun_form``), and the relative pronoun's noun phrase (``antecedent``); used by ``resolve``."""

from __future__ import annotations

from dataclasses import dataclass

from citetrace.attribution import cues
from citetrace.models import SourceKind, SourceMention, Token, Unresolved
from citetrace.sources.mentions import (
    ORG_FORM_NAMES,
    PRONOUN_GENDER,
    WordClass,
    classes,
    is_title,
    name_run,
    org_form_kind,
    parties,
    party_words,
    place_words,
    places,
    plural_noun,
    title_of,
    without_possessive,
)
from citetrace.sources.name_index import DocumentIndex, NameRun, person_run
from citetrace.sources.naming import norm
from citetrace.sources.salience import People

Seen = tuple[int, str, SourceKind, int]  # a resolved source: (start, canonical name, kind, end)
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PHRASE_DEPS = frozenset({"amod", "compound", "nmod:poss", "nummod", "flat"})


@dataclass(frozen=True)
class Resolved:
    name: str
    kind: SourceKind
    description: str | None = None
    affiliation: str | None = None
    unresolved: Unresolved | None = None


def pronoun(index: DocumentIndex, people: People, source: SourceMention, text: str, resolved: list[Seen]) -> Resolved:
    """he/she: the last person; it: the last publication, outlet or organization; they: the last group
    or body; I/we in the article's own voice: its writer ("As we have explained before", no cited
    source). Any other pronoun ("one", "that"), or one with no antecedent, names no source."""
    lowered = norm(without_possessive(text))  # "He’s" (the tokenizer keeps a curly clitic on the pronoun)
    if lowered in cues.FIRST_PERSON and people.in_own_voice(source.start):
        return Resolved(text, SourceKind.unknown, unresolved=Unresolved.writer)
    wanted = (
        {SourceKind.person}
        if lowered in cues.PERSON_PRONOUNS
        else {SourceKind.publication, SourceKind.outlet, SourceKind.organization}
        if lowered in cues.THING_PRONOUNS
        else {SourceKind.organization, SourceKind.government, SourceKind.anonymous}
        if lowered in cues.GROUP_PRONOUNS
        else set()
    )
    gender = PRONOUN_GENDER.get(lowered)
    if gender is not None:  # he, she: the person the sentences before are about
        person = people.salient(source.start, gender, [(r[0], r[3]) for r in resolved])
        if person is not None:
            index.gender.setdefault(person, gender)  # later pronouns agree with this one
            return Resolved(person, SourceKind.person)
    earlier = [
        r
        for r in resolved
        if r[0] < source.start
        and r[2] in wanted
        and (gender is None or (index.gender_of(r[1]) or gender) == gender)
        and (r[2] is not SourceKind.anonymous or _plural(r[1]))
    ]
    mention = index.nearest(source.start, wanted, gender, by_words=False) if wanted else None
    candidates = [(r[0], r[1], r[2]) for r in earlier]
    if mention is not None and mention.start < source.start:
        candidates.append((mention.start, mention.canonical, mention.kind))
    if candidates:
        _, name, kind = max(candidates)
        return Resolved(name, kind)
    if mention is not None:
        return Resolved(mention.canonical, mention.kind)
    return Resolved(text, SourceKind.unknown, unresolved=Unresolved.pronoun)


# Roles held for someone else, or shared by many: "the spokesman" or "the lawyer" is seldom the person
# the sentences before are about, but someone working for them.
RELATIONAL = frozenset(
    "spokesman spokeswoman spokesperson aide adviser advisor surrogate lawyer attorney official officer member "
    "supporter critic donor analyst expert doctor physician opponent rival challenger mate operative fundraiser "
    "reporter correspondent interviewer moderator editor host anchor".split()
)
EPITHET_SUFFIXES = ("ist", "man", "woman")  # "the socialist", "the radioman", "the congresswoman"
# what makes a description say whose or which it is: "the head of ...", "the man who ..."
NOT_EPITHET = frozenset({"nmod", "nmod:poss", "acl", "acl:relcl", "appos", "nummod"})


def definite(tokens: list[Token], head: Token) -> bool:
    """Whether a definite determiner hangs from ``head`` ("the senator", "that company")."""
    return any(t.head == head.id and t.deprel == "det" and norm(t.text) in DEFINITE for t in tokens)


def described_person(
    index: DocumentIndex, people: People, source: SourceMention, tokens: list[Token], head: Token, resolved: list[Seen]
) -> Resolved | None:
    """The person a description without a name stands for: the name it is apposed to ("Harry Reid, the
    Senate Democratic leader"; between commas, whatever the tree: "Betty Friedan, the author, said"),
    the person last titled so ("the Vermont senator" after "Sen. Sanders": ``last_titled``), or the
    one it describes (``epithet``). None: the description is no person the document names."""
    text = index.slice(tokens)
    run = index.apposed(source.start) if norm(tokens[0].text) == "the" else None
    closed = index.text[source.end :].startswith(",") and not cues.QUOTE_MARKS & set(text)
    if run is not None and (apposition(run, head) or closed) and person_run(run):
        name = index.full_name(run.name) if len(run.name.split()) == 1 else run.name
        return Resolved(name, SourceKind.person, description=index.slice(tokens[1:]) or None)
    if definite(tokens, head) and is_title(head.text):
        named = index.last_titled(source.start, title_of(head.lemma), parties(text), places(text))
        if named is not None:
            return Resolved(named, SourceKind.person, description=index.slice(tokens[1:]) or None)
    return epithet(index, people, source, tokens, head, resolved)


def epithet(
    index: DocumentIndex, people: People, source: SourceMention, tokens: list[Token], head: Token, resolved: list[Seen]
) -> Resolved | None:
    """ "The self-described democratic socialist said", "the New Jersey governor", "the radioman": a definite
    description of one person, with no name of its own (and none titled so before it: ``last_titled``),
    is the person last named as a subject (``People.last_subject``) where that is also the person the
    sentences before are about (``People.salient``; a name the document does not vouch for, only in the
    description's own sentence) and nothing the document says of the person conflicts (``_fits``).
    Not a role held for someone else (``RELATIONAL``), an anonymous noun, a plural, or a description
    that says whose or which it is."""
    word = norm(head.text)
    person_noun = is_title(word) or word.endswith(EPITHET_SUFFIXES) and len(word) > 5
    if (
        norm(tokens[0].text) != "the"
        or head.upos != "NOUN"
        or not person_noun
        or plural_noun(head)
        or word in RELATIONAL
        or word in cues.ANONYMOUS_NOUNS
        or any(t.head == head.id and t.deprel in NOT_EPITHET for t in tokens)
    ):
        return None
    gender = WordClass.honorific_female if word.endswith(("woman", "lady")) else None  # "chairwoman", "first lady"
    gender = WordClass.honorific_male if gender is None and word.endswith("man") else gender
    last = people.last_subject(source.start)
    if last is None:
        return None
    person, vouched = last
    if vouched and person != people.salient(source.start, gender, [(r[0], r[3]) for r in resolved]):
        return None
    if not _fits(index, person, index.slice(tokens), head, gender):
        return None
    return Resolved(person, SourceKind.person, description=index.slice(tokens[1:]) or None)


def _fits(index: DocumentIndex, person: str, text: str, head: Token, gender: WordClass | None) -> bool:
    """Whether what the document says of ``person`` allows the description: its party ("the Republican
    nominee" is not "Democrat Barack Obama"), its place ("the Florida senator" is not "Sen. Joni Ernst,
    R-Iowa"), its office ("the senator" is not "Gov. Christie"), its gender, and no one else the
    document describes so ("the nominee" where another is "Republican nominee Donald Trump")."""
    said = index.said_of({person, person.split()[-1]})
    role = title_of(head.lemma)
    if role not in said and any(role in other for _, name, other in index.titled if not person.endswith(name)):
        return False  # "the nominee", and the document calls someone else the nominee
    if (party := parties(text)) and (own := said & party_words()) and not party & own:
        return False
    if (where := places(text)) and (home := said & place_words()) and not where & home:
        return False
    if WordClass.title_word in classes(head.text):
        offices = {w for w in said if WordClass.title_word in classes(w) and not classes(w) & _HONORIFICS}
        if offices and role not in offices:
            return False
    if gender is WordClass.honorific_female:  # "the first lady": a woman the document says is one
        return index.gender_of(person) == gender
    return gender is None or (index.gender_of(person) or gender) == gender  # "-man" is said of women too


_HONORIFICS = frozenset({WordClass.honorific_male, WordClass.honorific_female})


def editorial_board(tokens: list[Token], head: Token) -> bool:
    """ "The editorial board writes": the paper named before it (``resolve``); by the words, not the
    tree, which may hang "the" and "editorial" elsewhere."""
    return head.lemma.lower() == "board" and any(
        t.lemma.lower() == "editorial" and t.start < head.start for t in tokens
    )


def pronoun_form(
    index: DocumentIndex, people: People, tokens: list[Token], head: Token, resolved: list[Seen]
) -> Resolved | None:
    """ "his campaign", "her aides": the organization form of the person the pronoun is."""
    form = norm(head.text)
    if WordClass.org_form not in classes(form) or head.upos != "NOUN":
        return None
    poss = next((t for t in tokens if t.head == head.id and t.deprel == "nmod:poss" and t.upos == "PRON"), None)
    if poss is None or norm(poss.text) not in ("his", "her"):
        return None
    mention = SourceMention(text=poss.text, start=poss.start, end=poss.end, canonical="", kind=SourceKind.unknown)
    owner = pronoun(index, people, mention, poss.text, resolved)
    if owner.unresolved is not None or owner.kind is not SourceKind.person:
        return None
    name = ORG_FORM_NAMES.get(form, form)
    if name not in ("campaign", "administration"):
        return None  # "his aides", "her allies": people, often unnamed, not a body of the person's
    return Resolved(f"{owner.name} {name}", org_form_kind(name), affiliation=owner.name)


def _plural(name: str) -> bool:
    """Whether an anonymous source is a group "they" may be: "some analysts", "people", not "an official"."""
    last = norm(name).split()[-1:] or [""]
    return last[0].endswith("s") or last[0] in ("people", "many", "others", "some")


def antecedent(index: DocumentIndex, pronoun: Token) -> SourceMention | None:
    """The noun phrase a relative pronoun stands for: "officials [who] spoke ..." -> "officials"."""
    sentence = next((s for s in index.sentences if s[0].start <= pronoun.start <= s[-1].end), [])
    by_id = {t.id: t for t in sentence}
    verb = by_id.get(pronoun.head)
    noun = by_id.get(verb.head) if verb is not None and verb.deprel.startswith("acl") else None
    if noun is None or noun.upos not in ("NOUN", "PROPN"):
        return None
    left = [k for k in sentence if k.head == noun.id and k.start < noun.start and k.deprel != "det"]
    start = min([noun.start, *(k.start for k in left if k.deprel in PHRASE_DEPS)])
    if noun.upos == "PROPN":
        run = name_run(sentence, noun)
        start = min(start, run[0].start)
        end = run[-1].end
    else:
        end = noun.end
    return SourceMention(text=index.text[start:end], start=start, end=end, canonical="", kind=SourceKind.unknown)


def apposition(run: NameRun, head: Token) -> bool:
    """Whether the tree makes a description an apposition to the name before it: ``appos`` of the name,
    or a second subject of the name's verb ("Lloyd Grove, the editor who ..., tweeted"), not a phrase
    before the subject ("On Tuesday, the company said")."""
    if head.deprel == "appos":
        return any(t.id == head.head for t in run.tokens)
    return head.deprel.startswith("nsubj") and any(
        t.deprel.startswith("nsubj") and t.head == head.head for t in run.tokens
    )
