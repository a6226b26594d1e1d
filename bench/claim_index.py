"""The claims' nearest-neighbour index: exact (faiss flat) against HNSW, time and recall.

    python bench/claim_index.py /tmp/s400      # the first 400 PolNeAR articles, parses cached
    python bench/claim_index.py /tmp/polnear   # all 924 (27,504 claims)

For each setting: seconds to build and to search the index for every claim's ``NEIGHBOURS`` nearest,
and the share of the exact neighbours found. It chose ``similarity.EXACT_UP_TO`` (docs/performance.md).
Parses come from the parse cache ($CITETRACE_CACHE; models from $CITETRACE_MODELS).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from claim_pairs import _corpus  # noqa: E402

from citetrace.claims.similarity import NEIGHBOURS  # noqa: E402

SETTINGS = [(32, 80, 64), (16, 80, 64), (16, 40, 64), (16, 40, 32)]  # HNSW (M, efConstruction, efSearch)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    args = ap.parse_args()
    import faiss

    vectors = _corpus(args.corpus)[0].sentence_vectors()
    k = NEIGHBOURS + 1
    faiss.omp_set_num_threads(1)
    started = time.perf_counter()
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    exact = [set(row) for row in flat.search(vectors, k)[1]]
    print(f"{len(vectors)} claims; exact (flat): {time.perf_counter() - started:.2f} s")
    for m, construction, search in SETTINGS:
        index = faiss.IndexHNSWFlat(vectors.shape[1], m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction, index.hnsw.efSearch = construction, search
        started = time.perf_counter()
        index.add(vectors)
        built = time.perf_counter() - started
        found = index.search(vectors, k)[1]
        searched = time.perf_counter() - started - built
        recall = np.mean([len(e & set(f)) / len(e) for e, f in zip(exact, found, strict=True)])
        print(
            f"HNSW M={m} efConstruction={construction} efSearch={search}: build {built:.2f} s, "
            f"search {searched:.2f} s, recall {recall:.4f}"
        )


if __name__ == "__main__":
    main()
