"""The main job end to end on real news: `citetrace run` over PolNeAR dev and 25 train articles.

PolNeAR (../shared/gold/polnear, not in the repository) is 2016 US election news from seven
publishers. The first 25 train articles hold the clause that once became a 265-character source
file name. Parses are cached in $CITETRACE_CACHE (CI gives it a fresh folder and parses for real).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from citetrace.report.names import MAX_STEM, document_stems

from .conftest import ROOT

POLNEAR = ROOT.parent / "shared" / "gold" / "polnear"
TRAIN_ARTICLES = 25

pytestmark = pytest.mark.slow


class _Links(HTMLParser):
    """Every href/src of a page, inline SVG included."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if k in ("href", "src", "xlink:href") and v]


def _local(link: str) -> str | None:
    """The file a link points to, relative to its page; None for anchors, scripts and the web."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(parts.path)


@pytest.fixture(scope="module")
def real_run(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR not found at {POLNEAR}")
    train = sorted((POLNEAR / "train" / "text").glob("*.txt"))[:TRAIN_ARTICLES]
    out = tmp_path_factory.mktemp("real") / "out"
    env = os.environ | {"CITETRACE_MODELS": str(models_dir)}
    cmd = [sys.executable, "-m", "citetrace", "run", str(POLNEAR / "dev" / "text"), *map(str, train), "--out", str(out)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800), out


def test_run_exits_0_with_a_page_and_a_diagram_per_document(real_run) -> None:
    proc, out = real_run
    assert proc.returncode == 0, proc.stderr[-2000:]
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    expected = len(list((POLNEAR / "dev" / "text").glob("*.txt"))) + TRAIN_ARTICLES
    assert len(graph["documents"]) == expected
    for stem in document_stems(graph["documents"]).values():
        assert (out / f"{stem}.html").is_file() and (out / f"{stem}.svg").is_file() and (out / f"{stem}.dot").is_file()
    primaries = {c["primary"] for c in graph["chains"] if c["primary"]}
    assert len(list((out / "sources").glob("*.html"))) == len(primaries) == len(list((out / "sources").glob("*.svg")))
    lines = (out / "frames.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == expected and sum(len(json.loads(line)["frames"]) for line in lines) > 1000


def test_every_file_name_is_bounded_and_portable(real_run) -> None:
    _, out = real_run
    for path in out.rglob("*"):
        assert len(path.stem) <= MAX_STEM, path.name
        assert all(c.isascii() and (c.isalnum() or c in "._-") for c in path.name), path.name


def test_every_link_resolves_and_every_svg_parses(real_run) -> None:
    _, out = real_run
    pages = list(out.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            target = _local(link)
            if target is not None:
                assert (page.parent / target).resolve().is_file(), f"{page.name}: {link}"
    for svg in out.rglob("*.svg"):
        assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg", svg.name


def test_no_source_is_a_clause(real_run) -> None:
    _, out = real_run
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    longest = max((s["name"] for s in graph["sources"]), key=lambda n: len(n.split()))
    assert len(longest.split()) <= 16, longest


def test_claims_retold_point_into_their_documents(real_run) -> None:
    _, out = real_run
    texts = {}
    for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        group = json.loads(line)
        assert len(group["documents"]) >= 2 and any(m["frame"] for m in group["members"])
        assert (out / "claims" / f"{group['id']}.svg").is_file()
        for m in group["members"]:
            if m["document"] not in texts:
                folder = "dev" if (POLNEAR / "dev" / "text" / m["document"]).is_file() else "train"
                texts[m["document"]] = (POLNEAR / folder / "text" / m["document"]).read_text(encoding="utf-8")
            assert texts[m["document"]][m["text"]["start"] : m["text"]["end"]] == m["text"]["text"]
