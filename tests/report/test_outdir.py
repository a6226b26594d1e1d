"""The output folder never costs a user a file: --out outside the inputs, a manifest of citetrace's own
files, a staged run installed whole. Library cases first, then the real command on a copy of the corpus."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app
from citetrace.errors import OutputError
from citetrace.report.outdir import MANIFEST, check_out, files_in, install, read_manifest, staging

from ..conftest import CORPUS

runner = CliRunner()


def _run(out: Path, files: dict[str, str], force: bool = False) -> None:
    """A fake run: stage ``files`` and install them as ``out``."""
    with staging(out) as staged:
        for rel, text in files.items():
            (staged / rel).parent.mkdir(parents=True, exist_ok=True)
            (staged / rel).write_text(text, encoding="utf-8")
        install(staged, out, force)


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".") and "citetrace" in p.name]


def test_a_new_folder_gets_the_run_and_its_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(out, {"index.html": "1", "sources/a.html": "1"})
    assert files_in(out) == {"index.html", "sources/a.html"} == read_manifest(out)
    assert (out / MANIFEST).is_file() and _leftovers(tmp_path) == []


def test_a_rerun_replaces_its_own_files_and_removes_the_stale_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(out, {"index.html": "1", "old.html": "1"})
    _run(out, {"index.html": "2"})
    assert files_in(out) == {"index.html"} and (out / "index.html").read_text() == "2"
    assert _leftovers(tmp_path) == []


def test_a_users_file_is_never_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("the user's own page", encoding="utf-8")
    with pytest.raises(OutputError, match=r"holds index\.html, which citetrace did not write.*--force"):
        _run(out, {"index.html": "report", "graph.json": "{}"})
    assert files_in(out) == {"index.html"} and (out / "index.html").read_text() == "the user's own page"
    assert _leftovers(tmp_path) == []
    _run(out, {"index.html": "report", "graph.json": "{}"}, force=True)
    assert (out / "index.html").read_text() == "report"


def test_a_users_other_files_stay_and_ours_are_kept_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    _run(out, {"index.html": "1", "a.svg": "1"})
    _run(out, {"index.html": "2"})
    assert files_in(out) == {"notes.txt", "index.html"} and (out / "notes.txt").read_text() == "mine"
    assert read_manifest(out) == {"index.html"}


def test_an_interrupted_run_leaves_the_last_complete_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(out, {"index.html": "1", "graph.json": "1"})
    with pytest.raises(KeyboardInterrupt), staging(out) as staged:
        (staged / "graph.json").write_text("half", encoding="utf-8")
        raise KeyboardInterrupt
    assert (out / "graph.json").read_text() == "1" and (out / "index.html").read_text() == "1"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("out", "message"),
    [(".", "inside the corpus"), ("report", "inside the corpus"), ("..", "holds the input")],
    ids=["out-is-the-corpus", "out-inside-the-corpus", "corpus-inside-out"],
)
def test_check_out_refuses_the_inputs(tmp_path: Path, out: str, message: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with pytest.raises(OutputError, match=message):
        check_out(corpus / out, [corpus])


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("out", "message"),
    [("corpus", "inside the corpus"), ("corpus/report", "inside the corpus"), (".", "holds the input")],
    ids=["out-is-the-corpus", "out-inside-the-corpus", "corpus-inside-out"],
)
def test_run_refuses_an_out_that_touches_the_corpus(tmp_path: Path, env, out: str, message: str) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    before = _hashes(tmp_path)
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / out)], env=env)
    assert result.exit_code == 1 and result.output.count("Error:") == 1 and message in result.output
    assert _hashes(tmp_path) == before


@pytest.mark.slow
def test_run_keeps_a_users_index_html_unless_forced(tmp_path: Path, env) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("the user's own page", encoding="utf-8")
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out)], env=env)
    assert result.exit_code == 1 and "index.html, which citetrace did not write" in result.output
    assert _hashes(out) == {"index.html": hashlib.sha256(b"the user's own page").hexdigest()}
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--force"], env=env)
    assert result.exit_code == 0 and "the user's own page" not in (out / "index.html").read_text(encoding="utf-8")
