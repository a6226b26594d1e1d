"""The report's claims: a page per claim retold across documents, and the sections that lead to it.

- ``claims/<id>.html``: every version of the claim, the original first, each with its document,
  hedge, chain, the words it adds or drops against its closest earlier version, and its drift flags
  with both texts as evidence; the group's diagram beside it;
- ``claims_section(graph)``: the index's table of claims retold;
- ``retold_section(graph, document)``: a document's claims that other documents retell.

Every piece of article text goes through ``html.escape``.
"""

from __future__ import annotations

import html
from pathlib import PurePath

from citetrace.models import CitationGraph, ClaimGroup, ClaimMember
from citetrace.render.claim_dot import in_quotes
from citetrace.render.dot import hop_label
from citetrace.render.styles import DRIFT_LABEL, HEDGE_WORDS
from citetrace.report.layout import claim_file
from citetrace.report.names import document_stems

MAX_ROWS = 200  # claims listed on the index at most (the busiest first)


def _e(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def _q(text: str) -> str:
    """Escaped words in quotation marks (``claim_dot.in_quotes``)."""
    return _e(in_quotes(text))


def _hops(n: int) -> str:
    return f"{n} hop" + ("" if n == 1 else "s")


def _member_row(m: ClaimMember, group: ClaimGroup, doc_link: str) -> str:
    path = " → ".join([_e(m.outlet or "outlet unknown"), *(f"{_e(hop_label(h))} {_e(h.source)}" for h in m.hops)])
    change = ""
    if m.earlier is not None:
        parts = [
            f"adds: {_e(' '.join(m.added))}" if m.added else "",
            f"drops: {_e(' '.join(m.dropped))}" if m.dropped else "",
        ]
        change = "<br>".join(p for p in parts if p) or "the same words"
    flags = "".join(
        f'<li><span class="flag">⚑ {_e(DRIFT_LABEL[f.type])}</span>: {_e(f.detail)}<br>'
        f'<span class="muted">this version: {_q(f.text.text)} · {_e(f.earlier_document)}: '
        f"{_q(f.earlier_text.text)} (characters {f.earlier_text.start}–{f.earlier_text.end})</span></li>"
        for f in m.flags
    )
    return (
        f'<tr><td><a href="{_e(doc_link)}">{_e(PurePath(m.document).name)}</a><br>'
        f'<span class="muted">{_e(m.outlet or "outlet unknown")}</span></td>'
        f'<td>{_e(HEDGE_WORDS[m.hedge])}<br><span class="muted">{_hops(m.depth)}</span></td>'
        f'<td>{_q(m.text.text)}<br><span class="muted">{path}</span>'
        + (f"<ul>{flags}</ul>" if flags else "")
        + f'</td><td class="muted">{change}</td></tr>'
    )


def claim_page(graph: CitationGraph, group: ClaimGroup, svg: str) -> tuple[str, str]:
    """(title, body) of a claim group's page, one folder below the report's root."""
    stems = document_stems(graph.documents)
    rows = "".join(_member_row(m, group, f"../{stems[m.document]}.html") for m in group.members)
    flags = sum(len(m.flags) for m in group.members)
    shared = f" Shared exactly: {_e(', '.join(group.shared))}." if group.shared else ""
    body = (
        f"<h1>{_q(group.label)}</h1>"
        f"<p>Retold in {len(group.documents)} documents ({len(group.members)} versions, {flags} drift flags). "
        f"Original: {_e(', '.join(group.originals) or 'no named original')}.{shared} The most attributed "
        "version comes first; each later one is compared with its closest earlier version.</p>"
        f'<div class="diagram">{svg}</div><table>'
        "<tr><th>document</th><th>hedge</th><th>the claim, and its chain</th><th>against the earlier version</th></tr>"
        f"{rows}</table>"
    )
    return group.label, body


def claims_section(graph: CitationGraph) -> str:
    """The index's section: every claim retold, the most widely retold first."""
    if not graph.claims:
        return ""
    rows = "".join(
        f'<tr><td><a href="{_e(claim_file(g.id))}.html">{_e(g.label)}</a></td><td>{len(g.documents)}</td>'
        f"<td>{_e(', '.join(g.originals) or '—')}</td><td>{sum(len(m.flags) for m in g.members)}</td></tr>"
        for g in graph.claims[:MAX_ROWS]
    )
    more = (
        f'<p class="muted">{len(graph.claims) - MAX_ROWS} more in claims.jsonl.</p>'
        if len(graph.claims) > MAX_ROWS
        else ""
    )
    return (
        "<h2>Claims retold</h2><table><tr><th>claim</th><th>documents</th><th>original</th><th>drift flags</th></tr>"
        f"{rows}</table>{more}"
    )


def retold_section(graph: CitationGraph, document: str) -> str:
    """A document's claims that other documents retell, with a link to each group."""
    items = []
    for g in graph.claims:
        mine = [m for m in g.members if m.document == document]
        if not mine:
            continue
        others = len(g.documents) - 1
        flags = sorted({DRIFT_LABEL[f.type] for m in mine for f in m.flags})
        items.append(
            f'<li>{_q(mine[0].text.text)}: <a href="{_e(claim_file(g.id))}.html">retold in {others} other '
            f"document{'s' if others > 1 else ''}</a>"
            + (f' <span class="flag">⚑ {_e(", ".join(flags))}</span>' if flags else "")
            + "</li>"
        )
    return f"<h2>Retold elsewhere</h2><ul>{''.join(items)}</ul>" if items else ""
