"""The binary parse cache: the same parse back, a damaged or swapped file a miss, old JSON entries kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from citetrace.models import ParsedDocument
from citetrace.parse.cache import ParseCache, ParseStore, decode, encode, sentence_spans
from citetrace.parse.nlp import Parser

from ..conftest import CORPUS

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


def test_a_store_holds_parses_encoded_and_gives_them_back(sample_parse: tuple[str, ParsedDocument]) -> None:
    _, parsed = sample_parse
    other = decode(encode(parsed)).model_copy(update={"sentences": parsed.sentences[:2]})
    store = ParseStore([encode(parsed), encode(other)])
    assert len(store) == 2 and store[0] == parsed and list(store) == [parsed, other]
    assert isinstance(store[1:], ParseStore) and store[1:][0] == other
    # sentence offsets without the tokens, as the cross-document stages read them from objects
    assert store.spans == sentence_spans([parsed, other]) == sentence_spans(store)
    assert store.spans[0][0] == (parsed.sentences[0].tokens[0].start, parsed.sentences[0].tokens[-1].end)
    assert len(store.spans[1]) == 2


def test_the_cache_gives_a_parse_encoded_only_for_its_text_and_models(models_dir: Path, tmp_path: Path) -> None:
    parser = Parser(models_dir, cache_dir=tmp_path)
    parsed = parser.parse(TEXTS[:1])[0]
    assert parser.cache is not None
    data = parser.cache.data(TEXTS[0])
    assert data is not None and decode(data) == parsed
    assert parser.cache.data(TEXTS[1]) is None
    assert ParseCache(tmp_path, "other models").data(TEXTS[0]) is None
    # a file holding another text's parse is a miss
    parser.cache.path(TEXTS[1]).write_bytes(data)
    assert parser.cache.data(TEXTS[1]) is None and parser.cache.get(TEXTS[1]) is None
