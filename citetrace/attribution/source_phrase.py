"""A source is a phrase, never a clause: ``source_phrase`` trims or drops a candidate's source span
(the bound and the dependents cut are data in ``cues``: ``MAX_SOURCE_WORDS``, ``SOURCE_CUTS``)."""

from __future__ import annotations

from bisect import bisect_right

from citetrace.attribution import cues
from citetrace.attribution.tree import BOUNDARY, Tree
from citetrace.models import Token

_FUNCTION_UPOS = frozenset({"ADP", "SCONJ", "CCONJ", "PUNCT"})
_NOMINAL_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _cut(t: Tree, toks: list[Token], root: Token, deprels: frozenset[str]) -> list[Token]:
    """The run of ``toks`` around ``root`` left when the subtrees of tokens attached by ``deprels`` are cut."""
    cut: set[int] = set()
    for k in toks:
        if k.id != root.id and (k.deprel in deprels or k.deprel.split(":")[0] in deprels):
            cut |= t.subtree(k)
    at = toks.index(root)
    lo = at
    while lo > 0 and toks[lo - 1].id not in cut:
        lo -= 1
    hi = at
    while hi + 1 < len(toks) and toks[hi + 1].id not in cut:
        hi += 1
    kept = toks[lo : hi + 1]
    while len(kept) > 1 and len(kept) < len(toks) and kept[-1].text in BOUNDARY | {"-"}:
        kept.pop()
    return _ends_nominal(kept, root) if len(kept) < len(toks) else kept


def _ends_nominal(kept: list[Token], root: Token) -> list[Token]:
    """A cut phrase ends on a noun, never mid-phrase: "a weekly newspaper affiliated with the
    Israeli-backed [group ...]" -> "a weekly newspaper" (never past its root)."""
    at = kept.index(root)
    end = len(kept)
    while end - 1 > at and kept[end - 1].upos not in _NOMINAL_UPOS:
        end -= 1
    return kept[:end]


def _aside(before: Token, opener: Token) -> bool:
    """Whether a comma between ``before`` and ``opener`` sets off an aside that is no part of the source:
    when or where it spoke ("during a town hall meeting", "in a statement", "speaking on condition of
    anonymity") or a discourse phrase ("for example", "on the other hand"), not an example ("like
    Richard Armitage") nor the name's own parts ("of Texas")."""
    word = opener.text.lower()
    if before.upos not in _NOMINAL_UPOS or word in ASIDE_KEPT:
        return False
    return opener.upos == "ADP" or word == "speaking"


ASIDE_KEPT = frozenset({"like", "including", "of", "such", "unlike", "as"})


def _noun_compound(t: Tree, kept: list[Token], root: Token) -> bool:
    """A first noun the tagger took for a verb in its base form, the rest its object: "according to court
    records" ("court/VB records/obj"), no clause."""
    obj = t.child(root, "obj")
    return (
        root is kept[0]
        and root.xpos in ("VB", "VBP")
        and root.text.islower()
        and obj is not None
        and obj.upos == "NOUN"
        and obj.id == root.id + 1
        and all(k is root or k.head == obj.id or k is obj for k in kept)
    )


def source_phrase(trees: list[Tree], starts: list[int], span: tuple[int, int]) -> tuple[int, int] | None:
    """The source phrase of ``span``, or None when it is a clause or a prepositional phrase. A phrase
    longer than ``cues.MAX_SOURCE_WORDS`` loses its relative clauses, then its other clausal dependents,
    then its appositions and conjuncts, and is no source if it is still too long (``cues.SOURCE_CUTS``).
    Spans outside the parsed sentences (credits, page furniture) are kept as they are."""
    i = bisect_right(starts, span[0]) - 1
    toks = [k for k in trees[i].tokens if k.start >= span[0] and k.end <= span[1]] if i >= 0 else []
    if not toks:
        return span
    t = trees[i]
    ids = {k.id for k in toks}
    preposition = len(toks) > 1 and toks[0].upos == "ADP"
    if len(toks) > 1 and toks[0].upos in _FUNCTION_UPOS:
        ids.discard(toks.pop(0).id)  # one leading marker: "as" in "as Iran issued new threats"
    first, second = (toks[0].text.lower(), toks[1].text.lower()) if len(toks) > 2 else ("", "")
    discourse = first in cues.DISCOURSE_WORDS or preposition  # "Nevertheless,", "in particular,", "for example,"
    if first == "no" and second in cues.NOT_NO_ONE or discourse and second == ",":
        ids -= {k.id for k in toks[:2]}  # "No wonder Trump said": Trump; "Nevertheless, Brenda ..., said": Brenda
        toks = toks[2:]
    aside = next((i for i in range(1, len(toks) - 1) if toks[i].text == "," and _aside(toks[i - 1], toks[i + 1])), 0)
    if aside:  # "Clinton, during a town hall meeting in Columbus, Ohio, said": Clinton
        ids -= {k.id for k in toks[aside:]}
        toks = toks[:aside]
    while len(toks) > 1 and toks[-1].text.lower() in cues.NEGATING_WORDS:
        ids.discard(toks.pop().id)  # "The firm neither admitted": the negation the parse hung on the subject
    roots = [k for k in toks if k.head not in ids]
    root = next((k for k in roots if k.upos in _NOMINAL_UPOS), roots[0])
    kept = toks
    for deprels in cues.SOURCE_CUTS:
        if sum(1 for k in kept if k.upos != "PUNCT") > cues.MAX_SOURCE_WORDS:
            kept = _cut(t, kept, root, deprels)
    clause = (
        root.upos in ("VERB", "AUX")
        and any(k.head == root.id and k.deprel.split(":")[0] in cues.CLAUSE_CORE_DEPRELS for k in kept)
        and not _noun_compound(t, kept, root)
    )
    words = sum(1 for k in kept if k.upos != "PUNCT")
    if clause or kept[0].upos in ("ADP", "SCONJ") or words > cues.MAX_SOURCE_WORDS:
        return None
    return span if kept[0].start == span[0] and kept[-1].end == span[1] else (kept[0].start, kept[-1].end)
