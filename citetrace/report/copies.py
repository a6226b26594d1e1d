"""The report's reuse clusters: a page per cluster with reprints, ``copies/<cluster id>.html``.

One wire story printed by 600 outlets is one page, not 600: its first printing keeps its own page, and
each reprint (``ClusterMember.reprint``) is a section of the cluster's page, anchored by its document
stem, that says what it reprints and how it differs (the words an outlet changed, the passages it left
out or added, the attributions it dropped), and which sources its claims rest on. Members that are not
reprints (a story that quotes a paragraph of another) are listed with a link to their own page.

Every piece of article text is escaped by the templates (Jinja2's autoescaping).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

from citetrace.chains.graph_index import graph_index
from citetrace.models import (
    ChangeOp,
    CitationGraph,
    ClusterMember,
    Direction,
    DocumentFrames,
    ReuseCluster,
    ReusePair,
    Side,
)
from citetrace.report.layout import document_links
from citetrace.report.names import document_stems

RELATION_WORDS = {
    Direction.b_copies_a: "copies",
    Direction.a_copies_b: "is copied by",
    Direction.undecided: "shares text with",
    Direction.both_copy: "prints the same text as",
    Direction.self_reuse: "reuses its outlet's text in",
    Direction.both_quote: "quotes the same words as",
}
CHANGE_WORDS = {ChangeOp.replaced: "changes", ChangeOp.inserted: "adds", ChangeOp.deleted: "drops"}
MAX_CHANGES = 40  # word changes listed for one reprint, at most
_TRAILING = ".,;:!?)]”’ \n\t"  # the end of the shared sentence before a piece, left out of it
MAX_PIECE = 300  # characters of a passage left out or added shown, at most


def _pair(graph: CitationGraph, member: ClusterMember) -> ReusePair | None:
    """The reuse pair of a member and its parent."""
    return next(
        (p for p in graph_index(graph).reuse_of.get(member.document, []) if member.shares_with in (p.a, p.b)), None
    )


def _outside(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The pieces of ``text`` outside ``spans``, white space flattened, empty ones left out."""
    pieces, at = [], 0
    for start, end in sorted(spans):
        pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    return [_cut(" ".join(p.lstrip(_TRAILING).split())) for p in pieces if any(ch.isalnum() for ch in p)]


def _cut(text: str) -> str:
    return text if len(text) <= MAX_PIECE else text[: MAX_PIECE - 1].rsplit(" ", 1)[0] + " …"


def differences(pair: ReusePair, member: str, texts: Mapping[str, str]) -> dict:
    """How ``member`` differs from the other document of ``pair``: word changes (what it prints instead),
    the other's text it leaves out, text of its own it adds, attributions it drops or adds."""
    mine = Side.a if pair.a == member else Side.b
    other = pair.b if mine is Side.a else pair.a

    def spans(side: Side) -> list[tuple[int, int]]:
        return [(x.a_start, x.a_end) if side is Side.a else (x.b_start, x.b_end) for x in pair.passages]

    theirs = Side.b if mine is Side.a else Side.a
    changes = []
    for passage in pair.passages:
        for c in passage.changes:
            was, now = (c.b_text, c.a_text) if mine is Side.a else (c.a_text, c.b_text)
            op = c.op
            if mine is Side.a and op is not ChangeOp.replaced:  # the pair's edit read the other way round
                op = ChangeOp.deleted if op is ChangeOp.inserted else ChangeOp.inserted
            if any(ch.isalnum() for ch in was + now):  # a dash or a comma more or less is no difference to read
                changes.append({"op": CHANGE_WORDS[op], "was": " ".join(was.split()), "now": " ".join(now.split())})
    dropped = [d for p in pair.passages for d in p.dropped_attributions]
    return {
        "changes": changes[:MAX_CHANGES],
        "more_changes": max(0, len(changes) - MAX_CHANGES),
        "left_out": _outside(texts[other], spans(theirs)) if other in texts else [],
        "added": _outside(texts[member], spans(mine)) if member in texts else [],
        "dropped": [_attribution(d.cue.text, d.source) for d in dropped if d.present_in is theirs],
        "gained": [_attribution(d.cue.text, d.source) for d in dropped if d.present_in is mine],
    }


def _attribution(cue: str, source: str | None) -> str:
    return f"“{' '.join(cue.split())}” ({source or 'no source'})"


def copies_values(
    graph: CitationGraph,
    cluster: ReuseCluster,
    texts: Mapping[str, str],
    frames_by_doc: Mapping[str, DocumentFrames],
) -> dict:
    """What ``templates/copies.html`` shows of a cluster, one folder below the report's root."""
    index = graph_index(graph)
    links = document_links(graph, "../")
    stems = document_stems(graph.documents)
    members = []
    for m in cluster.members:
        pair = _pair(graph, m) if m.shares_with else None
        chains = index.of_document.get(m.document, [])
        frames = frames_by_doc.get(m.document)
        members.append(
            {
                "anchor": stems[m.document],
                "name": PurePath(m.document).name,
                "href": None if m.reprint else links[m.document],
                "outlet": (frames.outlet if frames else None) or "outlet unknown",
                "date": m.date or "undated",
                "reprint": m.reprint,
                "relation": RELATION_WORDS[m.relation] if m.relation else None,
                "parent": PurePath(m.shares_with).name if m.shares_with else None,
                "parent_href": links[m.shares_with] if m.shares_with else None,
                "passages": m.passages,
                "similarity": m.similarity,
                "coverage": m.coverage,
                "claims": len(chains),
                "rests_on": sorted({c.primary for c in chains if c.primary}, key=str.casefold),
                "diff": differences(pair, m.document, texts) if m.reprint and pair else None,
            }
        )
    first = next(m for m in members if m["parent"] is None)
    return {
        "cluster": cluster,
        "headline": graph.headlines.get(cluster.first),
        "first": first,
        "reprints": sum(1 for m in cluster.members if m.reprint),
        "members": members,
    }
