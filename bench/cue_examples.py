"""The labelled candidate tokens of a brat gold folder, for the cue models' training scripts
(bench/train_cue_model.py, bench/train_cues.py): each token of each sentence that is not page
furniture, with its tree, the document's quotes, and whether it lies inside an annotated cue; and
what the LightGBM training scripts share (bench/train_cues.py, bench/train_content.py): training
with early stopping on the held-out documents, and the model written as package data."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Sequence
from pathlib import Path

import lightgbm

from citetrace.attribution import find_quotes, is_boilerplate
from citetrace.attribution.tree import Tree
from citetrace.models import GoldDocument, Token
from citetrace.parse.nlp import Parser
from citetrace.read.corpus import read_document

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


EARLY_STOPPING = 50  # rounds without a better held-out score before training stops


def early_stopped(params: dict, train_set: lightgbm.Dataset, held_set: lightgbm.Dataset, max_trees: int):
    """A LightGBM booster trained on ``train_set`` until ``held_set`` (the held-out documents) stops
    improving, for at most ``max_trees`` rounds."""
    return lightgbm.train(
        params,
        train_set,
        num_boost_round=max_trees,
        valid_sets=[held_set],
        callbacks=[lightgbm.early_stopping(EARLY_STOPPING, verbose=False), lightgbm.log_evaluation(100)],
    )


def save_model(booster, path: Path) -> None:  # type: ignore[no-untyped-def]
    """The booster's best trees in LightGBM's text format, gzip-compressed (how the package ships it),
    with no time in the gzip header: the same model is the same file, byte for byte."""
    data = booster.model_to_string(num_iteration=booster.best_iteration).encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
