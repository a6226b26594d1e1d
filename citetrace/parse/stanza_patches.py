"""CPU speed-ups and memory bounds for Stanza's tokenizer, tagger and parser that give the same
parses, applied once, before the pipeline is built (``apply``). What each saves is measured in
docs/performance.md.

1. ``torch.nn.functional.bilinear`` as a matrix product: Stanza's tagger and parser score with
   ``nn.Bilinear``, whose CPU kernel is very slow (outputs equal to 1e-5; see the models' MODELS.md).
2. Dependency labels scored for the chosen heads only. Stanza's graph parser scores every label of
   every (dependent, head) pair of a sentence, a tensor of sentences x words x words x labels, takes
   its log-softmax, and then reads one cell per word, at the head the tree search chose. Here the
   tree is found first (from the arc scores alone, as Stanza finds it) and the labels are scored for
   the chosen arcs: the same bilinear form, the same argmax, without the other pairs, for the words
   and not the padding, ``LABEL_ROWS`` words at a time (a bounded product, however long a sentence).
3. The tokenizer's batches bounded in characters (``tokenize_predict``). Stanza's tokenizer takes
   32 paragraphs at a time, each padded to the longest, and holds their character features twice
   while it steps through them 1,000 characters at a time: 32 paragraphs of up to 9,354 characters
   took ~215 MiB. Here paragraphs too long for 32 in ``TOKENIZE_BATCH_CHARS`` go in smaller batches.
   Each paragraph is tokenized on its own whatever its batch, so the tokens are the same (all of
   400 PolNeAR articles), unless a decision is so close that the batch's shape, which changes the
   order of floating-point sums, tips it (seen once, in a batch of 3: any batching can do this).
4. The tree search (Chu-Liu-Edmonds) finds the cycles of each candidate tree by following heads
   (``cycles``), not with a general strongly-connected-components search: every word has exactly
   one head. The best tree is the same whichever cycle is contracted first, unless two trees score
   exactly the same (on 74,479 words of PolNeAR, every head and label came out as Stanza's).
5. The tree search in C++: TurboParser's Chu-Liu-Edmonds (``ufal.chu_liu_edmonds``) on the scores
   Stanza's own search gets (the root arcs reweighted as Stanza 1.15 does, so that one word only
   takes the root), ``one_root_tree``. Every head of PolNeAR dev's 3,378 sentences (79,166 words) is
   the same, and the search takes 0.27 s instead of 4.75 s. ``CITETRACE_STANZA_MST=1`` in the
   environment (or the package missing) keeps Stanza's search, for comparison.
6. Optimizers built when first used (``lazy_optimizers``, while a pipeline loads). Stanza's
   tokenizer, tagger and parser build their optimizers as they load, for training; building one
   imports ``torch._dynamo`` (1.6 s and 71 MiB in every process that parses). Parsing never uses them.

7. The tagger's composite tags (XPOS, features) spelled once each (``composite_unit``): Stanza
   rebuilds the string of every word's features from its parts ("Number=Sing|Person=3"), a third of
   the tagger's time outside torch; here each combination of parts is spelled once a process.
8. "its" is never two words. The models' dictionary of multi-word tokens learnt "its" = "it" + "s"
   from the misspelt "it's" of web text (UD EWT), and the tokenizer marks a possessive "its" as such a
   token often enough (43 of 757 in PolNeAR train) to break the sentence ("Its chair, Helen Park,
   said" parsed as "It 's chair"). ``PARSE_REVISION`` names the parses this gives, in the cache's key.
9. Not the same parses, and so chosen by ``nlp.Precision`` and cached apart: the tagger and the
   parser in bfloat16 (``bfloat16``), through torch's autocast, on CPUs that compute it natively. On
   PolNeAR dev a few tags and heads in a thousand change (docs/performance.md has the count and the
   frame scores with and without it).

Where a model uses what these do not cover (arc embeddings, head constraints), Stanza's own code
runs. ``ORIGINAL`` keeps Stanza's functions, for the test that compares the two.
``CITETRACE_STANZA_PATCHES=0`` in the environment applies none of 1-8 (Stanza's own code, for
``bench/parse_speed.py``); the tree search alone is turned off by ``CITETRACE_STANZA_MST=1`` (5).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_applied = False
ORIGINAL: dict[str, Any] = {}


PATCHES_ENV = "CITETRACE_STANZA_PATCHES"
# What parses the patches give, part of the parse cache's key (``nlp.model_fingerprint``): 1, the same
# parses as Stanza's; 2, "its" kept one word (8). "0" when the patches are off.
PARSE_REVISION = "2"
# Words never split into several (8): their dictionary expansions come from misspellings
ONE_WORD = frozenset({"its"})


def patched() -> bool:
    """Whether the patches apply in this process (``CITETRACE_STANZA_PATCHES=0`` turns them off)."""
    return os.environ.get(PATCHES_ENV, "") != "0"


def revision() -> str:
    """The revision of the parses this process gives (``PARSE_REVISION``, "0" with the patches off)."""
    return PARSE_REVISION if patched() else "0"


def apply() -> None:
    global _applied
    if _applied or not patched():
        return
    import torch.nn.functional as F
    from stanza.models.common import chuliu_edmonds as cle
    from stanza.models.common.vocab import CompositeVocab
    from stanza.models.depparse.model import GraphParser
    from stanza.models.mwt.trainer import Trainer as MWTTrainer
    from stanza.models.tokenization import utils as tokenization

    ORIGINAL.update(
        bilinear=F.bilinear,
        tarjan=cle.tarjan,
        predict=GraphParser.predict,
        tokenize=tokenization.predict,
        composite=CompositeVocab.id2unit,
        expansion=MWTTrainer.dict_expansion,
    )
    F.bilinear = fast_bilinear
    CompositeVocab.id2unit = composite_unit
    MWTTrainer.dict_expansion = dict_expansion
    cle.tarjan = cycles
    GraphParser.predict = predict
    tokenization.predict = tokenize_predict
    _applied = True


class Lazy:
    """What ``build`` returns, built when an attribute is first asked of it."""

    def __init__(self, build: Callable[[], Any]):
        self._build = build
        self._built: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._built is None:
            self._built = self._build()
        return getattr(self._built, name)


def _lazily(build: Callable[..., Any]) -> Callable[..., Lazy]:
    return lambda *args, **kwargs: Lazy(lambda: build(*args, **kwargs))


@contextmanager
def lazy_optimizers() -> Iterator[None]:
    """While a pipeline loads: the optimizers that Stanza's trainers build, and the parser's
    learning-rate schedulers (which read their optimizer), each ``Lazy``."""
    from stanza.models.common import utils
    from stanza.models.depparse import trainer

    if not patched():
        yield
        return
    dispatch, scheduler = utils.dispatch_optimizer, trainer.WarmupThenPlateauScheduler
    utils.dispatch_optimizer, trainer.WarmupThenPlateauScheduler = _lazily(dispatch), _lazily(scheduler)
    try:
        yield
    finally:
        utils.dispatch_optimizer, trainer.WarmupThenPlateauScheduler = dispatch, scheduler


def composite_unit(self, ids):  # noqa: ANN001, ANN201 (a Stanza CompositeVocab; its ids -> str or list)
    """``CompositeVocab.id2unit``, each combination of ids spelled once (a vocabulary does not change
    once loaded); a list result (no separator) is copied, as Stanza returns a new one each time."""
    spelled = self.__dict__.setdefault("_citetrace_units", {})
    key = tuple(ids) if isinstance(ids, list | tuple) else ids
    unit = spelled.get(key)
    if unit is None:
        unit = spelled[key] = ORIGINAL["composite"](self, ids)
    return list(unit) if isinstance(unit, list) else unit


def dict_expansion(self, word: str):  # noqa: ANN201 (a Stanza MWT trainer; its expansion or None)
    """Stanza's dictionary expansion of a multi-word token, none for a word in ``ONE_WORD``."""
    if word.lower() in ONE_WORD:
        return None
    return ORIGINAL["expansion"](self, word)


# The processors run in bfloat16: their matrix products and LSTMs (the tokenizer stays in float32)
BFLOAT16_PROCESSORS = ("pos", "depparse")


def bfloat16(pipeline) -> None:  # stanza.Pipeline
    """Run the tagger and the parser of ``pipeline`` under ``torch.autocast`` in bfloat16 on the CPU:
    products and LSTMs in bfloat16, sums and softmaxes in float32 (autocast's own lists)."""
    import torch

    for name in BFLOAT16_PROCESSORS:
        processor = pipeline.processors.get(name)
        if processor is None:
            continue

        def process(doc, _process=processor.process):  # noqa: ANN001, ANN202 (a Stanza Document)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                return _process(doc)

        processor.process = process


# Characters the tokenizer takes in one batch: 32 paragraphs of up to 1,000 characters, as Stanza
# batches them (most news paragraphs are shorter), fewer paragraphs when they are longer.
TOKENIZE_BATCH_CHARS = 32_000


def tokenize_predict(trainer, data_generator, batch_size, max_seqlen, use_regex_tokens, num_workers):
    """Stanza's tokenizer ``predict`` (predictions and characters of each paragraph, in order), the
    paragraphs grouped by how many of their length fit in ``TOKENIZE_BATCH_CHARS``: ``batch_size``,
    or else a power of two (a few batch shapes: torch keeps a compiled kernel for each), each group
    through Stanza's own ``predict`` in batches of that many."""
    from copy import copy

    groups: dict[int, list[int]] = {}
    for i, paragraph in enumerate(data_generator.data):
        fit = max(1, min(batch_size, TOKENIZE_BATCH_CHARS // max(len(paragraph), 1)))
        size = batch_size if fit == batch_size else 1 << (fit.bit_length() - 1)
        groups.setdefault(size, []).append(i)
    preds: list = [None] * len(data_generator.data)
    raws: list = [None] * len(data_generator.data)
    for size, members in groups.items():
        part = copy(data_generator)
        part.data = [data_generator.data[i] for i in members]
        pred, raw = ORIGINAL["tokenize"](trainer, part, size, max_seqlen, use_regex_tokens, num_workers)
        for i, p, r in zip(members, pred, raw, strict=True):
            preds[i], raws[i] = p, r
    return preds, raws


def fast_bilinear(input1, input2, weight, bias=None):
    """``F.bilinear`` as ``matmul`` + ``bmm``."""
    out, in1, in2 = weight.shape
    lead = input1.shape[:-1]
    x1 = input1.reshape(-1, in1)
    x2 = input2.reshape(-1, in2)
    t = x1 @ weight.permute(1, 0, 2).reshape(in1, out * in2)
    y = (t.view(-1, out, in2) @ x2.unsqueeze(2)).squeeze(2)
    if bias is not None:
        y = y + bias
    return y.reshape(*lead, out)


def cycles(tree):
    """Stanza's ``tarjan``: the cycles of a head array (tree[i] is the head of word i, tree[0] == 0),
    each a boolean mask. Every word has one head, so following heads from each word finds each cycle
    once, in one pass, where Tarjan's strongly connected components walk every dependent list."""
    import numpy as np

    heads = tree.tolist()
    seen = [0] * len(heads)  # 0: not yet; k: on walk k; -1: done
    found = []
    for start in range(len(heads)):
        walk, node, path = start + 1, start, []
        while seen[node] == 0:
            seen[node] = walk
            path.append(node)
            node = heads[node]
        if seen[node] == walk and path[-1] != node:  # back on this walk's own path, not a self-loop
            mask = np.zeros(len(heads), dtype=bool)
            mask[path[path.index(node) :]] = True
            found.append(mask)
        for p in path:
            seen[p] = -1
    return found


def predict(self, *inputs, resolve_head_constraints=False):
    """``GraphParser.predict`` in evaluation: arc scores, the tree, then the labels of its arcs.
    ``inputs`` are Stanza's: word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats,
    pretrained, lemma, head, deprel, word_orig_idx, sentlens, wordlens, text."""
    if resolve_head_constraints or self.args.get("use_arc_embedding") or self.training:
        return ORIGINAL["predict"](self, *inputs, resolve_head_constraints=resolve_head_constraints)
    import torch
    import torch.nn.functional as F
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE

    word, head, sentlens = inputs[0], inputs[9], inputs[12]
    out = self.embed(*inputs)
    scores = _arc_scores(self, out, word.size(1), head)
    arcs = F.log_softmax(scores, 2).detach().cpu().numpy()
    search = one_root_tree if _fast_search() else chuliu_edmonds_one_root
    trees = [search(arcs[i][:n, :n]) for i, n in enumerate(sentlens)]
    heads = torch.zeros(out.shape[:2], dtype=torch.long)
    for i, tree in enumerate(trees):
        heads[i, : len(tree)] = torch.as_tensor(tree)
    labels = (_labels_at(self.deprel, out, heads, sentlens) + VOCAB_PREFIX_SIZE).tolist()
    vocab = self.vocab["deprel"]
    return [
        [[int(h), r] for h, r in zip(tree[1:], vocab.unmap(labels[i][1 : len(tree)]), strict=True)]
        for i, tree in enumerate(trees)
    ]


def _fast_search() -> bool:
    """Whether the C++ tree search is used: installed, and not turned off (``CITETRACE_STANZA_MST``)."""
    if os.environ.get("CITETRACE_STANZA_MST", "") not in ("", "0"):
        return False
    try:
        import ufal.chu_liu_edmonds  # noqa: F401
    except ImportError:
        return False
    return True


def one_root_tree(scores):  # (n, n) log-probabilities, [dependent, head] -> heads, [0] = 0
    """Stanza's ``chuliu_edmonds_one_root`` with TurboParser's search: the root arcs lowered by the
    lowest score times the length (so a tree with two roots never beats one with one), self-arcs and
    the root's own row left out (NaN: no arc), then the maximum spanning tree."""
    import numpy as np
    from ufal.chu_liu_edmonds import chu_liu_edmonds

    scores = scores.astype(np.float64)  # a copy: the caller's array is not changed
    scores[:, 0] += scores[np.isfinite(scores)].min() * scores.shape[0]
    scores[~np.isfinite(scores)] = np.nan
    np.fill_diagonal(scores, np.nan)
    scores[0] = np.nan
    heads, _ = chu_liu_edmonds(scores)
    heads[0] = 0
    return np.asarray(heads)


def _arc_scores(self, out, length: int, head):
    """The unlabelled arc scores of ``GraphParser.forward_scores``, in evaluation (dropout off)."""
    import torch
    import torch.nn.functional as F

    scores = self.unlabeled(out, out).squeeze(3)
    if self.args["linearization"] or self.args["distance"]:
        positions = torch.arange(length, device=head.device)
        offset = positions.view(1, 1, -1).expand(out.size(0), -1, -1) - positions.view(1, -1, 1).expand(
            out.size(0), -1, -1
        )
    if self.args["linearization"]:
        lin = self.linearization(out, out).squeeze(3)
        scores += F.logsigmoid(lin * torch.sign(offset).float()).detach()
    if self.args["distance"]:
        dist = 1 + F.softplus(self.distance(out, out).squeeze(3))
        scores += (-torch.log((torch.abs(offset).float() - dist) ** 2 / 2 + 1)).detach()
    diag = torch.eye(head.size(-1) + 1, dtype=torch.bool, device=head.device).unsqueeze(0)
    scores.masked_fill_(diag, -float("inf"))
    return scores


# Words whose labels are scored in one product: the product holds words x (head features x labels)
# floats, 13 MB at 256 words. Scored all at once, the sentences of a batch padded to the longest, one
# sentence of 140 words took it to 69 MB, which the heap kept as fragments after it was freed.
LABEL_ROWS = 256


def _labels_at(scorer, out, heads, sentlens):
    """argmax over labels of the deep biaffine ``scorer`` at (word, heads[word]): (sentences, words);
    scored for the words of each sentence (``sentlens``, the root included), not the padding, in
    ``LABEL_ROWS`` at a time. Padding positions get label 0 (never read)."""
    import torch

    dep = scorer.hidden_func(scorer.W1(out))
    hd = scorer.hidden_func(scorer.W2(out))
    dep = torch.cat([dep, dep.new_ones(*dep.shape[:-1], 1)], -1)
    hd = torch.cat([hd, hd.new_ones(*hd.shape[:-1], 1)], -1)
    at = torch.gather(hd, 1, heads.unsqueeze(2).expand(-1, -1, hd.size(2)))  # each word's head's vector
    bilinear = scorer.scorer.W_bilin
    weight = bilinear.weight  # (I, J, O)
    n_in, n_head, n_out = weight.shape
    flat = weight.reshape(n_in, n_head * n_out)
    width = heads.size(1)
    rows = torch.cat([torch.arange(n) + i * width for i, n in enumerate(sentlens)])
    dep, at = dep.reshape(-1, n_in), at.reshape(-1, n_head)
    labels = torch.zeros(heads.numel(), dtype=torch.long)
    for start in range(0, len(rows), LABEL_ROWS):
        some = rows[start : start + LABEL_ROWS]
        t = dep[some] @ flat
        scores = (at[some].unsqueeze(1) @ t.view(-1, n_head, n_out)).squeeze(1) + bilinear.bias
        labels[some] = scores.argmax(-1)
    return labels.view(heads.shape)
