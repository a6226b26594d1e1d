"""The bad-input table (docs/reliability.md): every case a user met, run as `citetrace run`.

Each case lays out a folder (a corpus, sometimes an --out), runs the real command, and checks the
exit code, the one `Error:` line (none where the case works), and that no input and no file of the
user's changed: every file that was there before has the same hash after, outside the report folder.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app

runner = CliRunner()
GOOD = "The BBC said the group was back. Officials told Reuters that the talks had failed."
LONG = " ".join(f"The minister said on day {i} that the talks had failed again." for i in range(400))  # 2 pieces


@dataclass(frozen=True)
class Case:
    id: str
    files: dict[str, bytes]  # path under the test folder -> content
    args: list[str]  # {root} is the test folder
    exit_code: int
    message: str | None  # in the one Error: line; None: no error at all
    report: str | None = "out/index.html"  # a file the run must write (None: nothing written)
    kept: dict[str, bytes] = field(default_factory=dict)  # files under out/ that must stay as they were
    never: bytes | None = None  # text no page of the report may hold


RUN = ["run", "{root}/corpus", "--out", "{root}/out"]
CASES = [
    Case("empty-file", {"corpus/bad.txt": b"", "corpus/good.txt": GOOD.encode()}, RUN, 1, "bad.txt: empty file"),
    Case("binary", {"corpus/bad.txt": b"\x00\x01\x02PNG", "corpus/good.txt": GOOD.encode()}, RUN, 1, "binary file"),
    Case(
        "cp1252",
        {"corpus/bad.txt": "He said “no”.".encode("cp1252"), "corpus/good.txt": GOOD.encode()},
        RUN,
        1,
        "iconv -f cp1252 -t utf-8",
    ),
    Case("latin1", {"corpus/bad.txt": "Café said".encode("latin1")}, RUN, 1, "iconv -f latin1 -t utf-8", None),
    Case("utf16-bom", {"corpus/a.txt": codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")}, RUN, 0, None),
    Case("too-large", {"corpus/big.txt": b"word " * 210_000, "corpus/good.txt": GOOD.encode()}, RUN, 1, "too large"),
    Case("no-articles", {"corpus/notes.csv": b"a,b"}, RUN, 1, "holds no articles", None),
    Case("only-subfolders", {"corpus/2020/jan/a.txt": GOOD.encode()}, RUN, 0, None, "out/a.html"),
    Case("missing-path", {}, ["run", "{root}/nope", "--out", "{root}/out"], 1, "does not exist", None),
    Case(
        "out-is-corpus",
        {"corpus/a.txt": GOOD.encode()},
        ["run", "{root}/corpus", "--out", "{root}/corpus"],
        1,
        "inside the corpus",
        None,
    ),
    Case(
        "out-in-corpus",
        {"corpus/a.txt": GOOD.encode()},
        ["run", "{root}/corpus", "--out", "{root}/corpus/r"],
        1,
        "inside the corpus",
        None,
    ),
    Case(
        "corpus-in-out",
        {"corpus/a.txt": GOOD.encode()},
        ["run", "{root}/corpus", "--out", "{root}"],
        1,
        "holds the input",
        None,
    ),
    Case(
        "users-index",
        {"corpus/a.txt": GOOD.encode(), "out/index.html": b"mine"},
        RUN,
        1,
        "--force",
        None,
        {"index.html": b"mine"},
    ),
    Case("out-is-a-file", {"corpus/a.txt": GOOD.encode(), "out": b"notes"}, RUN, 1, "is a file", None),
    Case("odd-file-name", {"corpus/a #1 (copy).txt": GOOD.encode()}, RUN, 0, None, "out/a-1-copy.html"),
    Case(
        "script-in-text",
        {"corpus/a.txt": b"<script>alert(1)</script> The BBC said so."},
        RUN,
        0,
        None,
        never=b"<script>alert",
    ),
    Case(
        "doc-timeout",
        {"corpus/long.txt": LONG.encode(), "corpus/good.txt": GOOD.encode()},
        [*RUN, "--doc-timeout", "0.001", "--no-cache"],
        1,
        "long.txt: not parsed within 0.001 s (--doc-timeout)",
    ),
    Case(
        "bad-aliases",
        {"corpus/a.txt": GOOD.encode(), "aliases.toml": b"[[source]\nname="},
        [*RUN, "--aliases", "{root}/aliases.toml"],
        1,
        "aliases.toml",
        None,
    ),
    Case(  # before: the same Error: once per article, and no article processed
        "bad-meta-json",
        {"corpus/a.txt": GOOD.encode(), "corpus/b.txt": GOOD.encode(), "corpus/meta.json": b'{"a.txt": {"outlet": '},
        RUN,
        1,
        "meta.json: not valid JSON metadata",
        None,
    ),
    Case(
        "missing-models", {"corpus/a.txt": GOOD.encode()}, [*RUN, "--models", "{root}/nope"], 1, "model directory", None
    ),
]


def _hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and not p.relative_to(root).as_posix().startswith("out/")
    }


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, env: dict[str, str]) -> None:
    for rel, content in case.files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(content)
    before = _hashes(tmp_path)
    result = runner.invoke(app, [a.replace("{root}", str(tmp_path)) for a in case.args], env=env)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert result.exit_code == case.exit_code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if case.message is None:
        assert errors == []
    else:
        assert len(errors) == 1 and case.message in errors[0], result.stderr
    assert _hashes(tmp_path) == before  # no input and no file of the user's changed
    for rel, content in case.kept.items():
        assert (tmp_path / "out" / rel).read_bytes() == content
    if case.never is not None:
        assert not any(case.never in p.read_bytes() for p in (tmp_path / "out").rglob("*.html"))
    if case.report is not None:
        assert (tmp_path / case.report).is_file(), sorted(
            str(p.relative_to(tmp_path)) for p in (tmp_path / "out").rglob("*")
        )
    else:  # nothing written: --out holds only the user's files it held before, or is not a folder
        out = tmp_path / "out"
        written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} if out.is_dir() else set()
        assert written == set(case.kept)
