"""Claim and word vectors on disk: what an earlier run embedded is read back, not embedded again.

One SQLite file beside the parses (``vectors.sqlite`` in the cache folder), a row per text: the key
is a hash of ``MODEL_TAG`` and the text, the value the float32 vector exactly as
``similarity.embed`` returned it, so a warm run's vectors, and so every output, are a cold run's to
the bit (a text's vector does not depend on the texts embedded with it: tests/claims/test_vector_cache.py).
When every text is found the word model is not even loaded: at 100 PolNeAR articles, ~0.4 s of a
~3.7 s warm run went to loading it and embedding. Several runs may share the file (SQLite locks
it). A cache that cannot be read or written (a read-only folder, a damaged file) is passed over
quietly, as the parse and diagram caches are: the texts are embedded, and the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from pathlib import Path

import numpy as np

MODEL_TAG = "wordllama l2_supercat 256; similarity.embed v1"  # change it when what ``embed`` returns changes
FILE = "vectors.sqlite"
DIM = 256
_CHUNK = 500  # keys looked up in one query (SQLite's limit on parameters is 999 in old builds)

log = logging.getLogger(__name__)


def _key(text: str) -> bytes:
    return hashlib.sha256(f"{MODEL_TAG}\x00{text}".encode("utf-8", "surrogatepass")).digest()[:16]


class VectorCache:
    """``embed`` through the cache in ``folder`` (None: no cache, every text embedded)."""

    def __init__(self, folder: Path | None):
        self.path = Path(folder) / FILE if folder is not None else None

    def embed(self, texts: Sequence[str], embed: Callable[[Sequence[str]], np.ndarray]) -> np.ndarray:
        """The vectors of ``texts`` (float32, one row each): found in the cache, else ``embed``-ed and kept."""
        if self.path is None or not texts:
            return embed(texts)
        keys = [_key(t) for t in texts]
        out = np.empty((len(texts), DIM), dtype=np.float32)
        found = self._read(keys, out)
        missing = [i for i in range(len(texts)) if not found[i]]
        if missing:
            fresh = embed([texts[i] for i in missing])
            out[missing] = fresh
            # one row at a time as SQLite takes them: not every vector as bytes at once (~45 MB at 400 articles)
            self._write((keys[i], fresh[n].tobytes()) for n, i in enumerate(missing))
        return out

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)
        # a rowid table: a 1 KiB value overflows the pages of a WITHOUT ROWID one (4.7 KiB a vector, not 1.4)
        db.execute("CREATE TABLE IF NOT EXISTS vectors (k BLOB PRIMARY KEY, v BLOB NOT NULL)")
        return db

    def _read(self, keys: Sequence[bytes], out: np.ndarray) -> np.ndarray:
        """Which rows of ``out`` were found (a bool per key), each vector copied into its row as it
        is read: not held as a value too (30 MB at 400 PolNeAR articles)."""
        rows: dict[bytes, list[int]] = {}
        for i, k in enumerate(keys):
            rows.setdefault(k, []).append(i)
        found = np.zeros(len(keys), dtype=bool)
        try:
            with closing(self._connect()) as db:
                for start in range(0, len(keys), _CHUNK):
                    chunk = keys[start : start + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    for k, v in db.execute(f"SELECT k, v FROM vectors WHERE k IN ({marks})", chunk):  # noqa: S608
                        if len(v) == DIM * 4:  # a short value is no vector
                            out[rows[k]] = np.frombuffer(v, dtype=np.float32)
                            found[rows[k]] = True
        except (sqlite3.Error, OSError) as exc:  # as the other caches: one that cannot be read only costs time
            log.debug("vector cache %s not read (%s): embedding every text", self.path, exc)
            self.path = None  # nor tried again this run
            found[:] = False
        return found

    def _write(self, rows: Iterable[tuple[bytes, bytes]]) -> None:
        if self.path is None:  # not readable this run
            return
        try:
            with closing(self._connect()) as db, db:  # one transaction
                db.executemany("INSERT OR REPLACE INTO vectors (k, v) VALUES (?, ?)", rows)
        except (sqlite3.Error, OSError) as exc:
            log.debug("vector cache %s not written (%s)", self.path, exc)
