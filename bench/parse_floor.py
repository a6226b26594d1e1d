"""citetrace's parsing against bare Stanza, in one process, on the same documents, cache off.

    python bench/parse_floor.py /tmp/polnear --docs 100

Times, one after the other in this process: ``execute.process`` parsing only (citetrace's batches
of up to ``nlp.BATCH_CHARS``, the bilinear patch), a bare ``stanza.Pipeline`` given every document
in one call (the floor ``bench/scale.py`` compares with), and ``process`` parsing and extracting.
Models from $CITETRACE_MODELS. Run it on an idle machine; the three numbers are one run each.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--docs", type=int, default=100, help="the first N documents of the corpus")
    args = ap.parse_args()

    import stanza

    from citetrace.parse.nlp import PROCESSORS, Parser, normalise_for_parsing, resolve_models_dir
    from citetrace.read.corpus import read_corpus
    from citetrace.run.execute import Here, Task, process
    from citetrace.run.pipeline import frames_of

    docs = read_corpus([args.corpus]).documents[: args.docs]
    parser = Parser(None, cache_dir=None)
    parser._nlp()  # models loaded before the clock starts, as for the floor
    started = time.perf_counter()
    process(parser, [Task(d.text) for d in docs], Here())
    print(f"citetrace, parse only: {time.perf_counter() - started:.1f} s", flush=True)

    models = resolve_models_dir(None)
    kwargs = {"dir": str(models), "download_method": None} if models else {}
    bare = stanza.Pipeline("en", processors=PROCESSORS, logging_level="WARN", use_gpu=False, **kwargs)
    started = time.perf_counter()
    bare([stanza.Document([], text=normalise_for_parsing(d.text)) for d in docs])
    print(f"bare Stanza, one call: {time.perf_counter() - started:.1f} s", flush=True)

    again = Parser(None, cache_dir=None)
    again._nlp()
    started = time.perf_counter()
    process(again, [Task(d.text, d) for d in docs], Here(), frames_of)
    print(f"citetrace, parse + extract: {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
