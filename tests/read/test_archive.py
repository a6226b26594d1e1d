"""Archives as a corpus (issue 38): JSONL, CSV/TSV and WARC files, their field names, and one error per
record that cannot be read."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citetrace.cli import app
from citetrace.errors import InputError
from citetrace.read.archive import parse_fields
from citetrace.read.corpus import read_corpus

GOOD = "The ministry said on Monday that the talks had failed. Officials told Reuters the talks would resume."
PAGE = (
    "<html><head><title>Talks | Example</title><meta property='og:site_name' content='Example News'>"
    "<meta property='og:title' content='Talks failed, ministry says'></head><body><article><h1>Talks failed</h1>"
    + "".join(f"<p>{GOOD} It was day {i} of the talks in the capital.</p>" for i in range(4))
    + "</article></body></html>"
)


def _jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_records_with_our_names_and_news_pleases(tmp_path: Path) -> None:
    archive = _jsonl(
        tmp_path / "export.jsonl",
        [
            {"id": "a1", "text": GOOD, "outlet": "Example News", "url": "https://example.org/a1", "date": "2020-01-05"},
            {
                "maintext": GOOD,
                "title": "Talks fail",
                "source_domain": "news.example.com",
                "date_publish": "2020-01-06",
            },
            '{"id": "broken", "text": "no closing',
            {"id": "empty", "headline": "no text here"},
        ],
    )
    read = read_corpus([archive])
    a1, second = read.documents
    assert (a1.name, a1.outlet, a1.url, a1.date) == ("a1", "Example News", "https://example.org/a1", "2020-01-05")
    assert (second.name, second.outlet, second.headline, second.date) == (
        "export.jsonl:2",
        "news.example.com",
        "Talks fail",
        "2020-01-06",
    )
    assert second.path == f"{archive}:2" and second.text == GOOD
    messages = [str(e) for e in read.errors]
    assert len(messages) == 2
    assert messages[0].startswith(f"{archive}:3: not valid JSON")
    assert messages[1].startswith(f"{archive}:4: no article text") and "--field text=NAME" in messages[1]


def test_csv_tsv_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f'id,title,text\nc1,Talks,"{GOOD}"\n', encoding="utf-8")
    (tmp_path / "b.tsv").write_text(f"id\tbody\nt1\t{GOOD}\n", encoding="utf-8")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": GOOD}) + "\n")
    (tmp_path / "meta.csv").write_text("filename,outlet\n", encoding="utf-8")  # a metadata table, not an archive
    read = read_corpus([tmp_path], parse_fields(["text=body"]))  # the field named: in every archive
    assert [d.name for d in read.documents] == ["t1"]
    assert sorted(str(e) for e in read.errors) == [
        f"{tmp_path / 'a.csv'}:2: no article text (looked for body; name the field with --field text=NAME)",
        f"{tmp_path / 'c.jsonl.gz'}:1: no article text (looked for body; name the field with --field text=NAME)",
    ]
    read = read_corpus([tmp_path])
    assert sorted(d.name for d in read.documents) == ["c1", "g1", "t1"] and not read.errors


@pytest.mark.parametrize("given", ["text", "words=body", "text="], ids=["no-equals", "unknown-part", "no-name"])
def test_a_bad_field_option_is_one_error(given: str) -> None:
    with pytest.raises(InputError, match="give PART=NAME"):
        parse_fields([given])


def test_warc_html_responses_are_read_as_pages(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, kind in [
            ("https://example.org/talks", PAGE, "text/html; charset=utf-8"),
            ("https://example.org/logo.png", "PNG", "image/png"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers)
            writer.write_record(record)
    read = read_corpus([path])
    (doc,) = read.documents
    assert doc.outlet == "Example News" and doc.headline == "Talks failed, ministry says"
    assert doc.url == "https://example.org/talks" and "talks had failed" in doc.text and "<p>" not in doc.text
    assert doc.name.startswith("crawl.warc.gz#") and not read.errors


def test_a_file_that_is_no_archive_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "bad.warc").write_bytes(b"this is not a WARC file at all\n")
    read = read_corpus([tmp_path / "bad.warc"])
    assert read.documents == [] and len(read.errors) == 1 and "bad.warc" in str(read.errors[0])


@pytest.mark.slow
def test_run_on_a_jsonl_export(tmp_path: Path, env) -> None:
    """The JSONL export given as the corpus was read as one article with no frames."""
    archive = _jsonl(
        tmp_path / "export.jsonl",
        [{"id": "one", "text": GOOD, "outlet": "Example News"}, {"id": "two", "maintext": GOOD}, "{oops"],
    )
    result = CliRunner().invoke(app, ["run", str(archive), "--out", str(tmp_path / "out")], env=env)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert result.exit_code == 1 and len(errors) == 1 and "export.jsonl:3: not valid JSON" in errors[0]
    frames = [json.loads(line) for line in (tmp_path / "out" / "frames.jsonl").read_text().splitlines()]
    assert [f["document"] for f in frames] == ["one", "two"] and all(f["frames"] for f in frames)


def test_a_spreadsheet_in_a_corpus_folder_is_no_archive(tmp_path: Path) -> None:
    """A CSV with no text column beside the articles is left alone; given by name it is read, and says
    what it lacks."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "budget.csv").write_text("month,amount\nJanuary,12\n", encoding="utf-8")
    read = read_corpus([tmp_path])
    assert [d.name for d in read.documents] == ["a.txt"] and not read.errors
    read = read_corpus([tmp_path / "budget.csv"])
    assert read.documents == [] and "budget.csv:2: no article text" in str(read.errors[0])
