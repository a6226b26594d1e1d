"""Gold readers: our JSONL (spans located by text), brat standoff folders, bad gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citetrace.errors import GoldError
from citetrace.evaluation.gold import read_brat_folder, read_gold


def test_seed_jsonl_locates_cue_nearest_to_content(tmp_path: Path) -> None:
    text = "“Hello there.” Later: X said “the army is back in town.”"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    row = {
        "doc": "a.txt",
        "id": "1",
        "cue": "“",
        "source": "X",
        "content": "“the army is back in town.”",
        "source_canonical": "X",
        "source_kind": "person",
        "parent": None,
    }
    (tmp_path / "g.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (doc,), _ = read_gold(tmp_path / "g.jsonl", tmp_path)
    assert doc.frames[0].cue.pieces == [(text.rindex("“"), text.rindex("“") + 1)]


def _spans(text: str, part: str) -> dict:
    start = text.index(part)
    return {"spans": [[start, start + len(part)]], "text": part}


def test_spans_jsonl_scope_polnear_takes_stances_propbank_does_not(tmp_path: Path) -> None:
    """PolNeAR's JSONL annotates stances and acts too (every kind is scored); PropBank's speech
    predicates, in the same spans form with a ``roleset`` (../shared/gold/wsj), only words."""
    text = "Prices rose, the ministry said."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    row = {"doc": "a.txt", "id": "1", "cue": _spans(text, "said"), "source": _spans(text, "the ministry")}
    row["content"] = _spans(text, "Prices rose")
    (tmp_path / "polnear.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (tmp_path / "propbank.jsonl").write_text(json.dumps(row | {"roleset": "say.01"}) + "\n", encoding="utf-8")
    (polnear,), _ = read_gold(tmp_path / "polnear.jsonl", tmp_path)
    (propbank,), _ = read_gold(tmp_path / "propbank.jsonl", tmp_path)
    assert polnear.stances and not propbank.stances
    assert propbank.frames[0].source is not None and propbank.frames[0].source.text == "the ministry"


def test_brat_folder_with_discontinuous_spans(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "He said the plan, which was old, would fail."
    (tmp_path / "text" / "d.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "d_ab12.ann").write_text(
        "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 16;33 43\tthe plan would fail\n"
        "T4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    (doc,) = read_brat_folder(tmp_path)
    assert doc.frames[0].content.pieces == [(8, 16), (33, 43)]


def test_bad_gold_is_a_gold_error(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GoldError):
        read_gold(tmp_path / "g.jsonl", tmp_path)
    with pytest.raises(GoldError):
        read_gold(tmp_path / "missing.jsonl", tmp_path)
