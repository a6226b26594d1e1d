"""JSON Schemas of every model written to disk or stdout, generated from ``citetrace.models``.

``python -m citetrace.schemas docs/`` rewrites docs/*.schema.json (a test checks they are current).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from citetrace.models import Chain, CitationGraph, ClaimGroup, DocumentFrames, EvalReport, ReusePair


def json_schemas() -> dict[str, dict]:
    """File name in docs/ -> JSON Schema of every model written to disk or stdout.

    Regenerate with ``python -m citetrace.schemas docs/``.
    """
    return {
        "frames.schema.json": DocumentFrames.model_json_schema(),
        "eval.schema.json": EvalReport.model_json_schema(),
        "graph.schema.json": CitationGraph.model_json_schema(),
        "chains.schema.json": Chain.model_json_schema(),
        "reuse.schema.json": ReusePair.model_json_schema(),
        "claims.schema.json": ClaimGroup.model_json_schema(),
    }


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    for name, schema in json_schemas().items():
        (Path(sys.argv[1]) / name).write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
