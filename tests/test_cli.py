"""The real command, end to end: outputs, determinism, golden files and every bad-input path."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app
from citetrace.models import FrameKind
from citetrace.report.write import diagram_count, load_graph

from .conftest import CORPUS, GOLDEN

runner = CliRunner()


@pytest.fixture(scope="module")
def run_out(tmp_path_factory: pytest.TempPathFactory, env) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    return out


def test_run_writes_frames_and_diagrams(run_out: Path) -> None:
    names = sorted(p.name for p in run_out.iterdir())
    stems = sorted(p.stem for p in CORPUS.glob("*.txt"))
    outputs = [
        "frames.jsonl",
        "graph.json",
        "chains.jsonl",
        "reuse.jsonl",
        "claims.jsonl",
        "corpus.dot",
        "corpus.svg",
        "sources",
        "claims",
        "index.html",
        "diagrams.md",
        "citetrace.db",
        "datasette.json",
        ".citetrace-manifest.json",
    ]
    assert names == sorted(outputs + [f"{s}.{ext}" for s in stems for ext in ("dot", "svg", "html")])
    sources = {p.name for p in (run_out / "sources").iterdir()}
    assert {"al-naba.svg", "al-naba.dot", "al-naba.html", "foreign-policy.svg", "masoud-barzani.svg"} <= sources
    lines = (run_out / "frames.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    for line in lines:
        obj = json.loads(line)
        assert set(obj) == {"document", "outlet", "frames", "provenance"}
        text = (CORPUS / obj["document"]).read_text(encoding="utf-8")
        for f in obj["frames"]:
            assert set(f) == {
                "id",
                "kind",
                "confidence",
                "cue",
                "source",
                "co_sources",
                "content",
                "more_content",
                "parent",
                "channel",
                "found_by",
            }
            assert f["found_by"] in {"tree", "surface"}
            assert f["kind"] in {k.value for k in FrameKind} and 0.0 <= f["confidence"] <= 1.0
            assert f["confidence"] == 1.0 or f["kind"] not in ("credit", "quote", "possessive")
            assert text[f["cue"]["start"] : f["cue"]["end"]] == f["cue"]["text"]
            assert text[f["content"]["start"] : f["content"]["end"]] == f["content"]["text"]


def test_svg_has_the_document_and_its_sources(run_out: Path) -> None:
    svg = ET.parse(run_out / "001_f95a1482e197ee2a.svg").getroot()
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "Daily Mail" in texts and "BBC" in texts and "(outlet)" in texts


def test_the_database_holds_what_the_json_holds(run_out: Path) -> None:
    """citetrace.db (issue 38): a row per document, frame, source, chain and retold claim, as the JSON
    outputs have them, and the chains that rest on Al-Naba found with one query."""
    import sqlite3

    graph = json.loads((run_out / "graph.json").read_text(encoding="utf-8"))
    frames = [json.loads(line) for line in (run_out / "frames.jsonl").read_text(encoding="utf-8").splitlines()]
    db = sqlite3.connect(run_out / "citetrace.db")
    count = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "frames", "sources", "chains", "claims", "clusters")
    }
    assert count == {
        "documents": 5,
        "frames": sum(len(d["frames"]) for d in frames),
        "sources": len(graph["sources"]),
        "chains": len(graph["chains"]),
        "claims": len(graph["claims"]),
        "clusters": sum(len(c["members"]) for c in graph["clusters"]),
    }
    naba = db.execute(
        "SELECT c.document, group_concat(h.source, ' > ') FROM chains c JOIN hops h ON h.chain = c.id "
        "WHERE c.primary_source = 'Al-Naba' GROUP BY c.id ORDER BY c.id"
    ).fetchall()
    assert len(naba) == sum(1 for c in graph["chains"] if c["primary"] == "Al-Naba") > 0
    assert any(path.endswith("BBC Monitoring > Al-Naba") for _, path in naba)
    meta = json.loads((run_out / "datasette.json").read_text(encoding="utf-8"))
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(meta["databases"]["citetrace"]["tables"]) == tables


def test_trace_and_sources_answer_from_the_database(run_out: Path, env, tmp_path: Path) -> None:
    """`citetrace trace OUT/citetrace.db` and `sources` print what they print from the corpus, with nothing
    parsed (an archive's run is asked again without parsing it again)."""
    db = str(run_out / "citetrace.db")
    for args in (["trace", "--source", "Al-Naba"], ["trace", "--claim", "divine intervention"], ["sources"]):
        from_corpus = runner.invoke(app, [args[0], str(CORPUS), *args[1:]], env=env)
        from_db = runner.invoke(app, [args[0], db, *args[1:]], env={**env, "CITETRACE_MODELS": str(tmp_path / "none")})
        assert from_db.exit_code == 0 == from_corpus.exit_code, from_db.output
        assert from_db.stdout == from_corpus.stdout, args
    (tmp_path / "bad.db").write_bytes(b"not a database at all" * 10)
    result = runner.invoke(app, ["sources", str(tmp_path / "bad.db")], env=env)
    assert result.exit_code == 1 and result.stderr.startswith("Error:") and "not a citetrace database" in result.stderr


def test_datasette_serves_the_database(run_out: Path) -> None:
    """`datasette out/citetrace.db -m out/datasette.json` (the datasette extra) on localhost: a table as JSON."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    pytest.importorskip("datasette", reason="the datasette extra is not installed (make test installs it)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "datasette", str(run_out / "citetrace.db"), "-m", str(run_out / "datasette.json")]
    server = subprocess.Popen([*command, "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/citetrace/chains.json?primary_source=Al-Naba&_shape=array"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    rows = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("datasette did not answer")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert rows and all(r["primary_source"] == "Al-Naba" for r in rows)


def test_two_runs_are_byte_identical(run_out: Path, tmp_path: Path, env) -> None:
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(tmp_path)], env=env)
    assert result.exit_code == 0, result.output
    names = ["frames.jsonl", "graph.json", "chains.jsonl", "reuse.jsonl", "claims.jsonl", "citetrace.db"]
    names += [str(p.relative_to(run_out)) for p in run_out.rglob("*.dot")]
    for name in names:
        assert (tmp_path / name).read_bytes() == (run_out / name).read_bytes(), name


GOLDEN_FILES = [
    "frames.jsonl",
    "graph.json",
    "chains.jsonl",
    "reuse.jsonl",
    "claims.jsonl",
    "corpus.dot",
    "000_9a0592be07adf101.dot",
    "004_0ba3056f8378de2f.dot",
    "sources/al-naba.dot",
    "claims/claim-adb2f8d183.dot",  # "divine intervention", retold by 001 and 003
]


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_golden(run_out: Path, name: str, update_golden: bool) -> None:
    got = (run_out / name).read_text(encoding="utf-8")
    golden = GOLDEN / name
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run pytest --update-golden and review the diff"
    assert got == golden.read_text(encoding="utf-8")


def test_outputs_do_not_depend_on_how_the_corpus_path_is_typed(
    run_out: Path, env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CORPUS.parent)
    for i, typed in enumerate(["corpus", "./corpus/", "corpus/../corpus", str(CORPUS) + "/"]):
        out = tmp_path / str(i)
        result = runner.invoke(app, ["run", typed, "--out", str(out)], env=env)
        assert result.exit_code == 0, result.output
        for name in ("graph.json", "chains.jsonl", "reuse.jsonl", "frames.jsonl", "corpus.dot", "sources/al-naba.dot"):
            assert (out / name).read_bytes() == (run_out / name).read_bytes(), (typed, name)


def test_frames_json_contract(env) -> None:
    path = str(CORPUS / "004_0ba3056f8378de2f.txt")
    result = runner.invoke(app, ["frames", path, "--json"], env=env)
    assert result.exit_code == 0, result.output
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert obj["document"] == "004_0ba3056f8378de2f.txt" and obj["outlet"] == "PressTV"
    said = [f for f in obj["frames"] if f["cue"]["text"] == "said"]
    assert any(f["source"] and f["source"]["canonical"] == "Masoud Barzani" for f in said)
    assert any(f["channel"] and f["channel"]["text"] == "Sky News Arabic" for f in said)


# ---------------------------------------------------------------------------------------------- bad input


# the table of bad inputs is tests/test_bad_input.py; these are the cases of other commands and places


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
    """docs/cli.md is generated from the typer app:
    `typer citetrace.cli utils docs --name citetrace --output docs/cli.md`."""
    import subprocess
    import sys

    target = tmp_path / "cli.md"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "typer",
            "citetrace.cli",
            "utils",
            "docs",
            "--name",
            "citetrace",
            "--output",
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    assert target.read_text(encoding="utf-8") == (CORPUS.parent / "docs" / "cli.md").read_text(encoding="utf-8")


def _chains(run_out: Path) -> list[dict]:
    return [json.loads(line) for line in (run_out / "chains.jsonl").read_text(encoding="utf-8").splitlines()]


def _chain(run_out: Path, doc: str, claim_starts: str) -> dict:
    found = [c for c in _chains(run_out) if doc in c["document"] and c["claim"]["text"].startswith(claim_starts)]
    assert found, f"no chain in {doc} for a claim starting {claim_starts!r}"
    return found[0]


@pytest.mark.parametrize(
    ("doc", "claim", "path", "channel"),
    [
        ("000_", "The weekly Islamic State", ["Global Village Space", "RT", "BBC Monitoring", "Al-Naba"], None),
        ("000_", "The paper also reported", ["Global Village Space", "RT", "Mina Al-Lami", "Al-Naba"], None),
        ("002_", "The paper also reported", ["ABC Flash Point News", "RT", "Mina Al-Lami", "Al-Naba"], None),
        ("001_", "In the weekly ISIS newspaper", ["Daily Mail", "BBC", "Islamic State", "Al-Naba"], None),
        ("004_", "Iran was the first country", ["PressTV", "Masoud Barzani"], "Sky News Arabic"),
        ("004_", "Hailed by both friends", ["PressTV", "Foreign Policy"], None),
    ],
)
def test_sample_corpus_chains(run_out: Path, doc: str, claim: str, path: list[str], channel: str | None) -> None:
    c = _chain(run_out, doc, claim)
    assert [c["outlet"], *(h["source"] for h in c["hops"])] == path
    assert c["primary"] == path[-1] and c["channel"] == channel


def test_netanyahu_quote_rests_on_netanyahu(run_out: Path) -> None:
    # "Netanyahu congratulated ..., which the Zionist dictator said was ...": the article's epithet for
    # the subject of its own sentence, not a primary source of its own (issue 36)
    c = _chain(run_out, "002_", "was “oppressing the Iranian people")
    assert c["primary"] == "Netanyahu"
    assert "unnamed_original" not in {f["type"] for f in c["flags"]}


def test_reuse_between_gvs_and_abc(run_out: Path) -> None:
    (pair,) = [json.loads(line) for line in (run_out / "reuse.jsonl").read_text(encoding="utf-8").splitlines()]
    assert pair["a"].endswith("000_9a0592be07adf101.txt") and pair["b"].endswith("002_0e4877a62b0c3399.txt")
    assert pair["direction"] == "both_copy" and pair["common_source"] == "RT"
    changes = {(c["op"], c["a_text"], c["b_text"]) for p in pair["passages"] for c in p["changes"]}
    assert ("insert", "", "Israeli-backed") in changes
    assert ("replace", "Islamic State (IS, formerly ISIS/ISIL)", "Zionist based ISIS") in changes
    assert ("insert", "", "regime") in changes
    dropped = {d["source"] for p in pair["passages"] for d in p["dropped_attributions"]}
    assert "BBC Monitoring" in dropped


def test_graph_json_validates_and_keeps_evidence(run_out: Path) -> None:
    from citetrace.models import CitationGraph

    graph = CitationGraph.model_validate_json((run_out / "graph.json").read_text(encoding="utf-8"))
    al_naba = next(s for s in graph.sources if s.name == "Al-Naba")
    assert {"The paper", "the weekly ISIS newspaper al-Naba"} <= set(al_naba.aliases)
    assert next(s for s in graph.sources if s.name == "Mina Al-Lami").affiliation == "BBC"
    assert next(s for s in graph.sources if s.name == "BBC Monitoring").part_of == "BBC"
    cites = [e for e in graph.edges if e.type.value == "cites" and e.target == "src:Al-Naba"]
    assert cites and all(e.evidence and e.evidence[0].cue is not None and e.evidence[0].sentence for e in cites)
    assert any(e.type.value == "republishes" and e.target == "src:RT" for e in graph.edges)


def test_corpus_svg_highlights_primaries(run_out: Path) -> None:
    svg = ET.parse(run_out / "corpus.svg").getroot()
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "Al-Naba" in texts and "RT" in texts and "republishes" in texts
    assert 'peripheries="2"' in (run_out / "corpus.dot").read_text(encoding="utf-8")


def test_trace_source(env) -> None:
    result = runner.invoke(app, ["trace", str(CORPUS), "--source", "al-naba"], env=env)
    assert result.exit_code == 0, result.output
    assert "rest on Al-Naba" in result.stdout and "000_9a0592be07adf101.txt" in result.stdout
    assert "BBC Monitoring" in result.stdout and "Mina Al-Lami" in result.stdout


def test_trace_claim(env) -> None:
    result = runner.invoke(app, ["trace", str(CORPUS), "--claim", "Roman-Persian wars"], env=env)
    assert result.exit_code == 0, result.output
    assert "2 chains" in result.stdout and "002_0e4877a62b0c3399.txt" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [([], "exactly one of"), (["--source", "Nobody At All"], "no source 'Nobody At All'")],
    ids=["no-option", "unknown-source"],
)
def test_trace_usage_errors(env, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["trace", str(CORPUS), *args], env=env)
    assert result.exit_code == 1 and result.stderr.startswith("Error:") and message in result.stderr


def test_aliases_file_merges_sources(tmp_path: Path, env) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[source]]\nname = "Adib-Moghaddam"\nkind = "person"\naliases = ["Arshin Adib-Moghaddam"]\n'
        '[[source]]\nname = "Western media"\nkind = "outlet"\naliases = ["western media"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--aliases", str(aliases)], env=env)
    assert result.exit_code == 0, result.output
    assert any(c["primary"] == "Western media" for c in _chains(out))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[source]\nname=", "not valid TOML"),
        ('[[source]]\nname = "X"\nkind = "planet"\n', "kind 'planet'"),
        ('[[source]]\nname = "A"\npart_of = "B"\n[[source]]\nname = "B"\npart_of = "A"\n', "cycle (A -> B -> A)"),
        ('[[source]]\nname = "A"\naliases = ["X"]\n[[source]]\nname = "B"\naliases = ["X"]\n', "both 'A' and 'B'"),
    ],
    ids=["bad-toml", "bad-kind", "part-of-cycle", "one-alias-two-sources"],
)
def test_bad_aliases_file(tmp_path: Path, env, content: str, message: str) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(content, encoding="utf-8")
    result = runner.invoke(
        app, ["run", str(CORPUS), "--out", str(tmp_path / "out"), "--aliases", str(aliases)], env=env
    )
    assert result.exit_code == 1 and result.stderr.startswith("Error: --aliases") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "frames.jsonl").exists()


def test_an_alias_that_folds_a_known_source_is_said(tmp_path: Path, env) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[source]]\nname = "CNN"\nkind = "outlet"\naliases = ["BBC"]\n', encoding="utf-8")
    result = runner.invoke(app, ["sources", str(CORPUS), "--aliases", str(aliases)], env=env)
    assert result.exit_code == 0, result.output
    assert "Warning: --aliases" in result.stderr and "folds the known source 'BBC' into 'CNN'" in result.stderr


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_render_from_graph_json(run_out: Path, tmp_path: Path, fmt: str) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(run_out, out)
    (out / "frames.jsonl").unlink()  # render reads graph.json only; it parses nothing
    result = runner.invoke(app, ["render", str(out), "--format", fmt])
    assert result.exit_code == 0, result.output
    magic = {"png": b"\x89PNG", "pdf": b"%PDF"}[fmt]
    assert (out / f"corpus.{fmt}").read_bytes().startswith(magic)
    assert (out / "sources" / f"al-naba.{fmt}").read_bytes().startswith(magic)
    assert f"](corpus.{fmt})" in (out / "diagrams.md").read_text(encoding="utf-8")


def test_diagrams_md_includes_every_svg(run_out: Path) -> None:
    md = (run_out / "diagrams.md").read_text(encoding="utf-8")
    for svg in run_out.rglob("*.svg"):
        assert f"]({svg.relative_to(run_out).as_posix()})" in md


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--format", "gif"], "use one of svg, png, pdf"), ([], "no graph.json")],
    ids=["bad-format", "no-graph"],
)
def test_render_errors(tmp_path: Path, run_out: Path, args: list[str], message: str) -> None:
    import shutil

    out = tmp_path / "out"
    if args:
        shutil.copytree(run_out, out)
    else:
        out.mkdir()
    result = runner.invoke(app, ["render", str(out), *args])
    assert result.exit_code == 1 and result.stderr.startswith("Error:") and message in result.stderr


def test_two_processes_with_different_hash_seeds_write_the_same_bytes(env, tmp_path: Path) -> None:
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        proc = subprocess.run(
            [sys.executable, "-m", "citetrace", "run", str(CORPUS), "--out", str(out)],
            env=os.environ | env | {"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert proc.returncode == 0, proc.stderr
        outs.append(out)
    files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.suffix in (".json", ".jsonl", ".dot"))
    assert len(files) > 20
    for rel in files:
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes(), rel


def test_aliases_help_names_the_toml_tables() -> None:
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "[[source]]" in result.output


def test_odd_file_names_give_working_links(tmp_path: Path, env) -> None:
    corpus = tmp_path / "my corpus"
    (corpus / "2020").mkdir(parents=True)
    text = (CORPUS / "004_0ba3056f8378de2f.txt").read_text(encoding="utf-8")
    (corpus / "2020" / "story #1 (draft).txt").write_text(text, encoding="utf-8")
    (corpus / "Story #1 (draft).txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert graph["documents"] == ["2020/story #1 (draft).txt", "Story #1 (draft).txt"]
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#:]+\.html)"', index)
    assert len(links) >= 2 and all((out / link).is_file() for link in links)
    md = (out / "diagrams.md").read_text(encoding="utf-8")
    assert all((out / target).is_file() for target in re.findall(r"\]\(([^)]+)\)", md))


def test_progress_is_logged_as_lines_and_trace_lines_are_not_wrapped(tmp_path: Path, env) -> None:
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(tmp_path / "out")], env=env)
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    n = diagram_count(load_graph(tmp_path / "out"))
    assert "parsing: 5/5" in lines and lines.count(f"drawing: {n}/{n}") == 1
    assert sum(line.startswith("drawing: ") for line in lines) <= 21  # a line per twentieth, not per diagram
    traced = runner.invoke(app, ["trace", str(CORPUS), "--source", "Al-Naba"], env=env)
    assert traced.exit_code == 0 and max(len(line) for line in traced.stdout.splitlines()) > 100


def test_sources_lists_aliases_with_reasons(env) -> None:
    result = runner.invoke(app, ["sources", str(CORPUS), "--top", "6"], env=env)
    assert result.exit_code == 0, result.output
    header, *rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert header[0] == "source" and len(rows) == 6
    naba = next(r for r in rows if r[0] == "Al-Naba")
    assert naba[1] == "publication" and "It (pronoun, 0.8)" in naba[4] and "(in_document, 0.9)" in naba[4]


def test_sources_toml_is_an_aliases_file(tmp_path: Path, env) -> None:
    from citetrace.sources.aliases import load_aliases

    result = runner.invoke(app, ["sources", str(CORPUS), "--toml"], env=env)
    assert result.exit_code == 0, result.output
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(result.stdout, encoding="utf-8")
    by_name = {k.canonical: k for k in load_aliases(aliases)}
    assert "US President Donald Trump" in by_name["Donald Trump"].aliases
    assert "It" not in by_name["Al-Naba"].aliases  # a pronoun is no alias to write down
    rerun = runner.invoke(app, ["sources", str(CORPUS), "--aliases", str(aliases), "--top", "3"], env=env)
    assert rerun.exit_code == 0, rerun.output


def test_a_source_page_says_how_the_source_is_written_and_why(run_out: Path) -> None:
    page = (run_out / "sources" / "al-naba.html").read_text(encoding="utf-8")
    assert "Also written:" in page and "“The paper” (resolved in its document)" in page
    assert "“It”" not in page  # pronouns are not listed as ways of writing a source
    assert "Described as:" in page


def test_more_workers_than_cores_is_said_and_capped(tmp_path: Path, env) -> None:
    """``--workers 100`` on 2 cores started 9 processes and took 4 GB more memory, in silence."""
    from citetrace.cli.app import make_parser
    from citetrace.run.pool import available_cores

    cores = available_cores()
    assert make_parser(None, None, True, workers=cores + 98).workers == cores
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(tmp_path / "out"), "--workers", "100"], env=env)
    assert result.exit_code == 0, result.output
    assert f"Warning: --workers 100: this machine has {cores} cores for citetrace; using {cores}" in result.stderr


def test_a_cache_folder_that_cannot_be_written_is_said(tmp_path: Path, env) -> None:
    """--cache naming a folder that cannot be created was skipped without a word."""
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    cache = tmp_path / "a-file" / "cache"
    result = runner.invoke(app, ["sources", str(CORPUS), "--cache", str(cache)], env=env)
    assert result.exit_code == 0, result.output
    assert f"Warning: the cache folder {cache} cannot be written" in result.stderr
