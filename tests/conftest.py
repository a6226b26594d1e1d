"""Shared fixtures: one real Stanza parser for the session, its parses cached in $CITETRACE_CACHE.

The parse cache persists between test runs, as it does for users (``nlp.default_cache_dir``), so a
second ``python -m pytest -q`` parses nothing; CI gives it a fresh folder and parses for real.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citetrace.models import Document
from citetrace.nlp import Parser, default_cache_dir

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
MODELS = Path(os.environ.get("CITETRACE_MODELS", ROOT.parent / "shared" / "stanza_resources"))


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
def parser(models_dir: Path, parse_cache: Path) -> Parser:
    return Parser(models_dir, cache_dir=parse_cache)


@pytest.fixture(scope="session")
def frames_of_text(parser: Parser):
    """Extract frames from a text (a one-document corpus), with the real parser."""
    from citetrace.pipeline import frames_of

    def run(text: str, name: str = "t.txt"):
        doc = Document(path=name, name=name, text=text)
        return frames_of(doc, parser.parse([text])[0]).frames

    return run
