"""Shared fixtures: one real Stanza parser for the session, its parses cached in $CITETRACE_CACHE.

The parse cache persists between test runs, as it does for users (``nlp.default_cache_dir``), so a
second ``python -m pytest -q`` parses nothing; CI gives it a fresh folder and parses for real.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citetrace.models import (
    CanonicalSource,
    Chain,
    CitationGraph,
    Document,
    Flag,
    FlagType,
    Hop,
    HopType,
    SourceKind,
    Span,
)
from citetrace.parse.nlp import Parser, default_cache_dir
from citetrace.run.pipeline import frames_of, link_documents

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
MODELS = Path(os.environ.get("CITETRACE_MODELS", ROOT.parent / "shared" / "stanza_resources"))
# The tests parse in float32 on every machine, so that their expected outputs do not depend on whether
# the CPU computes bfloat16 (``--precision auto``); tests/parse/test_precision.py checks bfloat16
os.environ.setdefault("CITETRACE_PRECISION", "float32")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ from the current output.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def models_dir() -> Path:
    if not (MODELS / "resources.json").is_file():
        pytest.fail(f"Stanza models not found at {MODELS}: set CITETRACE_MODELS")
    return MODELS


@pytest.fixture(scope="session")
def parse_cache() -> Path:
    return default_cache_dir()


@pytest.fixture(scope="session")
def env(models_dir: Path, parse_cache: Path) -> dict[str, str]:
    """The environment of a real `citetrace` command in the tests: the models and the parse cache."""
    return {"CITETRACE_MODELS": str(models_dir), "CITETRACE_CACHE": str(parse_cache)}


@pytest.fixture(scope="session")
def parser(models_dir: Path, parse_cache: Path) -> Parser:
    return Parser(models_dir, cache_dir=parse_cache)


@pytest.fixture(scope="session")
def frames_of_text(parser: Parser):
    """Extract frames from a text (a one-document corpus), with the real parser."""

    def run(text: str, name: str = "t.txt"):
        doc = Document(path=name, name=name, text=text)
        return frames_of(doc, parser.parse([text])[0]).frames

    return run


# --------------------------------------------------------------------------- graphs of parsed texts


@pytest.fixture(scope="session")
def graph_of(parser):
    def run(*texts: str, outlets: tuple[str | None, ...] = (), dates: tuple[str | None, ...] = ()):
        docs = [
            Document(
                path=f"{i}.txt",
                name=f"{i}.txt",
                text=t,
                outlet=outlets[i] if i < len(outlets) else None,
                date=dates[i] if i < len(dates) else None,
            )
            for i, t in enumerate(texts)
        ]
        parses = parser.parse([d.text for d in docs])
        frames = [frames_of(d, p) for d, p in zip(docs, parses, strict=True)]
        return link_documents(docs, parses, frames)[1]

    return run


def flag_types(chain) -> set[FlagType]:
    return {f.type for f in chain.flags}


# --------------------------------------------------------------------------- a small graph, no parse


def _chain(doc: str, claim: str, outlet: str, hops: list[Hop], flags=(), channel=None, frame="f1") -> Chain:
    cited = [h for h in hops if h.type is HopType.cites]
    return Chain(
        document=doc,
        frame=frame,
        claim=Span(text=claim, start=0, end=len(claim)),
        outlet=outlet,
        hops=hops,
        primary=cited[-1].source if cited else None,
        primary_kind=SourceKind.publication,
        channel=channel,
        flags=[Flag(type=t, detail=t.value) for t in flags],
    )


RT = Hop(source="RT", cue="RT with additional input by", type=HopType.republishes)


@pytest.fixture()
def graph() -> CitationGraph:
    """A small hand-made graph: two documents, a republication, a nested citation, flags."""
    sources = [
        CanonicalSource(name=n, kind=k, aliases=[n], documents=["c/a.txt"])
        for n, k in [
            ("GVS", SourceKind.outlet),
            ("RT", SourceKind.outlet),
            ("BBC Monitoring", SourceKind.outlet),
            ("Al-Naba", SourceKind.publication),
            ("Daily Mail", SourceKind.outlet),
        ]
    ]
    chains = [
        _chain(
            "c/a.txt",
            "The paper portrayed <his> death as an act of god",
            "GVS",
            [
                RT,
                Hop(source="BBC Monitoring", cue="according to", type=HopType.cites),
                Hop(source="Al-Naba", cue="portrayed", type=HopType.cites),
            ],
            [FlagType.single_intermediary],
        ),
        _chain(
            "c/a.txt",
            "Iran did it",
            "GVS",
            [RT],
            [FlagType.no_source],
            frame="f2",
        ),
        _chain(
            "c/b.txt", "ISIS rejoiced", "Daily Mail", [Hop(source="Al-Naba", cue="according to", type=HopType.cites)]
        ),
    ]
    return CitationGraph(documents=["c/a.txt", "c/b.txt"], sources=sources, nodes=[], edges=[], chains=chains, reuse=[])
