"""The HTML report: static pages that open from disk, with no server and no network.

``each_page(documents, frames, graph, svgs) -> (relative path, html), ...``, one page at a time

- ``index.html``: the corpus at a glance (documents, outlets, primary sources, flags) and the
  corpus diagram;
- ``<document>.html``: the article text with every frame highlighted (cue, source and content in
  their own styles; nested frames drawn with a second underline), the document's diagram beside
  it, and its flagged claims;
- ``sources/<source>.html``: every claim that rests on one primary source, and its diagram;
- ``copies/<cluster>.html``: one text printed many times, each reprint as its differences
  (``citetrace.report.copies``).

Clicking a claim or a source, in the text or in a diagram, shows its chain in the side panel and
outlines its nodes in the diagram. Diagrams are inlined SVG (Graphviz keeps the node ``id``s from
``citetrace.render.dot``), styles and the one script are written into every page. This module
decides what each page shows; its markup is in Jinja2 templates (``templates/``: ``base.html`` and
one template a kind of page), which escape every value (``jinja.environment``): an article cannot
inject markup.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from importlib.resources import files
from itertools import pairwise
from pathlib import PurePath
from typing import NamedTuple

from markupsafe import Markup

from citetrace.chains.graph_index import graph_index
from citetrace.models import (
    Chain,
    CitationGraph,
    Document,
    DocumentFrames,
    Frame,
    FrameKind,
    MergeReason,
    ProvenanceKind,
)
from citetrace.render.dot import (
    CORPUS_NODES,
    but_reprints,
    claim_node_id,
    corpus_size,
    hop_label,
    short_name,
    source_id,
)
from citetrace.render.styles import FLAG_LABEL, MERGE_WORDS
from citetrace.report.claim_pages import claim_values, claims_rows, retold_items
from citetrace.report.copies import copies_values
from citetrace.report.jinja import environment
from citetrace.report.layout import (
    FULL_CORPUS,
    claim_file,
    cluster_page,
    copies_file,
    copies_pages,
    document_links,
    source_files,
)
from citetrace.report.names import document_stems

CSS = (files("citetrace") / "data" / "report.css").read_text(encoding="utf-8")
SCRIPT = (files("citetrace") / "data" / "report.js").read_text(encoding="utf-8")


def _json_script(data: object) -> Markup:
    """The page's data as JSON that cannot close its ``<script>`` element (``<`` and ``>`` escaped)."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(payload)


def inline_svg(svg: str) -> Markup:
    """An SVG file's markup without its XML prolog and doctype, to embed in HTML (our own Graphviz
    output: Graphviz escapes the text it draws)."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    return Markup(re.sub(r"<!--.*?-->", "", body, flags=re.S))


def _page(template: str, title: str, depth: int, data: object, **values: object) -> str:
    """A page from its template (``templates/``), ``depth`` folders below the report's root."""
    return (
        environment()
        .get_template(template)
        .render(
            title=title, up="../" * depth, css=Markup(CSS), script=Markup(SCRIPT), data=_json_script(data), **values
        )
    )


def _script_data(chains: Sequence[Chain], frames_by_doc: dict[str, DocumentFrames]) -> dict:
    """JSON for the page script: the chains, frame id -> chain indexes, SVG node id -> chain indexes."""
    data, frame_chains, node_chains = [], defaultdict(list), defaultdict(list)
    nested: dict[str, dict[str | None, list[str]]] = {}  # document -> frame -> the frames nested in it
    for i, c in enumerate(chains):
        doc = frames_by_doc.get(c.document)
        if doc is not None and c.document not in nested:
            nested[c.document] = _kids(doc)
        members = _members(nested[c.document], c.frame) if doc and c.frame else []
        data.append(
            {
                "claim": " ".join(c.claim.text.split()),
                "path": c.path,
                "cues": [hop_label(h) for h in c.hops],
                "channel": c.channel,
                "flags": [{"type": f.type.value, "label": FLAG_LABEL[f.type], "detail": f.detail} for f in c.flags],
                "nodes": [claim_node_id(c)] + [source_id(p) for p in c.path],
                "frames": members,
            }
        )
        for f in members:
            frame_chains[f].append(i)
        node_chains[claim_node_id(c)].append(i)
        for p in c.path:
            if i not in node_chains[source_id(p)]:
                node_chains[source_id(p)].append(i)
    return {"chains": data, "frame_chains": dict(frame_chains), "node_chains": dict(node_chains)}


def _kids(doc: DocumentFrames) -> dict[str | None, list[str]]:
    """Frame id -> the ids of the frames directly nested in it (found once a document, not per chain)."""
    kids: dict[str | None, list[str]] = defaultdict(list)
    for f in doc.frames:
        kids[f.parent].append(f.id)
    return kids


def _members(kids: dict[str | None, list[str]], top: str) -> list[str]:
    """The frame ``top`` and every frame nested in it."""
    out, stack = [], [top]
    while stack:
        fid = stack.pop()
        out.append(fid)
        stack.extend(kids.get(fid, []))
    return sorted(out, key=lambda x: int(x[1:]) if x[1:].isdigit() else 0)


class Piece(NamedTuple):
    """A piece of the article text between two span boundaries, and how the page marks it: ``classes``
    (``cue``, ``src`` and/or ``content``, ``nested`` in the content of a frame that has a parent; empty:
    not highlighted), ``frames`` (every frame it belongs to), ``inner`` (the innermost one: the frame a
    click on it means) and ``cue`` (the frames it is the cue of)."""

    text: str
    classes: str = ""
    frames: str = ""
    inner: str = ""
    cue: str = ""


def highlighted_text(text: str, frames: Sequence[Frame]) -> list[Piece]:
    """The article text cut at every span boundary, each piece with the frames it belongs to (the page
    writes each as a ``<span>``: ``templates/document.html``)."""
    spans = highlight_spans(frames)
    opens: dict[int, list[int]] = defaultdict(list)  # cut -> the spans that start there, and end there
    closes: dict[int, list[int]] = defaultdict(list)
    for k, (s, e, _, _) in enumerate(spans):
        if s < e:
            opens[s].append(k)
            closes[e].append(k)
    active: dict[int, tuple[str, Frame]] = {}  # the spans over the piece, swept from cut to cut
    out = []
    for a, b in pairwise(cuts(text, spans)):
        for k in closes.get(a, ()):
            del active[k]
        for k in opens.get(a, ()):
            active[k] = spans[k][2:]
        out.append(highlighted_piece(text[a:b], list(active.values())))
    return out


def highlight_spans(frames: Sequence[Frame]) -> list[tuple[int, int, str, Frame]]:
    """(start, end, role, frame) of every span a page highlights: each frame's cue, its source, and
    its content unless it is a credit."""
    spans: list[tuple[int, int, str, Frame]] = []
    for f in frames:
        spans.append((f.cue.start, f.cue.end, "cue", f))
        for s in f.source_mentions:
            spans.append((s.start, s.end, "src", f))
        if f.kind is not FrameKind.credit:
            spans.append((f.content.start, f.content.end, "content", f))
    return spans


def cuts(text: str, spans: Sequence[tuple[int, int, str, Frame]]) -> list[int]:
    """Where the text is cut into pieces: its ends and every span's."""
    return sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})


def _frame_order(fid: str) -> int:
    return int(fid[1:]) if fid[1:].isdigit() else 0


def highlighted_piece(piece: str, here: Sequence[tuple[str, Frame]]) -> Piece:
    """One piece of the text, given the (role, frame) of every span over it."""
    if not here:
        return Piece(piece)
    roles = {role for role, _ in here}
    classes: list[str] = [r for r in ("cue", "src", "content") if r in roles]
    if any(role == "content" and f.parent for role, f in here):
        classes.append("nested")
    ids = sorted({f.id for _, f in here}, key=_frame_order)
    inner = min((f for _, f in here), key=lambda f: (f.content.end - f.content.start, f.id))
    cue_of = " ".join(sorted(f.id for role, f in here if role == "cue"))
    return Piece(piece, " ".join(classes), " ".join(ids), inner.id, cue_of)


PROVENANCE_WORDS = {
    ProvenanceKind.wire: "copies the wire",
    ProvenanceKind.contribution: "has contributions from",
    ProvenanceKind.hat_tip: "tips its hat to",
    ProvenanceKind.syndication: "is syndicated from",
    ProvenanceKind.byline: "is written by",
}


def _flags(chains: Sequence[Chain]) -> list[dict]:
    """A page's flags: every flag of its chains, with the chain a click on it shows."""
    return [
        {"chain": i, "claim": " ".join(c.claim.text.split())[:90], "label": FLAG_LABEL[f.type], "detail": f.detail}
        for i, c in enumerate(chains)
        for f in c.flags
    ]


def _provenance(frames: DocumentFrames) -> list[dict]:
    """Where the document comes from, each with what says so: its own line, or the metadata."""
    return [
        {
            "words": PROVENANCE_WORDS[p.kind],
            "source": p.source,
            "evidence": p.evidence.text if p.evidence else None,
            "origin": p.origin.value,
        }
        for p in frames.provenance
    ]


def document_page(doc: Document, frames: DocumentFrames, graph: CitationGraph, svg: str) -> str:
    chains = graph_index(graph).of_document.get(frames.document, [])
    return _page(
        "document.html",
        doc.headline or doc.name,
        0,
        _script_data(chains, {frames.document: frames}),
        doc=doc,
        outlet=next((c.path[0] for c in chains if c.path), frames.outlet or "outlet unknown"),
        frames=len(frames.frames),
        chains=len(chains),
        flags=_flags(chains),
        provenance=_provenance(frames),
        pieces=highlighted_text(doc.text, frames.frames),
        svg=inline_svg(svg),
        retold_items=retold_items(graph, frames.document),
    )


MAX_ALIASES_SHOWN = 24


def source_page(name: str, graph: CitationGraph, frames_by_doc: dict[str, DocumentFrames], svg: str) -> str:
    """Every claim that rests on one primary source, by document, and how the source is written."""
    every = graph_index(graph).resting_on.get(name, [])
    chains, reprints = but_reprints(graph, every)
    source = graph_index(graph).sources.get(name)
    links = document_links(graph, "../")
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for i, c in enumerate(chains):
        by_doc[c.document].append(
            {
                "index": i,
                "claim": " ".join(c.claim.text.split()),
                "path": [short_name(p) for p in c.path],
                "flags": [FLAG_LABEL[f.type] for f in c.flags],
            }
        )
    merges = [m for m in source.merges if m.reason is not MergeReason.pronoun] if source else []
    return _page(
        "source.html",
        name,
        1,
        _script_data(chains, frames_by_doc),
        name=name,
        kind=source.kind.value if source is not None else "unknown",
        claims=len(every),
        source=source,
        merges=[{"alias": m.alias, "reason": MERGE_WORDS[m.reason]} for m in merges[:MAX_ALIASES_SHOWN]],
        descriptions=source.descriptions[:MAX_ALIASES_SHOWN] if source else [],
        documents=[
            {
                "href": links[doc],
                "name": PurePath(doc).name,
                "chains": rows,
                "reprints": reprints[doc],
                "reprints_href": cluster_page(graph, doc, "../") if reprints[doc] else None,
            }
            for doc, rows in by_doc.items()
        ],
        svg=inline_svg(svg),
    )


def index_page(graph: CitationGraph, frames: Sequence[DocumentFrames], svg: str, full: bool = False) -> str:
    frames_by_doc = {f.document: f for f in frames}
    links = document_links(graph)
    by_doc: dict[str, list[Chain]] = defaultdict(list)
    for c in graph.chains:
        by_doc[c.document].append(c)
    documents = [
        {
            "href": links[doc],
            "name": PurePath(doc).name,
            "headline": graph.headlines.get(doc),
            "outlet": (frames_by_doc[doc].outlet if doc in frames_by_doc else None) or "unknown",
            "frames": len(frames_by_doc[doc].frames) if doc in frames_by_doc else 0,
            "chains": len(by_doc[doc]),
            "flags": sum(len(c.flags) for c in by_doc[doc]),
        }
        for doc in graph.documents
    ]
    rest = Counter(c.primary for c in graph.chains if c.primary)
    kinds = {s.name: s.kind.value for s in graph.sources}
    files = source_files(graph)
    primaries = [
        {
            "href": f"{files[p]}.html",
            "name": p,
            "short": short_name(p),
            "kind": kinds.get(p, "unknown"),
            "claims": rest[p],
        }
        for p in sorted(files, key=lambda p: (-rest[p], p.casefold()))
    ]
    flags = Counter(f.type for c in graph.chains for f in c.flags)
    claims, more_claims = claims_rows(graph)
    return _page(
        "index.html",
        "the corpus",
        0,
        _script_data(graph.chains, frames_by_doc),
        graph=graph,
        n_primary=len(rest),
        outlets=sorted({f.outlet for f in frames if f.outlet}),
        unknown=sum(1 for doc in graph.documents if not (doc in frames_by_doc and frames_by_doc[doc].outlet)),
        reused=sum(len(p.passages) for p in graph.reuse),
        documents=documents,
        primaries=primaries,
        flags=[(FLAG_LABEL[t], n) for t, n in sorted(flags.items(), key=lambda x: x[0].value)],
        claims=claims,
        more_claims=more_claims,
        full_corpus=FULL_CORPUS if full else None,
        cut=corpus_size(graph) > CORPUS_NODES,
        size=corpus_size(graph),
        svg=inline_svg(svg),
    )


def each_page(
    documents: Sequence[Document], frames: Sequence[DocumentFrames], graph: CitationGraph, svgs: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    """(relative path, HTML) of every page, one at a time (a report need not hold them all)."""
    frames_by_doc = {f.document: f for f in frames}
    yield "index.html", index_page(graph, frames, svgs["corpus"], full=FULL_CORPUS in svgs)
    stems = document_stems(graph.documents)
    reprints = graph_index(graph).printed_from
    texts: dict[str, str] = {}
    for doc in documents:
        texts[doc.name] = doc.text  # the texts a cluster's page compares (held already: no copy)
        if doc.name in frames_by_doc and doc.name not in reprints:
            stem = stems[doc.name]
            yield f"{stem}.html", document_page(doc, frames_by_doc[doc.name], graph, svgs[stem])
    for name, rel in source_files(graph).items():
        yield f"{rel}.html", source_page(name, graph, frames_by_doc, svgs[rel])
    for group in graph.claims:
        rel = claim_file(group.id)
        yield (
            f"{rel}.html",
            _page("claim.html", group.label, 1, {}, **claim_values(graph, group, inline_svg(svgs[rel]))),
        )
    for cluster in copies_pages(graph):
        values = copies_values(graph, cluster, texts, frames_by_doc)
        title = f"printed {len(cluster.members)} times: {values['headline'] or values['first']['name']}"
        yield f"{copies_file(cluster.id)}.html", _page("copies.html", title, 1, {}, **values)
