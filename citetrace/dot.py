"""DOT source for citation diagrams: pure, deterministic, and the only place that quotes for DOT.

``document_dot(frames)`` draws one document: the document at the top, its claims (shortened
content, full text in the tooltip), each claim's source, and nested sources down to the originals
("BBC Monitoring" -> "Al-Naba"), edges labelled with the cue, sources shaped and coloured by kind,
unattributed claims drawn dashed in red, and republication credits as edges to the credited outlet.
"""

from __future__ import annotations

import hashlib
import textwrap

from citetrace.models import DocumentFrames, Frame, SourceKind

# kind -> (shape, fill colour, style)
KIND_STYLE: dict[SourceKind, tuple[str, str, str]] = {
    SourceKind.person: ("ellipse", "#cfe8ff", "filled"),
    SourceKind.outlet: ("box", "#ffe0b3", "filled"),
    SourceKind.publication: ("tab", "#ffd0d0", "filled"),
    SourceKind.organization: ("hexagon", "#dcefc8", "filled"),
    SourceKind.government: ("house", "#e4dcff", "filled"),
    SourceKind.anonymous: ("ellipse", "#eeeeee", "filled,dashed"),
    SourceKind.unknown: ("ellipse", "#f6f6f6", "filled"),
}
CLAIM_WIDTH = 38
CLAIM_CHARS = 110


def quote(value: str) -> str:
    """A DOT double-quoted string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def attrs(**kwargs: str) -> str:
    return "[" + ", ".join(f"{k}={quote(v)}" for k, v in sorted(kwargs.items())) + "]"


def node_id(prefix: str, key: str) -> str:
    """A stable id derived from content."""
    return f"{prefix}_{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def shorten(text: str, width: int = CLAIM_WIDTH, chars: int = CLAIM_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) > chars:
        flat = flat[: chars - 1].rsplit(" ", 1)[0] + " …"
    return "\n".join(textwrap.wrap(flat, width)) or flat


def is_credit(frame: Frame) -> bool:
    """A document credit ("Read more at X"): its content is the credit line that starts with its cue."""
    return (
        frame.parent is None
        and frame.content.start == frame.cue.start
        and frame.content.end > frame.cue.end
        and any(c.isalpha() for c in frame.cue.text)
    )


def _source_node(frame: Frame) -> tuple[str, str]:
    assert frame.source is not None
    sid = node_id("src", frame.source.canonical.casefold())
    shape, fill, style = KIND_STYLE[frame.source.kind]
    label = f"{frame.source.canonical}\n({frame.source.kind.value})"
    return sid, f"  {sid} {attrs(label=label, shape=shape, fillcolor=fill, style=style, tooltip=frame.source.text)};"


def document_dot(doc: DocumentFrames, title: str) -> str:
    """DOT for one document's claims and their chains of sources."""
    by_id = {f.id: f for f in doc.frames}
    lines = [
        "digraph citetrace {",
        '  graph [rankdir="LR", fontname="Helvetica", fontsize="11", nodesep="0.25", ranksep="0.5"];',
        '  node [fontname="Helvetica", fontsize="10"];',
        '  edge [fontname="Helvetica", fontsize="9", color="#555555"];',
    ]
    doc_id = node_id("doc", title)
    outlet = doc.outlet or "outlet unknown"
    doc_label = title + "\n" + outlet
    lines.append(f"  {doc_id} {attrs(label=doc_label, shape='box', style='bold,filled', fillcolor='#fafad2')};")
    nodes: dict[str, str] = {}
    edges: list[str] = []
    for frame in doc.frames:
        if frame.source is not None:
            sid, decl = _source_node(frame)
            nodes.setdefault(sid, decl)
        cue = " ".join(frame.cue.text.split())
        if is_credit(frame):  # the document republishes the credited outlet
            if frame.source is not None:
                edges.append(f"  {doc_id} -> {sid} {attrs(label='credits: ' + cue, style='bold', color='#b05000')};")
            continue
        if frame.parent is None:
            cid = node_id("claim", f"{title}:{frame.id}")
            unattributed = frame.source is None
            nodes[cid] = f"  {cid} " + attrs(
                label=shorten(frame.content.text) + ("\n[no source]" if unattributed else ""),
                shape="box",
                style="rounded,dashed" if unattributed else "rounded",
                color="#cc0000" if unattributed else "#333333",
                tooltip=frame.content.text,
            ) + ";"
            edges.append(f"  {doc_id} -> {cid} {attrs(arrowhead='none', color='#bbbbbb')};")
            if frame.source is not None:
                label = cue + (f"\nvia {frame.channel.text}" if frame.channel else "")
                edges.append(f"  {cid} -> {sid} {attrs(label=label)};")
        elif frame.source is not None:
            parent = by_id[frame.parent]
            target = sid
            if parent.source is not None:
                psid, pdecl = _source_node(parent)
                nodes.setdefault(psid, pdecl)
                if psid != target:
                    edges.append(
                        f"  {psid} -> {target} {attrs(label='cites: ' + cue, tooltip=frame.content.text, color='#2060a0')};"
                    )
    lines += [nodes[k] for k in sorted(nodes)]
    lines += sorted(set(edges))
    lines.append("}")
    return "\n".join(lines) + "\n"
