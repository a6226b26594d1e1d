"""The frame cache: a second pass over a corpus reads its frames back instead of extracting them, and
misses wherever the document, its parse's models or the extractor differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from citetrace.parse.nlp import Parser
from citetrace.run import frame_cache
from citetrace.run.frame_cache import FrameCache, extractor_fingerprint
from citetrace.run.pipeline import extract_corpus

from ..conftest import CORPUS


@pytest.fixture
def parsed_twice(models_dir: Path, parse_cache: Path, tmp_path: Path):
    """The sample extracted with an empty frame cache (parses from the shared cache), then again."""
    first = Parser(models_dir, cache_dir=tmp_path)
    for p in parse_cache.glob("*.parse"):  # the parses, not the frames: only extraction is measured
        (tmp_path / p.name).symlink_to(p)
    one = extract_corpus([CORPUS], first)
    again = Parser(models_dir, cache_dir=tmp_path)
    return first, one, again, extract_corpus([CORPUS], again)


def test_a_second_run_reads_every_documents_frames_back(parsed_twice) -> None:
    first, one, again, two = parsed_twice
    assert first.stats["cached_docs"] == 5 and first.stats["cached_frames"] == 0
    assert again.stats["cached_frames"] == 5
    assert first.cache_dir is not None
    assert two.frames == one.frames and len(list(first.cache_dir.glob("*.frames"))) == 5


def test_other_metadata_other_models_or_a_damaged_file_is_a_miss(parsed_twice) -> None:
    first, one, _, _ = parsed_twice
    cache = FrameCache(first.cache_dir, first.fingerprint)  # where a run keeps the frames: beside the parses
    doc = one.documents[0]
    assert cache.get(doc) == one.frames[0]
    assert cache.get(doc.model_copy(update={"outlet": "Another Outlet"})) is None
    assert cache.get(doc.model_copy(update={"path": "elsewhere/" + doc.path})) == one.frames[0]  # not the path
    assert FrameCache(cache.directory, "other models").get(doc) is None
    cache.path(doc).write_bytes(cache.path(doc).read_bytes()[:-8])
    assert cache.get(doc) is None
    # another document's frames under this one's key are a miss, never its frames
    cache.path(doc).write_bytes(cache.path(one.documents[1]).read_bytes())
    assert cache.get(doc) is None


def test_a_changed_file_of_the_package_changes_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cues.py").write_text("SAY = {'say'}\n")
    monkeypatch.setattr(frame_cache, "PACKAGE", tmp_path)
    extractor_fingerprint.cache_clear()
    before = extractor_fingerprint()
    (tmp_path / "cues.py").write_text("SAY = {'say', 'tell'}\n")
    extractor_fingerprint.cache_clear()
    assert extractor_fingerprint() != before
    monkeypatch.undo()
    extractor_fingerprint.cache_clear()
