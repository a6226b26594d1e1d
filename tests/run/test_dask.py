"""The Dask backend on a real cluster on localhost: a scheduler and two worker processes started here,
the sample corpus parsed and extracted on them, the outputs byte for byte those of one process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app

from ..conftest import CORPUS

pytest.importorskip("distributed", reason="the dask extra is not installed")
pytestmark = pytest.mark.slow
runner = CliRunner()


def _dask() -> list[str]:
    found = shutil.which("dask", path=str(Path(sys.executable).parent)) or shutil.which("dask")
    assert found, "the dask command comes with dask.distributed"
    return [found]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory, env) -> Iterator[str]:
    """A scheduler and a worker command with two processes of one thread, on localhost; its address."""
    where = tmp_path_factory.mktemp("dask")
    file = where / "scheduler.json"
    environ = {**os.environ, **env}
    common = {"cwd": where, "env": environ, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [
        subprocess.Popen(
            [*_dask(), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", file],
            **common,
        )
    ]
    try:
        for _ in range(120):
            if file.is_file() and file.stat().st_size:
                break
            time.sleep(0.5)
        address = json.loads(file.read_text())["address"]
        worker = [*_dask(), "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"]
        procs.append(subprocess.Popen([*worker, "--local-directory", str(where)], **common))
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_a_two_worker_dask_cluster_writes_what_one_process_writes(scheduler: str, tmp_path: Path, env) -> None:
    serial, on_dask = tmp_path / "serial", tmp_path / "dask"
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(serial), "--workers", "1"], env=env)
    assert result.exit_code == 0, result.output
    args = ["run", str(CORPUS), "--out", str(on_dask), "--no-cache", "--dask", scheduler]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert len(_files(serial)) > 30
    assert _files(on_dask) == _files(serial)


def test_an_address_with_no_scheduler_is_an_error_line(tmp_path: Path, env) -> None:
    args = ["run", str(CORPUS), "--out", str(tmp_path / "out"), "--no-cache", "--dask", "tcp://127.0.0.1:9"]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code != 0
    assert "Error: --dask tcp://127.0.0.1:9: cannot reach a Dask scheduler" in result.output
    assert not (tmp_path / "out").exists()
