"""Two report folders' HTML pages compared: byte for byte, and after normalising what Jinja2 writes
differently from the f-strings it replaced (issue 34): the entities of ' and " (&#39; &#34; for &#x27;
&quot;) and white space between tags. Each document page's article text must be the same either way.

    python bench/pages_compare.py OLD_OUT NEW_OUT
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TEXT = re.compile(r'<div class="text" id="text">(.*?)</div>\s*<div class="side">', re.S)


def entities(html: str) -> str:
    return html.replace("&#39;", "&#x27;").replace("&#34;", "&quot;")


def normal(html: str) -> str:
    return re.sub(r">\s+<", "><", entities(html)).strip()


def article_text(html: str) -> str | None:
    m = TEXT.search(html)
    return entities(m.group(1)) if m else None


def first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def main(old: Path, new: Path) -> int:
    pages = sorted(p.relative_to(old) for p in old.rglob("*.html"))
    if pages != sorted(p.relative_to(new) for p in new.rglob("*.html")):
        print("the two folders hold different pages")
        return 1
    same = differ = 0
    for rel in pages:
        a, b = (old / rel).read_text(encoding="utf-8"), (new / rel).read_text(encoding="utf-8")
        same += a == b
        if article_text(a) != article_text(b) or normal(a) != normal(b):
            differ += 1
            na, nb = normal(a), normal(b)
            i = first_difference(na, nb)
            print(f"{rel}: differs\n  old: {na[max(0, i - 100) : i + 100]}\n  new: {nb[max(0, i - 100) : i + 100]}")
    print(f"{len(pages)} pages: {same} byte-identical, {len(pages) - differ} the same once normalised, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
