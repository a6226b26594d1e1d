"""The tagger and parser in bfloat16 (``nlp.Precision``): chosen from the CPU's flags, cached apart,
sent to the workers, and parsing the sample as float32 does but for a few heads and tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from citetrace.errors import ModelError
from citetrace.parse import stanza_patches
from citetrace.parse.device import PRECISION_ENV, Precision, bfloat16_on_cpu, native_bfloat16
from citetrace.parse.nlp import Parser, _pipeline, normalise_for_parsing
from citetrace.run.execute import setup_of, worker_parser

from ..conftest import CORPUS, GOLDEN

FLAGS = "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep avx2 avx512f avx512bw {}\n"


@pytest.mark.parametrize(
    ("flags", "native"),
    [("avx512_bf16 avx512_vnni", True), ("amx_bf16 amx_tile", True), ("avx512_vnni", False), ("", False)],
)
def test_native_bfloat16_is_read_from_the_cpu_flags(tmp_path: Path, flags: str, native: bool) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nmodel name\t: Some CPU\n" + FLAGS.format(flags), encoding="ascii")
    assert native_bfloat16(cpuinfo) is native
    assert native_bfloat16(tmp_path / "missing") is False  # not Linux: float32


def test_the_precision_names_the_cache_and_travels_to_the_workers(
    models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = Parser(models_dir, cache_dir=None, precision=Precision.float32)
    bf16 = Parser(models_dir, cache_dir=None, precision=Precision.bfloat16)
    assert not plain.bf16 and bf16.bf16
    assert bf16.fingerprint == plain.fingerprint + "-bf16"  # parses of one never read as the other's
    for parser in (plain, bf16):
        worker = worker_parser(setup_of(parser, threads=1, extract=None))
        assert worker.bf16 is parser.bf16 and worker.fingerprint == parser.fingerprint
    # auto: $CITETRACE_PRECISION where set (the tests set float32), else the CPU's flags
    assert Parser(models_dir, cache_dir=None).fingerprint == plain.fingerprint
    monkeypatch.setenv(PRECISION_ENV, "bfloat16")
    assert Parser(models_dir, cache_dir=None).fingerprint == bf16.fingerprint
    monkeypatch.delenv(PRECISION_ENV)
    assert bfloat16_on_cpu(Precision.auto) is native_bfloat16()
    monkeypatch.setenv(PRECISION_ENV, "half")
    with pytest.raises(ModelError, match="CITETRACE_PRECISION=half"):
        Parser(models_dir, cache_dir=None)


def test_composite_tags_are_spelled_as_stanza_spells_them(models_dir: Path) -> None:
    """``composite_unit`` against Stanza's own ``id2unit`` on the tagger's composite vocabularies,
    every part's every value (and empty), asked twice (the second from the memo), lists not shared."""
    import itertools
    import random

    from stanza.models.common.vocab import CompositeVocab

    vocab = _pipeline(models_dir).processors["pos"].trainer.vocab  # applies the patches
    stanzas = stanza_patches.ORIGINAL["composite"]
    rng = random.Random(3)
    composite = [name for name in ("feats", "xpos") if isinstance(vocab[name], CompositeVocab)]
    assert "feats" in composite  # the English XPOS vocabulary is one tag a word, not parts
    for name in composite:
        parts = [len(values) for values in vocab[name]._id2unit.values()]
        ids = [[rng.randrange(n) for n in parts] for _ in range(300)] + [[0] * len(parts)]
        for combo in itertools.chain(ids, ids):
            assert vocab[name].id2unit(combo) == stanzas(vocab[name], combo), (name, combo)
    spelled = vocab["feats"].id2unit(ids[0])
    assert isinstance(spelled, str) and "=" in spelled or spelled == "_"


@pytest.mark.slow
def test_bfloat16_parses_the_sample_as_float32_but_for_a_few_words(models_dir: Path) -> None:
    """The sample (5 articles) in both precisions: the same tokens and sentences (the tokenizer stays in
    float32), tags and heads the same for at least 99.5% of the words; the tagger and parser ran under
    autocast in bfloat16 and the tokenizer did not."""
    import stanza
    import torch

    texts = [normalise_for_parsing(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    seen: dict[str, bool] = {}
    bf16 = _pipeline(models_dir, False, True)
    for name, method in (("tokenize", "forward"), ("pos", "forward"), ("depparse", "predict")):
        model = bf16.processors[name].trainer.model
        call = getattr(model, method)

        def spy(*args, _call=call, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            seen[_name] = torch.is_autocast_enabled("cpu")
            return _call(*args, **kwargs)

        setattr(model, method, spy)

    def words(nlp) -> list[tuple]:  # type: ignore[no-untyped-def]
        docs = nlp([stanza.Document([], text=t) for t in texts])
        return [(w.text, w.id, w.upos, w.xpos, w.head, w.deprel) for d in docs for s in d.sentences for w in s.words]

    low, full = words(bf16), words(_pipeline(models_dir, False, False))
    assert seen == {"tokenize": False, "pos": True, "depparse": True}
    assert [w[:2] for w in low] == [w[:2] for w in full] and len(full) > 3000
    for column in (2, 3, 4, 5):
        same = sum(a[column] == b[column] for a, b in zip(low, full, strict=True))
        assert same / len(full) >= 0.995, (column, len(full) - same)


@pytest.mark.slow
def test_the_sample_run_in_bfloat16_finds_the_golden_frames(env, tmp_path: Path) -> None:
    """``citetrace run corpus/ --precision bfloat16``: every frame of the golden output (float32), the
    same cue, source, content and everything else, the confidence within 0.005."""
    import json

    from typer.testing import CliRunner

    from citetrace.cli import app

    result = CliRunner().invoke(
        app, ["run", str(CORPUS), "--out", str(tmp_path / "out"), "--precision", "bfloat16"], env=env
    )
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in (tmp_path / "out" / "frames.jsonl").read_text(encoding="utf-8").splitlines()]
    want = [json.loads(line) for line in (GOLDEN / "frames.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(want) == 5
    for doc, gold in zip(got, want, strict=True):
        assert len(doc["frames"]) == len(gold["frames"]), doc["document"]
        for frame, expected in zip(doc["frames"], gold["frames"], strict=True):
            assert abs(frame.pop("confidence") - expected.pop("confidence")) <= 0.005
            assert frame == expected
