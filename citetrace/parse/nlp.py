"""Build and cache the Stanza pipeline; parse documents into plain ``ParsedDocument`` data.

The model directory comes from, in order: the ``models`` argument (``--models DIR``), the
``CITETRACE_MODELS`` environment variable, or Stanza's own default directory (where Stanza downloads
its official English models when online). Parses are cached on disk in a compact binary form
(``parse.cache``), keyed by the document text and a fingerprint of the models, so a second run over
the same corpus parses nothing.

Stanza objects never leave this module.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from citetrace.errors import InputError, ModelError
from citetrace.models import ParsedDocument, Sentence, Token
from citetrace.parse import stanza_patches
from citetrace.parse.cache import ParseCache, decode, text_sha256
from citetrace.parse.collector import free_cycles, give_back
from citetrace.parse.device import GPU_BATCH_FACTOR, Device, Precision, bfloat16_on_cpu, use_gpu
from citetrace.parse.lemmas import repaired

MODELS_ENV = "CITETRACE_MODELS"
CACHE_ENV = "CITETRACE_CACHE"
PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
# Words per batch of the dependency parser (Stanza's default: 5,000). Its batches are padded to
# their longest sentence; at 5,000 words one batch of long sentences took the process from ~750 to
# 900-1,660 MiB on 100 PolNeAR articles. At 500 the parse of those articles peaked at ~780 MiB,
# was no slower (45-48 s against 52 s) and every parse was the same byte for byte (docs/performance.md).
DEPPARSE_BATCH_WORDS = 500

# Typographic quotes are rare in the models' training data; swapping them one character for one
# keeps every offset unchanged and gives cleaner tokens (MODELS.md, "Known limits").
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise_for_parsing(text: str) -> str:
    """Replace typographic quotes by ASCII ones, one character for one (offsets unchanged)."""
    return text.translate(_QUOTES)


def resolve_models_dir(models: str | Path | None) -> Path | None:
    """The model directory to use: the argument, else $CITETRACE_MODELS, else None (Stanza's default)."""
    chosen = models if models is not None else os.environ.get(MODELS_ENV) or None
    if chosen is None:
        return None
    path = Path(chosen).expanduser()
    if not path.is_dir():
        raise ModelError(
            f"model directory {path} does not exist: point --models or ${MODELS_ENV} at a Stanza "
            "resources directory (one holding resources.json and en/)"
        )
    if not (path / "resources.json").is_file() or not (path / "en").is_dir():
        raise ModelError(
            f"{path} is not a Stanza resources directory (no resources.json or en/ in it): point "
            f"--models or ${MODELS_ENV} at the folder that holds them"
        )
    return path


def model_fingerprint(models_dir: Path | None) -> str:
    """A short hash naming the models: resources.json and the size of every model file, with Stanza's
    version and the revision of our patches to it (``stanza_patches.PARSE_REVISION``). Stanza's
    version comes from its installed metadata, so that a run whose parses are all cached imports
    neither Stanza nor torch."""
    version = importlib.metadata.version("stanza") + f"+r{stanza_patches.revision()}"
    if models_dir is None:
        return f"stanza-default-{version}"
    h = hashlib.sha256(version.encode())
    h.update((models_dir / "resources.json").read_bytes())
    for pt in sorted((models_dir / "en").rglob("*.pt")):
        h.update(f"{pt.relative_to(models_dir)}:{pt.stat().st_size}".encode())
    return h.hexdigest()[:16]


_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def _pipeline(models_dir: Path | None, gpu: bool = False, bf16: bool = False):  # -> stanza.Pipeline
    import stanza

    stanza_patches.apply()
    logging.getLogger("stanza").setLevel(logging.WARNING)
    kwargs: dict = {
        "lang": "en",
        "processors": PROCESSORS,
        "logging_level": "WARN",
        "use_gpu": gpu,
        "depparse_batch_size": DEPPARSE_BATCH_WORDS * (GPU_BATCH_FACTOR if gpu else 1),
    }
    if gpu:
        kwargs["pos_batch_size"] = 100 * GPU_BATCH_FACTOR  # Stanza's default is 100 sentences
    if models_dir is not None:
        kwargs.update(dir=str(models_dir), download_method=None)
    try:
        with stanza_patches.lazy_optimizers():  # never used to parse: torch._dynamo not imported
            pipeline = stanza.Pipeline(**kwargs)
    except Exception as exc:  # Stanza raises many types (FileNotFoundError, ValueError, requests, torch)
        where = models_dir if models_dir is not None else "Stanza's default directory"
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"cannot load the Stanza English models from {where} ({first_line}); point --models or "
            f"${MODELS_ENV} at a complete Stanza resources directory"
        ) from exc
    if bf16 and not gpu:
        stanza_patches.bfloat16(pipeline)
    return pipeline


def release_models() -> None:
    """Unload the Stanza pipelines this process holds, if any, and give freed memory back
    (``collector.give_back``). A run calls it once every document is parsed: the cross-document
    stages then run without the models (~150 MiB less at 100 articles, cold). Nothing to give back
    when no model was loaded (a warm run): no full collection then."""
    loaded = _pipeline.cache_info().currsize > 0
    _pipeline.cache_clear()
    if loaded:
        give_back()


def default_cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "citetrace" / "parses"


SEGMENT_CHARS = 20_000  # one Stanza call parses at most this much of one text (no PolNeAR paragraph is cut)
# short documents are parsed together, up to this much text a Stanza call: 40 PolNeAR articles (132,000
# characters) took 29.0 s in calls of 10,000 characters, 24.1 s of 20,000, 21.9 s of 40,000, 18.1 s in one
BATCH_CHARS = 100_000
# ... and a small corpus in at least this many batches where each keeps this much text: 40 PolNeAR
# articles (132,000 characters) went in batches of 100,000 and 32,000 characters, and one of two
# workers parsed three quarters of them; in batches of 35,000 one process parses ~8% slower than in
# one call, and two workers share the work (docs/performance.md)
BATCH_SPREAD = 8
BATCH_MIN_CHARS = 30_000
DOC_TIMEOUT_S = 120.0  # default time budget of one document's parse (docs/reliability.md, bench/parsing.py)
_CUT = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"')\]]*\s"), re.compile(r"\s"))


def segments(text: str, limit: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text``, each at most ``limit`` characters, cut at the last paragraph
    break in the second half of the window, else the last sentence end, else the last space, else
    hard. A text under the limit is one piece, so its parse is the same as before."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for cut in _CUT:
            ends = [m.end() for m in cut.finditer(text, start + limit // 2, end)]
            if ends:
                end = ends[-1]
                break
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


class Parser:
    """Parses documents with one Stanza pipeline, one document at a time, through an on-disk cache.

    ``cache_dir=None`` turns the cache off. ``stats`` counts parsed and cached documents and words.
    A document is parsed in pieces of at most ``SEGMENT_CHARS``, so that its time budget is checked
    while it parses: one that is not done after ``doc_timeout`` seconds is given up after its current
    piece. (Memory is bounded by ``read.text.MAX_BYTES``, not by the pieces: docs/reliability.md.)
    """

    def __init__(
        self,
        models: str | Path | None = None,
        cache_dir: Path | None = None,
        doc_timeout: float | None = DOC_TIMEOUT_S,
        segment_chars: int = SEGMENT_CHARS,
        workers: int = 1,
        dask: str | None = None,
        threads: int | None = None,
        device: Device = Device.cpu,
        precision: Precision = Precision.auto,
    ):
        self.models_dir = resolve_models_dir(models)
        self.device = device  # where Stanza parses (``use_gpu``): a GPU's parses may differ in a last digit
        self.workers = workers  # processes that parse what the cache lacks (``citetrace.run.pool``)
        self.dask = dask  # a Dask scheduler's address, or "local", to parse there (``citetrace.run.dask``)
        self.threads = threads  # torch threads while parsing (None: torch's default); set when the models load
        # bfloat16 changes a few tags and heads (docs/performance.md): its parses are cached apart
        self.bf16 = bfloat16_on_cpu(precision)
        self.fingerprint = model_fingerprint(self.models_dir) + ("-bf16" if self.bf16 else "")
        self.cache_dir = cache_dir  # the frames and the claims' vectors are kept there too (``run``, ``claims``)
        self.cache = ParseCache(cache_dir, self.fingerprint) if cache_dir is not None else None
        self.doc_timeout = doc_timeout
        self.segment_chars = segment_chars
        self.stats = {"parsed_docs": 0, "cached_docs": 0, "cached_frames": 0, "parsed_words": 0, "parse_seconds": 0.0}

    def parse(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> list[ParsedDocument]:
        """Parse every text; a text over its time budget is an InputError."""
        parses = self.parse_each(texts, progress)
        late = [i for i, p in enumerate(parses) if p is None]
        if late:
            raise InputError(f"text {late[0] + 1} of {len(texts)}: {timeout_message(self.doc_timeout)}")
        return [p for p in parses if p is not None]

    def parse_each(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> list[ParsedDocument | None]:
        """Parse texts here, in this process (cached ones are read back), ``None`` for a text over its
        time budget (the others are parsed all the same); ``progress(n)`` is called as documents
        finish. Short texts are parsed together in the batches a run forms (``batches``), so a text's
        parse is the one a run gives it. A run parses and extracts on workers or a cluster (``run``)."""
        cached = [self.cache.data(t) if self.cache else None for t in texts]
        hits = sum(c is not None for c in cached)
        self.stats["cached_docs"] += hits
        parses: list[ParsedDocument | None] = [decode(c) if c is not None else None for c in cached]
        if progress and hits:
            progress(hits)
        todo = [i for i, c in enumerate(cached) if c is None]
        for group in batches([len(texts[i]) for i in todo], alone=self.segment_chars):
            done = self.parse_group([texts[todo[j]] for j in group])
            for j, parsed in zip(group, done, strict=True):
                parses[todo[j]] = parsed
                if parsed is not None:
                    self.count(parsed)
                    if self.cache is not None:
                        self.cache.put(texts[todo[j]], parsed)
            if progress:
                progress(len(group))
        return parses

    def count(self, parsed: ParsedDocument) -> None:
        """Count a document this parser's models parsed (``stats``)."""
        self.stats["parsed_docs"] += 1
        self.stats["parsed_words"] += sum(len(s.tokens) for s in parsed.sentences)

    def parse_group(self, texts: Sequence[str]) -> list[ParsedDocument | None]:
        """One batch (``batches``): a text alone piece by piece with its time budget (``parse_one``),
        several short ones in one Stanza call (``parse_batch``)."""
        if len(texts) == 1:
            return [self.parse_one(texts[0])]
        return list(self.parse_batch(texts))

    def _nlp(self):  # noqa: ANN202 (stanza.Pipeline)
        """The Stanza pipeline, loaded once a process; torch limited to ``threads`` (torch is imported
        only here, so a worker that only extracts never imports it)."""
        if self.threads is not None:
            import torch

            torch.set_num_threads(self.threads)
        return _pipeline(self.models_dir, use_gpu(self.device), self.bf16)

    def parse_batch(self, texts: Sequence[str]) -> list[ParsedDocument]:
        """Short texts (each under ``segment_chars``) in one Stanza call: faster than one by one (the
        parser packs sentences of several documents into its batches), and the same parses
        (``tests/parse/test_nlp.py``). No time budget: like one segment of ``parse_one``, a call runs to its end."""
        import stanza

        nlp = self._nlp()
        started = time.perf_counter()
        try:
            with _LOCK:
                docs = nlp([stanza.Document([], text=normalise_for_parsing(t)) for t in texts])
        finally:
            self.stats["parse_seconds"] += time.perf_counter() - started
        parsed = [
            ParsedDocument(model=self.fingerprint, text_sha256=text_sha256(t), sentences=_sentences(d, 0))
            for t, d in zip(texts, docs, strict=True)
        ]
        del docs
        free_cycles()
        return parsed

    def parse_one(self, text: str) -> ParsedDocument | None:
        """One document, piece by piece; None when its time budget runs out first."""
        import stanza

        nlp = self._nlp()
        normalised = normalise_for_parsing(text)
        started = time.perf_counter()
        sentences: list[Sentence] = []
        try:
            for start, end in segments(normalised, self.segment_chars):
                if self.doc_timeout is not None and time.perf_counter() - started > self.doc_timeout:
                    return None
                with _LOCK:
                    doc = nlp(stanza.Document([], text=normalised[start:end]))
                sentences += _sentences(doc, start)
                del doc
        finally:
            self.stats["parse_seconds"] += time.perf_counter() - started
            free_cycles()
        return ParsedDocument(model=self.fingerprint, text_sha256=text_sha256(text), sentences=sentences)


def batches(
    lengths: Sequence[int],
    limit: int = BATCH_CHARS,
    alone: int = SEGMENT_CHARS,
    spread: int = BATCH_SPREAD,
    least: int = BATCH_MIN_CHARS,
) -> list[list[int]]:
    """Indices of texts of these ``lengths`` in groups parsed by one Stanza call each: consecutive
    texts up to ``limit`` characters together, or up to a ``spread``-th of their total where that is
    less but at least ``least`` (a small corpus in several batches, so that workers share it); a text
    over ``alone`` by itself (it is parsed in segments, with its time budget checked between them).
    The groups depend on the lengths only, never on the workers: a parse is the same whatever ``-j``."""
    limit = min(limit, max(least, sum(n for n in lengths if n <= alone) // spread))
    groups: list[list[int]] = []
    current: list[int] = []
    size = 0
    for i, n in enumerate(lengths):
        if n > alone:
            groups.append([i])
            continue
        if current and size + n > limit:
            groups.append(current)
            current, size = [], 0
        current.append(i)
        size += n
    if current:
        groups.append(current)
    return groups


def timeout_message(seconds: float | None) -> str:
    return f"not parsed within {seconds:g} s (--doc-timeout); skipped: split it or raise --doc-timeout"


def _sentences(doc, offset: int) -> list[Sentence]:
    """Our sentences of a Stanza document parsed from the text at ``offset``."""
    sentences = []
    for sent in doc.sentences:
        tokens = []
        for tok in sent.tokens:
            for word in tok.words:
                start = word.start_char if word.start_char is not None else tok.start_char
                end = word.end_char if word.end_char is not None else tok.end_char
                tokens.append(
                    Token(
                        id=int(word.id),
                        text=word.text,
                        lemma=repaired(word.text, word.lemma or word.text.lower(), word.upos or "X"),
                        upos=word.upos or "X",
                        xpos=word.xpos,
                        feats=word.feats,
                        head=int(word.head or 0),
                        deprel=word.deprel or "dep",
                        start=start + offset,
                        end=end + offset,
                    )
                )
        sentences.append(Sentence(tokens=tokens))
    return sentences
