"""What every article's text goes through, whichever way it came (a file, a web page, an archive's
record): one size limit, and one kind of line end."""

from __future__ import annotations

from pathlib import Path

from citetrace.errors import InputError

# A news article is well under this (PolNeAR: 34,309 at most); larger texts are refused, not truncated.
# docs/reliability.md measures what the largest accepted text costs to parse.
MAX_BYTES = 1_000_000


def too_large(where: Path | str, size: int, what: str = "") -> InputError:
    """The error for a text (or a file, ``what`` empty) of ``size`` bytes over ``MAX_BYTES``."""
    return InputError(f"{where}: {size:,} bytes{what} is too large for a news article (limit {MAX_BYTES:,}); split it")


def check_size(where: Path | str, text: str, what: str) -> None:
    """Refuse a text over ``MAX_BYTES`` once encoded (``what``: " of article text", " of text")."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise too_large(where, size, what)


def one_line_end(text: str) -> str:
    """Line ends as ``\\n`` (Windows' CRLF and old Macs' CR), as Python's text files read them: one
    article, one text, whatever editor saved it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
