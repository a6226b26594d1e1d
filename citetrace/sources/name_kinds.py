"""What a name's words say: the name in a source phrase (``split_source_name``), the kind of source a
name or a head noun is (``kind_of_name``, ``body_kind``, ``noun_kind``), and the small tests on runs
of proper nouns that ``name_index`` uses."""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.models import SourceKind, Token
from citetrace.sources.mentions import WordClass, classes, split_name, word_text, words
from citetrace.sources.naming import known, norm


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
    if head.upos == "NOUN" and head_kind is not None:
        return head_kind
    if name.replace(".", "").isupper() and len(name) <= 6:
        return SourceKind.organization
    if len(name.split()) == 1 and name != head.lemma and classes(head.lemma) & {WordClass.party, WordClass.place}:
        return SourceKind.organization  # "Republicans", "Democrats": a group, not a person
    last = cues.SOURCE_NOUNS.get(norm(name.split()[-1])) if name.split() else None
    if last is not None and last is not SourceKind.person:
        return last  # "a Morning Consult Poll"
    return SourceKind.person


def works_at(tokens: list[Token], name_tokens: list[Token]) -> bool:
    """Whether a name in a source phrase follows "at" ("analysts at Goldman Sachs", "economists at the
    IMF"): where people work is a body, whatever its name looks like."""
    before = [t for t in tokens if t.start < name_tokens[0].start and t.upos != "DET"]
    return bool(before) and norm(before[-1].text) == "at"
