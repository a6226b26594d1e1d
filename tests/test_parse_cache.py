"""The binary parse cache: the same parse back, a damaged or swapped file a miss, old JSON entries kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from citetrace.models import ParsedDocument
from citetrace.nlp import Parser
from citetrace.parse_cache import ParseCache, decode, encode

from .conftest import CORPUS

TEXTS = ["The BBC said the group was back.", "“We won’t stop,” Mr. Abadi told Sky News Arabic on Friday."]


@pytest.fixture(scope="module")
def sample_parse(parser: Parser) -> tuple[str, ParsedDocument]:
    text = (CORPUS / "000_9a0592be07adf101.txt").read_text(encoding="utf-8")
    return text, parser.parse([text])[0]


def test_a_parse_comes_back_equal_and_smaller_than_json(sample_parse: tuple[str, ParsedDocument]) -> None:
    _, parsed = sample_parse
    data = encode(parsed)
    assert decode(data) == parsed
    assert [t.feats for t in decode(data).sentences[0].tokens] == [t.feats for t in parsed.sentences[0].tokens]
    assert len(data) * 5 < len(parsed.model_dump_json())


@pytest.mark.parametrize(
    "damage", [lambda b: b[:-20], lambda b: b"x" + b, lambda b: b[:30] + b"\0" * 8 + b[38:], lambda b: b""]
)
def test_damaged_data_is_a_value_error(sample_parse: tuple[str, ParsedDocument], damage) -> None:
    with pytest.raises(ValueError):
        decode(damage(encode(sample_parse[1])))


def test_a_damaged_entry_is_parsed_again(models_dir: Path, tmp_path: Path) -> None:
    parser = Parser(models_dir, cache_dir=tmp_path)
    parsed = parser.parse(TEXTS)
    assert parser.cache is not None
    path = parser.cache.path(TEXTS[0])
    path.write_bytes(path.read_bytes()[:-10])
    again = Parser(models_dir, cache_dir=tmp_path)
    assert again.parse(TEXTS) == parsed
    assert again.stats["parsed_docs"] == 1 and again.stats["cached_docs"] == 1


def test_an_entry_of_the_json_format_is_read_and_rewritten(models_dir: Path, tmp_path: Path) -> None:
    parsed = Parser(models_dir, cache_dir=None).parse(TEXTS[:1])[0]
    cache = ParseCache(tmp_path, parsed.model)
    old = tmp_path / f"{cache.key(TEXTS[0], '2')}.json"
    old.write_text(parsed.model_dump_json(), encoding="utf-8")
    parser = Parser(models_dir, cache_dir=tmp_path)
    assert parser.parse(TEXTS[:1]) == [parsed]
    assert parser.stats["cached_docs"] == 1
    assert cache.path(TEXTS[0]).is_file() and not old.exists()
