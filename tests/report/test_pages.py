"""The HTML report: escaping, every frame highlighted exactly once, chain data for the page script."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from citetrace.models import Document
from citetrace.report.layout import primaries
from citetrace.report.names import source_stems
from citetrace.report.pages import each_page, highlighted_text
from citetrace.run.pipeline import frames_of, link_documents


class _Spans(HTMLParser):
    """Collect the text of every highlighted piece with its attributes, and any <script> opened."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[tuple[dict[str, str], str]] = []
        self.scripts: list[dict[str, str]] = []
        self._open: list[dict[str, str] | None] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "script":
            self.scripts.append(a)
        if tag == "span":
            self._open.append(a if "data-frames" in a else None)
            if "data-frames" in a:
                self.pieces.append((a, ""))

    def handle_endtag(self, tag):
        if tag == "span" and self._open:
            self._open.pop()

    def handle_data(self, data):
        if self._open and self._open[-1] is not None:
            attrs, text = self.pieces[-1]
            self.pieces[-1] = (attrs, text + data)


ARTICLE = (
    "The BBC reported that the group <script>alert('x')</script> was back, according to Reuters.\n\n"
    "Security sources said 10 people were killed & two were hurt.\n"
)


@pytest.fixture(scope="module")
def report(parser):
    doc = Document(path="a.txt", name="a.txt", text=ARTICLE, outlet="Daily Mail")
    parses = parser.parse([doc.text])
    frames, graph = link_documents([doc], parses, [frames_of(doc, parses[0])])
    svgs = {"corpus": "<svg></svg>", "a": "<?xml version='1.0'?><!DOCTYPE svg><svg><g id='x'></g></svg>"}
    svgs |= {f"sources/{stem}": "<svg></svg>" for stem in source_stems(primaries(graph)).values()}
    return doc, frames[0], graph, dict(each_page([doc], frames, graph, svgs))


def test_article_text_is_escaped(report) -> None:
    _, _, _, out = report
    page = out["a.html"]
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page  # Jinja2 autoescaping's entities
    assert "<script>alert" not in page
    parser = _Spans()
    parser.feed(page)
    assert [s.get("type") for s in parser.scripts] == ["application/json", None]  # our data and our script only
    assert "&amp; two" in page


def test_every_frame_is_highlighted_exactly_once(report) -> None:
    doc, frames, _, out = report
    parser = _Spans()
    parser.feed(out["a.html"])
    assert frames.frames
    for f in frames.frames:
        cue_text = "".join(text for attrs, text in parser.pieces if f.id in attrs.get("data-cue", "").split())
        assert cue_text == f.cue.text, f.id
        covered = "".join(text for attrs, text in parser.pieces if f.id in attrs["data-frames"].split())
        assert covered.count(f.cue.text) >= 1 and f.content.text.split()[0] in covered
    # no text is lost or doubled: the pieces and the plain text between them give back the article
    plain = re.sub(r"<[^>]+>", "", out["a.html"].split('id="text">', 1)[1].split("</div>", 1)[0])
    import html

    assert html.unescape(plain) == doc.text


def test_highlight_roles_and_nesting(report) -> None:
    doc, frames, _, _ = report
    pieces = highlighted_text(doc.text, frames.frames)
    assert "".join(p.text for p in pieces) == doc.text  # every character once, in order
    classes = {c for p in pieces for c in p.classes.split()}
    assert {"cue", "src", "content"} <= classes
    nested = [f for f in frames.frames if f.parent]
    assert nested and "nested" in classes
    assert all(p.inner in p.frames.split() for p in pieces if p.classes)


def test_page_data_links_claims_to_chains(report) -> None:
    _, frames, graph, out = report
    payload = out["a.html"].split('id="citetrace-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(payload)
    assert len(data["chains"]) == len([c for c in graph.chains if c.document == "a.txt"])
    for f in frames.frames:
        if f.parent is None:
            assert f.id in data["frame_chains"], f.id
    assert all(any(n.startswith("claim_") for n in c["nodes"]) for c in data["chains"])


def test_report_pages(report) -> None:
    _, _, graph, out = report
    assert {"index.html", "a.html"} <= set(out)
    assert any(p.startswith("sources/") for p in out)
    index = out["index.html"]
    assert 'href="a.html"' in index and "Daily Mail" in index and "primary sources" in index
    assert "<?xml" not in out["a.html"] and "DOCTYPE svg" not in out["a.html"]  # the SVG is inlined clean
    for page in out.values():
        assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page  # nothing fetched


def _highlighted_by_scan(text: str, frames) -> list:  # noqa: ANN001
    """The highlighting as it was written first: every span checked against every piece (quadratic in
    a document's frames), kept here as the reference the sweep in ``highlighted_text`` must match."""
    from itertools import pairwise

    from citetrace.report.pages import cuts, highlight_spans, highlighted_piece

    spans = highlight_spans(frames)
    return [
        highlighted_piece(text[a:b], [(role, f) for s, e, role, f in spans if s <= a and b <= e])
        for a, b in pairwise(cuts(text, spans))
    ]


def test_the_sweep_highlights_as_the_scan_did() -> None:
    """Every document of the sample corpus (nested frames, credits, sources inside contents)."""
    from citetrace.models import DocumentFrames

    from ..conftest import CORPUS, GOLDEN

    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    lines = (GOLDEN / "frames.jsonl").read_text(encoding="utf-8").splitlines()
    documents = [DocumentFrames.model_validate_json(line) for line in lines]
    assert len(documents) == 5 and sum(len(d.frames) for d in documents) > 40
    for doc in documents:
        text = texts[doc.document]
        assert highlighted_text(text, doc.frames) == _highlighted_by_scan(text, doc.frames)
