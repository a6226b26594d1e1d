"""Provenance lines: wire datelines, contributor and editing lines, hat tips, syndication (written for
these tests, one per format), and attributions inside sentences that must not be read as provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app
from citetrace.evaluation.score import evaluate_provenance
from citetrace.models import ProvenanceKind
from citetrace.read.provenance import read_provenance, with_metadata

W, C, H, S = ProvenanceKind.wire, ProvenanceKind.contribution, ProvenanceKind.hat_tip, ProvenanceKind.syndication
BODY = "The committee met on Tuesday and voted to delay the hearing until next month.\n\n"

CASES = [
    ("Senate delays vote.\n\nWASHINGTON (AP) — " + BODY, [(W, "Associated Press")]),
    ("Senate delays vote.\n\nBOISE, Idaho (AP) — " + BODY, [(W, "Associated Press")]),
    ("Senate delays vote.\n\nWASHINGTON, June 24 (UPI) — " + BODY, [(W, "United Press International")]),
    ("Senate delays vote.\n\nWASHINGTON (Reuters) - " + BODY, [(W, "Reuters")]),
    ("Senate delays vote.\n\nMarch 3 (Reuters) - " + BODY, [(W, "Reuters")]),
    ("Senate delays vote.\n\nWashington (AFP) – " + BODY, [(W, "Agence France-Presse")]),
    ("Senate delays vote.\n\nNEW YORK (Bloomberg) -- " + BODY, [(W, "Bloomberg")]),
    ("Bundestag vertagt.\n\nBERLIN (dpa) - " + BODY, [(W, "dpa")]),
    ("Vote delayed.\n\nLONDON (PA) - " + BODY, [(W, "PA Media")]),
    ("Stemming uitgesteld.\n\nDEN HAAG (ANP) - " + BODY, [(W, "ANP")]),
    ("Vote delayed.\n\nBEIJING, Jan. 3 (Xinhua) -- " + BODY, [(W, "Xinhua")]),
    ("Vote delayed.\n\nMOSCOW, January 3. /TASS/. " + BODY, [(W, "TASS")]),
    ("Vote delayed.\n\nTEHRAN (IRNA) - " + BODY, [(W, "IRNA")]),
    (
        BODY + "(Reporting by Jane Roe in Ottawa; Additional reporting by Ann Poe; Editing by Sam Doe.)",
        [(W, "Reuters")],
    ),
    (BODY + "(Reporting by Jane Roe; Editing by Sam Doe)", [(W, "Reuters")]),
    (  # the AP's daily digest, reprinted with no dateline: its standfirst is its signature
        "10 Things to Know for Today.\n\nYour daily look at late-breaking news, upcoming events and the stories "
        "that will be talked about today:\n\n1. SENATE DELAYS VOTE.\n\n" + BODY,
        [(W, "Associated Press")],
    ),
    (BODY + "The Associated Press contributed to this report.", [(C, "Associated Press")]),
    (BODY + "Associated Press writer Jane Roe in Boise contributed to this report.", [(C, "Associated Press")]),
    (BODY + "h/t: The Hill", [(H, "The Hill")]),
    (BODY + "(h/t Mediaite)", [(H, "Mediaite")]),
    (BODY + "H/T Washington Examiner.", [(H, "Washington Examiner")]),
    (BODY + "Via Politico.", [(H, "Politico")]),
    (BODY + "This article originally appeared on The Conversation.", [(S, "The Conversation")]),
    (BODY + "Republished with permission of Reason Magazine.", [(S, "Reason Magazine")]),
    (BODY + "First published by the Cairo Review. Republished with permission.", [(S, "Cairo Review")]),
    (BODY + "Originally appeared in The Atlantic.", [(S, "The Atlantic")]),
    (BODY + "h/t/: Independent Journal.", [(H, "Independent Journal")]),
    (
        "Vote delayed.\nBy Jane Roe, Associated Press\n\nWASHINGTON (AP) — " + BODY,
        [(ProvenanceKind.byline, "Jane Roe"), (W, "Associated Press")],
    ),
    ("Vote delayed.\n\nBy JANE ROE and SAM DOE\n\n" + BODY, [(ProvenanceKind.byline, "JANE ROE and SAM DOE")]),
    # attributions inside sentences, and wires named in the story, are not provenance
    ("Vote delayed.\n\nBy Monday morning, the committee had met and voted to delay the hearing.", []),
    ("Senate delays vote.\n\nAccording to MSNBC, the committee met on Tuesday.", []),
    (BODY + "The senator told Reuters on Monday that she would vote no.", []),
    (BODY + "An AP reporter asked the senator (AP) about the vote - she declined.", []),
    (
        "Senate delays vote.\n\n"
        + BODY * 3
        + "WASHINGTON (AP) — a dateline deep in the story is a quoted wire.\n\n"
        + BODY * 8,
        [],
    ),
    (BODY + "He said the Associated Press contributed nothing to the debate.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:45].replace("\n", " ") for c in CASES])
def test_provenance_table(text: str, expected: list) -> None:
    found = read_provenance(text)
    assert [(p.kind, p.source) for p in found] == expected
    for p in found:
        assert p.evidence is not None and text[p.evidence.start : p.evidence.end] == p.evidence.text


def test_eval_provenance_scores_against_a_metadata_table(tmp_path: Path) -> None:
    texts = tmp_path / "text"
    texts.mkdir()
    (texts / "a.txt").write_text("Vote.\n\nWASHINGTON (AP) — " + BODY, encoding="utf-8")
    (texts / "b.txt").write_text("Vote.\n\nWASHINGTON (Reuters) - " + BODY, encoding="utf-8")  # the table says AFP
    (texts / "c.txt").write_text("Vote.\n\n" + BODY + "h/t: The Hill", encoding="utf-8")
    (texts / "d.txt").write_text("Vote.\n\n" + BODY, encoding="utf-8")
    table = tmp_path / "meta.tsv"
    table.write_text(
        "filename\twire\tcredit\na\tAP\tNone\nb\tAFP\tNone\nc\tNA\th/t: The Hill \nd\tNone\tNone\n", encoding="utf-8"
    )
    report = evaluate_provenance(tmp_path, table)
    wire, hat_tip = report.scores[W], report.scores[H]
    assert report.documents == 4 and report.no_provenance_given_some == 0
    assert (wire.tp, wire.predicted, wire.gold) == (1, 2, 2)
    assert (hat_tip.tp, hat_tip.predicted, hat_tip.gold) == (1, 1, 1)
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--provenance", str(table), "--json"])
    assert result.exit_code == 0 and '"wire"' in result.stdout


def test_eval_provenance_needs_a_table_with_the_columns(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    table = tmp_path / "meta.tsv"
    table.write_text("name\tagency\na\tAP\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--provenance", str(table)])
    assert result.exit_code == 1 and "Error:" in result.output and "Traceback" not in result.output


META_CASES = [
    # (text, wire, credit) -> provenance (kind, source, origin)
    ("Vote.\n\n" + BODY, "AP", None, [(W, "Associated Press", "metadata")]),
    ("Vote.\n\nWASHINGTON (AP) — " + BODY, "AP", None, [(W, "Associated Press", "text")]),
    ("Vote.\n\nWASHINGTON (Reuters) - " + BODY, "AFP", None, [(W, "Agence France-Presse", "metadata")]),
    (
        "Vote.\n\nWASHINGTON (AP) — " + BODY,
        None,
        "h/t: The Hill ",
        [(W, "Associated Press", "text"), (H, "The Hill", "metadata")],
    ),
    ("Vote.\n\n" + BODY, None, "Staff report", []),
]


@pytest.mark.parametrize(("text", "wire", "credit", "expected"), META_CASES)
def test_metadata_completes_and_overrides_the_text(text: str, wire, credit, expected: list) -> None:
    found = with_metadata(read_provenance(text), wire, credit)
    assert [(p.kind, p.source, p.origin.value) for p in found] == expected


def test_a_meta_table_beside_the_articles_is_read_and_shown(tmp_path: Path, env) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Vote delayed.\n\nThe senator said the vote would be delayed.\n", encoding="utf-8")
    (corpus / "meta.tsv").write_text("filename\toutlet\twire\tcredit\na\tBreitbart\tAP\tNone\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    line = json.loads((out / "frames.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["outlet"] == "Breitbart"
    assert line["provenance"] == [
        {"kind": "wire", "source": "Associated Press", "evidence": None, "origin": "metadata"}
    ]
    (chain,) = [json.loads(x) for x in (out / "chains.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [h["type"] for h in chain["hops"]][:1] == ["copies_wire"]
    assert "copies the wire Associated Press" in (out / "a.html").read_text(encoding="utf-8")


def test_a_meta_table_without_a_file_column_is_refused(tmp_path: Path, env) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BODY, encoding="utf-8")
    (corpus / "meta.csv").write_text("name,wire\na,AP\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(tmp_path / "out")], env=env)
    assert result.exit_code != 0 and "Error:" in result.output and "filename" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()
