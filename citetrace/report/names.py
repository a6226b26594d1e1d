"""Output file names: bounded, portable, unique and stable. The one place that turns a name into a file stem.

A stem is ASCII letters, digits, ``_`` and ``-`` only, at most ``MAX_STEM`` characters (a longer name is
cut at a word boundary and gets a short hash of the whole name, so two long names that share a
beginning stay apart), never a Windows device name (``con``, ``nul``, ``com1`` ...). Names whose stems
would collide ignoring case ("BBC" and "bbc", "a.txt" and "A.md"), or with one of the report's own
files, are told apart by a hash of the name: every stem depends only on the name and the set it is
in, never on order or on the run.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import PurePath

MAX_STEM = 60
HASH_CHARS = 8
_UNSAFE = re.compile(r"[^0-9A-Za-z_-]+")
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
# Files and folders of the report folder that a document's stem must not take.
REPORT_STEMS = frozenset({"index", "corpus", "diagrams", "graph", "chains", "reuse", "frames", "sources"})


def short_hash(name: str) -> str:
    """A short, stable hash of a name (hex)."""
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:HASH_CHARS]


def safe_stem(name: str, *, lower: bool = True, max_len: int = MAX_STEM) -> str:
    """A portable file stem for ``name``: "Al-Naba" -> "al-naba", "BBC Monitoring" -> "bbc-monitoring".

    Accents are dropped ("Zürich" -> "zurich"); a name that leaves nothing ("ال") or a device name
    ("CON") gets its hash; one longer than ``max_len`` is cut at a word and gets its hash.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE.sub("-", ascii_name).strip("-_")
    if lower:
        stem = stem.casefold()
    budget = max_len - HASH_CHARS - 1
    if len(stem) > max_len:
        cut = stem[: budget + 1]
        cut = cut.rsplit("-", 1)[0] if "-" in cut[budget // 2 :] else cut[:budget]
        return f"{cut.strip('-_')}-{short_hash(name)}"
    if not stem:
        return short_hash(name)
    if stem.casefold() in _WINDOWS_DEVICES:
        return f"{stem}-{short_hash(name)}"
    return stem


def unique_stems(
    names: Iterable[str], candidates: Iterable[Callable[[str], str]], reserved: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Each name's stem, unique ignoring case and outside ``reserved``.

    Every name takes the first candidate stem that no other name shares and that is not reserved; a
    name left without one gets its last candidate plus its hash. O(n) per candidate.
    """
    left = sorted(set(names))
    taken = set(reserved)
    out: dict[str, str] = {}
    last: dict[str, str] = {}
    for candidate in candidates:
        stems = {n: candidate(n) for n in left}
        last = stems
        counts = Counter(s.casefold() for s in stems.values())
        for n, s in stems.items():
            if counts[s.casefold()] == 1 and s.casefold() not in taken:
                out[n] = s
        taken |= {out[n].casefold() for n in left if n in out}
        left = [n for n in left if n not in out]
    for n in left:
        out[n] = f"{last[n]}-{short_hash(n)}"
    return out


def document_stems(documents: Iterable[str]) -> dict[str, str]:
    """Output file stem of each document (path -> stem): its file name without the extension; where
    that clashes with the report's own files ("index", "corpus") or another document ("a.txt" and
    "a.md"), the whole file name ("a_txt"); where that clashes too, plus a hash of the path.

    Memoised: every page asks for the corpus's stems, and a report has a page per source (the same
    mapping; do not change it)."""
    return _document_stems(tuple(documents))


@functools.lru_cache(maxsize=8)
def _document_stems(documents: tuple[str, ...]) -> dict[str, str]:
    return unique_stems(
        documents,
        (
            lambda d: safe_stem(PurePath(d).stem, lower=False),
            lambda d: safe_stem(PurePath(d).name.replace(".", "_"), lower=False),
        ),
        REPORT_STEMS,
    )


def source_stems(sources: Iterable[str]) -> dict[str, str]:
    """File stem of each source's diagram and page under ``sources/``: "BBC" -> "bbc"; "BBC" and "bbc"
    in one corpus -> each with its hash."""
    return unique_stems(sources, (safe_stem,))
