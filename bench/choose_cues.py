"""Choose the learned scorer's thresholds on the held-out part of PolNeAR train (never on dev).

For each ``cues.LEARNED_CUE`` (a token that no rule takes as a cue makes a frame of its own at this
score) and each ``cues.RULE_VETO`` (a rule frame whose cue scores below it is dropped), extract the
held-out documents and score frames against gold; the seeds (the sample corpus's hand annotation:
the spec's hard cases) are scored too. The chosen pair: among the pairs within ``TIE`` of the best
held-out frame F1, those that keep every seeds frame the rules alone find (seeds frame recall not
below the rules'), the most precise on held-out.

    python bench/heldout_train.py ../shared/gold/polnear/train /tmp/heldout
    python bench/choose_cues.py /tmp/heldout ../shared/gold/seeds.jsonl corpus/

Parses come from the parse cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import sys
from itertools import product
from pathlib import Path

from citetrace.attribution import cues
from citetrace.evaluation.gold import read_gold
from citetrace.evaluation.score import score
from citetrace.models import EvalReport
from citetrace.parse.nlp import Parser, default_cache_dir
from citetrace.read.corpus import read_document
from citetrace.run.pipeline import frames_of

LEARNED = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
VETO = (0.0, 0.1, 0.2, 0.3, 0.4)
TIE = 0.003  # F1 differences this small are noise on 120 documents: the more precise setting wins
RULES_ONLY = (1.1, 0.0)  # no learned frame, no veto


class Scorer:
    """One gold set, parsed once, scored at any thresholds."""

    def __init__(self, gold_path: Path, docs_dir: Path | None, parser: Parser):
        self.gold, folder = read_gold(gold_path, docs_dir)
        self.docs = [read_document(folder / g.document) for g in self.gold]
        self.parses = parser.parse([d.text for d in self.docs])
        self.texts = {d.name: d.text for d in self.docs}

    def __call__(self, learned: float, veto: float) -> EvalReport:
        cues.LEARNED_CUE, cues.RULE_VETO = learned, veto
        predictions = {d.name: frames_of(d, p) for d, p in zip(self.docs, self.parses, strict=True)}
        return score(self.gold, predictions, self.texts)


def main(heldout: Path, seeds: Path, seeds_docs: Path) -> None:
    parser = Parser(None, cache_dir=default_cache_dir(), doc_timeout=None)
    held, spec = Scorer(heldout, None, parser), Scorer(seeds, seeds_docs, parser)
    floor = spec(*RULES_ONLY).frames.recall
    rows = []
    for learned, veto in product(LEARNED, VETO):
        r, s = held(learned, veto), spec(learned, veto)
        rows.append((r.frames.f1, learned, veto, r, s))
        print(
            f"learned {learned:.2f} veto {veto:.2f}: frames P {r.frames.precision:.3f} R {r.frames.recall:.3f} "
            f"F1 {r.frames.f1:.3f}; full {r.full_frames.f1:.3f}; content {r.content.f1:.3f}; "
            f"seeds R {s.frames.recall:.3f} F1 {s.frames.f1:.3f}",
            flush=True,
        )
    best = max(r[0] for r in rows)
    near = [r for r in rows if r[0] >= best - TIE and r[4].frames.recall >= floor]
    f1, learned, veto, r, s = max(near, key=lambda x: x[3].frames.precision)
    print(
        f"chosen: learned {learned} veto {veto} (held-out frame F1 {f1:.3f}, P {r.frames.precision:.3f}; best "
        f"{best:.3f}; seeds recall {s.frames.recall:.3f}, rules alone {floor:.3f})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
