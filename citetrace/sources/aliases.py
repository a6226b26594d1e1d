"""User aliases (``--aliases``): a TOML file of ``[[source]]`` tables read into known sources, refused
where it would corrupt the graph (one name for two sources, a ``part_of`` cycle), and each fold of a
known source into another said aloud (``alias_folds``)."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

from citetrace.attribution import cues
from citetrace.errors import InputError
from citetrace.models import SourceKind
from citetrace.sources.naming import known, name_key


def load_aliases(path: Path) -> tuple[cues.KnownSource, ...]:
    """User aliases from a TOML file::

    [[source]]
    name = "Al-Naba"
    kind = "publication"          # person, outlet, publication, organization, government, ...
    aliases = ["an-Nabaa", "al-Nabaa weekly"]
    part_of = "Islamic State"     # optional
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"--aliases {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--aliases {path}: cannot be read ({exc}): give a UTF-8 TOML file") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"--aliases {path} is not valid TOML ({exc}): see docs/chains.md for the format") from None
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise InputError(f"--aliases {path}: expected [[source]] tables, see docs/chains.md")
    out = []
    for n, e in enumerate(entries, start=1):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
            raise InputError(f"--aliases {path}: [[source]] number {n} has no name")
        try:
            kind = SourceKind(e.get("kind", "unknown"))
        except ValueError:
            kinds = ", ".join(k.value for k in SourceKind)
            raise InputError(
                f"--aliases {path}: source {e['name']!r} has kind {e.get('kind')!r}; use one of {kinds}"
            ) from None
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(f"--aliases {path}: aliases of {e['name']!r} must be a list of strings")
        part_of = e.get("part_of")
        if part_of is not None and (not isinstance(part_of, str) or not part_of.strip()):
            raise InputError(f"--aliases {path}: part_of of {e['name']!r} must be a name")
        out.append(cues.KnownSource(e["name"].strip(), kind, tuple(aliases), part_of))
    _check_aliases(path, out)
    return tuple(out)


def _check_aliases(path: Path, entries: Sequence[cues.KnownSource]) -> None:
    """Refuse what would corrupt the graph: one name given to two sources, and a ``part_of`` cycle
    (A part of B, B part of A) through the file's sources and the known ones."""
    owner: dict[str, str] = {}
    for k in entries:
        for a in {name_key(x) for x in (k.canonical, *k.aliases)}:
            if a in owner and owner[a] != k.canonical:
                raise InputError(
                    f"--aliases {path}: {a!r} is given to both {owner[a]!r} and {k.canonical!r}; keep it in one"
                )
            owner[a] = k.canonical
    parent = {name_key(k.canonical): k.part_of for k in cues.KNOWN_SOURCES if k.part_of}
    parent.update({name_key(k.canonical): k.part_of for k in entries if k.part_of})
    for k in entries:
        seen, keys, name = [k.canonical], {name_key(k.canonical)}, k.part_of
        while name is not None:
            if name_key(name) in keys:
                cycle = " -> ".join([*seen, name])
                raise InputError(f"--aliases {path}: part_of makes a cycle ({cycle}); a source is part of no loop")
            seen.append(name)
            keys.add(name_key(name))
            name = parent.get(name_key(name))


def alias_folds(entries: Sequence[cues.KnownSource]) -> list[str]:
    """What the user's aliases fold into another source: an alias that is a known source's own name
    ("BBC" given as an alias of "CNN") makes the two one. Said aloud, not refused: it may be meant."""
    said = []
    for k in entries:
        for a in k.aliases:
            other = known(a)
            if other is not None and name_key(other.canonical) != name_key(k.canonical):
                said.append(f"the alias {a!r} folds the known source {other.canonical!r} into {k.canonical!r}")
    return said
