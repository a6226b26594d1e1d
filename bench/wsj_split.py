"""Split the WSJ gold (../shared/gold/wsj: PropBank's speech predicates) by document into the part every
choice is made on ("tune": every 3rd document, sorted by name) and the part reported once per version
("dev": the rest), each a folder with its texts and both gold files.

    python bench/wsj_split.py ../shared/gold/wsj /tmp/wsj
    citetrace eval /tmp/wsj/dev/gold_core.jsonl --docs /tmp/wsj/dev/text    # recall of the core verbs
    citetrace eval /tmp/wsj/dev/gold_all.jsonl --docs /tmp/wsj/dev/text     # F1 against the wider set

Documents with no gold frame are kept in the texts (they count only through their predictions when
the gold lists them; ``citetrace eval`` scores the documents the gold names).
"""

from __future__ import annotations

import sys
from pathlib import Path

TUNE_EVERY = 3


def part_of(index: int) -> str:
    return "tune" if index % TUNE_EVERY == 0 else "dev"


def main(wsj: Path, dest: Path) -> None:
    docs = sorted(p.name for p in (wsj / "text").glob("*.txt"))
    part = {d: part_of(i) for i, d in enumerate(docs)}
    for name in ("tune", "dev"):
        (dest / name / "text").mkdir(parents=True, exist_ok=True)
        for d in docs:
            link = dest / name / "text" / d
            if part[d] == name and not link.exists():
                link.symlink_to((wsj / "text" / d).resolve())
    for gold in ("gold_core.jsonl", "gold_all.jsonl"):
        lines = (wsj / gold).read_text(encoding="utf-8").splitlines()
        for name in ("tune", "dev"):
            kept = [line for line in lines if line.strip() and part[_doc(line)] == name]
            (dest / name / gold).write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    counts = {n: sum(1 for d in docs if part[d] == n) for n in ("tune", "dev")}
    print(f"{counts['tune']} tune and {counts['dev']} dev documents -> {dest}", file=sys.stderr)


def _doc(line: str) -> str:
    import json

    return json.loads(line)["doc"]


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
