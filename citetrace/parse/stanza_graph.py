"""Stanza's graph parser in evaluation, faster and with the same parses (``stanza_patches`` puts
``predict`` in place of ``GraphParser.predict`` and ``cycles`` in place of the tree search's ``tarjan``):
the arcs scored, the tree found (in C++ where ``ufal.chu_liu_edmonds`` is installed), then the labels of
the chosen arcs only, scored once per distinct head. docs/performance.md measures each.
"""

from __future__ import annotations

import os

# Stanza's own ``GraphParser.predict``, for the models that use what ``predict`` does not cover
ORIGINAL: dict = {}


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


# Heads whose label products are computed at once: heads x (dependent features x labels) floats, 13 MB
# at 256 heads, and about twice that gathered for their dependents: a bound however long a sentence
# (scored all at once, padded to the longest, one sentence of 140 words took Stanza's to 69 MB, which
# the heap kept as fragments after it was freed).
LABEL_ROWS = 256


def _labels_at(scorer, out, heads, sentlens):
    """argmax over labels of the deep biaffine ``scorer`` at (word, heads[word]): (sentences, words);
    scored for the words of each sentence (``sentlens``, the root included), not the padding. The
    bilinear form dep' W head is computed head first: each distinct head's product with W once
    (``LABEL_ROWS`` heads at a time), then each of its dependents' dot products with it. A head has
    about two dependents, so this is about half the work of a product per word. Padding positions
    get label 0 (never read)."""
    import torch

    dep = scorer.hidden_func(scorer.W1(out))
    hd = scorer.hidden_func(scorer.W2(out))
    dep = torch.cat([dep, dep.new_ones(*dep.shape[:-1], 1)], -1)
    hd = torch.cat([hd, hd.new_ones(*hd.shape[:-1], 1)], -1)
    bilinear = scorer.scorer.W_bilin
    n_in, n_head, n_out = bilinear.weight.shape  # (dependent, head, label)
    by_head = bilinear.weight.permute(1, 0, 2).reshape(n_head, n_in * n_out)
    width = heads.size(1)
    rows = torch.cat([torch.arange(n) + i * width for i, n in enumerate(sentlens)])
    head_rows = (heads + torch.arange(heads.size(0)).unsqueeze(1) * width).reshape(-1)[rows]
    distinct, which = torch.unique(head_rows, return_inverse=True)
    order = torch.argsort(which, stable=True)  # the words grouped by their head
    rows, which = rows[order], which[order]
    dep, hd = dep.reshape(-1, n_in), hd.reshape(-1, n_head)
    ends = torch.searchsorted(which, torch.arange(LABEL_ROWS, len(distinct) + LABEL_ROWS, LABEL_ROWS)).tolist()
    labels = torch.zeros(heads.numel(), dtype=torch.long)
    lo = 0
    for k, hi in enumerate(ends):
        first = k * LABEL_ROWS
        at_head = (hd[distinct[first : first + LABEL_ROWS]] @ by_head).view(-1, n_in, n_out)
        some = rows[lo:hi]
        scores = (dep[some].unsqueeze(1) @ at_head[which[lo:hi] - first]).squeeze(1) + bilinear.bias
        labels[some] = scores.argmax(-1)
        lo = hi
    return labels.view(heads.shape)
