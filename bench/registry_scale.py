"""How the source registry's merge step grows with the corpus: name blocks against all pairs.

    python bench/registry_scale.py ../shared/gold/polnear/train [--sizes 100 200 400 700]

Extracts the frames of the first N documents once (parses from the cache), then builds the registry
over 100, 200, ... of them twice in one run: with the blocks ``Registry.merge`` uses (names compared
only when they share a word's first ``BLOCK_PREFIX`` letters) and with one block of all names (every
pair compared, what the registry did before). Prints names, pairs compared, seconds and the ratio,
and whether both gave the same sources.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from citetrace.parse.nlp import Parser, resolve_models_dir
from citetrace.run.pipeline import extract_corpus, keep_frames
from citetrace.sources.registry import Registry, build_registry


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="a folder of articles (text/ inside a brat folder is found)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400, 700])
    args = ap.parse_args()
    folder = args.corpus / "text" if (args.corpus / "text").is_dir() else args.corpus
    paths = sorted(folder.glob("*.txt"))[: max(args.sizes)]
    ex = extract_corpus(paths, Parser(resolve_models_dir(None)))
    frames = [keep_frames(f) for f in ex.frames]
    blocks = Registry._blocks
    print("documents  names  pairs(blocks)  pairs(all)  s(blocks)  s(all)  ratio  same")
    counted: dict[str, int] = {}

    def counting(self: Registry, keys: list[str], mode: str) -> dict[str, list[str]]:
        b = blocks(self, keys) if mode == "blocks" else {"": keys}
        counted[mode] = sum(len(v) * (len(v) - 1) // 2 for v in b.values())
        return b

    for n in args.sizes:
        sub = frames[:n]

        runs = {}
        for mode in ("blocks", "all"):
            Registry._blocks = lambda self, keys, mode=mode: counting(self, keys, mode)  # type: ignore[method-assign]
            t0 = time.perf_counter()
            reg = build_registry(sub)
            runs[mode] = (time.perf_counter() - t0, reg)
        Registry._blocks = blocks  # type: ignore[method-assign]
        (tb, rb), (ta, ra) = runs["blocks"], runs["all"]
        sb = {s.name: s.aliases for s in rb.sources()}
        sa = {s.name: s.aliases for s in ra.sources()}
        same = sb == sa
        print(
            f"{len(sub):9d}  {len(ra.mapping):5d}  {counted['blocks']:13,d}  {counted['all']:10,d}  "
            f"{tb:9.2f}  {ta:6.2f}  {ta / tb:5.1f}  {same}"
        )
        for name in sorted(set(sa) ^ set(sb)):
            where = "all pairs" if name in sa else "blocks"
            print(f"    only with {where}: {name!r} <- {(sa.get(name) or sb[name])[:4]}")


if __name__ == "__main__":
    main()
