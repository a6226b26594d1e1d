"""DOT generation: quoting, stable ids, flags, nesting, republication, legend, determinism."""

from __future__ import annotations

from citetrace.models import CitationGraph
from citetrace.render.dot import corpus_dot, document_dot, quote, short_name, shorten, source_dot


def _edges(dot: str) -> list[str]:
    """The diagram's own edges, not the legend's."""
    return [line for line in dot.splitlines() if " -> " in line and "legend_" not in line]


def test_quote_escapes() -> None:
    assert quote('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'


def test_shorten_claims_and_source_names() -> None:
    assert short_name("Al-Naba") == "Al-Naba"
    long_name = "number of tax experts I spoke to this week about the tax plans of the two candidates"
    assert short_name(long_name).endswith(" …") and len(short_name(long_name)) <= 48
    short = shorten("word " * 60)
    assert short.endswith("…") and max(len(line) for line in short.splitlines()) <= 38


def test_document_dot(graph: CitationGraph) -> None:
    dot = document_dot(graph, "c/a.txt")
    assert dot == document_dot(graph, "c/a.txt")  # deterministic
    assert dot.startswith("digraph citetrace {") and dot.endswith("}\n")
    assert 'label="republishes"' in dot and 'label="cites: portrayed"' in dot and 'label="according to"' in dot
    assert "⚑ no source" in dot and 'color="#cc0000"' in dot and "⚑ one intermediary" in dot
    assert "<his>" in dot  # text kept as text; Graphviz escapes it in the SVG
    assert "cluster_legend" in dot and 'peripheries="2"' in dot
    # the legend explains what this diagram draws, and only that
    assert "legend_republishes_a -> legend_republishes_b" in dot and "legend_copies_a" not in dot
    assert "⚑ no source: the claim names no source\\l" in dot and "circular citation:" not in dot
    assert "legend_tie -> doc_" in dot  # tied left of the document: beside the graph, not above it
    assert "ISIS rejoiced" not in dot  # another document's claim


def test_corpus_and_source_dot(graph: CitationGraph) -> None:
    corpus = corpus_dot(graph, links={"Al-Naba": "sources/al-naba.html"})
    assert 'URL="sources/al-naba.html"' in corpus and "republishes (2)" in corpus and corpus.count("URL=") == 1
    assert "URL=" not in corpus_dot(graph)  # dot links only where it is told to
    al_naba = source_dot(graph, "Al-Naba")
    assert "ISIS rejoiced" in al_naba and "The paper portrayed" in al_naba and "Iran did it" not in al_naba


def test_corpus_diagram_of_a_large_corpus_shows_the_busiest_nodes(graph: CitationGraph) -> None:
    whole = corpus_dot(graph)
    assert "busiest links" not in whole and whole.count('\\n(outlet)"') == 4  # GVS, RT, BBC, Daily Mail
    top = corpus_dot(graph, max_nodes=2)
    assert "the 2 outlets and sources of the busiest links, of 5" in top
    assert 'label="GVS\\n(outlet)"' in top and 'label="RT\\n(outlet)"' in top and "republishes (2)" in top
    assert "Daily Mail" not in top and "Al-Naba" not in top and len(_edges(top)) == 1


def test_source_diagram_of_a_much_cited_source_spreads_its_claims(graph: CitationGraph) -> None:
    both = source_dot(graph, "Al-Naba")
    assert "The paper portrayed" in both and "ISIS rejoiced" in both and "claims, spread" not in both
    one = source_dot(graph, "Al-Naba", max_claims=1)
    assert "(1 of 2 claims, spread over the documents; its page lists all)" in one
    assert ("The paper portrayed" in one) != ("ISIS rejoiced" in one)
