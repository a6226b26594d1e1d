"""Who "he" and "she" are: the canonical source citetrace gives 40 pronoun sources of held-out PolNeAR
train documents, against the person each one is (read by hand from the text, bench/data/pronouns.jsonl:
a random sample, seed 7, of the 386 he/she sources of the 120 held-out documents).

    python bench/heldout_train.py ../shared/gold/polnear/train /tmp/heldout   # once
    python bench/pronouns.py ../shared/gold/polnear/train/text

A pronoun is right when its canonical name ends with the expected person's surname ("Trump" and
"Donald J. Trump" are Donald Trump; the registry joins them across documents).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from citetrace.parse import Parser, default_cache_dir
from citetrace.read.corpus import read_document
from citetrace.run.pipeline import frames_of

GOLD = Path(__file__).parent / "data" / "pronouns.jsonl"


def main(texts: Path) -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    parser = Parser(None, cache_dir=default_cache_dir())
    right = 0
    for row in rows:
        document = read_document(texts / row["doc"])
        (parsed,) = parser.parse([document.text])
        sources = {f.source.start: f.source for f in frames_of(document, parsed).frames if f.source}
        source = sources.get(row["start"])
        got = source.canonical if source is not None else "(no frame)"
        ok = got.split()[-1].casefold() == row["expected"].split()[-1].casefold()
        right += ok
        print(f"{'ok ' if ok else 'BAD'} {row['pronoun']:4} {row['expected']:18} {got}")
    print(f"{right} of {len(rows)} right ({right / len(rows):.2f})")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
