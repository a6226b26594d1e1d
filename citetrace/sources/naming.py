"""Source names: the one normal form names are matched in (``name_key``), known sources and their
aliases (``known``), and what counts as a name. Used by within-document resolution, the registry and
the queries alike."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from citetrace.attribution import cues
from citetrace.models import SourceKind

_NORM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)  # the same names again and again: 139,000 calls in 40 articles
def norm(name: str) -> str:
    """Normalised form for matching names: case, accents, hyphens, apostrophes and dots aside
    ("Felipe Calderón" = "Felipe Calderon")."""
    if name.isascii():  # nothing to decompose or strip: 1.7 us a name, not 3.7 (42,000 names in 100 articles)
        return _NORM.sub(" ", name.lower()).strip()
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return _NORM.sub(" ", folded.replace("\u2019", "'")).strip()


def name_key(name: str) -> str:
    """The key two names are the same under: ``norm`` without a leading "the" ("The BBC" = "bbc")."""
    return norm(name).removeprefix("the ")


_ALIASES: dict[str, cues.KnownSource] = {norm(a): k for k in cues.KNOWN_SOURCES for a in (*k.aliases, k.canonical)}


def known(name: str) -> cues.KnownSource | None:
    """The known source a name is an alias of, if any."""
    return _ALIASES.get(name_key(name))


def is_name(text: str) -> bool:
    """A name starts with a capital: "Qassem Soleimani", not "weekly newspaper affiliated with the group"."""
    words = [w for w in text.split() if w.lower() not in cues.ARTICLES]
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit())


def canonical_outlet(name: str | None) -> str | None:
    """The canonical name of a document's outlet ("DailyMail.co.uk" -> "Daily Mail")."""
    if name is None:
        return None
    k = known(name)
    return k.canonical if k is not None else name.strip()


def affiliation(text: str) -> str | None:
    """The known outlet or group named before a person's title: "BBC journalist Mina Al-Lami" -> "BBC"."""
    ws = text.split()
    for i, w in enumerate(ws[:-1]):
        if norm(w) in cues.TITLES - {"the", "a", "an", "us", "u s"} and i > 0:
            for n in range(i, 0, -1):
                for j in range(0, i - n + 1):
                    k = known(" ".join(ws[j : j + n]))
                    if k is not None and k.kind != SourceKind.person:
                        return k.canonical
    return None


# A surname one letter from that of a person the document names is that person's, misspelt, from this length
MISSPELT_LENGTH = 6
_POSSESSIVE = re.compile(r"['\u2019]s$")


def misspelt(surname: str, full_names: Collection[str]) -> str | None:
    """The one of ``full_names`` whose last word ``surname`` misspells: six letters or more, one edit
    apart (a letter added, dropped, changed, or two swapped: "Sharption", "Al Sharpton"), not a plural or
    a possessive without its apostrophe ("Trumps"); else None."""
    from rapidfuzz.distance import DamerauLevenshtein

    key = norm(surname)
    if len(key) < MISSPELT_LENGTH:
        return None
    found = {
        n
        for n in full_names
        if DamerauLevenshtein.distance(last := norm(_POSSESSIVE.sub("", n.split()[-1])), key) == 1 and key != last + "s"
    }
    return found.pop() if len(found) == 1 else None
