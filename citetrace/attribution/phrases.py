"""Phrase frames, cited without a verb of saying: "according to X", "citing X", "X's 2019 list"."""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.tree import Tree, glue
from citetrace.models import FrameKind, Token


def according_frames(t: Tree) -> list[Candidate]:
    frames = []
    toks = t.tokens
    for i, tok in enumerate(toks[:-1]):
        if tok.text.lower() != "according" or toks[i + 1].text.lower() != "to":
            continue
        to = toks[i + 1]
        nominal = t.head(tok)
        if nominal is not None and nominal.id > to.id:
            ids = {j for j in t.subtree(nominal) if j > to.id}
            # keep the contiguous run after "to"
            run, j = set(), to.id + 1
            while j in ids:
                run.add(j)
                j += 1
            source = t.char_span(run)
        else:
            run = set()
            for k in toks[i + 2 :]:
                if k.text in (",", ";", ".", ":") or k.deprel == "punct" and k.text not in ("'", '"', "-", "/", "&"):
                    break
                run.add(k.id)
            source = t.char_span(run)
        if source is None:
            continue
        source = glue(t.text, source)
        phrase = (tok.start, source[1])
        s_start, s_end = t.span
        before = t.char_span(x.id for x in toks if x.end <= phrase[0])
        after = t.char_span(x.id for x in toks if x.start >= phrase[1])
        if after is None and before is not None:
            content = before
        elif before is None and after is not None:
            content = after
        else:
            content = (s_start, s_end)
        frames.append(Candidate((tok.start, to.end), source, content, FrameKind.according, t.index))
    return frames


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
