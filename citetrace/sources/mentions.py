"""A source mention split into a name and a description, with the words that tell them apart as data
(``data/source_words.tsv``).

"Massachusetts Sen. Elizabeth Warren" is the name "Elizabeth Warren" described as "Massachusetts
Sen."; "Rival Hillary Clinton" is "Hillary Clinton" described as "Rival"; "the Clinton campaign" is an
organization affiliated with the person Clinton (``org_form``). ``split_name`` works on the tokens of a
proper-noun run, so that the parse's word classes help where the lists are silent ("Derelict Obama":
an adjective before a person's name is a description).
"""

from __future__ import annotations

import csv
import re
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from citetrace.attribution import cues
from citetrace.models import SourceKind, Token
from citetrace.sources.naming import known, norm


class WordClass(StrEnum):
    """What a word next to a name says about the named source."""

    article = "article"
    title_word = "title"  # before a name: "Sen.", "President", "Mr." (not `title`: str.title)
    role = "role"  # "nominee", "spokesman", "pollster"
    party = "party"
    place = "place"  # a state, a nationality, a chamber: "Massachusetts", "Iranian", "House"
    epithet = "epithet"  # "former", "Rival", "longtime"
    honorific_male = "honorific_male"
    honorific_female = "honorific_female"
    suffix = "suffix"  # "Jr.": part of the name, never a title's object
    org_form = "org_form"  # the body around a person: "campaign", "administration", "aides"


_LEADING = frozenset(
    {WordClass.article, WordClass.title_word, WordClass.role, WordClass.party, WordClass.place, WordClass.epithet}
)
_EPITHETS = frozenset({WordClass.article, WordClass.party, WordClass.place, WordClass.epithet})
# The name an organization form takes: "the Clinton camp" and "Clinton's team" are "Hillary Clinton campaign".
ORG_FORM_NAMES = {"camp": "campaign", "team": "campaign", "staff": "aides", "advisers": "aides", "surrogates": "allies"}
_NON_RESTRICTIVE = frozenset({"who", "which", "whose", "whom"})  # ", who ...": a relative clause set off


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[WordClass]], dict[str, str]]:
    """``data/source_words.tsv``: normalised word -> its classes, and abbreviated titles -> the word."""
    table = resources.files("citetrace").joinpath("data/source_words.tsv")
    out: dict[str, set[WordClass]] = {}
    means: dict[str, str] = {}
    with table.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            out.setdefault(row["word"], set()).add(WordClass(row["class"]))
            if row.get("means"):
                means[row["word"]] = row["means"]
    return {w: frozenset(c) for w, c in out.items()}, means


def word_classes() -> dict[str, frozenset[WordClass]]:
    return _table()[0]


_THEN = ("then ", "ex ", "former ")  # "then-Secretary Clinton" (normalised "then secretary"): the title, an epithet


@lru_cache(maxsize=1 << 16)  # asked of the same words again and again (32,000 times in 40 articles)
def classes(word: str) -> frozenset[WordClass]:
    w = norm(word)
    found = word_classes().get(w)
    if found is None:
        for prefix in _THEN:
            if w.startswith(prefix) and (rest := word_classes().get(w[len(prefix) :])):
                return rest | {WordClass.epithet}
        return frozenset()
    return found


def title_of(word: str) -> str:
    """A title in full: "Sen." -> "senator", "senator" -> "senator"."""
    w = norm(word)
    return _table()[1].get(w, w)


def words(tokens: list[Token]) -> list[list[Token]]:
    """Group tokens written without space between them ("Al", "-", "Naba") into words."""
    out: list[list[Token]] = []
    for t in tokens:
        if (
            out
            and t.start == out[-1][-1].end
            and (t.text[:1].isalnum() or t.text in "-'\u2019")
            and (out[-1][-1].text[-1:].isalnum() or out[-1][-1].text in "-'\u2019")
        ):
            out[-1].append(t)
        else:
            out.append([t])
    return out


def word_text(word: list[Token]) -> str:
    return "".join(t.text for t in word)


def namelike(word: list[Token]) -> bool:
    first = word[0].text
    return any(t.upos == "PROPN" for t in word) or (
        first[:1].isupper() and word[0].upos in ("ADJ", "NOUN", "PROPN", "NUM")
    )


def name_run(tokens: list[Token], head: Token) -> list[Token]:
    """The run of proper-noun words (hyphenated words kept whole) around ``head``."""
    ws = words(tokens)
    idx = next(i for i, w in enumerate(ws) if head in w)
    if not namelike(ws[idx]):
        return []
    lo = hi = idx
    while lo > 0 and (namelike(ws[lo - 1]) or _joins(ws, lo - 1)):
        lo -= 1
    while hi < len(ws) - 1 and (namelike(ws[hi + 1]) or _joins(ws, hi + 1)):
        hi += 1
    return [t for w in ws[lo : hi + 1] for t in w]


# Words that join a body's word to the rest of its name: "Department [of] Health", "Roper Center [for]
# Public Opinion Research", "Centers [for] Disease Control", "Council [on] Foreign Relations" ("on"
# after a council's words only: "the Pentagon on Monday" is no name)
_BODY_JOINS = {"of": cues.BODY_WORDS, "for": cues.BODY_WORDS, "on": frozenset({"council", "committee", "commission"})}


def _joins(ws: list[list[Token]], i: int) -> bool:
    """Whether the word at ``i`` joins two parts of one name: "Department [of] Health", "Chamber [of]
    Commerce", "Center [for] ..." (after a body's word only: not "Ted Cruz of Texas"), "Standard [&] Poor's"."""
    if not 0 < i < len(ws) - 1 or not namelike(ws[i - 1]) or not namelike(ws[i + 1]):
        return False
    word = word_text(ws[i])
    if word == "&":
        return True
    if norm(word_text(ws[i + 1])) in cues.TIME_WORDS:  # "the City Council on Wednesday"
        return False
    body = norm(word_text(ws[i - 1]))
    bodies = _BODY_JOINS.get(word, frozenset())
    return body in bodies or body.endswith("s") and body[:-1] in bodies


def _flat(ws: list[list[Token]]) -> list[Token]:
    return [t for w in ws for t in w]


def _proper(word: list[Token]) -> bool:
    return any(t.upos == "PROPN" for t in word) and not classes(word_text(word)) & {WordClass.suffix}


def split_name(tokens: list[Token], *, person: bool) -> tuple[list[Token], list[Token]]:
    """(description, name) of a proper-noun run; the name keeps at least one word.

    Any name loses a leading article. A person's name also loses a known source before it ("Fox News
    host Sean Hannity", "Washington Post Trump"), the titles, roles, party, place and epithet words
    before it ("Republican nominee Donald Trump", "Massachusetts Sen. Elizabeth Warren"), adjectives
    ("Derelict Obama"), and, where the run has a title further on with a name after it, everything up
    to that title ("Clinton campaign chairman John Podesta"). Whether what is left is a person's name
    at all is ``name_index.split_source_name``'s call ("Brian Baker", "Brian" tagged an adjective, is)."""
    ws = words(tokens)
    cut = 0
    while cut < len(ws) - 1 and WordClass.article in classes(word_text(ws[cut])):
        cut += 1
    if not person:
        return _flat(ws[:cut]), _flat(ws[cut:])
    for n in range(len(ws) - 1, cut, -1):
        if known(" ".join(word_text(w) for w in ws[cut:n])) is not None and any(_proper(w) for w in ws[n:]):
            cut = n
            break
    lead = cut
    while lead < len(ws) - 1 and (classes(word_text(ws[lead])) & _LEADING or plural_title(word_text(ws[lead]))):
        lead += 1
    for i in range(len(ws) - 2, lead - 1, -1):
        if is_title(word_text(ws[i])) and any(_proper(w) for w in ws[i + 1 :]):
            lead = i + 1
            break
    cut = lead
    while cut < len(ws) - 1 and (classes(word_text(ws[cut])) & _EPITHETS or all(t.upos == "ADJ" for t in ws[cut])):
        cut += 1
    return _flat(ws[:cut]), _flat(ws[cut:])


def is_title(word: str) -> bool:
    """A title or role word: "Sen.", "president", "spokesman"."""
    return bool(classes(word) & {WordClass.title_word, WordClass.role})


def plural_noun(tok: Token) -> bool:
    return "Number=Plur" in (tok.feats or "") or tok.xpos in ("NNS", "NNPS")


def plural_title(word: str) -> bool:
    """A capitalised plural title before the names it is the title of: "Senators John McCain and Lindsey
    Graham", "Reps. ...", "Professors Foner and Alba"."""
    w = norm(word).rstrip(".")
    return word[:1].isupper() and w.endswith("s") and is_title(w[:-1])


def honorific(text: str) -> WordClass | None:
    """The gender an honorific in ``text`` gives ("Mr. Obama": male), if any."""
    found = {c for w in text.split() for c in classes(w)} & {WordClass.honorific_male, WordClass.honorific_female}
    return next(iter(found)) if len(found) == 1 else None


def titles(text: str) -> frozenset[str]:
    """The title and role words in a mention, honorifics aside: "President Barack Obama" -> {"president"}."""
    return frozenset(
        title_of(w)
        for w in text.split()
        if is_title(w) and not classes(w) & {WordClass.honorific_male, WordClass.honorific_female}
    )


def described(text: str) -> frozenset[str]:
    """Every word of a description that says something of the person (titles, roles, party, place,
    epithets), in full: "the Democratic presidential nominee" -> {"democrat", "presidential", "nominee"}."""
    return frozenset(title_of(w) for w in text.split() if classes(w) - {WordClass.article})


def parties(text: str) -> frozenset[str]:
    return frozenset(title_of(w) for w in text.split() if WordClass.party in classes(w))


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every place the word table knows, as ``title_of`` writes it."""
    return frozenset(title_of(w) for w, c in word_classes().items() if WordClass.place in c)


@lru_cache(maxsize=1)
def party_words() -> frozenset[str]:
    """Every party the word table knows, as ``title_of`` writes it."""
    return frozenset(title_of(w) for w, c in word_classes().items() if WordClass.party in c)


def places(text: str) -> frozenset[str]:
    """The places a description names: "the Florida senator", "R-Iowa"."""
    return frozenset(title_of(w) for w in re.split(r"[\s-]+", text) if WordClass.place in classes(w))


PRONOUN_GENDER = {
    **dict.fromkeys(("he", "him", "his"), WordClass.honorific_male),
    **dict.fromkeys(("she", "her", "hers"), WordClass.honorific_female),
}


def without_possessive(text: str) -> str:
    """ "Obama’s" -> "Obama" (the tokenizer keeps a curly apostrophe's "s" on the name)."""
    return re.sub(r"['\u2019]s?$", "", text)


def org_form(tokens: list[Token], head: Token) -> tuple[list[Token], str] | None:
    """(the owner's name tokens, the form) when ``head`` is an organization form of a named person:
    "the Clinton campaign", "Clinton's team", "Obama's aides", "Trump team"."""
    form = norm(head.text)
    if WordClass.org_form not in classes(form) or head.upos not in ("NOUN", "PROPN"):
        return None
    owner = next(
        (
            t
            for t in tokens
            if t.head == head.id
            and t.text[:1].isupper()
            and t.deprel in ("compound", "nmod:poss", "amod")
            and t.start < head.start
        ),
        None,
    )
    if owner is None:
        return None
    run = [
        t for t in name_run(tokens, owner) if t.start < head.start and t.text not in ("'s", "\u2019s", "'", "\u2019")
    ]
    if not run or all(classes(t.text) & _EPITHETS for t in run):
        return None  # "the Republican campaign" belongs to no one person
    return run, ORG_FORM_NAMES.get(form, form)


@lru_cache(maxsize=1)
def org_form_words() -> frozenset[str]:
    """The organization forms ("campaign", "team", "aides"), lower case, to find them fast."""
    return frozenset(w for w, c in word_classes().items() if WordClass.org_form in c)


def org_form_kind(form: str) -> SourceKind:
    """An administration is a government; a campaign, a team, aides are an organization."""
    return SourceKind.government if form == "administration" else SourceKind.organization


def _time_phrase(tok: Token) -> bool:
    return tok.lemma.lower() in cues.TIME_WORDS or tok.text.lower() in cues.TIME_WORDS


def _before_relative(tokens: list[Token], head: Token) -> list[Token]:
    """The words before a relative clause or a participle set off by a comma after the head ("Officials,
    who spoke on condition of anonymity because ...", "The company, based in Seattle": what they did or
    where they are, not who they are), whatever the parse made of it."""
    at = tokens.index(head) if head in tokens else len(tokens)
    for i in range(at + 2, len(tokens)):
        participle = tokens[i].xpos in ("VBN", "VBG") and tokens[i].upos == "VERB"  # "The company, based in Seattle"
        if tokens[i - 1].text == "," and (norm(tokens[i].text) in _NON_RESTRICTIVE or participle):
            return tokens[: i - 1]
    return tokens


def core(tokens: list[Token], head: Token, max_words: int) -> list[Token] | None:
    """A description cut down to at most ``max_words`` words around its head: its relative clauses, other
    clauses, appositions and conjuncts go (``cues.SOURCE_CUTS``), then its prepositional modifiers one at
    a time from the right ("group of black parents [with kids in charter schools]"). None when it is
    still too long or is itself a clause."""
    kids: dict[int, list[Token]] = {}
    for t in tokens:
        kids.setdefault(t.head, []).append(t)

    def size(kept: list[Token]) -> int:
        return sum(1 for k in kept if k.upos != "PUNCT")

    def without(kept: list[Token], roots: list[Token]) -> list[Token]:
        drop: set[int] = set()
        stack = [k.id for k in roots]
        while stack:
            i = stack.pop()
            if i not in drop:
                drop.add(i)
                stack.extend(k.id for k in kids.get(i, []))
        at = kept.index(head)
        lo, hi = at, at
        while lo > 0 and kept[lo - 1].id not in drop:
            lo -= 1
        while hi + 1 < len(kept) and kept[hi + 1].id not in drop:
            hi += 1
        kept = kept[lo : hi + 1]  # the unbroken run around the head: the phrase stays one span of text
        while len(kept) > 1 and kept[-1].upos == "PUNCT":
            kept.pop()
        return kept

    def attached(kept: list[Token], deprels: frozenset[str]) -> list[Token]:
        return [k for k in kept if k.id != head.id and (k.deprel in deprels or k.deprel.split(":")[0] in deprels)]

    kept = _before_relative(list(tokens), head)
    times = [k for k in attached(kept, frozenset({"nmod", "obl"})) if k.head == head.id and _time_phrase(k)]
    if times:  # "the U.S. government [in recent years]": when, not who
        kept = without(kept, times)
    for deprels in cues.SOURCE_CUTS:
        if size(kept) > max_words:
            kept = without(kept, attached(kept, deprels))
    while size(kept) > max_words and (modifiers := attached(kept, frozenset({"nmod", "obl"}))):
        kept = without(kept, modifiers[-1:])
    clause = head.upos in ("VERB", "AUX") and any(
        k.head == head.id and k.deprel.split(":")[0] in cues.CLAUSE_CORE_DEPRELS for k in kept
    )
    if clause or size(kept) > max_words:
        return None
    return kept
