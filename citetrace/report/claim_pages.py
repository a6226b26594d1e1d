"""The report's claims: a page per claim retold across documents, and the sections that lead to it.

- ``claims/<id>.html``: every version of the claim, the original first, each with its document,
  hedge, chain, the words it adds or drops against its closest earlier version, and its drift flags
  with both texts as evidence; the group's diagram beside it;
- ``claims_rows(graph)``: the index's table of claims retold;
- ``retold_items(graph, document)``: a document's claims that other documents retell.

Every piece of article text is escaped by the templates (Jinja2's autoescaping).
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from markupsafe import Markup

from citetrace.models import CitationGraph, ClaimGroup, ClaimMember
from citetrace.render.claim_dot import folded
from citetrace.render.dot import hop_label
from citetrace.render.styles import DRIFT_LABEL, HEDGE_WORDS
from citetrace.report.jinja import words
from citetrace.report.layout import claim_file, cluster_page, document_links

MAX_ROWS = 200  # claims listed on the index at most (the busiest first)


def _member(m: ClaimMember, doc_link: str) -> dict:
    return {
        "href": doc_link,
        "name": PurePath(m.document).name,
        "outlet": m.outlet or "outlet unknown",
        "hedge": HEDGE_WORDS[m.hedge],
        "depth": m.depth,
        "text": m.text.text,
        "path": [words(m.outlet or "outlet unknown"), *(f"{words(hop_label(h))} {words(h.source)}" for h in m.hops)],
        "flags": [
            {
                "label": DRIFT_LABEL[f.type],
                "detail": f.detail,
                "text": f.text.text,
                "earlier_document": f.earlier_document,
                "earlier_text": f.earlier_text.text,
                "start": f.earlier_text.start,
                "end": f.earlier_text.end,
            }
            for f in m.flags
        ],
        "earlier": m.earlier is not None,
        "added": m.added,
        "dropped": m.dropped,
    }


def claim_values(graph: CitationGraph, group: ClaimGroup, svg: Markup) -> dict:
    """What ``templates/claim.html`` shows of a claim group, one folder below the report's root."""
    links = document_links(graph, "../")
    fold = folded(graph, group)
    reprints = Counter(fold.values())
    members = []
    for m in group.members:
        if m.id not in fold:
            row = _member(m, links[m.document])
            row["reprints"] = reprints[m.id]
            row["reprints_href"] = cluster_page(graph, m.document, "../") if reprints[m.id] else None
            members.append(row)
    return {
        "group": group,
        "flags": sum(len(m.flags) for m in group.members),
        "members": members,
        "svg": svg,
    }


def claims_rows(graph: CitationGraph) -> tuple[list[dict], int]:
    """The index's table of claims retold, the most widely retold first, at most ``MAX_ROWS``, and how
    many more there are."""
    rows = [
        {
            "href": f"{claim_file(g.id)}.html",
            "label": g.label,
            "documents": len(g.documents),
            "originals": g.originals,
            "flags": sum(len(m.flags) for m in g.members),
        }
        for g in graph.claims[:MAX_ROWS]
    ]
    return rows, max(0, len(graph.claims) - MAX_ROWS)


def retold_items(graph: CitationGraph, document: str) -> list[dict]:
    """A document's claims that other documents retell, each with a link to its group."""
    items = []
    for g in graph.claims:
        mine = [m for m in g.members if m.document == document]
        if mine:
            items.append(
                {
                    "text": mine[0].text.text,
                    "href": f"{claim_file(g.id)}.html",
                    "others": len(g.documents) - 1,
                    "flags": sorted({DRIFT_LABEL[f.type] for m in mine for f in m.flags}),
                }
            )
    return items
