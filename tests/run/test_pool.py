"""Parsing in worker processes: the same outputs as one process, byte for byte (real parses, no cache)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app

from ..conftest import CORPUS

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
    from citetrace.run import execute

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


def test_a_worker_killed_mid_run_is_one_error_line(tmp_path: Path, env) -> None:
    """A worker process that dies (here: SIGKILL, as the kernel's out-of-memory killer sends) stops the
    run with one Error: line and no traceback; the output folder is not written."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for i in range(2):  # two articles over 20,000 characters: one Stanza call each, one per worker
        (corpus / f"{i}.txt").write_text("\n\n".join(texts[i:] + texts[:i]) * 2, encoding="utf-8")
    command = [str(Path(sys.executable).parent / "citetrace"), "run", str(corpus), "--out", str(tmp_path / "out")]
    run = subprocess.Popen(
        [*command, "--no-cache", "--workers", "2"],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    parent = psutil.Process(run.pid)
    for _ in range(600):
        workers = [c for c in parent.children(recursive=True) if "spawn_main" in " ".join(c.cmdline())]
        if workers:
            time.sleep(1.0)  # loading its models
            os.kill(workers[0].pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    _, err = run.communicate(timeout=300)
    assert workers, "no worker process was started"
    assert run.returncode == 1
    assert "Error: a worker process stopped before its documents were done" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT"])
def test_a_stopped_run_stops_its_workers_at_once(tmp_path: Path, env, stop: str) -> None:
    """Ctrl-C (SIGINT) or SIGTERM while workers parse: the run ends with one Error: line (130 / 143),
    and its workers are stopped with it, not once each has finished its batch (before: 12-15 s)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for i in range(2):  # two long articles: one Stanza call each, one per worker, each many seconds
        (corpus / f"{i}.txt").write_text("\n\n".join(texts[i:] + texts[:i]) * 2, encoding="utf-8")
    command = [str(Path(sys.executable).parent / "citetrace"), "run", str(corpus), "--out", str(tmp_path / "out")]
    run = subprocess.Popen(
        [*command, "--no-cache", "--workers", "2"],
        env={**os.environ, **env},
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C as a terminal sends it: a suite started in the background (``cmd &``) ignores SIGINT,
        # and a child inherits that, so Python would never see the signal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.default_int_handler),
    )
    parent = psutil.Process(run.pid)
    workers: list[psutil.Process] = []
    for _ in range(600):
        workers = [c for c in parent.children(recursive=True) if "spawn_main" in " ".join(c.cmdline())]
        if len(workers) == 2:
            break
        time.sleep(0.05)
    assert len(workers) == 2
    time.sleep(2.0)  # loading their models, then parsing
    run.send_signal(getattr(signal, stop))
    _, err = run.communicate(timeout=300)
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert run.returncode == 128 + getattr(signal, stop) and len(errors) == 1, err
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == [], [p.pid for p in alive]
    assert not (tmp_path / "out").exists()
