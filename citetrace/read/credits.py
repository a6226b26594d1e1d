"""Credit lines: the lines by which an article names its own outlet ("Welcome to ...") or credits the
outlet it republishes ("Read more at ...", "RT with additional input by ...").

Only lines that credit the article are here. A "Source: NATO." line under a chart or a figure names
where the figure's numbers come from, not an outlet the article republishes (PolNeAR does not
annotate one either): it is no credit (issue 36).

Read by ``read.corpus`` (the document's own outlet) and by ``attribution.quotes`` (a republication
credit is a frame of the whole document), so they live with the reading of a corpus, as data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CreditPattern:
    """A line of credit. ``source`` names the credited outlet; ``outlet`` the document's own outlet."""

    name: str
    regex: re.Pattern[str]
    is_frame: bool  # a frame of the whole document (a republication credit)


_LINE_END = r"[ \t.]*$"
CREDIT_PATTERNS: tuple[CreditPattern, ...] = (
    CreditPattern("welcome", re.compile(r"^\W*Welcome to (?P<outlet>[A-Z][\w.&' -]{1,60}?)" + _LINE_END, re.M), False),
    CreditPattern(
        "read-more-at",
        re.compile(
            r"^(?P<cue>Read more at) (?P<source>(?P<outlet>[\w.-]+\.[a-z]{2,}(?:\.[a-z]{2})?))" + _LINE_END, re.M
        ),
        True,
    ),
    CreditPattern(
        "additional-input",
        re.compile(
            r"^(?P<cue>(?P<source>[A-Z][\w.]*(?: ?\.? ?com)?) with additional (?:input|reporting) (?:by|from))"
            r" (?P<desk>[^\n]+?)" + _LINE_END,
            re.M,
        ),
        True,
    ),
    CreditPattern(
        "slash-credit",
        re.compile(
            r"^(?P<cue>(?P<source>[A-Z][\w]*(?:\. ?com)?) /) (?P<outlet>[A-Z][^\n/]*?)(?: (?:19|20)\d\d)?" + _LINE_END,
            re.M,
        ),
        True,
    ),
    CreditPattern(
        "originally-appeared",
        re.compile(
            r"^(?P<cue>This (?:article|story) (?:was )?(?:originally|first) (?:appeared|published) (?:on|in|at|by))"
            r" (?P<source>[^\n]+?)" + _LINE_END,
            re.M,
        ),
        True,
    ),
)
