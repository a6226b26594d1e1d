"""Archives: many articles in one file, as newsrooms and crawlers export them.

- JSONL (``.jsonl``, ``.ndjson``, optionally ``.gz``): one JSON object a line;
- CSV and TSV (``.csv``, ``.tsv``, not a folder's ``meta.csv``/``meta.tsv``): one row an article, a
  header row naming the columns;
- WARC (``.warc``, ``.warc.gz``): a crawl's HTTP responses; each HTML page is read as a saved page is
  (``read.html``: trafilatura's article text, the page's own outlet and headline).

A JSONL object or a row has the article's ``text`` and optionally ``id``, ``url``, ``date``, ``outlet``
and ``headline``, under those names or the ones news-please, Media Cloud and common CMS exports use
(``FIELD_NAMES``: ``maintext``, ``source_domain``, ``date_publish``, ``title``, ``media_name``, ...);
other names are given with ``--field text=body`` (``fields``). A record that cannot be read (not
JSON, no text, too long) is one error naming the file and its line or record; the others are read.
A record is named by its ``id`` when it has one, else ``<file>:<line>`` (``<file>#<record>`` in a
WARC), and its ``Document.path`` says where it came from.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from citetrace.errors import InputError
from citetrace.models import Document
from citetrace.read.text import MAX_BYTES, check_size, one_line_end

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TABLE_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
NOT_ARCHIVES = frozenset({"meta.csv", "meta.tsv"})  # a folder's metadata table (``read.corpus``)
# The field each part of an article is read from: ours first, then the names common exports use
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article", "story_text", "full_text"),
    "id": ("id", "stories_id", "guid", "article_id", "uuid", "doc_id"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "date": ("date", "date_publish", "publish_date", "published", "publication_date", "pubdate"),
    "outlet": ("outlet", "source_domain", "media_name", "publisher", "source", "site_name"),
    "headline": ("headline", "title"),
}


def is_archive(path: Path) -> bool:
    name = path.name.lower()
    if name in NOT_ARCHIVES:
        return False
    return name.endswith(JSONL_SUFFIXES + TABLE_SUFFIXES + WARC_SUFFIXES)


def found_in_folder(path: Path, fields: Mapping[str, str] | None = None) -> bool:
    """Whether an archive found in a corpus folder is one to read: JSONL and WARC always; a CSV or TSV
    only when its header names a text column (a folder's other spreadsheets are not articles). An
    archive given by name is always read."""
    name = path.name.lower()
    if not name.endswith(TABLE_SUFFIXES):
        return True
    try:
        with _open_text(path) as fh:
            header = next(csv.reader([fh.readline()], delimiter=_delimiter(path)), [])
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError, csv.Error):
        return True  # unreadable: read it, and say why
    wanted = {(fields or {}).get("text", "")} | set(FIELD_NAMES["text"])
    return any(column.strip() in wanted for column in header)


def parse_fields(given: list[str] | None) -> dict[str, str]:
    """``["text=body", "outlet=site"]`` -> {"text": "body", "outlet": "site"}; a usage error names what
    is wrong."""
    fields: dict[str, str] = {}
    for item in given or []:
        key, sep, name = item.partition("=")
        key, name = key.strip(), name.strip()
        if not sep or key not in FIELD_NAMES or not name:
            raise InputError(
                f"--field {item!r}: give PART=NAME, PART one of {', '.join(FIELD_NAMES)} (e.g. --field text=body)"
            )
        fields[key] = name
    return fields


def read_archive(
    path: Path, name: str, fields: Mapping[str, str] | None = None
) -> tuple[list[Document], list[InputError]]:
    """The articles of one archive file (``name``: how the corpus names the file) and one error per
    record that could not be read."""
    documents: list[Document] = []
    errors: list[InputError] = []
    lower = path.name.lower()
    try:
        if lower.endswith(WARC_SUFFIXES):
            records: Iterator[tuple[str, dict | None, str | None]] = _warc(path)
        else:
            records = _jsonl(path) if lower.endswith(JSONL_SUFFIXES) else _table(path)
        for where, record, problem in records:
            try:
                if problem is not None or record is None:
                    raise InputError(f"{path}:{where}: {problem}")
                documents.append(_document(path, name, where, record, fields or {}))
            except InputError as exc:
                errors.append(exc)
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError) as exc:
        errors.append(InputError(f"{path}: cannot be read as an archive ({exc})"))
    except Exception as exc:  # warcio's parse errors: an archive that is not one
        errors.append(InputError(f"{path}: not a readable WARC archive ({type(exc).__name__}: {exc})"))
    if not documents and not errors:
        errors.append(InputError(f"{path}: an archive with no articles"))
    return documents, errors


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def _delimiter(path: Path) -> str:
    return "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","


def _jsonl(path: Path) -> Iterator[tuple[str, dict | None, str | None]]:
    with _open_text(path) as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield str(n), None, f"not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(record, dict):
                yield str(n), None, "not a JSON object"
                continue
            yield str(n), record, None


def _table(path: Path) -> Iterator[tuple[str, dict | None, str | None]]:
    csv.field_size_limit(2 * MAX_BYTES)
    delimiter = _delimiter(path)
    with _open_text(path) as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        try:
            for row in reader:
                yield str(reader.line_num), dict(row), None
        except csv.Error as exc:
            yield str(reader.line_num), None, f"not a valid {'TSV' if delimiter == chr(9) else 'CSV'} row ({exc})"


def _warc(path: Path) -> Iterator[tuple[str, dict | None, str | None]]:
    from warcio.archiveiterator import ArchiveIterator

    from citetrace.read.html import from_html

    with path.open("rb") as fh:
        for n, record in enumerate(ArchiveIterator(fh), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            kind = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in kind:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"#{n}"
            try:
                html = record.content_stream().read().decode("utf-8", "replace")
                text, outlet, page_url, date, headline = from_html(f"{path}{where} ({url})", html)
            except InputError as exc:
                yield where, None, str(exc).split(": ", 1)[-1]
                continue
            date = date or record.rec_headers.get_header("WARC-Date")
            page = {"text": text, "url": page_url or url, "outlet": outlet, "date": date, "headline": headline}
            yield where, page, None


def _field(record: Mapping, part: str, fields: Mapping[str, str]) -> str | None:
    names = (fields[part],) if part in fields else FIELD_NAMES[part]
    for key in names:
        value = record.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _document(path: Path, name: str, where: str, record: Mapping, fields: Mapping[str, str]) -> Document:
    text = _field(record, "text", fields)
    if text is None:
        names = fields.get("text") or ", ".join(FIELD_NAMES["text"])
        raise InputError(f"{path}:{where}: no article text (looked for {names}; name the field with --field text=NAME)")
    check_size(f"{path}:{where}", text, " of text")
    text = one_line_end(text)
    ident = _field(record, "id", fields)
    sep = "" if where.startswith("#") else ":"
    return Document(
        path=f"{path}{sep}{where}",
        name=ident if ident is not None else f"{name}{sep}{where}",
        text=text,
        outlet=_field(record, "outlet", fields),
        url=_field(record, "url", fields),
        date=_field(record, "date", fields),
        headline=_field(record, "headline", fields),
    )
