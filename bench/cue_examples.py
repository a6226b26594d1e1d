"""The labelled candidate tokens of a brat gold folder, for the cue models' training scripts
(bench/train_cue_model.py, bench/train_cues.py): each token of each sentence that is not page
furniture, with its tree, the document's quotes, and whether it lies inside an annotated cue."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from citetrace.attribution import find_quotes, is_boilerplate
from citetrace.corpus import read_document
from citetrace.models import GoldDocument, Token
from citetrace.nlp import Parser
from citetrace.tree import Tree

HOLD_OUT_EVERY = 7  # every 7th document is held out (bench/heldout_train.py makes the same folder)

Labelled = tuple[Tree, Token, list[tuple[int, int]], int]  # tree, token, the document's quotes, 1 if in a cue


def labelled_tokens(
    folder: Path, gold: Sequence[GoldDocument], parser: Parser, keep: Callable[[Token], bool]
) -> list[tuple[str, list[Labelled]]]:
    """(document, its labelled tokens that ``keep`` accepts) for each gold document, in ``gold``'s order."""
    docs = [read_document(folder / "text" / g.document) for g in gold]
    parses = parser.parse([d.text for d in docs])
    out = []
    for g, d, p in zip(gold, docs, parses, strict=True):
        cue_spans = [piece for f in g.frames for piece in f.cue.pieces]
        quotes = find_quotes(d.text)
        tokens: list[Labelled] = []
        for i, s in enumerate(p.sentences):
            if not s.tokens or is_boilerplate(d.text, s):
                continue
            t = Tree(s, i, d.text)
            for tok in s.tokens:
                if keep(tok):
                    tokens.append((t, tok, quotes, int(any(a < tok.end and tok.start < b for a, b in cue_spans))))
        out.append((g.document, tokens))
    return out
