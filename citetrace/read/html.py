"""A web page's article: its text by trafilatura, one block a paragraph, and its outlet, URL, date and
headline from the page's own metadata (``page_meta``). Used for .html files and for the HTML records
of a WARC archive (``read.archive``)."""

from __future__ import annotations

import re
from pathlib import Path

from citetrace.errors import InputError
from citetrace.read.page_meta import page_meta


def from_html(path: Path | str, html: str) -> tuple[str, str | None, str | None, str | None, str | None]:
    """(text, outlet, url, date, headline) of a web page: the article text by trafilatura, the outlet
    and headline from the page's own metadata first (``page_meta``)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(f"{path}: HTML page with no article text that could be extracted")
    # trafilatura writes one block (heading, paragraph) a line; a blank line between them is what the
    # parser takes for a paragraph break, so that a headline is never read into the first sentence
    text = re.sub(r"\n+", "\n\n", text.strip())
    meta = trafilatura.extract_metadata(html)
    page = page_meta(html, (meta.sitename if meta else None) or None)
    return text, page.outlet, (meta.url if meta else None), (meta.date if meta else None), page.headline
