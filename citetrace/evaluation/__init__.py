"""Accuracy against gold: annotations in (brat standoff or JSONL, ``gold``), scores out (``score``:
frames, sources and content matched by overlap -> ``EvalReport``; credits -> ``ProvenanceReport``)."""

from citetrace.evaluation.gold import read_gold
from citetrace.evaluation.score import evaluate, evaluate_provenance, score

__all__ = ["evaluate", "evaluate_provenance", "read_gold", "score"]
