"""An archive of N articles through every stage after parsing (issue 38, item 6): seconds per stage and
peak memory, one JSON line per run.

    python bench/archive.py ../shared/gold/polnear --docs 1000
    python bench/archive.py ../shared/gold/polnear --docs 10000 --copies 0.2

The archive is made of PolNeAR's 924 real articles (train and dev). Beyond them, with ``--copies C``,
each further document is either, with chance C, a reprint of an earlier document (its text exactly,
another outlet and date; earlier documents are picked by a Zipf-like popularity, so that a few are
reprinted by many, as wire stories are), or else a new article recombined from the real ones: 15 to
35 runs of one or two consecutive sentences, each from a random article, a paragraph each (about
4,500 characters, as long as PolNeAR's articles on average). A recombined article's parse is spliced
from its sentences' cached parses (offsets shifted) and put in the parse cache under its text, so no
article is parsed again and every stage after parsing sees a real parse. No outlet prints one of
those sentences more than twice, counting the real article it comes from (three times would be its
standing text, which the boilerplate stage leaves out), and there is an outlet for every 200
documents. Without ``--copies`` the archive is as it was first: article i % 924 again and again,
every document beyond 924 a reprint, and 50 outlets. Every document gets a date of 60. Frames are
extracted for every document (the frame cache is keyed by the document with its name and metadata),
so what is timed is reading, extraction and the cross-document stages (sources, reuse, chains,
claims). Not yet: the report at this scale.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

OUTLETS = 50
DAYS = 60
DOCS_PER_OUTLET = 200  # recombined archives: an outlet for every 200 documents, 50 at least
PER_OUTLET = 2  # ... and no outlet prints one sentence of the real articles more than twice


def build_archive(polnear: Path, docs: int, copies: float | None = None, parser: Any = None) -> Path:  # noqa: ANN401
    """A temporary folder of ``docs`` articles made of PolNeAR's, with a meta.json of outlets and dates
    (``copies``: the share of reprints among the documents beyond PolNeAR's; None: every one a reprint)."""
    texts = sorted(p for split in ("train", "dev") for p in (polnear / split / "text").glob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="archive-"))
    meta = {}
    runs = _runs(texts, parser) if copies is not None else []
    words = _words(runs)
    outlets = OUTLETS if copies is None else max(OUTLETS, docs // DOCS_PER_OUTLET)
    printed: dict[int, Counter[int]] = {}  # outlet -> how often it printed each run
    rng = random.Random(38)
    for i in range(docs):
        name = f"a{i:06d}.txt"
        if copies is None:
            shutil.copyfile(texts[i % len(texts)], work / name)
        elif i < len(texts):
            shutil.copyfile(texts[i], work / name)
            printed.setdefault(i % outlets, Counter()).update(k for k, (doc, _, _) in enumerate(runs) if doc == i)
        elif rng.random() < copies:
            shutil.copyfile(work / f"a{_popular(rng, i):06d}.txt", work / name)
        else:
            used = printed.setdefault(i % outlets, Counter())
            picked = _fresh(rng, len(runs), rng.randint(15, 35), used)
            _recombined(work / name, [_varied(runs[k][1:], rng, words) for k in picked], parser)
        date = f"2016-{1 + (i % DAYS) // 28:02d}-{1 + i % 28:02d}"
        meta[name] = {"outlet": f"Outlet {i % outlets:02d}", "date": date}
    (work / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return work


def _fresh(rng: random.Random, n: int, k: int, used: Counter[int]) -> list[int]:
    """``k`` of ``n`` runs that the outlet printed less than ``PER_OUTLET`` times (three printings of one
    sentence by one outlet are its standing text, which the boilerplate stage rightly leaves out)."""
    picked: list[int] = []
    while len(picked) < k:
        j = rng.randrange(n)
        if used[j] < PER_OUTLET and j not in picked:
            picked.append(j)
            used[j] += 1
    return picked


def _popular(rng: random.Random, n: int) -> int:
    """An earlier document, the first ones far likelier (Zipf-like: a few stories reprinted by many)."""
    return min(n - 1, int(rng.paretovariate(1.2)) - 1)


def _runs(texts: list[Path], parser: Any) -> list[tuple[int, str, list[Any]]]:  # noqa: ANN401
    """Every run of one or two consecutive sentences of the articles: (its article, its text, its sentences
    with offsets from the run's start), from the articles' cached parses (parsed once where the cache
    lacks one)."""
    from citetrace.read.corpus import read_document

    runs = []
    documents = [read_document(p) for p in texts]
    for n, (doc, parsed) in enumerate(zip(documents, parser.parse([d.text for d in documents]), strict=True)):
        sentences = [s for s in parsed.sentences if s.tokens]
        at = 0
        while at < len(sentences):
            chunk = sentences[at : at + 1 + at % 2]
            start, end = chunk[0].tokens[0].start, chunk[-1].tokens[-1].end
            runs.append((n, doc.text[start:end], [_shifted(s, -start) for s in chunk]))
            at += len(chunk)
    return runs


VARIED = ("PROPN", "NUM", "NOUN")  # a run printed again has these words changed, each to one of its length


def _words(runs: list[tuple[int, str, list[Any]]]) -> dict[tuple[str, int], list[str]]:
    """The words of each tag in ``VARIED`` and each length that the runs hold, to vary runs with."""
    found: dict[tuple[str, int], set[str]] = {}
    for _, text, sentences in runs:
        for s in sentences:
            for t in s.tokens:
                if t.upos in VARIED and text[t.start : t.end] == t.text and t.text.isalnum():
                    found.setdefault((t.upos, len(t.text)), set()).add(t.text)
    return {k: sorted(v) for k, v in found.items()}


def _varied(run: tuple[str, list[Any]], rng: random.Random, words: dict[tuple[str, int], list[str]]) -> Any:  # noqa: ANN401
    """A run with its names, numbers and nouns changed, each to a word of its tag and length (the parse
    stays the parse: the offsets do not move), so that an archive of recombined articles does not
    print one sentence again and again (which the boilerplate stage would rightly leave out)."""
    from dataclasses import replace

    from citetrace.models import Sentence

    text, sentences = run
    chars = list(text)
    out = []
    for s in sentences:
        tokens = []
        for t in s.tokens:
            pool = words.get((t.upos, len(t.text)), [])
            if pool and text[t.start : t.end] == t.text and t.text.isalnum() and rng.random() < 0.7:
                new = rng.choice(pool)
                chars[t.start : t.end] = new
                t = replace(t, text=new, lemma=new if t.upos != "NOUN" else new.lower())  # a plural's, roughly
            tokens.append(t)
        out.append(Sentence(tokens=tokens))
    return "".join(chars), out


def _shifted(sentence: Any, by: int) -> Any:  # noqa: ANN401
    from dataclasses import replace

    from citetrace.models import Sentence

    return Sentence(tokens=[replace(t, start=t.start + by, end=t.end + by) for t in sentence.tokens])


def _recombined(path: Path, runs: list[tuple[str, list[Any]]], parser: Any) -> None:  # noqa: ANN401
    """An article of ``runs``, a paragraph each, and its spliced parse in the parse cache."""
    from citetrace.models import ParsedDocument
    from citetrace.parse.cache import text_sha256
    from citetrace.read.corpus import read_document

    parts, sentences, at = [], [], 0
    for text, chunk in runs:
        parts.append(text)
        sentences += [_shifted(s, at) for s in chunk]
        at += len(text) + 2
    text = "\n\n".join(parts) + "\n"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).text == text, path  # the parse must be of the text as it is read
    parser.cache.put(text, ParsedDocument(model=parser.fingerprint, text_sha256=text_sha256(text), sentences=sentences))


def open_archive(description: str) -> tuple[argparse.Namespace, Path, Any]:
    """The command line's arguments, the archive they ask for and a parser reading the cache."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("polnear", type=Path, help="PolNeAR's folder (train/text, dev/text)")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--copies", type=float, default=None, help="share of reprints beyond PolNeAR (else recombined)")
    args = ap.parse_args()

    from citetrace.parse.nlp import Parser, default_cache_dir

    parser = Parser(os.environ.get("CITETRACE_MODELS"), cache_dir=default_cache_dir(), doc_timeout=None)
    return args, build_archive(args.polnear, args.docs, args.copies, parser), parser


def main() -> None:
    from citetrace.run.pipeline import trace_corpus

    args, work, parser = open_archive(__doc__.splitlines()[0])
    started = time.perf_counter()
    result = trace_corpus([work], parser, release=True)
    seconds = time.perf_counter() - started
    assert result.graph is not None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "documents": len(result.documents),
                "copies": args.copies,
                "seconds": round(seconds, 1),
                "peak_mib": round(peak),
                "stages": {k: round(v, 2) for k, v in result.timings.items()},
                "frames": sum(len(d.frames) for d in result.frames),
                "chains": len(result.graph.chains),
                "reuse_pairs": len(result.graph.reuse),
                "clusters": len(result.graph.clusters),
                "claim_groups": len(result.graph.claims),
            }
        )
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
