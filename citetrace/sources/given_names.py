"""Whether a given name is most often a man's or a woman's: "Bernie Sanders" is no "she", "Hillary
Clinton" no "he", where the document itself says nothing (no "Mr.", no "she" after the name).

The table is nomquamgender's (Van Buskirk et al., 2023, MIT licence): for 720,000 given names the
share of women among the people who bear them, pooled from national registers, social networks and
author lists, shipped in its wheel, so that nothing is downloaded. It is read straight from the
installed file (its module would import pandas and hold the whole table as Python objects): only
names seen ``MIN_COUNT`` times or more are kept, and a name is one gender's only where the share is
beyond ``SURE`` either way (nomquamgender's own default is 0.1; "Bernie" is 0.151, "Chris" 0.118).
Loaded once per process, on first use (about 0.5 s on this machine).
"""

from __future__ import annotations

import importlib.metadata
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from citetrace.sources.mentions import WordClass

MIN_COUNT = 20  # people bearing the name in the pooled data: fewer is noise ("Urges", "Several")
SURE = 0.2  # a share of women at or below this is a man's name, at or above 1 - SURE a woman's
# a row: "name": [_, people, share of women, ...]; only counts with as many digits as MIN_COUNT or more
# are read at all (findall, not a match object a row: the table loads in about half the time)
_ROW = re.compile(r'"([^"]+)": \[\d+, (\d{' + str(len(str(MIN_COUNT))) + r",}), ([\d.]+)")


@lru_cache(maxsize=1)
def _shares() -> dict[str, float]:
    """Given name (lower case) -> share of women, for the names decided either way."""
    try:
        path = importlib.metadata.distribution("nomquamgender").locate_file("nomquamgender/name_data.json")
        text = Path(str(path)).read_text(encoding="utf-8")
    except (importlib.metadata.PackageNotFoundError, OSError):
        return {}  # not installed: the document's own honorifics and pronouns only
    out = {}
    for name, count, value in _ROW.findall(text):
        share = float(value)
        if int(count) >= MIN_COUNT and (share <= SURE or share >= 1 - SURE):
            out[name] = share
    return out


def given_name_gender(name: str) -> WordClass | None:
    """The gender a person's given name says ("Hillary Clinton" -> female), None where the name has
    no given name ("Clinton"), an initial only ("J. Smith"), or one borne by both."""
    words = name.split()
    if len(words) < 2:
        return None
    first = next((w for w in words[:-1] if len(w.rstrip(".")) > 1 and not w.endswith(".")), None)
    if first is None:
        return None
    key = unicodedata.normalize("NFKD", first.lower())
    key = "".join(c for c in key if not unicodedata.combining(c))
    share = _shares().get(key)
    if share is None:
        return None
    return WordClass.honorific_female if share >= 1 - SURE else WordClass.honorific_male
