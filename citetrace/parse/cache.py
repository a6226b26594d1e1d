"""Parses on disk: one compact binary file per document, read back without validating every token.

A parse is stored by columns, not token by token: the integers (sentence lengths, word ids, heads,
offsets, and indices into small tables of the part-of-speech tags, features and relations) as
little-endian 32-bit arrays, the words and lemmas as two NUL-separated strings, all compressed
with zlib. A file is ``MAGIC``, then the compressed payload. PolNeAR's first 100 articles take
about a tenth of their JSON size (docs/performance.md), and read back several times faster,
because the tokens are built from columns that the file already typed, without validation.

The file is named by a hash of the cache version, the models' fingerprint and the text; it also
records the text's hash and the fingerprint, so a file copied or swapped by hand is a miss, never
another document's parse. Entries of the previous, JSON format (cache version 2) are read once and
rewritten in this one, so an existing cache is not parsed again.

A run keeps its corpus's parses in this form too (``ParseStore``), each decoded where a stage reads
it: the cross-document stages but the claims need only the sentences' offsets (``sentence_spans``),
which are read from the columns without building the tokens.
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
import zlib
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import overload

from pydantic import ValidationError

from citetrace.models import ParsedDocument, Sentence, Token
from citetrace.parse.lemmas import repaired
from citetrace.read.io import atomic_write_bytes

MAGIC = b"citetrace-parse\x003\n"
VERSION = "3"  # 3: columns, binary; 2: one JSON document per parse
_INTS = ("id", "head", "start", "end", "upos", "xpos", "feats", "deprel")  # per-token integer columns
_TABLES = ("upos", "xpos", "feats", "deprel")  # string columns stored as indices into a table
_SEP = "\x00"


def text_sha256(text: str) -> str:
    """The hash a cached parse records of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def encode(parsed: ParsedDocument) -> bytes:
    """The binary form of a parse."""
    tokens = [t for s in parsed.sentences for t in s.tokens]
    tables: dict[str, dict[str | None, int]] = {name: {} for name in _TABLES}
    columns: dict[str, array] = {name: array("i") for name in _INTS}
    for t in tokens:
        for name in ("id", "head", "start", "end"):
            columns[name].append(getattr(t, name))
        for name in _TABLES:
            columns[name].append(tables[name].setdefault(getattr(t, name), len(tables[name])))
    header = {
        "model": parsed.model,
        "text_sha256": parsed.text_sha256,
        "tables": {name: list(table) for name, table in tables.items()},
        "words": _SEP.join(t.text for t in tokens),
        "lemmas": _SEP.join(t.lemma for t in tokens),
    }
    lengths = array("i", [len(s.tokens) for s in parsed.sentences])
    body = [json.dumps(header, ensure_ascii=False).encode("utf-8", "surrogatepass")]
    body += [_le(lengths), *(_le(columns[name]) for name in _INTS)]
    sizes = struct.pack("<" + "I" * len(body), *(len(b) for b in body))
    return MAGIC + zlib.compress(struct.pack("<I", len(body)) + sizes + b"".join(body), 6)


def _columns(data: bytes) -> tuple[dict, array, dict[str, array]]:
    """(header, sentence lengths, integer columns) of a parse's binary form; ValueError if it is not one."""
    if not data.startswith(MAGIC):
        raise ValueError("not a citetrace parse")
    try:
        payload = zlib.decompress(data[len(MAGIC) :])
        (count,) = struct.unpack_from("<I", payload)
        sizes = struct.unpack_from("<" + "I" * count, payload, 4)
        parts, at = [], 4 + 4 * count
        for size in sizes:
            parts.append(payload[at : at + size])
            at += size
        header = json.loads(parts[0].decode("utf-8", "surrogatepass"))
        lengths = _array(parts[1])
        columns = {name: _array(part) for name, part in zip(_INTS, parts[2:], strict=True)}
    except (zlib.error, struct.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"a damaged parse: {exc}") from exc
    if any(len(c) != sum(lengths) for c in columns.values()):
        raise ValueError("a damaged parse: columns of different lengths")
    return header, lengths, columns


def decode(data: bytes) -> ParsedDocument:
    """A parse from its binary form; ValueError if the data is not one."""
    header, lengths, columns = _columns(data)
    words, lemmas = header["words"].split(_SEP), header["lemmas"].split(_SEP)
    if sum(lengths) != len(words) or len(lemmas) != len(words):
        raise ValueError("a damaged parse: columns of different lengths")
    tables = header["tables"]
    upos, xpos, feats, deprel = (tables[n] for n in _TABLES)
    ids, heads, starts, ends = (columns[n] for n in ("id", "head", "start", "end"))
    up, xp, fe, de = (columns[n] for n in _TABLES)
    if "VERB" in upos:  # the verbs' lemmas of parses cached before ``lemmas.repaired`` existed
        verb = upos.index("VERB")
        lemmas = [
            repaired(w, lemma, "VERB") if u == verb else lemma for w, lemma, u in zip(words, lemmas, up, strict=True)
        ]
    tokens = [
        Token(
            ids[i],
            words[i],
            lemmas[i],
            upos[up[i]],
            xpos[xp[i]],
            feats[fe[i]],
            heads[i],
            deprel[de[i]],
            starts[i],
            ends[i],
        )
        for i in range(len(words))
    ]
    sentences, at = [], 0
    for n in lengths:
        sentences.append(Sentence.model_construct(tokens=tokens[at : at + n]))
        at += n
    return ParsedDocument.model_construct(model=header["model"], text_sha256=header["text_sha256"], sentences=sentences)


def spans_of(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a parse in its binary form, without building its tokens."""
    _, lengths, columns = _columns(data)
    starts, ends = columns["start"], columns["end"]
    out, at = [], 0
    for n in lengths:
        if n:
            out.append((starts[at], ends[at + n - 1]))
        at += n
    return out


def sentence_spans(parses: Sequence[ParsedDocument]) -> list[list[tuple[int, int]]]:
    """(start, end) of each sentence of each parse: all the cross-document stages but one read of a
    parse (``ParseStore`` has them without decoding its parses)."""
    if isinstance(parses, ParseStore):
        return parses.spans
    return [[(s.tokens[0].start, s.tokens[-1].end) for s in p.sentences if s.tokens] for p in parses]


class ParseStore(Sequence[ParsedDocument]):
    """A corpus's parses held in their binary form, about a twentieth of their size as objects (400
    PolNeAR articles: 4 MB against ~95 MB), each decoded when it is read; ``spans`` are their
    sentences' offsets, read once without the tokens."""

    def __init__(self, data: Sequence[bytes]):
        self.data = list(data)
        self._spans: list[list[tuple[int, int]]] | None = None

    def __len__(self) -> int:
        return len(self.data)

    @overload
    def __getitem__(self, i: int) -> ParsedDocument: ...
    @overload
    def __getitem__(self, i: slice) -> ParseStore: ...
    def __getitem__(self, i: int | slice) -> ParsedDocument | ParseStore:
        if isinstance(i, slice):
            return ParseStore(self.data[i])
        return decode(self.data[i])

    @property
    def spans(self) -> list[list[tuple[int, int]]]:
        if self._spans is None:
            self._spans = [spans_of(d) for d in self.data]
        return self._spans

    def clear(self) -> None:
        self.data.clear()
        self._spans = None


def _le(values: array) -> bytes:
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _array(data: bytes) -> array:
    values = array("i")
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


class ParseCache:
    """The on-disk cache of one set of models (``fingerprint``) in ``directory``."""

    def __init__(self, directory: Path, fingerprint: str):
        self.directory = directory
        self.fingerprint = fingerprint

    def key(self, text: str, version: str = VERSION) -> str:
        h = hashlib.sha256(f"{version}\0{self.fingerprint}\0".encode())
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def path(self, text: str) -> Path:
        return self.directory / f"{self.key(text)}.parse"

    def get(self, text: str) -> ParsedDocument | None:
        """The cached parse of ``text``, or None: absent, unreadable, or made for another text or other
        models. An entry of the JSON format is converted on the way."""
        data = self.data(text)
        try:
            return decode(data) if data is not None else None
        except (ValueError, IndexError, KeyError, TypeError):
            return None

    def data(self, text: str) -> bytes | None:
        """The cached parse of ``text`` in its binary form, as ``get`` finds it (its header checked,
        its tokens not built)."""
        try:
            data = self.path(text).read_bytes()
            header = _columns(data)[0]
            found = header["text_sha256"], header["model"]
        except (OSError, ValueError, IndexError, KeyError, TypeError):
            parsed = self._legacy(text)
            if parsed is None:
                return None
            data, found = encode(parsed), (parsed.text_sha256, parsed.model)
        return data if found == (text_sha256(text), self.fingerprint) else None

    def _legacy(self, text: str) -> ParsedDocument | None:
        old = self.directory / f"{self.key(text, '2')}.json"
        try:
            parsed = ParsedDocument.model_validate_json(old.read_text(encoding="utf-8"))
        except (OSError, ValidationError, ValueError):
            return None
        if parsed.text_sha256 == text_sha256(text) and parsed.model == self.fingerprint:
            self.put(text, parsed)
            old.unlink(missing_ok=True)
        return parsed

    def put(self, text: str, parsed: ParsedDocument, data: bytes | None = None) -> None:
        """Store a parse (``data``: its encoded form, where it came encoded from a worker)."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path(text), data if data is not None else encode(parsed))
        except OSError:
            pass  # a cache that cannot be written only costs time
