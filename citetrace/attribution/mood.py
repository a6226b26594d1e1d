"""Whether a cue reports something said, or something that may be said: a question ("Did Trump say
that Mexico would pay?"), a condition ("If Clinton says the emails were deleted, ...") or a modal
("Critics may say", "Trump will argue", "Clinton could claim"). Such a frame is kind
``hypothetical``: kept for PolNeAR's scope, never shown as said, never a link of a chain.

Not hypothetical: the speaker's own assertion in the first person ("I can tell you", "I must say",
"we will say this"), "would" (also "would later say", which was said), a question that takes the saying as given ("Why
had he asserted that ...?") and a question inside a quote ('He asked, "Why?"').
"""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.content import cue_token
from citetrace.attribution.tree import Tree
from citetrace.models import FrameKind, Token

MODALS = frozenset("will 'll may might could can ca should must shall".split())
CONDITIONS = frozenset("if unless whether".split())
FIRST_PERSON = frozenset("i we".split())
PRESUPPOSING = frozenset("why how when where".split())  # "Why had he asserted that ...?": he had
IDIOMS = frozenset("anything so not ever only nothing any".split())  # "If anything, Ash argued ...": no condition
NEAR = 4  # a modal at most this many words before its cue ("will probably be remembered")


def _clause_marked(t: Tree, tok: Token) -> bool:
    """Whether the cue's clause opens with "if", "unless" or "whether" ("If Clinton says", not "Asked
    whether ...", whose "whether" opens what was asked, nor "If anything, ...")."""
    for k in t.children(tok, "mark"):
        after = t.by_id.get(k.id + 1)
        if k.text.lower() in CONDITIONS and k.id < tok.id and (after is None or after.text.lower() not in IDIOMS):
            return True
    return False


def _modal(t: Tree, tok: Token) -> bool:
    """A modal right before the cue, its subject not the speaker ("Critics may say"). A capitalised
    modal is a name ("Will wrote") unless the sentence asks ("Will he say ...?")."""
    asks = bool(t.tokens) and t.tokens[-1].text == "?"
    modals = [
        k
        for k in t.children(tok, "aux")
        if k.text.lower() in MODALS
        and 0 < tok.id - k.id <= NEAR
        and (k.text.islower() or asks)
        and all(t.by_id[i].upos in ("ADV", "PART", "AUX") for i in range(k.id + 1, tok.id) if i in t.by_id)
    ]
    if not modals:
        return False
    subject = t.child(tok, "nsubj")
    return subject is None or subject.text.lower() not in FIRST_PERSON


def _question(t: Tree, tok: Token) -> bool:
    """A cue asked about by the narrator: the sentence ends with "?", quotes nothing, and puts an
    auxiliary of the cue before its subject ("Did Trump say ...?", "Does Sanders represent ...?")."""
    words = [k.text for k in t.tokens]
    if not words or words[-1] != "?" or any(w in cues.QUOTE_MARKS for w in words):
        return False
    subject = t.child(tok, "nsubj")
    inverted = subject is not None and any(k.id < subject.id for k in t.children(tok, "aux"))
    return inverted and words[0].lower() not in PRESUPPOSING  # "Did Trump say ...?", not "A reporter asked: Did ...?"


def hypothetical(t: Tree, tok: Token) -> bool:
    """Whether the cue ``tok`` reports what may be said, not what was (module docstring)."""
    return _clause_marked(t, tok) or _modal(t, tok) or _question(t, tok)


def mark_hypothetical(trees: list[Tree], frames: list[Candidate]) -> None:
    """Make every ``verb`` frame whose cue is hypothetical of kind ``hypothetical``."""
    by_index = {t.index: t for t in trees}
    for f in frames:
        t = by_index.get(f.sentence)
        if f.kind is not FrameKind.verb or t is None:
            continue
        tok = cue_token(t, f)
        if tok is not None and hypothetical(t, tok):
            f.kind = FrameKind.hypothetical
