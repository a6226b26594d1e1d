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
    cold = tmp_path / "cache"  # refused before any slow work: nothing is parsed into an empty cache
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--cache", str(cold)], env=env)
    assert result.exit_code == 1 and "index.html, which citetrace did not write" in result.output
    assert not cold.exists() or not any(cold.rglob("*"))
    assert _hashes(out) == {"index.html": hashlib.sha256(b"the user's own page").hexdigest()}
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--force"], env=env)
    assert result.exit_code == 0 and "the user's own page" not in (out / "index.html").read_text(encoding="utf-8")


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(tmp_path: Path) -> None:
    """SIGKILL (or a power cut) while a run writes leaves its staging folder; the next run into the same
    --out removes it, and leaves a living run's folder alone."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    script = (
        "import sys, time\nfrom pathlib import Path\nfrom citetrace.report.outdir import staging\n"
        "with staging(Path(sys.argv[1])) as s:\n    (s / 'graph.json').write_text('x' * 100000)\n"
        "    print(s, flush=True)\n    time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script, str(out)], stdout=subprocess.PIPE, text=True)
    staged = Path(child.stdout.readline().strip())
    assert staged.is_dir() and staged.parent == tmp_path
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert _leftovers(tmp_path) == [staged.name]
    living = tmp_path / f".out.{os.getpid()}.abcdefgh.citetrace-run"
    living.mkdir()
    unnamed = tmp_path / ".out.old-style.citetrace-run"
    unnamed.mkdir()
    os.utime(unnamed, (time.time() - 2 * 24 * 3600,) * 2)
    _run(out, {"index.html": "1"})
    assert _leftovers(tmp_path) == [living.name]


MOUNTED_RUN = """
import sys
from pathlib import Path
from citetrace.report.outdir import files_in, install, read_manifest, staging
out = Path(sys.argv[1])
def run(files, force=False):
    with staging(out) as staged:
        for rel, text in files.items():
            (staged / rel).parent.mkdir(parents=True, exist_ok=True)
            (staged / rel).write_text(text)
        install(staged, out, force)
run({"index.html": "1", "sources/a.html": "1"})        # the mount point empty
run({"index.html": "2"})                                # a rerun: ours replaced, the stale one gone
(out / "notes.txt").write_text("mine")
run({"index.html": "3", "graph.json": "{}"})            # with a user's file beside
assert files_in(out) == {"index.html", "graph.json", "notes.txt"}, files_in(out)
assert read_manifest(out) == {"index.html", "graph.json"} and (out / "index.html").read_text() == "3"
assert not [p for p in out.iterdir() if "citetrace-run" in p.name], list(out.iterdir())
print("ok")
"""


def test_out_at_a_mount_point_is_written_in_place(tmp_path: Path) -> None:
    """--out at a mount point (a Docker volume, a USB disk): the run is staged on that file system, so
    no rename crosses file systems (before: "Device or resource busy" / "Invalid cross-device link")."""
    import subprocess
    import sys

    out = tmp_path / "mounted"
    out.mkdir()
    script = f'mount -t tmpfs none {out} && {sys.executable} -c "$0" {out}'
    try:
        result = subprocess.run(
            ["unshare", "--map-root-user", "--mount", "sh", "-c", script, MOUNTED_RUN],
            capture_output=True,
            text=True,
            timeout=120,
        )
    except FileNotFoundError:
        pytest.skip("unshare is not installed: no private mount namespace to mount a tmpfs in")
    if "mount" in result.stderr and result.returncode != 0 and "Traceback" not in result.stderr:
        pytest.skip(f"mounting a tmpfs is not allowed here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


@pytest.mark.slow
def test_sigterm_while_writing_leaves_the_last_run_and_no_staging_folder(tmp_path: Path, env) -> None:
    """``kill`` (SIGTERM) while the report is written: one Error: line, exit 143, the staging folder
    removed and --out still the last complete run (before: exit 143 in silence, 140-170 MB left)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    _run(out, {"index.html": "the last run"})
    command = [sys.executable, "-m", "citetrace", "run", str(CORPUS), "--out", str(out), "--workers", "1"]
    child = subprocess.Popen(command, env={**os.environ, **env}, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not [p for p in tmp_path.iterdir() if p.name.endswith(".citetrace-run")] and time.monotonic() < deadline:
        assert child.poll() is None, "the run ended before it began to write"
        time.sleep(0.05)
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=120)
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert child.returncode == 143 and len(errors) == 1 and "SIGTERM" in errors[0], stderr
    assert _leftovers(tmp_path) == [] and files_in(out) == {"index.html"}
    assert (out / "index.html").read_text() == "the last run"
