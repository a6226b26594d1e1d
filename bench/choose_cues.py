"""Choose the learned scorer's thresholds on the held-out part of PolNeAR train (never on dev).

For each ``cues.LEARNED_CUE`` (a token that no rule takes as a cue makes a frame of its own at this
score) and each ``cues.RULE_VETO`` (a rule frame whose cue scores below it is dropped), extract the
held-out documents and score frames against gold. Prints one row per pair and the chosen pair:
the most precise within ``TIE`` of the best frame F1.

    python bench/heldout_train.py ../shared/gold/polnear/train /tmp/heldout
    python bench/choose_cues.py /tmp/heldout

Parses come from the parse cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import sys
from itertools import product
from pathlib import Path

from citetrace import cues
from citetrace.corpus import read_document
from citetrace.evaluate import score
from citetrace.gold import read_gold
from citetrace.nlp import Parser, default_cache_dir
from citetrace.pipeline import frames_of

LEARNED = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
VETO = (0.0, 0.1, 0.2, 0.3, 0.4)
TIE = 0.003  # F1 differences this small are noise on 120 documents: the more precise setting wins


def main(folder: Path) -> None:
    gold, texts_dir = read_gold(folder, None)
    docs = [read_document(texts_dir / g.document) for g in gold]
    parses = Parser(None, cache_dir=default_cache_dir(), doc_timeout=None).parse([d.text for d in docs])
    texts = {d.name: d.text for d in docs}
    rows = []
    for learned, veto in product(LEARNED, VETO):
        cues.LEARNED_CUE, cues.RULE_VETO = learned, veto
        predictions = {d.name: frames_of(d, p) for d, p in zip(docs, parses, strict=True)}
        r = score(gold, predictions, texts)
        rows.append((r.frames.f1, learned, veto, r))
        print(
            f"learned {learned:.2f} veto {veto:.2f}: frames P {r.frames.precision:.3f} R {r.frames.recall:.3f} "
            f"F1 {r.frames.f1:.3f}; full {r.full_frames.f1:.3f}; sources {r.sources.f1:.3f}; "
            f"content {r.content.f1:.3f}",
            flush=True,
        )
    best = max(r[0] for r in rows)
    near = [r for r in rows if r[0] >= best - TIE]
    f1, learned, veto, r = max(near, key=lambda x: x[3].frames.precision)
    print(
        f"chosen: learned {learned} veto {veto} (frame F1 {f1:.3f}, P {r.frames.precision:.3f}; the most precise "
        f"within {TIE} of the best F1 {best:.3f})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
