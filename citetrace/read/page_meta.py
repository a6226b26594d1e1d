"""What a news web page says about itself: its publisher and its headline, from the page's own
metadata before anything guessed from its title or text.

- outlet: ``og:site_name``, then the JSON-LD article's ``publisher.name`` (schema.org), then
  trafilatura's site name unless it is the page's title or a headline-like phrase ("UK university
  student halls too full to be safe, experts warn" is no outlet);
- headline: ``og:title``, then the first ``<h1>``, then the ``<title>`` less a " | Site" or " - Site"
  tail; none when it reads like page furniture ("Posted: Thursday ...", "Weather, Sports | Fort
  Lauderdale").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MAX_OUTLET_WORDS = 6  # a site name is short: "The Washington Post", "Sun Sentinel"
_TITLE_TAIL = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,60}$")
_FURNITURE = re.compile(r"^(?:posted|updated|published|by)\b[:\s]", re.I)
_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting", "WebPage")


@dataclass(frozen=True)
class PageMeta:
    outlet: str | None
    headline: str | None


def _clean(value: str | None) -> str | None:
    flat = " ".join(value.split()) if value else ""
    return flat or None


def _json_ld_publisher(tree) -> str | None:  # noqa: ANN001 (lxml.html.HtmlElement)
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            publisher = item.get("publisher")
            if any(k in _ARTICLE_TYPES for k in kinds) and isinstance(publisher, dict):
                if name := _clean(publisher.get("name")):
                    return name
    return None


def _meta(tree, prop: str) -> str | None:  # noqa: ANN001
    found = tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')
    return _clean(found[0]) if found else None


def _outlet_like(name: str | None, title: str | None) -> str | None:
    """A guessed site name, unless it is the title or reads like one (too long, a clause)."""
    if name is None or (title is not None and name in title and len(name.split()) > 3):
        return None
    return name if len(name.split()) <= MAX_OUTLET_WORDS and "," not in name else None


def _headline(value: str | None) -> str | None:
    if value is None or _FURNITURE.match(value) or "|" in value and len(value.split("|")[0].split()) < 4:
        return None
    return value


def page_meta(html: str, guessed_outlet: str | None) -> PageMeta:
    """The page's outlet and headline (module docstring); ``guessed_outlet``: trafilatura's site name."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return PageMeta(_outlet_like(guessed_outlet, None), None)
    titles = tree.xpath("//title/text()")
    title = _clean(titles[0]) if titles else None
    outlet = _meta(tree, "og:site_name") or _json_ld_publisher(tree) or _outlet_like(guessed_outlet, title)
    h1 = tree.xpath("//h1")
    heading = _clean(h1[0].text_content()) if h1 else None
    stripped = _TITLE_TAIL.sub("", title) if title else None
    return PageMeta(outlet, _headline(_meta(tree, "og:title")) or _headline(heading) or _headline(stripped))
