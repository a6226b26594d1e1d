"""The output folder, from the library: every file of a report from a checked-in graph (no parse),
folder checks before any slow work, write errors that name the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from citetrace.errors import InputError, OutputError
from citetrace.models import CitationGraph
from citetrace.report.layout import diagrams
from citetrace.report.write import diagram_count, load_graph, write_diagrams, write_graph_json

from ..conftest import GOLDEN


@pytest.fixture(scope="module")
def golden_graph() -> CitationGraph:
    return CitationGraph.model_validate_json((GOLDEN / "graph.json").read_bytes())


def test_write_diagrams_writes_every_diagram_and_its_dot(golden_graph: CitationGraph, tmp_path: Path) -> None:
    rendered = write_diagrams(tmp_path, golden_graph, "svg")
    assert len(rendered) == diagram_count(golden_graph) == len(list(diagrams(golden_graph)))
    for stem in rendered:
        assert (tmp_path / f"{stem}.svg").read_bytes().lstrip().startswith((b"<?xml", b"<svg"))
        assert (tmp_path / f"{stem}.dot").read_text(encoding="utf-8").startswith("digraph")
    assert "(sources/al-naba.svg)" in (tmp_path / "diagrams.md").read_text(encoding="utf-8")


def test_a_write_error_names_the_file(golden_graph: CitationGraph, tmp_path: Path) -> None:
    (tmp_path / "sources").write_text("a file where the sources folder goes", encoding="utf-8")
    with pytest.raises(OutputError, match=r"cannot write .*sources"):
        write_diagrams(tmp_path, golden_graph, "svg")


def test_load_graph_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no graph.json"):
        load_graph(tmp_path)
    (tmp_path / "graph.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a citetrace graph"):
        load_graph(tmp_path)


def _one_shot(graph: CitationGraph) -> bytes:
    return TypeAdapter(CitationGraph).dump_json(graph, indent=1) + b"\n"


def test_graph_json_written_item_by_item_is_pydantics_dump(golden_graph: CitationGraph) -> None:
    empty = golden_graph.model_copy(update={"reuse": [], "boilerplate": [], "claims": [], "headlines": {}})
    for graph in (golden_graph, empty):
        buffer = io.BytesIO()
        write_graph_json(buffer, graph)
        assert buffer.getvalue() == _one_shot(graph)
    assert (GOLDEN / "graph.json").read_bytes() == _one_shot(golden_graph)  # the golden file is that dump
