"""CPU speed-up for Stanza: ``torch.nn.functional.bilinear`` as a matrix product.

Stanza's tagger and parser score with ``nn.Bilinear``, whose CPU kernel is very slow. This is the
same computation as ``matmul`` + ``bmm`` (outputs equal to 1e-5; see the models' MODELS.md), applied
once, before the pipeline is built.
"""

from __future__ import annotations

_applied = False


def apply() -> None:
    global _applied
    if _applied:
        return
    import torch.nn.functional as F

    def fast_bilinear(input1, input2, weight, bias=None):
        out, in1, in2 = weight.shape
        lead = input1.shape[:-1]
        x1 = input1.reshape(-1, in1)
        x2 = input2.reshape(-1, in2)
        t = x1 @ weight.permute(1, 0, 2).reshape(in1, out * in2)
        y = (t.view(-1, out, in2) @ x2.unsqueeze(2)).squeeze(2)
        if bias is not None:
            y = y + bias
        return y.reshape(*lead, out)

    F.bilinear = fast_bilinear
    _applied = True
