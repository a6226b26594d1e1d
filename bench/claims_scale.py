"""What grouping claims across documents costs, against parsing, as the corpus grows (docs/claims.md).

    python bench/claims_scale.py /tmp/polnear [--sizes 100 200 400 700] [--parse-sample 8]

Reads the first N documents (sorted by name; parses from the cache), links them once per size, and
times the claims stage (collect, embed, nearest-neighbour candidates, scores, groups, drift) and its
parts. Parsing time is measured in the same run: ``--parse-sample`` documents parsed with the cache
off give the parser's words per second on this machine now, and a corpus's parse time is its words
at that rate. Prints one row per size and the growth exponent of the claims stage (log-log slope).
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

from citetrace.claims.collect import collect_claims
from citetrace.claims.drift import trace_groups
from citetrace.claims.similarity import Matcher, cluster
from citetrace.parse.nlp import Parser, default_cache_dir, resolve_models_dir
from citetrace.reuse.boilerplate import find_boilerplate
from citetrace.run.pipeline import extract_corpus, link_documents


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400, 700])
    ap.add_argument("--parse-sample", type=int, default=8)
    args = ap.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))[: max(args.sizes)]
    ex = extract_corpus(paths, Parser(resolve_models_dir(None), cache_dir=default_cache_dir()))
    sample = [d.text for d in ex.documents[: args.parse_sample]]
    cold = Parser(resolve_models_dir(None), cache_dir=None)
    cold.parse(["Warm the models up."])
    t0 = time.perf_counter()
    cold.parse(sample)
    wps = sum(len(t.split()) for t in sample) / (time.perf_counter() - t0)
    print(f"parser: {wps:.0f} words/s ({args.parse_sample} documents, cache off)")
    print("documents   words  claims  pairs  groups  collect  match  group  drift  claims s  parse s  share")
    rows = []
    for n in args.sizes:
        docs, parses, frames = ex.documents[:n], ex.parses[:n], ex.frames[:n]
        linked, graph = link_documents(docs, parses, frames)
        _, spans = find_boilerplate(docs, parses, frames)
        t0 = time.perf_counter()
        claims = collect_claims(docs, parses, linked, graph, spans)
        t1 = time.perf_counter()
        matcher = Matcher(claims)
        pairs = matcher.pairs()
        t2 = time.perf_counter()
        groups = cluster(matcher, pairs)
        t3 = time.perf_counter()
        trace_groups(matcher, groups, graph, {d.name: d.date for d in docs})
        t4 = time.perf_counter()
        words = sum(len(d.text.split()) for d in docs)
        parse_s = words / wps
        rows.append((n, t4 - t0))
        print(
            f"{n:9d}  {words:6d}  {len(claims):6d}  {len(pairs):5d}  {len(groups):6d}  {t1 - t0:7.2f}  "
            f"{t2 - t1:5.2f}  {t3 - t2:5.2f}  {t4 - t3:5.2f}  {t4 - t0:8.2f}  {parse_s:7.0f}  "
            f"{(t4 - t0) / parse_s:5.1%}"
        )
    if len(rows) > 1:
        (n0, s0), (n1, s1) = rows[0], rows[-1]
        print(f"growth exponent {n0} -> {n1} documents: {math.log(s1 / s0) / math.log(n1 / n0):.2f}")


if __name__ == "__main__":
    main()
