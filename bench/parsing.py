"""What parsing one document at a time, in bounded pieces, costs and buys.

    python bench/parsing.py ../shared/gold/polnear/dev/text --docs 40     # per document vs batches of 8
    python bench/parsing.py --long 1900000                                 # one long one-line file

The first form parses the same documents twice in one process, without the cache: as citetrace
does (``Parser``: one Stanza call per document, pieces of at most ``SEGMENT_CHARS``) and as it did
before (one Stanza call per batch of 8 documents), and prints the ratio. The second parses one
file of ``--long`` characters written on one line (PolNeAR train text, its line breaks removed) and
prints the time and the peak memory of the process (run it alone: peak RSS is per process).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from citetrace.parse.nlp import Parser, _pipeline, normalise_for_parsing
from citetrace.read.corpus import read_corpus

TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "gold" / "polnear" / "train" / "text"


def _batched(parser: Parser, texts: list[str], size: int = 8) -> None:
    import stanza

    nlp = _pipeline(parser.models_dir)
    for b in range(0, len(texts), size):
        nlp([stanza.Document([], text=normalise_for_parsing(t)) for t in texts[b : b + size]])


def compare(corpus: Path, n: int) -> None:
    texts = [d.text for d in read_corpus([corpus]).documents][:n]
    parser = Parser(None, cache_dir=None, doc_timeout=None)
    parser.parse(["Warm up the pipeline once."])
    t0 = time.perf_counter()
    _batched(parser, texts)
    t1 = time.perf_counter()
    parser.parse(texts)
    t2 = time.perf_counter()
    words = parser.stats["parsed_words"]
    print(f"{len(texts)} documents, {words:,} words")
    print(f"batches of 8: {t1 - t0:.1f} s; one document at a time: {t2 - t1:.1f} s; ratio {(t2 - t1) / (t1 - t0):.2f}")


def long_one_line(chars: int) -> None:
    text = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in sorted(TRAIN.glob("*.txt")))[:chars]
    parser = Parser(None, cache_dir=None, doc_timeout=None)
    t0 = time.perf_counter()
    (parsed,) = parser.parse([text])
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = sum(len(s.tokens) for s in parsed.sentences)
    print(f"{len(text):,} characters on one line, {words:,} words: {seconds:.0f} s, peak RSS {peak:,.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--long", type=int, default=None, help="Parse one one-line text of this many characters.")
    args = ap.parse_args()
    if args.long:
        long_one_line(args.long)
    else:
        compare(args.corpus, args.docs)


if __name__ == "__main__":
    main()
