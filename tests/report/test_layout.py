"""The output folder's layout: every diagram's file, and which nodes link to which page."""

from __future__ import annotations

from citetrace.models import CitationGraph
from citetrace.report.layout import diagrams, primaries, source_links, titled_diagrams

from ..conftest import GOLDEN


def test_every_diagram_has_its_file(graph: CitationGraph) -> None:
    assert [stem for stem, _ in diagrams(graph)] == ["corpus", "a", "b", "sources/al-naba"]
    titles = [title for _, title, _ in titled_diagrams(graph)]
    assert titles[1] == "a.txt (GVS): its claims and their chains" and titles[3] == "Everything that rests on Al-Naba"


def test_primary_sources_link_to_their_pages(graph: CitationGraph) -> None:
    assert primaries(graph) == ["Al-Naba"]
    assert source_links(graph) == {"Al-Naba": "sources/al-naba.html"}
    corpus = next(dot for stem, dot in diagrams(graph) if stem == "corpus")
    assert 'URL="sources/al-naba.html"' in corpus


def test_golden_diagrams_from_the_checked_in_graph() -> None:
    """The golden DOT files follow from tests/golden/graph.json alone: no parse, no corpus."""
    graph = CitationGraph.model_validate_json((GOLDEN / "graph.json").read_bytes())
    dots = dict(diagrams(graph))
    goldens = sorted(p for p in GOLDEN.rglob("*.dot"))
    assert len(goldens) == 5
    for path in goldens:
        stem = path.relative_to(GOLDEN).with_suffix("").as_posix()
        assert dots[stem] == path.read_text(encoding="utf-8"), stem
