"""Read a corpus: files and folders of articles (.txt, .md, .html), their encodings and metadata.

Nothing else in citetrace reads input. Offsets everywhere point into ``Document.text``: the file's
decoded text for .txt/.md, the article text extracted by trafilatura for HTML.

Metadata comes from an optional ``meta.json`` beside the articles::

    {"004_0ba3056f8378de2f.txt": {"outlet": "PressTV", "url": "...", "date": "2020-02-12"}}

or from a table ``meta.tsv`` / ``meta.csv`` (a ``filename`` column, then outlet, url, date,
headline, wire, credit), and otherwise from credits in the text ("Welcome to Global Village Space", "Read more at
DailyMail.co.uk", "RT. com / ABC Flash Point News"), or from an HTML page's own metadata.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from citetrace.errors import InputError
from citetrace.models import Document, Span
from citetrace.read.archive import found_in_folder, is_archive, read_archive
from citetrace.read.credits import CREDIT_PATTERNS
from citetrace.read.html import from_html
from citetrace.read.io import MANIFEST
from citetrace.read.text import MAX_BYTES, check_size, one_line_end, too_large

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
META_FILE = "meta.json"
META_TABLES = ("meta.tsv", "meta.csv")
META_COLUMNS = frozenset("outlet url date headline wire credit".split())
META_ALIASES = {"publisher": "outlet", "publication_date": "date", "title": "headline"}  # PolNeAR's names
NO_VALUE = frozenset({"", "none", "na", "n/a", "null"})
MAX_HTML_BYTES = 20_000_000  # a web page's HTML (scripts, styles, inline images): the limit is on its text
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.I)


@dataclass(frozen=True)
class CorpusRead:
    """The documents that could be read, and one error per file that could not."""

    documents: list[Document]
    errors: list[InputError]


def list_articles(paths: Iterable[Path], fields: Mapping[str, str] | None = None) -> list[tuple[Path, str]]:
    """(file, name) of every article under ``paths``, sorted per folder. A folder is read with its
    subfolders, each article named by its path inside the folder ("2020/jan/a.txt"); hidden files
    and folders and citetrace's own output folders are skipped. A file given is named by its name."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            articles = sorted(p.relative_to(path) for p in path.rglob("*") if _is_article(path, p, fields))
            if not articles:
                raise InputError(
                    f"{path} holds no articles: put .txt, .md or .html files (or .jsonl, .csv, .warc archives) in it"
                )
            found.extend((path / rel, rel.as_posix()) for rel in articles)
        elif path.exists():
            found.append((path, path.name))
        else:
            raise InputError(f"{path} does not exist")
    return found


def _is_article(root: Path, path: Path, fields: Mapping[str, str] | None = None) -> bool:
    if not path.is_file():
        return False
    if path.suffix.lower() not in ARTICLE_SUFFIXES and not (is_archive(path) and found_in_folder(path, fields)):
        return False
    rel = path.relative_to(root)
    if any(part.startswith(".") for part in rel.parts):
        return False
    return not any((root / Path(*rel.parts[:i]) / MANIFEST).exists() for i in range(len(rel.parts)))


def read_corpus(paths: Iterable[Path], fields: Mapping[str, str] | None = None) -> CorpusRead:
    """Read every article under ``paths``, and every record of the archives among them (JSONL, CSV,
    WARC: ``read.archive``; ``fields``: the archives' field names, ``--field``); unreadable files and
    records become errors, the rest are read. A metadata file that cannot be read stops the whole
    read (raised once, before any article is parsed): its outlets and credits would otherwise be
    missing from every chain without a word."""
    documents: list[Document] = []
    errors: list[InputError] = []
    articles = list_articles(paths, fields)
    folders = dict.fromkeys(path.parent for path, _ in articles if not is_archive(path))
    meta_cache = {folder: read_meta(folder) for folder in folders}
    names: set[str] = set()
    for path, name in articles:
        if is_archive(path):
            records, bad = read_archive(path, name, fields)
            errors += bad
            found = [_with_credits(doc) for doc in records]
        else:
            try:
                found = [read_document(path, meta_cache[path.parent].get(path.name, {}), name=name)]
            except InputError as exc:
                errors.append(exc)
                continue
        for doc in found:
            if doc.name in names:
                errors.append(InputError(f"{doc.path}: another article is also named {doc.name}; rename one"))
                continue
            names.add(doc.name)
            documents.append(doc)
    return CorpusRead(documents, errors)


def _with_credits(doc: Document) -> Document:
    """An archive's article with what its text says where the record did not: the outlet a credit line
    names ("Read more at DailyMail.co.uk") and the headline."""
    update: dict[str, object] = {}
    if doc.outlet is None and (found := find_outlet(doc.text)) is not None:
        update["outlet"], update["outlet_evidence"] = found
    if doc.headline is None:
        update["headline"] = headline(doc.text)
    return doc.model_copy(update=update) if update else doc


def read_meta(folder: Path) -> dict[str, dict]:
    """The folder's metadata: ``meta.json``, else a table ``meta.tsv`` / ``meta.csv``."""
    path = folder / META_FILE
    if not path.is_file():
        table = next((folder / n for n in META_TABLES if (folder / n).is_file()), None)
        return read_meta_table(table) if table is not None else {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON metadata ({exc}); fix or remove it") from exc
    if not isinstance(meta, dict) or not all(isinstance(v, dict) for v in meta.values()):
        raise InputError(f'{path}: expected {{"<file name>": {{"outlet": ..., "url": ..., "date": ...}}}}')
    return meta


def decode(path: Path, data: bytes, limit: int = MAX_BYTES) -> str:
    """Decode an article's bytes as UTF-8, refusing empty, binary and oversized files (over ``limit``
    bytes: ``MAX_BYTES`` for text, ``MAX_HTML_BYTES`` for a web page, whose article text is checked
    once extracted). Line ends become ``\n`` (``text.one_line_end``)."""
    if len(data) > limit:
        raise too_large(path, len(data))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data = data.decode("utf-16").encode("utf-8")  # Windows "Unicode" text: UTF-16 with its byte-order mark
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: starts like UTF-16 but is not (byte {exc.start}); re-save it as UTF-8") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text; give .txt, .md or .html articles")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8, e.g. "
            f"iconv -f {_legacy_encoding(data)} -t utf-8"
        ) from exc
    if not text.strip():
        raise InputError(f"{path}: empty file; nothing to read")
    return one_line_end(text)


def _legacy_encoding(data: bytes) -> str:
    """The 8-bit encoding a non-UTF-8 file most likely uses: Windows-1252 when it has bytes 0x80-0x9F
    (curly quotes, dashes, the euro sign: control characters in Latin-1), else Latin-1."""
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return "latin1"


def read_meta_table(path: Path) -> dict[str, dict]:
    """A metadata table (``meta.tsv``, ``meta.csv``, PolNeAR's ``metadata.tsv``): a header row with
    ``filename`` (or ``document``, ``file``; ".txt" may be left out) and any of outlet, url, date,
    headline, wire, credit (or PolNeAR's publisher, publication_date, title); "None", "NA" or empty is
    no value. A table without a file column is refused."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the metadata table ({exc})") from exc
    rows = list(csv.DictReader(lines, delimiter="\t" if lines and "\t" in lines[0] else ","))
    key = next((k for k in ("filename", "document", "file") if rows and k in rows[0]), None)
    if key is None:
        raise InputError(f"{path}: expected a header row with a 'filename' column")
    meta: dict[str, dict] = {}
    for row in rows:
        name = (row.get(key) or "").strip()
        row = {META_ALIASES.get(k, k): v for k, v in row.items() if k not in META_ALIASES or META_ALIASES[k] not in row}
        values = {k: (v or "").strip() for k, v in row.items() if k in META_COLUMNS}
        values = {k: v for k, v in values.items() if v.casefold() not in NO_VALUE}
        meta[name if name.endswith(ARTICLE_SUFFIXES) else f"{name}.txt"] = values
    return meta


def read_document(path: Path, meta: dict | None = None, name: str | None = None) -> Document:
    """Read one article file into a Document, named ``name`` (default: its file name)."""
    meta = meta or {}
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    html = path.suffix.lower() in (".html", ".htm") or bool(_HTML_START.match(data[:512]))
    text = decode(path, data, MAX_HTML_BYTES if html else MAX_BYTES)
    outlet, evidence, url, date, title = None, None, None, None, None
    if html:
        text, outlet, url, date, title = from_html(path, text)
        check_size(path, text, " of article text")
    found = find_outlet(text)
    if found is not None:
        outlet, evidence = found
    return Document(
        path=str(path),
        name=name or path.name,
        text=text,
        outlet=meta.get("outlet") or outlet,
        outlet_evidence=None if meta.get("outlet") else evidence,
        url=meta.get("url") or url,
        date=meta.get("date") or date,
        headline=meta.get("headline") or title or headline(text),
        wire=meta.get("wire"),
        credit=meta.get("credit"),
    )


HEADLINE_CHARS = 100


def headline(text: str) -> str | None:
    """The article's headline: the first of its first five lines that has five words or more and is not
    a credit line ("| Welcome to Global Village Space"), shortened to ``HEADLINE_CHARS``."""
    lines = [line.strip(" |\t") for line in text.splitlines() if line.strip()][:5]
    for line in lines:
        if len(line.split()) >= 5 and find_outlet(line) is None:
            flat = " ".join(line.split())
            return flat if len(flat) <= HEADLINE_CHARS else flat[: HEADLINE_CHARS - 1].rsplit(" ", 1)[0] + " …"
    return None


def find_outlet(text: str) -> tuple[str, Span] | None:
    """The document's own outlet, from a credit line in its text (first pattern that matches)."""
    for pattern in CREDIT_PATTERNS:
        for m in pattern.regex.finditer(text):
            if m.groupdict().get("outlet"):
                return m.group("outlet").strip(), Span(
                    text=m.group("outlet"), start=m.start("outlet"), end=m.end("outlet")
                )
    return None
