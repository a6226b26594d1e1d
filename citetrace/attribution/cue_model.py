"""The learned cue model: features of a token (``cue_features``) and their logistic score (``cue_score``).

The weights are package data (``citetrace/data/cue_model.tsv``), trained by ``bench/train_cue_model.py``.
"""

from __future__ import annotations

import math

from citetrace.attribution import cues
from citetrace.attribution.tree import Tree, negated
from citetrace.models import Token

CUE_UPOS = frozenset({"VERB", "NOUN", "AUX", "ADJ"})


def cue_features(t: Tree, tok: Token, quotes: list[tuple[int, int]]) -> list[str]:
    """Features of a candidate cue token for the learned cue model (``bench/train_cue_model.py``),
    computed once a token: the verb rules and the cue scorer both ask (``Tree.memo``; the list is shared,
    never to be changed in place)."""
    key = ("cue_features", tok.id, id(quotes))
    found = t.memo.get(key)
    if found is None:
        found = t.memo[key] = _cue_features(t, tok, quotes)
    return found


def _cue_features(t: Tree, tok: Token, quotes: list[tuple[int, int]]) -> list[str]:
    lemma, form = tok.lemma.lower(), tok.text.lower()
    rel = tok.deprel
    kids = t.kids.get(tok.id, [])
    kid_rels = sorted({k.deprel for k in kids})
    head = t.head(tok)
    subj = t.child(tok, "nsubj")
    ccomp = t.child(tok, "ccomp")
    prev = t.by_id.get(tok.id - 1)
    nxt = t.by_id.get(tok.id + 1)
    in_quote = any(qs < tok.start < qe for qs, qe in quotes)
    f = [
        "bias",
        f"l={lemma}",
        f"w={form}",
        f"u={tok.upos}",
        f"x={tok.xpos}",
        f"r={rel}",
        f"l|r={lemma}|{rel}",
        f"h={head.lemma.lower() if head else 'ROOT'}",
        f"hu={head.upos if head else 'ROOT'}",
        f"p={prev.lemma.lower() if prev else 'BOS'}",
        f"n={nxt.lemma.lower() if nxt else 'EOS'}",
        f"l|n={lemma}|{nxt.lemma.lower() if nxt else 'EOS'}",
        f"q={in_quote}",
        f"say={lemma in cues.SAY_LEMMAS}",
        f"learned={form in cues.learned_cue_forms()}",
        f"neg={negated(t, tok)}",
    ]
    f += [f"k={r}" for r in kid_rels] + [
        f"l|k={lemma}|{r}" for r in kid_rels if r.split(":")[0] in ("ccomp", "xcomp", "nsubj", "obj", "obl", "mark")
    ]
    if subj is not None:
        f += [
            f"su={subj.upos}",
            f"sl={subj.lemma.lower()}",
            f"sk={getattr(cues.SOURCE_NOUNS.get(subj.lemma.lower()), 'value', 'none')}",
            f"l|su={lemma}|{subj.upos}",
        ]
    else:
        f.append("nosubj")
    if ccomp is not None:
        marks = [k.lemma.lower() for k in t.children(ccomp, "mark")]
        f.append(f"cm={marks[0] if marks else 'none'}")
        f.append(f"l|cc={lemma}|ccomp")
    if head is not None and tok.deprel.split(":")[0] in ("parataxis", "ccomp"):
        f.append(f"l|gov={lemma}|{tok.deprel}")
    return f


def cue_score(features: list[str]) -> float:
    """Probability that a token is an attribution cue, from the learned logistic model."""
    weights = cues.cue_model()
    z = sum(weights.get(x, 0.0) for x in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
