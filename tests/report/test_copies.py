"""One story printed many times (issue 38): each reprint is a section of its cluster's page, by how it
differs, not a page and diagram of its own; the first printing's diagram draws its reprints as one node."""

from __future__ import annotations

import re

import pytest

from citetrace.models import Document
from citetrace.render.dot import node_id
from citetrace.report.write import diagram_count, write_report
from citetrace.run.pipeline import frames_of, link_documents
from tests.reuse.test_clusters import PRINTINGS, _quoting

OUTLETS = ("RT", "Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E")


@pytest.fixture(scope="module")
def report(parser, tmp_path_factory):
    texts = (*PRINTINGS, _quoting())
    docs = [
        Document(path=f"{i}.txt", name=f"{i}.txt", text=t, outlet=OUTLETS[i], date=f"2020-01-{12 + i}")
        for i, t in enumerate(texts)
    ]
    parses = parser.parse([d.text for d in docs])
    frames, graph = link_documents(docs, parses, [frames_of(d, p) for d, p in zip(docs, parses, strict=True)])
    out = tmp_path_factory.mktemp("report") / "out"
    files = write_report(out, docs, frames, graph)
    return out, files, graph


def test_reprints_have_no_page_or_diagram_of_their_own(report) -> None:
    out, files, graph = report
    for doc in ("0", "5"):  # the first printing and the document that only quotes it
        assert {f"{doc}.html", f"{doc}.svg", f"{doc}.dot"} <= set(files)
    for doc in ("1", "2", "3", "4"):
        assert not {f"{doc}.html", f"{doc}.svg", f"{doc}.dot"} & set(files), doc
    assert "copies/c1.html" in files
    assert diagram_count(graph) == sum(1 for f in files if f.endswith(".svg"))


def test_the_cluster_page_says_how_each_reprint_differs(report) -> None:
    out, _, _ = report
    page = (out / "copies" / "c1.html").read_text(encoding="utf-8")
    rows = dict(re.findall(r'<tr id="(\d)">(.*?)</tr>', page, flags=re.S))
    assert sorted(rows) == ["0", "1", "2", "3", "4", "5"]
    assert "the first printing" in rows["0"]
    assert "the same text" in rows["1"] and 'href="../0.html"' in rows["1"]
    assert "changes “rejoiced at” → “celebrated”" in rows["2"]
    assert "leaves out “The US is refusing to withdraw from Iraq" in rows["4"]
    assert 'href="../5.html"' in rows["5"] and "reprints" not in rows["5"]  # quotes a sentence: its own page


def test_links_lead_to_a_reprints_section_and_its_first_printing_draws_them_as_one(report) -> None:
    out, _, _ = report
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="copies/c1.html#3"' in index and 'href="0.html"' in index
    dot = (out / "0.dot").read_text(encoding="utf-8")
    assert re.search(r'URL="copies/c1.html".*label="4 reprints', dot)
    assert node_id("doc", "5.txt") in dot  # it shares a passage, drawn as ever
    assert not any(node_id("doc", f"{n}.txt") in dot for n in "1234")  # no node of its own for a reprint
