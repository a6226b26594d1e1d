"""Parsing in worker processes: the same outputs as one process, byte for byte (real parses, no cache)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app

from .conftest import CORPUS

runner = CliRunner()

pytestmark = pytest.mark.slow


def test_two_workers_write_what_one_process_writes(tmp_path: Path, env) -> None:
    outs = {}
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--no-cache", "--workers", str(n)], env=env)
        assert result.exit_code == 0, result.output
        outs[n] = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(outs[1]) > 30
    assert outs[1] == outs[2]


def test_cached_documents_extracted_by_workers_give_the_same_outputs(
    tmp_path: Path, env, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citetrace import execute

    outs = {}
    for n in (1, 2):
        out = tmp_path / f"warm{n}"
        if n == 2:  # every cached document to the workers, two at a time
            monkeypatch.setattr(execute, "EXTRACT_ELSEWHERE", 1)
            monkeypatch.setattr(execute, "EXTRACT_GROUP", 2)
        result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--workers", str(n)], env=env)
        assert result.exit_code == 0, result.output
        outs[n] = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(outs[1]) > 30
    assert outs[1] == outs[2]
