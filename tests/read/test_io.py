"""Atomic writes: the old file or the new one, never half; normal permissions; no temporary files left."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from citetrace.read.io import atomic_write_bytes, atomic_write_text, staged_writes


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_mode_follows_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "a.svg"
    atomic_write_bytes(target, b"<svg/>")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask  # not mkstemp's 0600


def test_failure_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_files_written_in_staged_writes_are_whole_and_flushed_together(tmp_path: Path, monkeypatch) -> None:
    calls: list[str] = []
    made: list[str] = []
    mkstemp = tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: made.append("tmp") or mkstemp(*a, **k))
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    atomic_write_text(tmp_path / "before.txt", "one")
    with staged_writes():
        for k in range(3):
            atomic_write_text(tmp_path / f"{k}.txt", str(k))
    atomic_write_text(tmp_path / "after.txt", "two")
    assert calls == ["fsync", "sync", "fsync"]
    assert made == ["tmp", "tmp"]  # staged files are written in place: the folder is installed as a whole
    assert (tmp_path / "1.txt").read_text(encoding="utf-8") == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt", "1.txt", "2.txt", "after.txt", "before.txt"]
    with pytest.raises(RuntimeError), staged_writes():  # a failed run is not flushed: it is thrown away
        raise RuntimeError
    assert calls[-1] == "fsync"
