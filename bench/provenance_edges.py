"""How the graph credits real news to its sources: PolNeAR's wire copies and the articles that credit
nothing, through the whole pipeline (``citetrace run`` without the diagrams).

    python bench/provenance_edges.py ../shared/gold/polnear ../shared/gold/polnear/metadata.tsv
    python bench/provenance_edges.py ../shared/gold/polnear ../shared/gold/polnear/metadata.tsv --meta

With ``--meta`` the articles are linked into a temporary folder beside a copy of the table as
``meta.tsv`` (the sidecar a user would give); without it only the text speaks.

Takes every train and dev article whose metadata names a wire, and every one that names neither a
wire nor a credit, and prints: wire copies whose graph has a "copies the wire"
edge to the right wire, and articles without wire or credit that get a "republishes", "copies the
wire" or "copies" edge. Parses come from the cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from citetrace.evaluation.score import read_provenance_table
from citetrace.models import EdgeType, ProvenanceKind
from citetrace.parse.nlp import Parser, default_cache_dir
from citetrace.run.pipeline import trace_corpus

CREDIT_EDGES = (EdgeType.republishes, EdgeType.copies_wire, EdgeType.copies)


def main(polnear: Path, table_path: Path, sidecar: bool) -> None:
    table = read_provenance_table(table_path)
    texts = {p.name: p for split in ("train", "dev") for p in sorted((polnear / split / "text").glob("*.txt"))}
    wired = sorted(n for n in texts if any(k is ProvenanceKind.wire for k, _ in table.get(n, ())))
    bare = sorted(n for n in texts if n in table and not table[n])
    with tempfile.TemporaryDirectory() as tmp:
        paths = [texts[n] for n in wired + bare]
        if sidecar:
            for p in paths:
                (Path(tmp) / p.name).symlink_to(p.resolve())
            shutil.copy(table_path, Path(tmp) / "meta.tsv")
            paths = [Path(tmp)]
        result = trace_corpus(paths, Parser(None, cache_dir=default_cache_dir()))
    assert result.graph is not None
    edges: dict[str, set[tuple[EdgeType, str]]] = {n: set() for n in wired + bare}
    for e in result.graph.edges:
        if e.type in CREDIT_EDGES:
            edges[e.evidence[0].document].add((e.type, e.target.removeprefix("src:").removeprefix("doc:")))
    right = [
        n for n in wired if (EdgeType.copies_wire, next(s for k, s in table[n] if k is ProvenanceKind.wire)) in edges[n]
    ]
    wrong = {n: sorted(edges[n]) for n in bare if edges[n]}
    print(f"wire copies credited to the right wire: {len(right)} of {len(wired)} ({len(right) / len(wired):.3f})")
    print(f"articles with no wire or credit given a credit edge: {len(wrong)} of {len(bare)}")
    for n, e in wrong.items():
        print(f"  {n}: {e}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), "--meta" in sys.argv[3:])
