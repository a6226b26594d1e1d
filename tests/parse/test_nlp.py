"""Model directory resolution and the parse cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from citetrace.errors import InputError, ModelError
from citetrace.parse.nlp import (
    MODELS_ENV,
    Parser,
    _pipeline,
    batches,
    normalise_for_parsing,
    release_models,
    resolve_models_dir,
    segments,
)


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


def test_released_models_are_unloaded_and_loaded_again_when_needed(models_dir: Path) -> None:
    """``citetrace run`` unloads the models once everything is parsed; a later parse loads them again."""
    texts = ["Officials said the road was closed on Friday."]
    parser = Parser(models_dir, cache_dir=None)
    parsed = parser.parse(texts)
    assert _pipeline.cache_info().currsize >= 1
    release_models()
    assert _pipeline.cache_info().currsize == 0
    assert parser.parse(texts) == parsed
    assert _pipeline.cache_info().currsize == 1


def test_a_swapped_cache_file_is_a_miss_not_another_documents_parse(models_dir: Path, tmp_path: Path) -> None:
    texts = ["The BBC said the group was back.", "Officials denied it on Friday."]
    parser = Parser(models_dir, cache_dir=tmp_path)
    parser.parse(texts)
    a, b = (parser.cache.path(t) for t in texts)
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)  # the first text's entry now holds the second text's parse
    b.write_bytes(a_bytes)
    again = Parser(models_dir, cache_dir=tmp_path)
    parsed = again.parse(texts)
    assert again.stats["parsed_docs"] == 2 and again.stats["cached_docs"] == 0
    assert [t.text for t in parsed[0].sentences[0].tokens][:2] == ["The", "BBC"]


LONG_LINE = " ".join(f"The minister said on day {i} that the talks had failed again." for i in range(40))


@pytest.mark.parametrize(
    ("text", "limit", "cuts_after"),
    [
        ("Short text. Two sentences.", 100, []),  # under the limit: one piece, parsed as before
        ("a" * 50 + "\n\n" + "b" * 50, 60, ["\n\n"]),  # a paragraph break first
        ("One two three four five. Six seven eight nine ten eleven.", 30, [". "]),  # else a sentence end
        ("word " * 20, 30, [" "]),  # else a space
        ("x" * 70, 30, []),  # else hard
    ],
)
def test_segments_cover_the_text_in_bounded_pieces(text: str, limit: int, cuts_after: list[str]) -> None:
    pieces = segments(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))  # contiguous, nothing lost
    assert all(end - start <= limit for start, end in pieces)
    for (_, end), cut in zip(pieces, cuts_after, strict=False):
        assert text[:end].endswith(cut)
    assert (len(pieces) == 1) == (len(text) <= limit)


def test_a_long_one_line_text_is_parsed_in_pieces_with_true_offsets(models_dir: Path) -> None:
    parser = Parser(models_dir, cache_dir=None, segment_chars=400)
    (parsed,) = parser.parse([LONG_LINE])
    tokens = [t for s in parsed.sentences for t in s.tokens]
    assert all(LONG_LINE[t.start : t.end] == t.text for t in tokens)
    assert len(parsed.sentences) == 40 and all(s.tokens[-1].text == "." for s in parsed.sentences)


def test_a_document_over_its_time_budget_is_skipped_and_the_others_parsed(models_dir: Path) -> None:
    parser = Parser(models_dir, cache_dir=None, doc_timeout=0.001, segment_chars=400)
    finished: list[int] = []
    late, short = parser.parse_each([LONG_LINE, "The BBC said so."], progress=finished.append)
    assert late is None and short is not None and finished == [1, 1]  # one step per document
    with pytest.raises(InputError, match="--doc-timeout"):
        parser.parse([LONG_LINE])


WARM_RUN = """
import sys
from pathlib import Path
from citetrace.parse.nlp import Parser, default_cache_dir, resolve_models_dir
from citetrace.run.pipeline import trace_corpus
r = trace_corpus([Path(sys.argv[1])], Parser(resolve_models_dir(None), cache_dir=default_cache_dir()))
print(len(r.documents), r.parser_stats["parsed_docs"], *(m in sys.modules for m in sys.argv[2:]))
"""


def test_a_run_whose_parses_are_all_cached_imports_neither_stanza_nor_torch(parser: Parser, env) -> None:
    """The parse cache makes a second run cheap: no model is loaded, and Stanza and torch (seconds to
    import) are not even imported; once frames and vectors are cached too, neither the word model
    nor scipy (the cue scorer's) is."""
    import os
    import subprocess
    import sys

    from ..conftest import CORPUS

    parser.parse([p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))])  # warm the cache
    heavy = ["torch", "stanza", "wordllama", "scipy"]
    runs = [
        subprocess.run(
            [sys.executable, "-c", WARM_RUN, str(CORPUS), *heavy],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
        )
        for _ in range(2)
    ]
    assert all(out.returncode == 0 for out in runs), [out.stderr for out in runs]
    assert runs[0].stdout.split()[:4] == ["5", "0", "False", "False"]
    # the second run finds the frames and the claims' vectors too: no cue scorer, no word model
    assert runs[1].stdout.split() == ["5", "0", "False", "False", "False", "False"]


@pytest.mark.parametrize(
    ("lengths", "groups"),
    [
        ([], []),
        ([10, 20, 30], [[0, 1, 2]]),  # all under the limit: one call
        ([60, 50, 40, 10], [[0], [1, 2, 3]]),  # a group closes before it would pass 100
        ([10, 500, 20, 30], [[1], [0, 2, 3]]),  # a text over 200 is parsed alone, in segments
    ],
)
def test_short_texts_are_batched_up_to_a_size(lengths: list[int], groups: list[list[int]]) -> None:
    assert batches(lengths, limit=100, alone=200, least=100) == groups


@pytest.mark.parametrize(
    ("lengths", "least", "sizes"),
    [
        ([10] * 16, 20, [4, 4, 4, 4]),  # 160 in four batches of a quarter (40), not two of 100
        ([10] * 16, 50, [5, 5, 5, 1]),  # but never smaller than ``least``
        ([10] * 16 + [900], 20, [4, 4, 4, 1, 4]),  # a text parsed alone does not count in the total
        ([30] * 20, 20, [3] * 6 + [2]),  # a large corpus: batches up to the limit (100)
    ],
)
def test_a_small_corpus_is_spread_over_several_batches(lengths: list[int], least: int, sizes: list[int]) -> None:
    groups = batches(lengths, limit=100, alone=200, spread=4, least=least)
    assert [len(g) for g in groups] == sizes
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))


@pytest.mark.slow
def test_a_batch_parses_each_text_as_it_is_parsed_alone(models_dir: Path) -> None:
    from ..conftest import CORPUS

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    parser = Parser(models_dir, cache_dir=None)
    assert parser.parse_batch(texts) == [parser.parse_one(t) for t in texts]


def test_a_parse_leaves_no_cycles_for_the_collector(models_dir: Path) -> None:
    """Stanza's documents are reference cycles; a parse frees them itself, so that a run's rare
    collections (``collector.few_collections``) do not let them pile up batch after batch."""
    import gc

    from citetrace.parse.collector import few_collections

    parser = Parser(models_dir, cache_dir=None)
    texts = ["The minister said the talks had failed.", "Officials, who asked not to be named, denied it."]
    with few_collections():
        gc.collect()
        assert parser.parse_batch(texts) and gc.collect() == 0
        assert parser.parse_one(texts[0]) is not None and gc.collect() == 0


CLI = """
import sys
from citetrace.cli import app
try:
    app(sys.argv[1:])
except SystemExit as exit:
    print(exit.code, "torch" in sys.modules, "stanza" in sys.modules, file=sys.stderr)
"""


@pytest.mark.slow
def test_trace_and_render_import_neither_stanza_nor_torch(parser: Parser, env, tmp_path: Path) -> None:
    """What reads a finished run (``render``), or a cached corpus (``trace``), loads no parser."""
    import os
    import subprocess
    import sys

    from ..conftest import CORPUS

    parser.parse([p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))])  # warm the cache
    out = tmp_path / "out"
    for args in (
        ["run", str(CORPUS), "--out", str(out)],
        ["trace", str(CORPUS), "--source", "Al-Naba"],
        ["render", str(out)],
    ):
        done = subprocess.run(
            [sys.executable, "-c", CLI, *args], env={**os.environ, **env}, capture_output=True, text=True
        )
        assert done.stderr.splitlines()[-1] == "0 False False", (args, done.stderr[-2000:])


def test_device_cuda_without_a_gpu_is_one_error(tmp_path, env) -> None:
    """--device cuda where torch sees no GPU (this CPU build): one Error: line, nothing written; auto and
    cpu parse on the CPU."""
    import torch
    from typer.testing import CliRunner

    from citetrace.cli import app
    from citetrace.parse.device import Device, use_gpu

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU: --device cuda works here")
    assert use_gpu(Device.auto) is False and use_gpu(Device.cpu) is False
    with pytest.raises(ModelError, match="torch sees no GPU"):
        use_gpu(Device.cuda)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The ministry said the talks had failed on Monday.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["run", str(corpus), "--out", str(tmp_path / "out"), "--device", "cuda", "--no-cache"], env=env
    )
    assert result.exit_code == 1 and result.stderr.startswith("Error: --device cuda: torch sees no GPU")
    assert not (tmp_path / "out").exists()
