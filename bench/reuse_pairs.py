"""How many document pairs ``citetrace run`` reports as sharing text on a corpus, by direction, and the
boilerplate it learned (docs/chains.md, "Text reuse on real news").

    mkdir -p /tmp/polnear && ln -sf $(realpath ../shared/gold/polnear/*/text/*.txt) /tmp/polnear/
    cp ../shared/gold/polnear/metadata.tsv /tmp/polnear/meta.tsv
    python bench/reuse_pairs.py /tmp/polnear

Parses come from the parse cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from citetrace.nlp import Parser, default_cache_dir
from citetrace.pipeline import trace_corpus


def main(corpus: Path) -> None:
    result = trace_corpus([corpus], Parser(None, cache_dir=default_cache_dir()))
    assert result.graph is not None
    directions = Counter(p.direction.value for p in result.graph.reuse)
    print(f"{len(result.documents)} documents, {len(result.graph.reuse)} pairs: {dict(sorted(directions.items()))}")
    for b in result.graph.boilerplate:
        print(f"boilerplate of {b.outlet or 'unknown outlet'} ({len(b.documents)} documents): {b.text[:100]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
