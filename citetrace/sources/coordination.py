"""Coordinated sources: "Bolton and Gorka said ..." is two speakers, each a source of its own.

``conjuncts(index, start, end)`` splits a source phrase into its speakers. It reads the words, their
tags and the commas, not the tree: the offline parser often hangs "and Lindsey Graham" on a word of
"John McCain", or makes "The New York Times and the Wall Street Journal" two subjects. A phrase splits
where it is a list joined by "and" ("Tapper, Bash and Blitzer") whose every member could speak: a name,
a pronoun, a source noun ("congressional leaders") or a noun someone owns ("his wife"). A description
before the list ("Two objectors, Lawrence Joyce and William Graham") or after it ("Mr. Smith and Ms.
Jones, both analysts at the bank") describes the members. Left whole: a list inside a prepositional
phrase ("the leaders of the United States and Israel"), "or" ("Clinton or her aides"), "&" ("Procter &
Gamble"), a name and its description ("Melba Acosta Febo, the president and chairwoman of the bank"), a
firm's name ("Smith and Wesson Inc.") and a known source whose name has "and" in it.

``them``: a "they" close after a frame whose source is a list is the list ("Trump and Ryan said ...
They said ...").
"""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.models import Frame, SourceKind, SourceMention, Token
from citetrace.sources.mentions import is_title, plural_title
from citetrace.sources.name_index import DocumentIndex
from citetrace.sources.name_kinds import body_kind
from citetrace.sources.naming import known, norm

_AND = "and"
_NOT_AND = frozenset({"or", "nor", "&", "versus", "vs.", "but"})
_ALONGSIDE = frozenset({"both", "all", "each", "together", "alike", "jointly"})  # "Rubio and Bush both said"
_FIRM_ENDS = frozenset({"inc", "inc.", "co", "co.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "sons", "company"})
_TITLE_MARKS = frozenset({":", '"', "''", "``", "\u201c", "\u201d", "\u2018", "\u2019\u2019"})
_DASHES = frozenset({"--", "\u2014", "\u2015", "\u2013"})
_INCLUDING = frozenset({"including", "like", "notably", "namely", "particularly", "especially"})
_OFFICERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "prosecutor"})  # government nouns, one person
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


def conjuncts(index: DocumentIndex, start: int, end: int) -> list[tuple[int, int]]:
    """The character spans of the speakers in the source phrase ``start:end``, in order; [] when it
    names one speaker (or is no list this splits)."""
    tokens = index.tokens_in(start, end)
    if len(tokens) < 3 or known(index.text[start:end]) is not None or any(t.text in _TITLE_MARKS for t in tokens):
        return []  # a list inside a title: "The Fixers: Eddie Mannix, Howard Strickling and the MGM ..."
    tokens = _without_description(_without_dash(_top_level(tokens)))
    while tokens and (norm(tokens[-1].text) in _ALONGSIDE or tokens[-1].upos in ("ADV", "PUNCT")):
        tokens = tokens[:-1]
    joins = [t for t in tokens if t.upos == "CCONJ"]
    if not joins or any(norm(t.text) != _AND for t in joins) or any(norm(t.text) in _NOT_AND for t in tokens):
        return []
    if norm(tokens[-1].text) in _FIRM_ENDS:
        return []
    segments = _segments(tokens)
    while len(segments) > 2 and segments[1][0] == "," and _introduces(segments[0][1]):
        segments = [("", segments[1][1]), *segments[2:]]  # "Two objectors, Lawrence Joyce and William Graham"
    members = [_bare(words) for _, words in segments]
    if len(segments) < 2 or segments[-1][0] != _AND or not _a_list(segments, members):
        return []
    return [(words[0].start, words[-1].end) for words in members]


def _a_list(segments: list[tuple[str, list[Token]]], members: list[list[Token]]) -> bool:
    """Whether the members are speakers of their own, not one speaker's descriptions or one name."""
    pairs = zip(segments[1:], members[:-1], strict=True)
    if any(sep == "," and _named(before) and _described(words) for (sep, words), before in pairs):
        return False  # "Melba Acosta Febo, the president and ...", "Katie Harbath, Facebook's ... director"
    if any(_inside_a_phrase(words) for _, words in segments[:-1]):
        return False  # "the leaders of the United States and Israel": the list is inside the phrase
    last = members[-1]
    own_determiner = last[0].upos == "DET" or last[0].xpos == "PRP$"  # "the police chief", "his wife"
    if any(_a_role(words) for words in members[:-1]) and not (own_determiner and last[-1].upos != "PROPN"):
        return False  # "former Hewlett-Packard CEO and presidential candidate Carly Fiorina"
    first = segments[0][1]
    if _a_body(first) and _titled_name(last):
        return False  # "Yahoo News and former TV network anchor Katie Couric": both describe the anchor
    if len(first) == 2 and first[0].upos == "DET" and first[1].upos == "PROPN" and last[0].upos != "DET":
        return False  # "the Bill and Melinda Gates Foundation", "The Sanders and Clinton campaigns"
    return all(_could_speak(words) for words in members)


def _inside_a_phrase(words: list[Token]) -> bool:
    """A preposition the list is inside: "the leaders of [the United States and Israel]", "Strategists
    for [Barack Obama and Clinton]", "Former Secretary of [State ...]", "The Centers for [Disease
    Control and Prevention]"; not a person's place: "Ted Cruz of Texas and Marco Rubio of Florida"."""
    at = _preposition(words)
    if at is None:
        return False
    before, after = words[:at], words[at + 1 :]
    person = [t for t in before if t.upos == "PROPN" and not _names_no_one(t)]
    place = bool(after) and all(t.upos == "PROPN" for t in after)
    return not (person and place and not any(_possessive(t) for t in before))


def _names_no_one(t: Token) -> bool:
    """A plural, a title, a time or a body's word: "Supporters", "Secretary", "Sunday", "Centers"."""
    w = norm(t.text)
    return t.xpos == "NNPS" or is_title(t.text) or w in cues.TIME_WORDS or w in cues.BODY_WORDS


def _a_body(words: list[Token]) -> bool:
    name = " ".join(t.text for t in words if t.upos != "DET")
    k = known(name)
    return (k is not None and k.kind is not SourceKind.person) or body_kind(name) is not None


def _titled_name(words: list[Token]) -> bool:
    """A name with a role before it in lower case: "former TV network anchor Katie Couric"."""
    at = len(words)
    while at > 0 and words[at - 1].upos == "PROPN":
        at -= 1
    return 0 < at < len(words) and any(t.upos == "NOUN" and t.text.islower() for t in words[:at])


def _described(words: list[Token]) -> bool:
    """A member that describes the one before it: no name, or a common noun at its head."""
    head = next((t for t in reversed(words) if t.upos in ("NOUN", "PROPN")), None)
    return not _named(words) or head is None or head.upos == "NOUN"


def _introduces(words: list[Token]) -> bool:
    """A description before a list, or a time: "Two objectors,", "the two leading Republicans,", "Also Monday,"."""
    if all(norm(t.text) in cues.TIME_WORDS or norm(t.text) == "also" for t in words):
        return True
    if any(t.upos == "ADP" for t in words):
        return False  # "A report ... by the National Academies of Sciences, Engineering and Medicine"
    plural = words[-1].xpos in ("NNS", "NNPS")
    led = words[0].upos in ("DET", "NUM", "ADJ")
    return not _named(words) or words[-1].xpos == "NNS" or (plural and len(words) > 1 and led)


def _a_role(words: list[Token]) -> bool:
    """A member that is a role, not a name or a body: "the feminist leader", "former Pennsylvania Gov.",
    "Clinton's chief pollster"."""
    heads = [t for t in words if t.upos in ("NOUN", "PROPN")]
    if not heads:
        return False
    head = heads[-1]
    if head.upos == "PROPN":
        return is_title(head.text)
    kind = cues.SOURCE_NOUNS.get(head.lemma.lower())
    personal = kind in (None, SourceKind.person) or head.lemma.lower() in _OFFICERS
    return head.xpos == "NN" and personal  # "the independent Vermont senator and ..." too


def _possessive(t: Token) -> bool:
    """ "'s" or a name the tokenizer left whole with it: "Obama's"."""
    return t.text in _POSSESSIVE or t.text.endswith(("'s", "\u2019s"))


def _bare(words: list[Token]) -> list[Token]:
    """A member without the words that introduce it or the list: "including Carly Fiorina", "Senators
    Ted Cruz" (a plural title is the list's, not a word of the name)."""
    while len(words) > 1 and (
        norm(words[0].text) in _INCLUDING or plural_title(words[0].text) and words[1].upos == "PROPN"
    ):
        words = words[1:]
    return words


def _top_level(tokens: list[Token]) -> list[Token]:
    """``tokens`` with what stands in parentheses left out ("Rand Paul (Ky.) and Marco Rubio (Fla.)")."""
    out, depth = [], 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def _without_dash(tokens: list[Token]) -> list[Token]:
    """The side of a dash that holds the list: after a dateline or a description ("WASHINGTON — ...",
    "The three constitutional scholars -- Mr. Tribe, ..."), before a description ("Whit Ayres --
    author of ...")."""
    at = next((i for i, t in enumerate(tokens) if t.text in _DASHES), None)
    if at is None:
        return tokens
    return tokens[:at] if any(norm(t.text) == _AND for t in tokens[:at]) else tokens[at + 1 :]


def _without_description(tokens: list[Token]) -> list[Token]:
    """The list without a description after a member: ", both analysts at the bank", ", a nominal
    Republican who voted for JFK and Bill Clinton", ", its president and CEO"."""
    for i in range(1, len(tokens) - 1):
        after = norm(tokens[i + 1].text)
        if tokens[i].text == "," and not tokens[i + 1].text[:1].isupper() and after not in _INCLUDING | {_AND}:
            return tokens[:i]
    return tokens


def _segments(tokens: list[Token]) -> list[tuple[str, list[Token]]]:
    """The list's members, each with what came before it ("" for the first, "," or "and")."""
    out: list[tuple[str, list[Token]]] = []
    sep, words = "", list[Token]()
    for t in tokens:
        if t.text == "," or norm(t.text) == _AND:
            if words:
                out.append((sep, words))
                sep, words = ("," if t.text == "," else _AND), []
            elif norm(t.text) == _AND:
                sep = _AND  # ", and"
        elif norm(t.text) not in _ALONGSIDE:
            words.append(t)
    if words:
        out.append((sep, words))
    return out


def _preposition(words: list[Token]) -> int | None:
    """Where the first preposition after the first word is, if any ("Ted Cruz [of] Texas")."""
    return next((i for i, t in enumerate(words) if t.upos == "ADP" and i > 0), None)


def _named(words: list[Token]) -> bool:
    return any(t.upos == "PROPN" for t in words)


def _could_speak(words: list[Token]) -> bool:
    """A name, a pronoun, a source noun or a noun someone owns ("Democrats across the country": the
    words before a preposition)."""
    if words[-1].upos == "ADP":
        return False
    head_part = words[: _preposition(words)]
    head = next((t for t in reversed(head_part) if t.upos in ("NOUN", "PROPN", "PRON")), None)
    if head is None or head.text in _POSSESSIVE:
        return False
    if head.upos == "PROPN" or (head.upos == "PRON" and head.xpos != "PRP$"):
        return True
    lemma = head.lemma.lower()
    owned = any(t.xpos == "PRP$" or _possessive(t) for t in head_part[: head_part.index(head)])
    return owned or lemma in cues.SOURCE_NOUNS or lemma in cues.ANONYMOUS_NOUNS


def part(source: SourceMention, text: str, start: int, end: int) -> SourceMention:
    """``source`` cut to ``start:end``, one speaker of its list."""
    return source.model_copy(update={"text": text[start:end], "start": start, "end": end})


LIST_REACH = 300  # characters from a list of speakers to a "they" that is the list


def them(source: SourceMention, before: Frame | None) -> list[SourceMention]:
    """The speakers of a list ("Trump and Ryan issued a statement. They said ...") that "they" stands
    for: the frame right before named them, close before it; [] otherwise."""
    if norm(source.text) != "they" or before is None or before.source is None or not before.co_sources:
        return []
    if not 0 <= source.start - before.source.end <= LIST_REACH:
        return []
    at = {"text": source.text, "start": source.start, "end": source.end}
    return [s.model_copy(update=at) for s in [before.source, *before.co_sources]]
