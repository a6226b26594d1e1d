"""Model directory resolution and the parse cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from citetrace.errors import ModelError
from citetrace.nlp import MODELS_ENV, Parser, normalise_for_parsing, resolve_models_dir


def test_missing_model_dir_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        resolve_models_dir(tmp_path / "nope")
    with pytest.raises(ModelError, match="not a Stanza resources directory"):
        resolve_models_dir(tmp_path)


def test_env_variable_is_used(monkeypatch: pytest.MonkeyPatch, models_dir: Path) -> None:
    monkeypatch.setenv(MODELS_ENV, str(models_dir))
    assert resolve_models_dir(None) == models_dir
    monkeypatch.delenv(MODELS_ENV)
    assert resolve_models_dir(None) is None  # Stanza's own default directory


def test_quote_normalisation_keeps_offsets() -> None:
    text = "Iraq’s “hero” said ‘no’."
    assert len(normalise_for_parsing(text)) == len(text)
    assert normalise_for_parsing(text) == "Iraq's \"hero\" said 'no'."


def test_second_parse_comes_from_cache(models_dir: Path, tmp_path: Path) -> None:
    texts = ["The BBC said the group was back.", "Officials denied it on Friday."]
    first = Parser(models_dir, cache_dir=tmp_path)
    parsed = first.parse(texts)
    assert first.stats["parsed_docs"] == 2
    second = Parser(models_dir, cache_dir=tmp_path)
    assert second.parse(texts) == parsed
    assert second.stats["parsed_docs"] == 0 and second.stats["cached_docs"] == 2
    tokens = parsed[0].sentences[0].tokens
    assert [t.text for t in tokens][:3] == ["The", "BBC", "said"]
    assert any(t.deprel == "nsubj" for t in tokens)


def test_a_swapped_cache_file_is_a_miss_not_another_documents_parse(models_dir: Path, tmp_path: Path) -> None:
    texts = ["The BBC said the group was back.", "Officials denied it on Friday."]
    parser = Parser(models_dir, cache_dir=tmp_path)
    parser.parse(texts)
    a, b = (tmp_path / f"{parser._key(t)}.json" for t in texts)
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)  # the first text's entry now holds the second text's parse
    b.write_bytes(a_bytes)
    again = Parser(models_dir, cache_dir=tmp_path)
    parsed = again.parse(texts)
    assert again.stats["parsed_docs"] == 2 and again.stats["cached_docs"] == 0
    assert [t.text for t in parsed[0].sentences[0].tokens][:2] == ["The", "BBC"]
