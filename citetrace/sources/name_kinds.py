"""What a name's words say: the name in a source phrase (``split_source_name``), the kind of source a
name or a head noun is (``kind_of_name``, ``body_kind``, ``noun_kind``), the name in a source phrase
(``name_tokens``), whom a spokesperson speaks for (``spoken_for``), and the small tests on runs
of proper nouns that ``name_index`` uses."""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.models import SourceKind, Token
from citetrace.sources.mentions import WordClass, classes, name_run, plural_noun, split_name, word_text, words
from citetrace.sources.naming import known, norm

# who speaks for someone else: the name beside them is whom they speak for ("a spokeswoman for Microsoft")
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"})


# what a phrase is about, not who made it: "An article about Tashfeen Malik" (``cues.TOPIC_PREPOSITIONS``
# is another set: the words after a cue that open its topic, "warned about X")
ABOUT_PREPOSITIONS = frozenset({"about", "against", "regarding", "concerning"})


_TITLE = frozenset({WordClass.title_word, WordClass.epithet, WordClass.article})  # "Former Secretary"


def _title_like(tok: Token) -> bool:
    """A title, an epithet or a person's role tagged a name: "Former", "Secretary", "CEO"."""
    return bool(classes(tok.text) & _TITLE) or noun_kind(tok) is SourceKind.person


def split_source_name(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """(description, name) of a proper-noun run: a person's titles, roles and epithets go to the
    description ("Massachusetts Sen. Elizabeth Warren"); any other name keeps all but a leading article
    ("Iranian Foreign Ministry", "North Korea", "Daily Beast"). A run is a person's when what is left
    is a first and last name, or a lone name after a title, role, party or epithet ("Derelict Obama")."""
    desc, name = split_name(tokens, person=True)
    if not desc:
        return desc, name
    text = " ".join(word_text(w) for w in words(name))
    k = known(text)
    said = {c for w in words(desc) for c in classes(word_text(w))}
    personal = (
        len(text.split()) > 1
        or known(" ".join(word_text(w) for w in words(desc))) is not None
        or said
        & {
            WordClass.title_word,
            WordClass.role,
            WordClass.party,
            WordClass.epithet,
            WordClass.honorific_male,
            WordClass.honorific_female,
        }
    )
    if (
        (k is not None and k.kind != SourceKind.person)
        or {norm(w) for w in text.split()} & cues.BODY_WORDS
        or not personal
    ):
        return split_name(tokens, person=False)
    return desc, name


def noun_kind(tok: Token) -> SourceKind | None:
    return cues.SOURCE_NOUNS.get(tok.lemma.lower()) or cues.SOURCE_NOUNS.get(tok.text.lower())


NEWS_WORDS = frozenset({"news", "press", "wire", "newswire", "photo"})  # "the news agency": an outlet


def described_kind(tokens: list[Token], head: Token) -> SourceKind | None:
    """The kind of a described source's head noun (``noun_kind``), unless its own words say otherwise:
    "the country's disaster agency", "the intelligence agency" are government bodies, "the state news
    agency" an outlet; "the central bank" is a government body, any other bank a company."""
    kind = noun_kind(head)
    words = {t.lemma.lower() for t in tokens if t.head == head.id and t.deprel in ("compound", "amod")}
    if kind is SourceKind.outlet and head.lemma.lower() == "agency" and words and not words & NEWS_WORDS:
        return SourceKind.government
    if head.lemma.lower() == "bank" and "central" in words:
        return SourceKind.government  # "the central bank"
    return kind


def surname_and_suffix(name: str) -> bool:
    """ "Trump Jr.": a surname and its suffix, which the document's full name completes."""
    parts = name.split()
    return len(parts) == 2 and WordClass.suffix in classes(parts[1])


def opens_quote(sentence: list[Token], tok: Token) -> bool:
    """Whether ``tok`` is the first word of a sentence that opens with a quotation mark: a place where a
    capitalised verb ("\u201cImagine Brad Thor going up against Trump\u201d") is often tagged a name."""
    first = next((t for t in sentence if t.upos != "PUNCT"), None)
    return first is tok and sentence[0].upos == "PUNCT" and sentence[0].text in OPENING_QUOTES


OPENING_QUOTES = frozenset({'"', "\u201c", "\u2018", "'", "\u00ab"})


def capitalised_modifiers(sentence: list[Token], run: list[Token]) -> list[Token]:
    """The capitalised words the tagger left out of a body's name right before it: "the [Finance] Ministry"."""
    ids = {t.id for t in run}
    at = sentence.index(run[0])
    before: list[Token] = []
    while at > 0:
        t = sentence[at - 1]
        if not (t.text[:1].isupper() and t.upos in ("ADJ", "NOUN") and t.head in ids) or at - 1 == 0:
            break
        before.insert(0, t)
        ids.add(t.id)
        at -= 1
    return before


def body_kind(name: str, last: bool = False) -> SourceKind | None:
    """The kind a name's own words give a body: "Finance Ministry", "Fujitsu Ltd.", "Daily Herald"
    (``last``: only its last word counts, as in a run of proper nouns that may overrun the name)."""
    words = {norm(w) for w in name.split()[-1:]} if last else {norm(w) for w in name.split()}
    if words & cues.GOV_WORDS:
        return SourceKind.government
    if words & cues.OUTLET_WORDS:
        return SourceKind.outlet
    if words & cues.ORG_WORDS:
        return SourceKind.organization
    return None


def kind_of_name(name: str, span_tokens: list[Token], head: Token) -> SourceKind:
    k = known(name)
    if k is not None:
        return k.kind
    if (named := body_kind(name)) is not None:
        return named
    head_kind = noun_kind(head)
    if head_kind is not None and (head.upos == "NOUN" or norm(name) == norm(head.text)):
        return head_kind  # "the CEO" tagged a name is a chief executive, not an organization's initials
    if name.replace(".", "").isupper() and len(name) <= 6:
        return SourceKind.organization
    if len(name.split()) == 1 and name != head.lemma and classes(head.lemma) & {WordClass.party, WordClass.place}:
        return SourceKind.organization  # "Republicans", "Democrats": a group, not a person
    return body_by_last_word(name) or SourceKind.person  # "a Morning Consult Poll"


def body_by_last_word(name: str) -> SourceKind | None:
    """The kind of body a name's last word says it is ("a Morning Consult Poll", "the Metropolitan
    Police"), None where it says none or a person."""
    last = cues.SOURCE_NOUNS.get(norm(name.split()[-1])) if name.split() else None
    return last if last is not SourceKind.person else None


def works_at(tokens: list[Token], name_tokens: list[Token]) -> bool:
    """Whether a name in a source phrase follows "at" ("analysts at Goldman Sachs", "economists at the
    IMF"): where people work is a body, whatever its name looks like."""
    before = _word_before(tokens, name_tokens)
    return before is not None and norm(before.text) == "at"


def _word_before(tokens: list[Token], name: list[Token]) -> Token | None:
    """The word of a source phrase right before a name in it, its article aside ("at [the] IMF")."""
    return next((t for t in reversed(tokens) if t.start < name[0].start and t.upos != "DET"), None)


def _nominal_path(tokens: list[Token], tok: Token, head: Token) -> bool:
    """Whether ``tok`` hangs from ``head`` without passing through a clause ("affiliated with ... Iraq")."""
    by_id = {t.id: t for t in tokens}
    while tok is not head:
        if tok.deprel.split(":")[0] in ("acl", "advcl", "ccomp", "xcomp", "parataxis") or tok.head not in by_id:
            return False
        tok = by_id[tok.head]
    return True


def name_tokens(tokens: list[Token], head: Token) -> list[Token]:
    """The name in a source phrase: the head's proper-noun run, or a proper noun in apposition to a common
    noun ("then president of ... Masoud Barzani"); empty for a description or people of a place."""
    if head.upos == "PROPN":
        run = name_run(tokens, head)
        last = tokens[-1]
        if run and last.upos == "PROPN" and last.start > run[-1].end and all(_title_like(t) for t in run):
            named = name_run(tokens, last)  # "Former Secretary of State Madeleine Albright": the name, not "Secretary"
            if len(split_source_name(named)[1]) >= 2:  # a person's name, not "[President of CNN] Worldwide"
                return named
        return run
    named = [
        t
        for t in tokens
        if t.head == head.id
        and t.upos == "PROPN"
        and t.deprel in ("appos", "flat", "compound")
        and t.start > head.start
    ]
    if named:
        return name_run(tokens, named[0])
    lead = name_run(tokens, tokens[0]) if tokens[0].upos == "PROPN" else []
    if lead and len(tokens) > len(lead) and tokens[len(lead)].text == "," and head.start > lead[-1].end:
        return lead  # "John Smith, a professor at Yale" where the parse made "professor" the head
    described = _name_before_description(tokens)
    if described:
        return described
    if tokens[-1].upos == "PROPN" and head.start < tokens[-1].start and _nominal_path(tokens, tokens[-1], head):
        run = name_run(tokens, tokens[-1])
        before = _word_before(tokens, run) if run else None
        if before is not None and before.lemma.lower() in ABOUT_PREPOSITIONS:
            return []  # "An article on Monday about Tashfeen Malik": what it is about, not who wrote it
        body = kind_of_name(_run_name(run), run, tokens[-1]) is not SourceKind.person
        placed = plural_noun(head) and any(
            t.lemma.lower() in cues.PLACE_PREPOSITIONS for t in tokens[: tokens.index(run[0])]
        )
        if body and noun_kind(head) is SourceKind.person and _of_phrase(tokens, head) or not body and placed:
            return []  # "the head of Iraq's Badr Organization": a person of the body; "officials in Kabul": of a place
        return run
    return []


def _name_before_description(tokens: list[Token]) -> list[Token]:
    """The name right before a description set off by a comma at the phrase's end ("a report Tuesday from
    WKOW, the ABC affiliate in Madison": WKOW, not Madison)."""
    commas = [n for n, k in enumerate(tokens) if k.text == ","]
    if not commas or commas[-1] + 1 >= len(tokens) or tokens[commas[-1] + 1].upos != "DET":
        return []
    before = tokens[: commas[-1]]
    return name_run(before, before[-1]) if before and before[-1].upos == "PROPN" else []


def _run_name(run: list[Token]) -> str:
    """A run's words as one name, without the document's text (spacing as the tokens give it)."""
    return " ".join(t.text for t in split_source_name(run)[1])


def _of_phrase(tokens: list[Token], head: Token) -> bool:
    """Whether ``head`` has an "of" phrase ("the head [of] Iraq's Badr Organization")."""
    nmods = {t.id for t in tokens if t.head == head.id and t.deprel == "nmod"}
    return any(t.head in nmods and t.deprel == "case" and t.lemma.lower() == "of" for t in tokens)


def spoken_for(tokens: list[Token], head: Token) -> list[Token]:
    """The name before a spokesperson ("a Tesla spokesperson"): whom they speak for."""
    if norm(head.text) not in SPOKESPEOPLE:
        return []
    # a capitalised word the tagger took for an adjective ("A Pentagon spokeswoman"); not "Russian", "Democratic"
    before = [
        t
        for t in tokens
        if t.head == head.id
        and t.start < head.start
        and (
            t.upos == "PROPN"
            or t.upos == "ADJ"
            and t.text[:1].isupper()
            and t is not tokens[0]
            and not classes(t.text) & {WordClass.place, WordClass.party}
            and not t.text.lower().endswith(("an", "ese", "ish", "i", "ic"))
        )
    ]
    if not before:
        return []
    run = [k for k in tokens if before[0].start <= k.start < head.start]  # "White House", "Pentagon"
    return [k for k in run if k.upos in ("PROPN", "ADJ", "NOUN")]  # not "One" of "One Clinton spokesman"
