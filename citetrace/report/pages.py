"""The HTML report: static pages that open from disk, with no server and no network.

``each_page(documents, frames, graph, svgs) -> (relative path, html), ...``, one page at a time

- ``index.html``: the corpus at a glance (documents, outlets, primary sources, flags) and the
  corpus diagram;
- ``<document>.html``: the article text with every frame highlighted (cue, source and content in
  their own styles; nested frames drawn with a second underline), the document's diagram beside
  it, and its flagged claims;
- ``sources/<source>.html``: every claim that rests on one primary source, and its diagram.

Clicking a claim or a source, in the text or in a diagram, shows its chain in the side panel and
outlines its nodes in the diagram. Diagrams are inlined SVG (Graphviz keeps the node ``id``s from
``citetrace.render.dot``), styles and the one script are written into every page, and every piece of
article text goes through ``html.escape``: an article cannot inject markup.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from importlib.resources import files
from itertools import pairwise
from pathlib import PurePath

from citetrace.chains.graph_index import graph_index
from citetrace.models import (
    CanonicalSource,
    Chain,
    CitationGraph,
    Document,
    DocumentFrames,
    Frame,
    FrameKind,
    MergeReason,
    ProvenanceKind,
)
from citetrace.render.dot import CORPUS_NODES, claim_node_id, corpus_size, hop_label, short_name, source_id
from citetrace.render.styles import FLAG_LABEL, MERGE_WORDS
from citetrace.report.claim_pages import claim_page, claims_section, retold_section
from citetrace.report.layout import FULL_CORPUS, claim_file, source_files
from citetrace.report.names import document_stems

CSS = (files("citetrace") / "data" / "report.css").read_text(encoding="utf-8")
SCRIPT = (files("citetrace") / "data" / "report.js").read_text(encoding="utf-8")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _muted(text: str | None) -> str:
    """A grey line under a link (a document's headline), or nothing."""
    return f'<br><span class="muted">{_e(text)}</span>' if text else ""


def _json_script(data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/json" id="citetrace-data">{payload}</script>'


def inline_svg(svg: str) -> str:
    """An SVG file's markup without its XML prolog and doctype, to embed in HTML."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    return re.sub(r"<!--.*?-->", "", body, flags=re.S)


def _page(title: str, body: str, depth: int, data: object) -> str:
    up = "../" * depth
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)} · citetrace</title>'
        f"<style>{CSS}</style></head><body>"
        f'<header><a href="{up}index.html">citetrace</a> · {_e(title)}</header><main>{body}</main>'
        f"{_json_script(data)}<script>{SCRIPT}</script></body></html>\n"
    )


def _chain_data(chains: Sequence[Chain], frames_by_doc: dict[str, DocumentFrames]) -> tuple[list[dict], dict, dict]:
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
                "flags": [{"type": f.type.value, "detail": f.detail} for f in c.flags],
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
    return data, dict(frame_chains), dict(node_chains)


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


def highlighted_text(text: str, frames: Sequence[Frame]) -> str:
    """The article text as HTML, cut at every span boundary; each piece names the frames it belongs to.

    A piece has class ``cue``, ``src`` and/or ``content`` (``nested`` when it lies in the content of a
    frame that has a parent); ``data-frames`` lists every frame it belongs to and ``data-inner`` the
    innermost one (the frame a click on it means).
    """
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
    return "".join(out)


def highlight_spans(frames: Sequence[Frame]) -> list[tuple[int, int, str, Frame]]:
    """(start, end, role, frame) of every span a page highlights: each frame's cue, its source, and
    its content unless it is a credit."""
    spans: list[tuple[int, int, str, Frame]] = []
    for f in frames:
        spans.append((f.cue.start, f.cue.end, "cue", f))
        if f.source is not None:
            spans.append((f.source.start, f.source.end, "src", f))
        if f.kind is not FrameKind.credit:
            spans.append((f.content.start, f.content.end, "content", f))
    return spans


def cuts(text: str, spans: Sequence[tuple[int, int, str, Frame]]) -> list[int]:
    """Where the text is cut into pieces: its ends and every span's."""
    return sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})


def highlighted_piece(piece: str, here: Sequence[tuple[str, Frame]]) -> str:
    """One piece of the text as HTML, given the (role, frame) of every span over it."""
    if not here:
        return _e(piece)
    roles = {role for role, _ in here}
    classes: list[str] = [r for r in ("cue", "src", "content") if r in roles]
    if any(role == "content" and f.parent for role, f in here):
        classes.append("nested")
    ids = sorted({f.id for _, f in here}, key=lambda x: int(x[1:]) if x[1:].isdigit() else 0)
    inner = min((f for _, f in here), key=lambda f: (f.content.end - f.content.start, f.id))
    cue_of = " ".join(sorted(f.id for role, f in here if role == "cue"))
    extra = f' data-cue="{cue_of}"' if cue_of else ""
    return f'<span class="{" ".join(classes)}" data-frames="{" ".join(ids)}" data-inner="{inner.id}"{extra}>{_e(piece)}</span>'


def _flag_list(chains: Sequence[Chain], offset: int = 0) -> str:
    items = []
    for i, c in enumerate(chains):
        for f in c.flags:
            items.append(
                f'<li><a href="javascript:void(0)" data-chain-link="{i + offset}">{_e(" ".join(c.claim.text.split())[:90])}</a>'
                f' <span class="flag">⚑ {_e(FLAG_LABEL[f.type])}</span>: {_e(f.detail)}</li>'
            )
    return "<ul>" + "".join(items) + "</ul>" if items else '<p class="muted">No flags.</p>'


PROVENANCE_WORDS = {
    ProvenanceKind.wire: "copies the wire",
    ProvenanceKind.contribution: "has contributions from",
    ProvenanceKind.hat_tip: "tips its hat to",
    ProvenanceKind.syndication: "is syndicated from",
    ProvenanceKind.byline: "is written by",
}


def _provenance(frames: DocumentFrames) -> str:
    """Where the document comes from, each with what says so: its own line, or the metadata."""
    items = [
        f"{PROVENANCE_WORDS[p.kind]} {_e(p.source)} "
        + '<span class="muted">'
        + _e(f"(text: “{p.evidence.text}”)" if p.evidence else f"({p.origin.value})")
        + "</span>"
        for p in frames.provenance
    ]
    return f"<p>Provenance: {'; '.join(items)}.</p>" if items else ""


def document_page(doc: Document, frames: DocumentFrames, graph: CitationGraph, svg: str) -> str:
    chains = graph_index(graph).of_document.get(frames.document, [])
    data, frame_chains, node_chains = _chain_data(chains, {frames.document: frames})
    outlet = next((c.path[0] for c in chains if c.path), frames.outlet or "outlet unknown")
    body = (
        f"<h1>{_e(doc.headline or doc.name)}</h1><p>{_e(doc.name)} · {_e(outlet)} · {len(frames.frames)} frames · "
        f"{len(chains)} chains · "
        f"{sum(len(c.flags) for c in chains)} flags. Click a highlighted claim, source or cue, or a node of the "
        'diagram, to see its chain. <span class="cue">cue</span> <span class="src">source</span> '
        '<span class="content">content</span> <span class="content nested">nested content</span></p>'
        f"{_provenance(frames)}"
        f'<div class="cols"><div class="text" id="text">{highlighted_text(doc.text, frames.frames)}</div>'
        f'<div class="side"><div id="panel"><span class="muted">Click a claim to see its chain.</span></div>'
        f'<div class="diagram">{inline_svg(svg)}</div><h2>Flags</h2>{_flag_list(chains)}'
        f"{retold_section(graph, frames.document)}</div></div>"
    )
    return _page(
        doc.headline or doc.name, body, 0, {"chains": data, "frame_chains": frame_chains, "node_chains": node_chains}
    )


def source_page(name: str, graph: CitationGraph, frames_by_doc: dict[str, DocumentFrames], svg: str) -> str:
    chains = graph_index(graph).resting_on.get(name, [])
    data, frame_chains, node_chains = _chain_data(chains, frames_by_doc)
    source = graph_index(graph).sources.get(name)
    kind = source.kind.value if source is not None else "unknown"
    parts = [
        f'<h1>{_e(name)} <span class="muted">({_e(kind)})</span></h1>',
        f"<p>{len(chains)} claims rest on {_e(name)}.</p>",
        _names_of(source),
        '<div class="cols"><div class="text" style="white-space:normal">',
    ]
    stems = document_stems(graph.documents)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(chains):
        by_doc[c.document].append(i)
    for doc, idx in by_doc.items():
        page = f"../{stems[doc]}.html"
        parts.append(f'<h2><a href="{_e(page)}">{_e(PurePath(doc).name)}</a></h2><ul>')
        for i in idx:
            c = chains[i]
            path = " → ".join(_e(short_name(p)) for p in c.path)
            flags = "".join(f' <span class="flag">⚑ {_e(FLAG_LABEL[f.type])}</span>' for f in c.flags)
            parts.append(
                f'<li><a href="javascript:void(0)" data-chain-link="{i}">{_e(" ".join(c.claim.text.split()))}</a>'
                f'<br><span class="muted">{path}</span>{flags}</li>'
            )
        parts.append("</ul>")
    parts.append(
        f'</div><div class="side"><div id="panel"><span class="muted">Click a claim to see its chain.</span></div>'
        f'<div class="diagram">{inline_svg(svg)}</div></div></div>'
    )
    return _page(name, "".join(parts), 1, {"chains": data, "frame_chains": frame_chains, "node_chains": node_chains})


MAX_ALIASES_SHOWN = 24


def _names_of(source: CanonicalSource | None) -> str:
    """How the source is written and described, each alias with why it is this source."""
    if source is None:
        return ""
    merges = [m for m in source.merges if m.reason is not MergeReason.pronoun][:MAX_ALIASES_SHOWN]
    lines = []
    if merges:
        written = "; ".join(f"“{_e(' '.join(m.alias.split()))}” ({MERGE_WORDS[m.reason]})" for m in merges)
        lines.append(f"Also written: {written}.")
    if source.descriptions:
        lines.append("Described as: " + "; ".join(_e(d) for d in source.descriptions[:MAX_ALIASES_SHOWN]) + ".")
    if source.affiliation:
        lines.append(f"Affiliated with {_e(source.affiliation)}.")
    return "".join(f'<p class="muted">{line}</p>' for line in lines)


def index_page(graph: CitationGraph, frames: Sequence[DocumentFrames], svg: str, full: bool = False) -> str:
    frames_by_doc = {f.document: f for f in frames}
    data, frame_chains, node_chains = _chain_data(graph.chains, frames_by_doc)
    flags = Counter(f.type for c in graph.chains for f in c.flags)
    rows = []
    stems = document_stems(graph.documents)
    by_doc: dict[str, list[Chain]] = defaultdict(list)
    for c in graph.chains:
        by_doc[c.document].append(c)
    for doc in graph.documents:
        chains = by_doc[doc]
        outlet = (frames_by_doc[doc].outlet if doc in frames_by_doc else None) or "unknown"
        n_frames = len(frames_by_doc[doc].frames) if doc in frames_by_doc else 0
        rows.append(
            f'<tr><td><a href="{_e(stems[doc])}.html">{_e(PurePath(doc).name)}</a>{_muted(graph.headlines.get(doc))}'
            f"</td><td>{_e(outlet)}</td>"
            f"<td>{n_frames}</td><td>{len(chains)}</td><td>{sum(len(c.flags) for c in chains)}</td></tr>"
        )
    rest = Counter(c.primary for c in graph.chains if c.primary)
    kinds = {s.name: s.kind.value for s in graph.sources}
    files = source_files(graph)
    prim = "".join(
        f'<tr><td><a href="{_e(files[p])}.html" title="{_e(p)}">{_e(short_name(p))}</a></td><td>{_e(kinds.get(p, "unknown"))}</td><td>{rest[p]}</td></tr>'
        for p in sorted(files, key=lambda p: (-rest[p], p.casefold()))
    )
    outlets = sorted({f.outlet for f in frames if f.outlet})
    unknown = sum(1 for doc in graph.documents if not (doc in frames_by_doc and frames_by_doc[doc].outlet))
    reused = sum(len(p.passages) for p in graph.reuse)
    body = (
        f"<h1>{len(graph.documents)} documents, {len(graph.chains)} claims, {len(rest)} primary sources</h1>"
        f"<p>Outlets: {_e(', '.join(outlets) or 'none known')}"
        + (f" ({unknown} of the documents name{'s' if unknown == 1 else ''} no outlet)" if unknown else "")
        + f". Reused passages between documents: {reused}. Claims retold by two documents or more: "
        f"{len(graph.claims)}.</p>"
        '<div class="cols"><div class="text" style="white-space:normal">'
        "<h2>Documents</h2><table><tr><th>document</th><th>outlet</th><th>frames</th><th>claims</th><th>flags</th></tr>"
        + "".join(rows)
        + "</table>"
        "<h2>Primary sources</h2><table><tr><th>source</th><th>kind</th><th>claims resting on it</th></tr>"
        + prim
        + "</table>"
        "<h2>Flags</h2><table><tr><th>flag</th><th>claims</th></tr>"
        + "".join(
            f"<tr><td>{_e(FLAG_LABEL[t])}</td><td>{n}</td></tr>"
            for t, n in sorted(flags.items(), key=lambda x: x[0].value)
        )
        + "</table>"
        + claims_section(graph)
        + "</div>"
        '<div class="side"><div id="panel"><span class="muted">Click a source in the diagram to see the chains through it.</span></div>'
        + _whole_graph_note(graph, full)
        + f'<div class="diagram">{inline_svg(svg)}</div></div></div>'
    )
    return _page("the corpus", body, 0, {"chains": data, "frame_chains": frame_chains, "node_chains": node_chains})


def _whole_graph_note(graph: CitationGraph, full: bool) -> str:
    """Under a corpus diagram cut to its busiest links: where the whole graph is."""
    if full:
        return (
            f'<p>This diagram shows the busiest links; <a href="{FULL_CORPUS}.svg">the whole graph</a> '
            f"has all {corpus_size(graph):,} outlets and sources.</p>"
        )
    if corpus_size(graph) > CORPUS_NODES:
        return (
            f"<p>This diagram shows the busiest links. The whole graph, {corpus_size(graph):,} outlets and "
            "sources, is too large to draw as one diagram: each source has its own page, and graph.json "
            "holds every link.</p>"
        )
    return ""


def each_page(
    documents: Sequence[Document], frames: Sequence[DocumentFrames], graph: CitationGraph, svgs: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    """(relative path, HTML) of every page, one at a time (a report need not hold them all)."""
    frames_by_doc = {f.document: f for f in frames}
    yield "index.html", index_page(graph, frames, svgs["corpus"], full=FULL_CORPUS in svgs)
    stems = document_stems(graph.documents)
    for doc in documents:
        if doc.name in frames_by_doc:
            stem = stems[doc.name]
            yield f"{stem}.html", document_page(doc, frames_by_doc[doc.name], graph, svgs[stem])
    for name, rel in source_files(graph).items():
        yield f"{rel}.html", source_page(name, graph, frames_by_doc, svgs[rel])
    for group in graph.claims:
        rel = claim_file(group.id)
        title, body = claim_page(graph, group, inline_svg(svgs[rel]))
        yield f"{rel}.html", _page(title, body, 1, {})
