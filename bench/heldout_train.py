"""Make the held-out part of PolNeAR train as a brat folder: every 7th document (sorted by name), the
documents bench/train_cue_model.py does not train on and every extractor choice is made on.

    python bench/heldout_train.py ../shared/gold/polnear/train /tmp/heldout
    citetrace eval /tmp/heldout
"""

from __future__ import annotations

import sys
from pathlib import Path

from cue_examples import HOLD_OUT_EVERY


def main(train: Path, dest: Path) -> None:
    anns = sorted((train / "attributions").glob("*.ann"))
    docs = sorted({a.stem.rpartition("_")[0] for a in anns})
    held = {d for i, d in enumerate(docs) if i % HOLD_OUT_EVERY == 0}
    (dest / "text").mkdir(parents=True, exist_ok=True)
    (dest / "attributions").mkdir(exist_ok=True)
    for d in sorted(held):
        link = dest / "text" / f"{d}.txt"
        if not link.exists():
            link.symlink_to((train / "text" / f"{d}.txt").resolve())
    for a in anns:
        link = dest / "attributions" / a.name
        if a.stem.rpartition("_")[0] in held and not link.exists():
            link.symlink_to(a.resolve())
    print(f"{len(held)} of {len(docs)} train documents -> {dest}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
