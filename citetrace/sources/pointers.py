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
    name_run,
    org_form_kind,
    without_possessive,
)
from citetrace.sources.name_index import DocumentIndex
from citetrace.sources.naming import norm
from citetrace.sources.salience import People

Seen = tuple[int, str, SourceKind, int]  # a resolved source: (start, canonical name, kind, end)
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
    or body. Any other pronoun ("one", "that"), or one with no antecedent, names no source."""
    lowered = norm(without_possessive(text))  # "He’s" (the tokenizer keeps a curly clitic on the pronoun)
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
        and (gender is None or index.gender.get(r[1], gender) == gender)
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
