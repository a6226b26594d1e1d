"""Phrase frames, cited without a verb of saying: "according to X" (and "Per X," opening a sentence),
"citing X", "X's 2019 list"."""

from __future__ import annotations

from itertools import takewhile

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.cues import QUOTE_MARKS
from citetrace.attribution.tree import Tree, glue
from citetrace.models import FoundBy, FrameKind, Token


def according_frames(t: Tree) -> list[Candidate]:
    """ "according to X" anywhere, and "Per X," opening a sentence."""
    frames = []
    toks = t.tokens
    for i, tok in enumerate(toks[:-1]):
        opening = not any(x.end <= tok.start for x in toks if x.upos not in ("PUNCT", "CCONJ"))  # "But according to"
        if tok.text.lower() == "according" and toks[i + 1].text.lower() == "to":
            to = toks[i + 1]
        elif tok.text == "Per" and opening:  # "Per a report from Bloomberg, ..."
            to = tok
        else:
            continue
        run = _tree_run(t, tok, to)
        if run:
            source = t.char_span(_before_clause(t, run, opening))
        else:  # no noun after "to" in the tree ("according" hung on the last word of a name): to the next stop
            run = set()
            for k in toks[to.id - toks[0].id + 1 :]:
                if k.text in (",", ";", ".", ":") or k.deprel == "punct" and k.text not in ("'", '"', "-", "/", "&"):
                    break
                run.add(k.id)
            source = t.char_span(run)
        if source is None:
            continue
        source = _with_description(t, glue(t.text, source), opening)
        phrase = (tok.start, source[1])
        s_start, s_end = t.span
        before = None if opening else t.char_span(x.id for x in toks if x.end <= phrase[0])
        after = t.char_span(x.id for x in toks if x.start >= phrase[1])
        joined = after is not None and t.text[after[0] : after[1]].split(" ", 1)[0].lower() in _JOINS
        if after is None and before is not None or joined and before is not None:
            content = before  # "..., according to S&P, and Wall Street estimates ...": what came before
        elif before is None and after is not None:
            content = after
        else:
            content = (s_start, s_end)
        frame = Candidate((tok.start, to.end), source, content, FrameKind.according, t.index)
        if to is tok:
            frame.found_by = FoundBy.surface  # "Per X,": a shape of the words, which PolNeAR's cues never show
        frames.append(frame)
    return frames


def _tree_run(t: Tree, tok: Token, to: Token) -> set[int]:
    """The contiguous run of the words after "to" that the tree hangs "according" from."""
    nominal = t.head(tok)
    if nominal is None or nominal.id <= to.id:
        return set()
    ids = {j for j in t.subtree(nominal) if j > to.id}
    run, j = set(), to.id + 1
    while j in ids:
        run.add(j)
        j += 1
    return run


def _before_clause(t: Tree, run: set[int], opening: bool) -> set[int]:
    """The source's words up to a comma that ends the phrase ("According to the latest figures from the
    Office for National Statistics, inflation rose ...", where the parse hung the clause on the name);
    past a description set off by commas ("according to John Smith, a professor at Yale, ...") and a
    comma inside a quoted title."""
    ids = sorted(run)
    for pos, i in enumerate(ids):
        if t.by_id[i].text != ",":
            continue
        if sum(t.by_id[j].text in QUOTE_MARKS for j in ids[:pos]) % 2:
            continue  # inside a title in quotes: "''The Fixers: Eddie Mannix, Howard Strickling and ...''"
        rest, before = [t.by_id[j] for j in ids[pos + 1 :]], [t.by_id[j] for j in ids[:pos]]
        if _set_off(t, rest, opening, before) is not None:
            continue
        return set(ids[:pos])
    return run


def _with_description(t: Tree, source: tuple[int, int], opening: bool) -> tuple[int, int]:
    """The source with the description set off by a comma right after it ("according to John Smith, a
    professor at Yale"), closed by a comma where the phrase opens the sentence."""
    after = [k for k in t.tokens if k.start >= source[1]]
    if not after or after[0].text != ",":
        return source
    segment = _set_off(t, after[1:], opening, [k for k in t.tokens if source[0] <= k.start < source[1]])
    return (source[0], segment[-1].end) if segment else source


_JOINS = frozenset({"and", "but", "although", "though", "while", "whereas"})  # another clause after the phrase
_STOPS = frozenset({",", ";", ":", ".", "!", "?", "(", ")"})


def _set_off(t: Tree, rest: list[Token], opening: bool, before: list[Token]) -> list[Token] | None:
    """The description that opens ``rest`` (the words after a comma), if one does: closed by a comma, or
    running to the sentence's end where the phrase does not open the sentence; or the rest of a list
    begun in ``before``, the words before the comma."""
    segment = list(takewhile(lambda k: k.text not in _STOPS, rest))
    if _listed(segment, before):  # "Cruz's friends, aides and allies": a list goes on
        return segment
    # a relative clause is the source's too: "the SITE Intelligence Group, which monitors extremist statements"
    relative = bool(segment) and segment[0].text.lower() in cues.RELATIVE_PRONOUNS
    if not segment or not relative and not _description(segment):
        return None
    closed = len(segment) < len(rest) and rest[len(segment)].text == ","
    at_end = all(k.upos == "PUNCT" for k in rest[len(segment) :]) and rest[-1] is t.tokens[-1]
    return segment if closed or at_end and not opening else None


def _listed(segment: list[Token], before: list[Token]) -> bool:
    """Whether ``segment`` ends a list begun before its comma: "aides and allies" after "Cruz's friends";
    not "and Wall Street estimates ...", nor a second list ("their friends and advisers, Mrs. Clinton and
    ...")."""
    if not segment or segment[0].upos == "CCONJ" or any(k.upos == "CCONJ" for k in before):
        return False
    return any(k.upos == "CCONJ" for k in segment) and not any(k.upos in ("VERB", "AUX") for k in segment)


def _description(words: list[Token]) -> bool:
    """ "a professor at Yale", "its chief economist", "Mr. Netanyahu's former national security adviser",
    "a social analytics tool that monitors social media": a determiner, a possessive or a noun of sources,
    and no verb before a relative pronoun."""
    first = words[0]
    opens = (
        first.upos == "DET"
        or first.xpos == "PRP$"
        or any(k.lemma.lower() in cues.SOURCE_NOUNS and k.upos == "NOUN" for k in words)
    )
    relative = next((n for n, k in enumerate(words) if k.text.lower() in cues.RELATIVE_PRONOUNS), len(words))
    return opens and not any(k.upos in ("VERB", "AUX") for k in words[:relative])


# "citing the many Americans who ...", "citing millions of Syrians": a counted group is what a claim
# is about, not who made it
_COUNTED = frozenset({"many", "most", "few", "several", "numerous", "countless", "millions", "thousands", "hundreds"})


def _looks_like_source(t: Tree, tok: Token) -> bool:
    lemma = tok.lemma.lower()
    counted = t.children(tok, "amod", "det", "nummod", "nmod")
    if tok.text.lower() in _COUNTED or any(k.text.lower() in _COUNTED for k in counted):
        return False
    return tok.upos == "PROPN" or lemma in cues.SOURCE_NOUNS or lemma in cues.ANONYMOUS_NOUNS


def citing_frames(t: Tree) -> list[Candidate]:
    frames = []
    for tok in t.tokens:
        if tok.lemma.lower() != "cite" or tok.upos != "VERB":
            continue
        obj = t.child(tok, "obj")
        governor = t.head(tok)
        if obj is None or not _looks_like_source(t, obj):
            continue
        source = t.char_span(t.subtree(obj))
        if governor is not None and tok.deprel.split(":")[0] in ("advcl", "xcomp", "conj", "acl"):
            content = t.char_span(t.subtree(governor) - t.subtree(tok))
        else:
            content = t.char_span({x.id for x in t.tokens} - t.subtree(tok))
        if source and content:
            frames.append(Candidate((tok.start, tok.end), source, content, FrameKind.citing, t.index))
    return frames


def possessive_frames(t: Tree) -> list[Candidate]:
    """ "Foreign Policy (FP)'s 2019 list": a publication cited without a verb."""
    frames = []
    toks = t.tokens
    for i, tok in enumerate(toks):
        if tok.text.lower() not in ("'s", "\u2019s", "'") or i == 0:
            continue
        ahead = [k for k in toks[i + 1 : i + 4] if k.upos == "NOUN"]
        if not ahead or ahead[0].lemma.lower() not in cues.PUBLICATION_HEADS:
            continue
        ids, depth = [], 0
        for k in reversed(toks[:i]):
            if k.text == ")":
                depth += 1
            elif k.text == "(":
                depth -= 1
            elif depth == 0 and not (k.upos == "PROPN" or k.text[:1].isupper() and k.upos in ("ADJ", "NOUN")):
                break
            ids.append(k.id)
        source = t.char_span(ids)
        if source is None or not any(t.by_id[j].upos == "PROPN" for j in ids):
            continue
        frames.append(Candidate((tok.start, tok.end), glue(t.text, source), t.span, FrameKind.possessive, t.index))
    return frames
