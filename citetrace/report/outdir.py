"""The output folder, written as one complete run and never at the expense of a user's file.

- ``check_out(out, inputs)``, before any slow work: ``--out`` is not a file, is neither an input folder
  nor inside one, holds no input, and can be written.
- ``staging(out)``: a fresh folder beside ``--out`` where a run writes everything; inside ``--out``
  where ``--out`` is a mount point or on another file system than its parent (a Docker volume, a USB
  disk), so that every rename stays on one file system. Staging folders left by a run that was killed
  (``SIGKILL``, a power cut) are removed by the next run into the same ``--out``.
- ``install(staged, out, force)``: puts the run in place. ``out/.citetrace-manifest.json`` lists the
  files citetrace wrote there; a file it did not write is never replaced (an error names it;
  ``--force`` replaces it). When ``--out`` holds nothing but citetrace's files, the staged folder
  takes its place by two renames, so ``--out`` is always one complete run, old or new; when it
  also holds files of the user's, or when ``--out`` is a mount point that cannot be renamed, the new
  files are moved in one by one (the manifest last), the user's stay, and citetrace's stale files
  from the earlier run are removed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from citetrace.errors import OutputError
from citetrace.read.io import MANIFEST, atomic_write_text

# Files every run writes at the top of --out: a user's file by one of these names is refused before any
# slow work (the per-document names are known only once the corpus is read: ``install`` checks them)
TOP_FILES = frozenset(
    "index.html graph.json frames.jsonl chains.jsonl reuse.jsonl claims.jsonl corpus.svg corpus.dot diagrams.md "
    "citetrace.db datasette.json".split()
)


def check_out(out: Path, inputs: Sequence[Path], force: bool = False) -> None:
    """Refuse an ``--out`` that would lose or re-read a user's file, before any slow work."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file, not a folder: give a folder to write the results in")
    if out.is_dir() and not force:
        clash = sorted(name for name in TOP_FILES - read_manifest(out) if (out / name).exists())
        if clash:
            raise _not_ours(out, clash[0])
    target = out.resolve()
    for given in inputs:
        path = given.resolve()
        if target == path or path in target.parents:
            raise OutputError(
                f"--out {out} is inside the corpus {given}: the report would be read back as articles "
                "next time; choose a folder outside the corpus"
            )
        if target in path.parents:
            raise OutputError(f"--out {out} holds the input {given}: choose a folder that holds no input")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create --out {out} ({exc.strerror}): choose a folder you can write to") from exc
    for folder in (out.parent, out):
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(f"--out {out}: {folder} is not writable; choose a folder you can write to")


RUN_SUFFIX = ".citetrace-run"  # a staging folder's name ends so: ".<out>.<pid>.<random>.citetrace-run"
OLD_SUFFIX = ".citetrace-old"
_PID = re.compile(rf"\.(\d+)\.[^.]+(?:{re.escape(RUN_SUFFIX)}|{re.escape(OLD_SUFFIX)})$")
STALE_AFTER_S = 24 * 3600  # a staging folder whose name holds no process id is stale after a day


def _ours(name: str) -> bool:
    return name.endswith((RUN_SUFFIX, OLD_SUFFIX))


def _not_ours(out: Path, name: str) -> OutputError:
    return OutputError(
        f"--out {out} holds {name}, which citetrace did not write: move it, choose another --out, "
        "or add --force to replace it"
    )


def files_in(folder: Path) -> set[str]:
    """Every file under ``folder``, as a relative POSIX path, the manifest and staging folders aside."""
    if not folder.is_dir():
        return set()
    found = set()
    for top in folder.iterdir():
        if _ours(top.name):
            continue
        if top.is_file():
            found.add(top.name)
        elif top.is_dir():
            found |= {p.relative_to(folder).as_posix() for p in top.rglob("*") if p.is_file()}
    return found - {MANIFEST}


def _own_file_system(out: Path) -> bool:
    """Whether ``out`` is a mount point or on another file system than its parent: it cannot be renamed,
    and a folder beside it cannot be renamed into it."""
    try:
        return out.is_dir() and (os.path.ismount(out) or out.stat().st_dev != out.parent.stat().st_dev)
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def remove_stale(where: Path, now: float | None = None) -> list[Path]:
    """Remove the staging folders in ``where`` that a killed run left (their process is gone, or, for a
    name without a process id, older than ``STALE_AFTER_S``). Returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = [p for p in where.iterdir() if p.name.startswith(".") and _ours(p.name) and p.is_dir()]
    except OSError:
        return removed
    for p in entries:
        m = _PID.search(p.name)
        pid = int(m.group(1)) if m else None
        try:
            stale = not _alive(pid) if pid is not None else now - p.stat().st_mtime > STALE_AFTER_S
        except OSError:
            continue
        if stale:
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def read_manifest(folder: Path) -> set[str]:
    """The files citetrace wrote into ``folder`` (none when there is no readable manifest)."""
    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {str(p) for p in listed} if isinstance(listed, list) else set()


def write_manifest(folder: Path, files: Iterable[str]) -> None:
    atomic_write_text(folder / MANIFEST, json.dumps(sorted(set(files)), indent=0) + "\n")


_STOPS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A new empty folder beside ``out`` for a run to write in; removed afterwards if still there. Ctrl-C
    and SIGTERM wait while the folder is made, so that no stop falls between making it and owning it
    (a stop there left it behind)."""
    where = out if _own_file_system(out) else out.parent
    remove_stale(where)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.{os.getpid()}.", suffix=RUN_SUFFIX, dir=where))
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a stop that came meanwhile is raised here
            yield staged
        finally:
            shutil.rmtree(staged, ignore_errors=True)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def install(staged: Path, out: Path, force: bool = False, written: set[str] | None = None) -> None:
    """Put the run written in ``staged`` in place as ``out`` (see the module docstring); ``written``:
    ``files_in(staged)`` where the caller has it (a large report's folder is not listed twice)."""
    new = files_in(staged) if written is None else written
    write_manifest(staged, new)
    if not out.exists():
        os.replace(staged, out)
        return
    own = read_manifest(out)
    foreign = files_in(out) - own
    clash = sorted(foreign & new)
    if clash and not force:
        raise _not_ours(out, clash[0])
    if not foreign - new and staged.parent != out:  # nothing of the user's would be lost: swap the whole folder
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.{os.getpid()}.", suffix=OLD_SUFFIX, dir=out.parent))
        old.rmdir()
        os.replace(out, old)
        os.replace(staged, out)
        shutil.rmtree(old, ignore_errors=True)
        return
    for rel in sorted(new):  # the user's files stay: move ours in one by one
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged / rel, out / rel)
    for rel in sorted(own - new):
        (out / rel).unlink(missing_ok=True)
    os.replace(staged / MANIFEST, out / MANIFEST)
