"""Issue 15's measures on a `citetrace run` output: one node per source on real news.

    citetrace run ../shared/gold/polnear/dev --out /tmp/devrun
    python bench/source_nodes.py /tmp/devrun [--top 30] [--no-primary 10]

Prints: the distinct primary-source nodes whose name contains Clinton, Trump or Obama (with their
chain counts), chains whose primary source is a pronoun, primary sources longer than eight words,
chains with no primary source, and the most-cited primary sources with their aliases.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

PRONOUNS = frozenset("he she it they him her them we i you who which that this these those one".split())
PEOPLE = ("Clinton", "Trump", "Obama")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path, help="a `citetrace run` output folder")
    ap.add_argument("--top", type=int, default=30, help="most-cited primary sources to list")
    ap.add_argument("--no-primary", type=int, default=10, help="chains without a primary source to print")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    chains = [json.loads(line) for line in (args.run / "chains.jsonl").open(encoding="utf-8")]
    graph = json.loads((args.run / "graph.json").read_text(encoding="utf-8"))
    sources = {s["name"]: s for s in graph["sources"]}
    primary = Counter(c["primary"] for c in chains if c["primary"])
    print(f"chains: {len(chains)}, distinct primary sources: {len(primary)}")
    for person in PEOPLE:
        nodes = {p: n for p, n in primary.items() if person.lower() in p.lower()}
        print(f"  nodes naming {person}: {len(nodes)}  {dict(sorted(nodes.items(), key=lambda x: -x[1]))}")
    pronoun = [c for c in chains if c["primary"] and c["primary"].lower() in PRONOUNS]
    print(f"chains ending at a pronoun: {len(pronoun)}  {Counter(c['primary'] for c in pronoun)}")
    long = {p: n for p, n in primary.items() if len(p.split()) > 8}
    print(f"primary sources longer than eight words: {len(long)}  {list(long)[:5]}")
    none = [c for c in chains if not c["primary"]]
    flags = Counter(f["type"] for c in none for f in c["flags"])
    print(f"chains with no primary source: {len(none)}  flags: {dict(flags)}")
    for c in random.Random(args.seed).sample(none, min(args.no_primary, len(none))):
        ev = next((e for f in c["flags"] for e in f["evidence"]), None)
        sentence = ev["sentence"]["text"] if ev and ev.get("sentence") else c["claim"]["text"]
        print(f"    - {Path(c['document']).stem[:40]} [{', '.join(f['type'] for f in c['flags'])}] {sentence[:160]!r}")
    print(f"\nthe {args.top} most-cited primary sources:")
    for name, n in primary.most_common(args.top):
        s = sources.get(name, {})
        aliases = [a for a in s.get("aliases", []) if a != name]
        extra = f"  affiliation={s['affiliation']}" if s.get("affiliation") else ""
        print(f"  {n:4d}  {name} [{s.get('kind', '?')}]{extra}  aliases: {aliases[:8]}")


if __name__ == "__main__":
    main()
