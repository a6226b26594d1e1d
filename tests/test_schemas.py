"""The JSON Schemas in docs/ are the ones the models make."""

from __future__ import annotations

import json

from citetrace.schemas import json_schemas

from .conftest import ROOT


def test_json_schemas_are_current() -> None:
    """docs/*.schema.json are generated from the models: `python -m citetrace.schemas docs/`."""
    docs = ROOT / "docs"
    for name, schema in json_schemas().items():
        assert json.loads((docs / name).read_text(encoding="utf-8")) == schema, name
