"""What stands between a cue and the clause it reports is no part of what was said: "said *in a
statement* that it would cooperate", "said *Tuesday* it had approved", "told *the court* he had acted",
"said *at a news conference last week* that ...".

The offline parser often hangs the clause on the lead-in's last noun ("statement" <- acl:relcl "that
it would cooperate", "court" <- acl:relcl "he had acted"), and the content chosen from such a tree
either starts with the lead-in or ends inside it ("The firm said Friday that profits fell": "fell").
The words and their tags say it plainly: after a verb of saying, a run of prepositional phrases
("in an interview with The Associated Press"), times ("on Monday", "last week") and adverbs, or for
"tell" the addressee ("told reporters", "told him"), then a clause opener: "that" or "whether", or a
subject pronoun ("he", "they") where there was a lead-in. The content starts at the opener; the
lead-in's channel is then found by ``channels`` as the frame's channel.

PolNeAR takes "said in a statement" as the cue and "that ..." as the content; PropBank's ARG1 of
"said" is the "that" clause: both leave the lead-in out of what was said.

At the other end (``end_before_next_cues``), what was said ends before the same speaker's next cue
joined to it by "and", "or", "but": 'Smith told CNN that the claims were "false" and said he would sue'
is two frames, told what and said what.
"""

from __future__ import annotations

import re

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.content import cue_token
from citetrace.attribution.cues import QUOTE_MARKS
from citetrace.attribution.quotes import WORD_RE
from citetrace.attribution.tree import REDUCED_MARKS, Tree, end_before
from citetrace.models import FrameKind, Token

KINDS = frozenset({FrameKind.verb, FrameKind.stance, FrameKind.negated})
# the cues whose clause may follow a lead-in: verbs of saying and writing
LEMMAS = cues.SAY_LEMMAS | cues.SURFACE_VERBS
TELL_LEMMAS = frozenset("tell inform assure remind notify ask".split())  # they take an addressee
# who is told, so often that a word after "told" is them whatever its tag ("told reporters/VBZ the plan ...")
ADDRESSEES = frozenset("reporters journalists lawmakers supporters investors analysts viewers listeners".split())
# prepositions that open a lead-in: where, when, in what, to whom
PREPOSITIONS = frozenset("in on at during via through to with before after from over".split())
# prepositions inside a lead-in's noun phrase: "an interview with The AP", "a post on Facebook"
INNER_PREPOSITIONS = frozenset("of with on for from at in".split())
OPENERS = frozenset({"that", "whether"})
SUBJECT_PRONOUNS = frozenset("he she they we i".split())
OBJECT_PRONOUNS = frozenset("me him her us them you".split())
NOUN_PHRASE = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
TIME_MODIFIERS = frozenset("on last this next earlier late early ago later".split())
# nouns a "that" clause completes: "responding to the news that ...", "made the case to them that ..."
CLAUSE_NOUNS = frozenset(
    """news report claim allegation accusation assertion suggestion argument charge criticism warning promise
    pledge denial admission rumor rumour speculation idea notion belief fact view sign evidence concern fear hope
    word assurance narrative impression theory possibility case message prediction proposal finding complaint
    insistence question point story truth joke tale lie""".split()
)
MAX_LEAD = 16  # tokens
CITING = frozenset({"cite", "quote"})  # ", citing three sources, that ...": a participle of sources


def _takes_clause(tok: Token) -> bool:
    """A noun whose own clause may follow ("the news that ..."), not a name ending in one ("the Daily News")."""
    return tok.lemma.lower() in CLAUSE_NOUNS and tok.upos != "PROPN" and not tok.text[:1].isupper()


def _time_word(tok: Token) -> bool:
    """ "Tuesday", "week", "night"; not "this" or "last" alone, nor the verb "may"."""
    low = tok.text.lower()
    return cues.is_time(low) and low not in cues.TIME_RELATIVE and tok.upos != "AUX" and tok.xpos != "MD"


def _noun_phrase_end(toks: list[Token], j: int) -> int:
    """Index after the noun phrase from ``j`` ("a post on Facebook", "CBS News' Charlie Rose",
    "ABC's ''This Week''"); ``j`` itself when none starts there."""
    n = len(toks)
    k = j
    if k < n and toks[k].text.lower() in ("that", "this") and k + 1 < n and toks[k + 1].upos == "NOUN":
        k += 1  # "at that time": a determiner, not an opener
    while k < n:
        tok = toks[k]
        low = tok.text.lower()
        if low in OPENERS or low in SUBJECT_PRONOUNS:
            break
        hyphen = tok.text == "-" and k > j and toks[k - 1].end == tok.start  # "Oskaloosa-based", not a dash
        # "the Associated Press", "the United Nations": a capitalised participle inside a name
        named = tok.upos == "VERB" and tok.text[:1].isupper() and k + 1 < n and toks[k + 1].upos == "PROPN"
        # "the Securities and Exchange Commission": "and" between two words of a name
        joined = (
            tok.upos == "CCONJ" and k > j and toks[k - 1].upos == "PROPN" and k + 1 < n and toks[k + 1].upos == "PROPN"
        )
        if (
            tok.upos in NOUN_PHRASE
            or tok.xpos in ("POS", "PRP$")
            or tok.text in QUOTE_MARKS
            or hyphen
            or named
            or joined
        ):
            k += 1
        elif (
            tok.upos == "ADP" and low in INNER_PREPOSITIONS and k > j and k + 1 < n and toks[k + 1].upos in NOUN_PHRASE
        ):
            k += 1
        else:
            break
    return k


def _lead_in_end(toks: list[Token], i: int, tell: bool) -> tuple[int, bool]:
    """(index after the lead-in that starts at token ``i``, whether it ends with a time)."""
    n = len(toks)
    j = i
    if tell and j < n:  # the addressee
        if toks[j].text.lower() in OBJECT_PRONOUNS or toks[j].text.lower() in ADDRESSEES:
            j += 1  # "told reporters", whatever the tagger made of it ("reporters/VBZ")
        elif toks[j].upos in ("DET", "PROPN", "NOUN", "ADJ", "NUM"):
            k = _noun_phrase_end(toks, j)
            j = j if _takes_clause(toks[k - 1]) else k
    timely = False
    while j < n and j - i <= MAX_LEAD:
        tok = toks[j]
        low = tok.text.lower()
        if tok.text == "," and j + 1 < n and toks[j + 1].lemma.lower() in CITING and toks[j + 1].xpos == "VBG":
            j = next((k for k in range(j + 2, n) if toks[k].text == ","), n)  # ", citing three sources,"
        elif tok.text == "," or (tok.upos == "ADV" and tok.xpos != "WRB" and low not in cues.NEGATIONS):
            j += 1
        elif _time_word(tok) or (low in TIME_MODIFIERS and j + 1 < n and _time_word(toks[j + 1])):
            j, timely = j + 1, True
        elif tok.upos == "ADP" and low in PREPOSITIONS and (k := _noun_phrase_end(toks, j + 1)) > j + 1:
            if _takes_clause(toks[k - 1]):
                break  # "responding to the news that ...": the clause is the noun's
            j, timely = k, _time_word(toks[k - 1])
        else:
            break
    return j, timely


def _opens(toks: list[Token], j: int, led: bool, timely: bool) -> bool:
    """Whether token ``j`` opens the reported clause (``led``: after a lead-in; ``timely``: a time)."""
    tok = toks[j]
    low = tok.text.lower()
    if low == "whether" or (low == "that" and tok.upos == "SCONJ"):
        return True
    if low == "that":  # tagged a relative or a determiner: an opener when a subject follows
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if nxt is None or nxt.upos == "AUX" or nxt.xpos == "MD":
            return False  # "in a statement that was released": a relative clause
        if tok.upos == "DET" and nxt.upos == "NOUN" and not timely:
            return False  # "asked Admiral Harris just that question"
        if nxt.text in QUOTE_MARKS:  # 'believes in journalism that “takes sides.”': a relative clause
            nxt = toks[j + 2] if j + 2 < len(toks) else nxt
            return nxt.upos not in ("VERB", "AUX")
        if led and nxt.upos in ("ADP", "ADJ") and (j + 2 >= len(toks) or toks[j + 2].upos not in ("VERB", "AUX")):
            return True  # "told the AP that at least 12 people had died", "that more than 100 ..."
        return timely or nxt.upos in ("PRON", "PROPN", "NUM", "DET", "NOUN")
    if not led:
        return False
    return low in SUBJECT_PRONOUNS or (low == "it" and timely)


def opener(t: Tree, cue_end: int, tell: bool) -> Token | None:
    """The token that opens the clause reported by a cue ending at ``cue_end`` (None: no such shape)."""
    toks = t.tokens
    i = next((k for k, x in enumerate(toks) if x.start >= cue_end), None)
    if i is None:
        return None
    j, timely = _lead_in_end(toks, i, tell)
    while j > i and toks[j - 1].text == ",":
        j -= 1  # "said, in a statement, that": the comma before the opener is the lead-in's
    if j < len(toks) and toks[j].text == ",":
        j += 1
    if j >= len(toks):
        return None
    told = tell and j == i + 1 and toks[i].text.lower() in ADDRESSEES and toks[j].upos in ("DET", "PROPN", "NUM")
    if not told and not _opens(toks, j, j > i, timely):
        return None  # "told reporters the plan was dead": after the addressee, the clause's subject opens it
    return toks[j]


def _last_word_end(t: Tree) -> int:
    words = [x for x in t.tokens if x.upos != "PUNCT" or x.text in QUOTE_MARKS]
    return words[-1].end if words else t.span[1]


def trim_lead_ins(trees: list[Tree], frames: list[Candidate]) -> None:
    """Start the content of each frame of a verb of saying at the opener of its clause, past a lead-in
    (``opener``); a content that lay inside the lead-in, or inside the clause, becomes the clause."""
    by_index = {t.index: t for t in trees}
    for f in frames:
        t = by_index.get(f.sentence)
        if t is None or f.kind not in KINDS or f.content[0] < f.cue[1]:
            continue
        if f.source is not None and f.source[0] >= f.cue[1]:
            continue  # the speaker after the cue ("said Smith on Tuesday that")
        tok = cue_token(t, f)
        if tok is None or tok.lemma.lower() not in LEMMAS:
            continue
        found = opener(t, f.cue[1], tok.lemma.lower() in TELL_LEMMAS)
        if found is None or found.start == f.content[0]:
            continue
        end = f.content[1] if f.content[1] > found.start else _last_word_end(t)
        if end > found.start:
            f.content = (found.start, end)


def end_before_next_cues(frames: list[Candidate], text: str, quotes: list[tuple[int, int]]) -> None:
    """End a frame's content before a cue of the same speaker joined to it by "and", "or", "but" ('Smith
    told CNN that the claims were "false" and said he would sue': told what, then said what), or before
    a clause of another speaker after a comma and a coordinator ("I think that is unlikely, and I told
    my editor so"); not before the cue of a speaker inside the content ("said that Trump lied and
    claimed ...", where the tree gives Trump as the second speaker), nor inside a quote the first cue is
    outside of ('"I called my lenders and creditors, asked for ..."')."""
    by_sentence: dict[int, list[Candidate]] = {}
    for f in frames:
        by_sentence.setdefault(f.sentence, []).append(f)
    for a in frames:
        if a.kind not in KINDS or a.content[0] < a.cue[1]:
            continue
        for b in by_sentence[a.sentence]:
            if b is a or not a.content[0] < b.cue[0] < a.content[1]:
                continue
            if any(q[0] < b.cue[0] < q[1] and not q[0] < a.cue[0] < q[1] for q in quotes):
                continue
            end = _joined_at(a, b, text)
            if end is not None and end > a.content[0]:
                a.content = (a.content[0], end)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens its sentence (after a paragraph, a sentence's end or a quote mark)."""
    before = text[max(0, at - 200) : at].rstrip(" \t\"'\u201c\u2018")
    return not before or before[-1] in ".!?\n\u201d"


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _opens_clause(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens its sentence, alone or after "When", "If", ... ("When asked about
    the merger, she defended ...")."""
    if _opens_sentence(text, at):
        return True
    word = _WORD_BEFORE.search(text, max(0, at - 20), at)
    return word is not None and word.group(1).lower() in REDUCED_MARKS and _opens_sentence(text, word.start())


_PARTICIPLE_NEXT = re.compile(r",\s*\w+ing\b")  # "..., a Chinese official said, adding that ..."
_CLAUSE_JOIN = re.compile(r",\s*(?:and|but|or|while|whereas)\s+$")  # ", while supporters argue ..."


def _joined_at(a: Candidate, b: Candidate, text: str) -> int | None:
    """Where ``a``'s content ends because ``b``'s cue is joined to it, if it is; or because ``b`` reports
    ``a`` ("Both men denied the charges, their lawyer said": denied the charges)."""
    if b.content[0] <= a.cue[0] < b.content[1]:
        at = b.source[0] if b.source is not None and a.content[0] < b.source[0] < b.cue[0] else b.cue[0]
        after = b.source[1] if b.source is not None and b.source[0] > b.cue[0] else b.cue[1]
        tail = text[after : a.content[1]]  # "..., their lawyer said [in a statement]", "..., she said, adding"
        short = len(WORD_RE.findall(tail)) <= 4 or _PARTICIPLE_NEXT.match(tail) is not None
        if text[a.content[0] : at].rstrip().endswith(",") and short:
            return end_before(text, a.content[0], at)
        return None
    if b.kind is FrameKind.citing and text[a.content[0] : b.cue[0]].rstrip().endswith(","):
        return end_before(text, a.content[0], b.cue[0])  # "..., citing local health officials": how it is known
    if b.source is not None and b.source != a.source and b.source[0] >= a.content[0]:
        between = text[a.content[0] : b.source[0]]
        if _opens_clause(text, a.cue[0]) and between.rstrip().endswith(",") and b.source[1] <= b.cue[0]:
            return end_before(text, a.content[0], b.source[0])  # "Asked whether he would resign, the minister said"
        join = _CLAUSE_JOIN.search(between)  # ", and I told ..."; not "finds that, while 37 percent say ..."
        if join is None or b.source[1] > b.cue[0] or len(WORD_RE.findall(between[: join.start()])) < 3:
            return None
        return a.content[0] + join.start()
    words = [m for m in WORD_RE.finditer(text, a.content[0], b.cue[0])][-2:]
    joins = [m for m in words if m.group().lower() in cues.COORDINATORS]
    # "and said"; "and also said", "but did note", "and Trump said"; not "lenders and creditors, asked"
    if joins and (joins[-1] is words[-1] or "," not in text[joins[-1].end() : b.cue[0]]):
        return end_before(text, a.content[0], joins[-1].start())
    return None


# the writer's aside on what was said: ", a claim that could not be independently verified", ", which
# could not be confirmed"
_ASIDE = re.compile(
    r",\s+(?:(?:a|an)\s+(?:claim|assertion|figure|number|account|allegation|statement)\s+(?:that|which)|which)"
    r"\s+(?:could|can|cannot|has|have|was|were)\b[^.]*?\b(?:verified|confirmed|corroborated)\b"
)


def end_before_asides(frames: list[Candidate], text: str) -> None:
    """End what was said before the writer's aside on it ("Ukraine's military said it shot down 20
    drones, a claim that could not be independently verified": the claim is the military's, the doubt
    the writer's)."""
    for f in frames:
        if f.kind not in KINDS:
            continue
        found = _ASIDE.search(text, f.content[0], f.content[1])
        if found is not None and found.start() > f.content[0]:
            f.content = (f.content[0], end_before(text, f.content[0], found.start()))
