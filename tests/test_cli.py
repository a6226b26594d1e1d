"""The real command, end to end: outputs, determinism, golden files and every bad-input path."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app

from .conftest import CORPUS, GOLDEN

runner = CliRunner()


@pytest.fixture(scope="module")
def env(models_dir: Path, parse_cache: Path) -> dict[str, str]:
    return {"CITETRACE_MODELS": str(models_dir), "CITETRACE_CACHE": str(parse_cache)}


@pytest.fixture(scope="module")
def run_out(tmp_path_factory: pytest.TempPathFactory, env) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    return out


def _relative_frames(text: str) -> str:
    """frames.jsonl with the corpus path made relative, for a golden file that does not depend on the checkout."""
    return text.replace(str(CORPUS) + "/", "corpus/")


def test_run_writes_frames_and_diagrams(run_out: Path) -> None:
    names = sorted(p.name for p in run_out.iterdir())
    stems = sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert names == sorted(["frames.jsonl"] + [f"{s}.dot" for s in stems] + [f"{s}.svg" for s in stems])
    lines = (run_out / "frames.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    for line in lines:
        obj = json.loads(line)
        assert set(obj) == {"document", "outlet", "frames"}
        text = Path(obj["document"]).read_text(encoding="utf-8")
        for f in obj["frames"]:
            assert set(f) == {"id", "cue", "source", "content", "parent", "channel"}
            assert text[f["cue"]["start"] : f["cue"]["end"]] == f["cue"]["text"]
            assert text[f["content"]["start"] : f["content"]["end"]] == f["content"]["text"]


def test_svg_has_the_document_and_its_sources(run_out: Path) -> None:
    svg = ET.parse(run_out / "001_f95a1482e197ee2a.svg").getroot()
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "Daily Mail" in texts and "BBC" in texts and "(outlet)" in texts


def test_two_runs_are_byte_identical(run_out: Path, tmp_path: Path, env) -> None:
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(tmp_path)], env=env)
    assert result.exit_code == 0, result.output
    for name in ["frames.jsonl", *[p.name for p in run_out.glob("*.dot")]]:
        assert (tmp_path / name).read_bytes() == (run_out / name).read_bytes(), name


@pytest.mark.parametrize("name", ["frames.jsonl", "000_9a0592be07adf101.dot", "004_0ba3056f8378de2f.dot"])
def test_golden(run_out: Path, name: str, update_golden: bool) -> None:
    got = _relative_frames((run_out / name).read_text(encoding="utf-8"))
    golden = GOLDEN / name
    if update_golden:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run pytest --update-golden and review the diff"
    assert got == golden.read_text(encoding="utf-8")


def test_frames_json_contract(env) -> None:
    path = str(CORPUS / "004_0ba3056f8378de2f.txt")
    result = runner.invoke(app, ["frames", path, "--json"], env=env)
    assert result.exit_code == 0, result.output
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert obj["document"] == path and obj["outlet"] == "PressTV"
    said = [f for f in obj["frames"] if f["cue"]["text"] == "said"]
    assert any(f["source"] and f["source"]["canonical"] == "Masoud Barzani" for f in said)
    assert any(f["channel"] and f["channel"]["text"] == "Sky News Arabic" for f in said)


# ---------------------------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"\x00\x01\x02binary", "binary file"), (b"caf\xe9", "not UTF-8")],
    ids=["empty", "binary", "latin1"],
)
def test_bad_file_is_one_line_error_and_others_still_run(tmp_path: Path, env, content: bytes, message: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad.txt").write_bytes(content)
    (corpus / "good.txt").write_text("The BBC said the group was back.", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)], env=env)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and message in errors[0] and "bad.txt" in errors[0]
    assert "Traceback" not in result.output
    assert (out / "good.svg").exists() and (corpus / "bad.txt").read_bytes() == content


def test_folder_without_articles(tmp_path: Path, env) -> None:
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out")], env=env)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error:") and "holds no articles" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_model_directory(tmp_path: Path, env) -> None:
    result = runner.invoke(app, ["frames", str(CORPUS), "--models", str(tmp_path / "nope")], env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: model directory") and "CITETRACE_MODELS" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_out_non_root(tmp_path: Path, env) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(locked / "out")], env=env)
    assert result.exit_code == 1 and result.stderr.startswith("Error:")


def test_out_is_a_file_and_is_left_alone(tmp_path: Path, env) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("my notes", encoding="utf-8")
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(target)], env=env)
    assert result.exit_code == 1 and "is a file" in result.stderr
    assert target.read_text(encoding="utf-8") == "my notes"


def test_out_under_a_file_cannot_be_created(tmp_path: Path, env) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(blocker / "sub")], env=env)
    assert result.exit_code == 1 and result.stderr.startswith("Error: cannot create --out")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_eval_prints_scores(env) -> None:
    gold = CORPUS.parent.parent / "shared" / "gold" / "seeds.jsonl"
    if not gold.exists():
        pytest.skip("shared gold not beside the checkout")
    result = runner.invoke(app, ["eval", str(gold), "--docs", str(CORPUS), "--json"], env=env)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["gold_frames"] == 50 and 0 <= report["frames"]["f1"] <= 1


def test_cli_reference_is_current(tmp_path: Path) -> None:
    """docs/cli.md is generated from the typer app: `typer citetrace.cli utils docs --name citetrace --output docs/cli.md`."""
    import shutil
    import subprocess

    typer_bin = shutil.which("typer")
    if typer_bin is None:
        pytest.skip("typer's command line is not installed")
    target = tmp_path / "cli.md"
    subprocess.run([typer_bin, "citetrace.cli", "utils", "docs", "--name", "citetrace", "--output", str(target)],
                   check=True, capture_output=True)
    assert target.read_text(encoding="utf-8") == (CORPUS.parent / "docs" / "cli.md").read_text(encoding="utf-8")


def test_json_schemas_are_current() -> None:
    from citetrace.models import DocumentFrames, EvalReport

    docs = CORPUS.parent / "docs"
    for model, name in ((DocumentFrames, "frames.schema.json"), (EvalReport, "eval.schema.json")):
        assert json.loads((docs / name).read_text(encoding="utf-8")) == model.model_json_schema()
