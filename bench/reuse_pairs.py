"""How many document pairs ``citetrace run`` reports as sharing text on a corpus, by direction, and the
boilerplate it learned (docs/chains.md, "Text reuse on real news").

    mkdir -p /tmp/polnear && ln -sf $(realpath ../shared/gold/polnear/*/text/*.txt) /tmp/polnear/
    cp ../shared/gold/polnear/metadata.tsv /tmp/polnear/meta.tsv
    python bench/reuse_pairs.py /tmp/polnear
    python bench/reuse_pairs.py /tmp/polnear --sample 30   # the pairs read in docs/chains.md

Parses come from the parse cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from citetrace.parse.nlp import Parser, default_cache_dir
from citetrace.run.pipeline import trace_corpus

SEED = 16


def main(corpus: Path, sample: int = 0) -> None:
    result = trace_corpus([corpus], Parser(None, cache_dir=default_cache_dir()))
    assert result.graph is not None
    directions = Counter(p.direction.value for p in result.graph.reuse)
    print(f"{len(result.documents)} documents, {len(result.graph.reuse)} pairs: {dict(sorted(directions.items()))}")
    for b in result.graph.boilerplate:
        print(f"boilerplate of {b.outlet or 'unknown outlet'} ({len(b.documents)} documents): {b.text[:100]}")
    texts = {d.name: d.text for d in result.documents}
    random.seed(SEED)
    for i, pair in enumerate(random.sample(result.graph.reuse, sample) if sample else []):
        print(f"#{i} {pair.a} | {pair.b} | {pair.direction.value} | {pair.direction_evidence}")
        for p in pair.passages[:2]:
            print("     " + " ".join(texts[pair.a][p.a_start : p.a_end].split())[:230])


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv else 0)
