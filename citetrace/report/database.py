"""``citetrace.db``: the run's results as one SQLite file, for a newsroom's own queries and for
Datasette (``datasette out/citetrace.db -m out/datasette.json``), written with the standard library.

Tables, each keyed as the JSON outputs are and indexed on what a reader looks up:

- ``documents`` (name, path, outlet, url, date, headline, wire, credit);
- ``frames`` (document, id, kind, confidence, found_by, cue, source and its canonical name and kind,
  content, with character offsets; parent, channel) and ``co_sources`` (document, frame, position,
  source, its canonical name and kind: the other speakers of a coordinated source, "Bolton and Gorka");
- ``sources`` (name, kind, part_of, affiliation, mentions, documents) and ``source_aliases`` (source,
  alias, reason, confidence, guess);
- ``chains`` (id: the line of chains.jsonl, from 1; document, frame, claim, outlet, primary source and
  kind, channel, number of hops), ``hops`` (chain, position, source, cue, type, document copied) and
  ``chain_flags`` (chain, type, detail);
- ``reuse`` (id, documents a and b, direction, evidence, common source, passages);
- ``clusters`` (cluster, document, date, first printing, the document it shares with, relation, passages,
  similarity, coverage, reprint): the reuse pairs as clusters, each a proposed copy tree;
- ``claims`` (id, label, documents, members) and ``claim_members`` (claim, member id, document,
  outlet, text, frame, source, primary, depth, hedge, quoted).

``json`` columns (sources, chains, claims) keep each model whole, so that ``load_graph`` gives
``citetrace trace`` and ``sources`` what they read from a run (``citetrace trace out/citetrace.db
--source X``: no parsing). The file is written in the run's staging folder, rows in the order of the
JSON outputs, so that two runs of one corpus give the same bytes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from citetrace.models import CitationGraph, Document, DocumentFrames

DATABASE = "citetrace.db"
METADATA = "datasette.json"

SCHEMA = """
CREATE TABLE documents (name TEXT PRIMARY KEY, path TEXT, outlet TEXT, url TEXT, date TEXT, headline TEXT,
    wire TEXT, credit TEXT);
CREATE TABLE frames (document TEXT REFERENCES documents(name), id TEXT, kind TEXT, confidence REAL,
    found_by TEXT, cue TEXT, cue_start INTEGER, cue_end INTEGER, source TEXT, source_canonical TEXT,
    source_kind TEXT, content TEXT, content_start INTEGER, content_end INTEGER, parent TEXT, channel TEXT,
    PRIMARY KEY (document, id));
CREATE TABLE co_sources (document TEXT REFERENCES documents(name), frame TEXT, position INTEGER, source TEXT,
    source_canonical TEXT, source_kind TEXT, PRIMARY KEY (document, frame, position));
CREATE TABLE sources (name TEXT PRIMARY KEY, kind TEXT, part_of TEXT, affiliation TEXT, mentions INTEGER,
    documents INTEGER, json TEXT);
CREATE TABLE source_aliases (source TEXT REFERENCES sources(name), alias TEXT, reason TEXT, confidence REAL,
    guess INTEGER);
CREATE TABLE chains (id INTEGER PRIMARY KEY, document TEXT REFERENCES documents(name), frame TEXT, claim TEXT,
    claim_start INTEGER, claim_end INTEGER, outlet TEXT, primary_source TEXT, primary_kind TEXT, channel TEXT,
    hops INTEGER, json TEXT);
CREATE TABLE hops (chain INTEGER REFERENCES chains(id), position INTEGER, source TEXT, cue TEXT, type TEXT,
    document TEXT, PRIMARY KEY (chain, position));
CREATE TABLE chain_flags (chain INTEGER REFERENCES chains(id), type TEXT, detail TEXT);
CREATE TABLE reuse (id INTEGER PRIMARY KEY, a TEXT REFERENCES documents(name), b TEXT REFERENCES documents(name),
    direction TEXT, direction_evidence TEXT, common_source TEXT, passages INTEGER);
CREATE TABLE clusters (cluster TEXT, document TEXT REFERENCES documents(name), date TEXT, first TEXT,
    shares_with TEXT, relation TEXT, passages INTEGER, similarity REAL, coverage REAL, reprint INTEGER,
    PRIMARY KEY (cluster, document));
CREATE TABLE claims (id TEXT PRIMARY KEY, label TEXT, documents INTEGER, members INTEGER, json TEXT);
CREATE TABLE claim_members (claim TEXT REFERENCES claims(id), id TEXT, document TEXT, outlet TEXT, text TEXT,
    frame TEXT, source TEXT, primary_source TEXT, depth INTEGER, hedge TEXT, quoted INTEGER);
CREATE INDEX frames_source ON frames(source_canonical);
CREATE INDEX co_sources_source ON co_sources(source_canonical);
CREATE INDEX aliases_source ON source_aliases(source);
CREATE INDEX aliases_alias ON source_aliases(alias);
CREATE INDEX chains_document ON chains(document);
CREATE INDEX chains_primary ON chains(primary_source);
CREATE INDEX hops_source ON hops(source);
CREATE INDEX flags_chain ON chain_flags(chain);
CREATE INDEX reuse_a ON reuse(a);
CREATE INDEX reuse_b ON reuse(b);
CREATE INDEX clusters_document ON clusters(document);
CREATE INDEX members_claim ON claim_members(claim);
CREATE INDEX members_document ON claim_members(document);
"""

# Datasette's metadata: a title, what each table holds, the column that names a row, facets
TABLES = {
    "documents": ("The articles read", "headline", ["outlet"]),
    "frames": ("Attribution frames: who said what, and the words that say so", "cue", ["kind", "source_canonical"]),
    "co_sources": ("The other speakers of a frame's coordinated source", "source", ["source_kind"]),
    "sources": ("Sources across the corpus, one row each", "name", ["kind"]),
    "source_aliases": ("Every way a source is written, and why it is that source", "alias", ["reason", "guess"]),
    "chains": ("Citation chains: each claim from its outlet to its original", "claim", ["primary_source", "outlet"]),
    "hops": ("The steps of each chain, in order", "source", ["type"]),
    "chain_flags": ("What a reader should know about a chain", "detail", ["type"]),
    "reuse": ("Documents that share passages, and who copied whom", "direction", ["direction"]),
    "clusters": (
        "Documents that share passages, one cluster each: a proposed copy tree; a reprint is its parent's text again",
        "document",
        ["relation", "reprint"],
    ),
    "claims": ("Claims retold by two documents or more", "label", []),
    "claim_members": ("Each retelling of a claim", "text", ["hedge", "outlet"]),
}


def write_database(
    out: Path, documents: Sequence[Document], frames: Sequence[DocumentFrames], graph: CitationGraph
) -> None:
    """``out/citetrace.db`` and ``out/datasette.json`` for this run (``out``: the staging folder)."""
    path = out / DATABASE
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.executescript(SCHEMA)
        _insert(
            db,
            "documents",
            ((d.name, d.path, d.outlet, d.url, d.date, d.headline, d.wire, d.credit) for d in documents),
        )
        _insert(db, "frames", _frame_rows(frames))
        _insert(
            db,
            "co_sources",
            (
                (doc.document, f.id, i, s.text, s.canonical, s.kind.value)
                for doc in frames
                for f in doc.frames
                for i, s in enumerate(f.co_sources, 1)
            ),
        )
        _insert(
            db,
            "sources",
            (
                (s.name, s.kind.value, s.part_of, s.affiliation, s.mentions, len(s.documents), s.model_dump_json())
                for s in graph.sources
            ),
        )
        _insert(
            db,
            "source_aliases",
            ((s.name, m.alias, m.reason.value, m.confidence, int(m.guess)) for s in graph.sources for m in s.merges),
        )
        _write_chains(db, graph)
        _write_reuse_and_claims(db, graph)
        db.commit()
    finally:
        db.close()
    (out / METADATA).write_text(json.dumps(datasette_metadata(), indent=1) + "\n", encoding="utf-8")


def _write_reuse_and_claims(db: sqlite3.Connection, graph: CitationGraph) -> None:
    _insert(
        db,
        "reuse",
        (
            (i, r.a, r.b, r.direction.value, r.direction_evidence, r.common_source, len(r.passages))
            for i, r in enumerate(graph.reuse, start=1)
        ),
    )
    _insert(
        db,
        "clusters",
        (
            (
                c.id,
                m.document,
                m.date,
                c.first,
                m.shares_with,
                m.relation.value if m.relation else None,
                m.passages,
                m.similarity,
                m.coverage,
                int(m.reprint),
            )
            for c in graph.clusters
            for m in c.members
        ),
    )
    _insert(
        db, "claims", ((g.id, g.label, len(g.documents), len(g.members), g.model_dump_json()) for g in graph.claims)
    )
    _insert(
        db,
        "claim_members",
        (
            (
                g.id,
                m.id,
                m.document,
                m.outlet,
                m.text.text,
                m.frame,
                m.source,
                m.primary,
                m.depth,
                m.hedge.value,
                int(m.quoted),
            )
            for g in graph.claims
            for m in g.members
        ),
    )


def _insert(db: sqlite3.Connection, table: str, rows: Iterable[tuple]) -> None:
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    marks = ", ".join("?" * len(first))
    db.execute(f"INSERT INTO {table} VALUES ({marks})", first)
    db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def _frame_rows(frames: Sequence[DocumentFrames]) -> Iterable[tuple]:
    for doc in frames:
        for f in doc.frames:
            s = f.source
            yield (
                doc.document,
                f.id,
                f.kind.value,
                f.confidence,
                f.found_by.value,
                f.cue.text,
                f.cue.start,
                f.cue.end,
                s.text if s else None,
                s.canonical if s else None,
                s.kind.value if s else None,
                f.content.text,
                f.content.start,
                f.content.end,
                f.parent,
                f.channel.text if f.channel else None,
            )


def _write_chains(db: sqlite3.Connection, graph: CitationGraph) -> None:
    chains = list(enumerate(graph.chains, start=1))
    _insert(
        db,
        "chains",
        (
            (
                i,
                c.document,
                c.frame,
                c.claim.text,
                c.claim.start,
                c.claim.end,
                c.outlet,
                c.primary,
                c.primary_kind.value if c.primary_kind else None,
                c.channel,
                len(c.hops),
                c.model_dump_json(),
            )
            for i, c in chains
        ),
    )
    _insert(
        db,
        "hops",
        ((i, k, h.source, h.cue, h.type.value, h.document) for i, c in chains for k, h in enumerate(c.hops, start=1)),
    )
    _insert(db, "chain_flags", ((i, f.type.value, f.detail) for i, c in chains for f in c.flags))


def datasette_metadata() -> dict:
    """Datasette's metadata for ``citetrace.db``: titles, descriptions, label columns and facets."""
    return {
        "title": "citetrace: who said what, and where it came from",
        "description": "Attribution frames, sources, citation chains, reused passages and retold claims of one run.",
        "databases": {
            "citetrace": {
                "tables": {
                    name: {"description": text, "label_column": label, **({"facets": facets} if facets else {})}
                    for name, (text, label, facets) in TABLES.items()
                }
            }
        },
    }


def load_graph(path: Path) -> CitationGraph:
    """The documents, sources, chains and retold claims of a run's database, as a ``CitationGraph`` (no
    nodes, edges or reuse: what ``trace`` and ``sources`` read). A file that is not one is an error."""
    from citetrace.errors import InputError
    from citetrace.models import CanonicalSource, Chain, ClaimGroup

    if not path.is_file():
        raise InputError(f"{path} does not exist")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT name, headline FROM documents ORDER BY rowid").fetchall()
            documents, headlines = [n for n, _ in rows], {n: h for n, h in rows if h}
            sources = [
                CanonicalSource.model_validate_json(r[0]) for r in db.execute("SELECT json FROM sources ORDER BY rowid")
            ]
            chains = [Chain.model_validate_json(r[0]) for r in db.execute("SELECT json FROM chains ORDER BY id")]
            claims = [
                ClaimGroup.model_validate_json(r[0]) for r in db.execute("SELECT json FROM claims ORDER BY rowid")
            ]
        finally:
            db.close()
    except (sqlite3.Error, ValueError) as exc:
        raise InputError(f"{path}: not a citetrace database ({exc}); give the citetrace.db a run wrote") from None
    return CitationGraph(
        documents=documents,
        headlines=headlines,
        sources=sources,
        nodes=[],
        edges=[],
        chains=chains,
        reuse=[],
        claims=claims,
    )
