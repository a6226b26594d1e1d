"""Derive the learned cue table (citetrace/data/learned_cues.tsv) from the PolNeAR *train* split.

For every lower-cased word form, count how often it occurs in the training texts and how often it
is the first word of an annotated cue span.  Forms that are frequent cues (>= MIN_COUNT times) and
cues in a reasonable share of their occurrences (>= MIN_RATIO) go into the table.  Dev is not read.

    python bench/learn_cues.py ../shared/gold/polnear/train > citetrace/data/learned_cues.tsv
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from citetrace.evaluation.gold import read_brat_folder

MIN_COUNT = 4
MIN_RATIO = 0.2
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def main(folder: str) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (Path(folder) / "text").glob("*.txt")}
    occurrences: Counter[str] = Counter()
    for text in texts.values():
        occurrences.update(m.group().lower() for m in WORD.finditer(text))
    as_cue: Counter[str] = Counter()
    for doc in read_brat_folder(Path(folder)):
        text = texts[Path(doc.document).stem]
        for frame in doc.frames:
            start, end = frame.cue.pieces[0]
            m = WORD.search(text, start, end)
            if m:
                as_cue[m.group().lower()] += 1
    print("form\tcue_count\toccurrences\tratio")
    for form, n in sorted(as_cue.items()):
        ratio = n / max(occurrences[form], 1)
        if n >= MIN_COUNT and MIN_RATIO <= ratio <= 1:
            print(f"{form}\t{n}\t{occurrences[form]}\t{ratio:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
