"""The cue scorer scores only the tokens whose score is read (``generic._scored_tokens``): the frames
are those of scoring every candidate, on the real articles of the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from citetrace.attribution import extract_frames, find_quotes, generic
from citetrace.attribution.learned import is_candidate
from citetrace.attribution.tree import Tree
from citetrace.read.corpus import read_corpus

CORPUS = Path(__file__).parents[2] / "corpus"


@pytest.fixture(scope="module")
def sample(parser):
    documents = read_corpus([CORPUS]).documents
    return list(zip(documents, parser.parse([d.text for d in documents]), strict=True))


@pytest.mark.slow
def test_may_frame_never_refuses_a_frame(sample) -> None:
    refused = made = 0
    for document, parsed in sample:
        quotes = find_quotes(document.text)
        for i, sentence in enumerate(parsed.sentences):
            t = Tree(sentence, i, document.text)
            for tok in filter(is_candidate, t.tokens):
                frame = generic.learned_frame(t, tok, quotes)
                made += frame is not None
                if not generic.may_frame(t, tok):
                    refused += 1
                    assert frame is None, (document.name, tok.text)
    assert refused > 0 and made > 0  # both kinds of token are in the sample


@pytest.mark.slow
def test_scoring_fewer_tokens_gives_the_same_frames(sample, monkeypatch: pytest.MonkeyPatch) -> None:
    fewer = [extract_frames(d, p) for d, p in sample]
    every_candidate = lambda trees, rule_frames: [(t, k) for t in trees for k in t.tokens if is_candidate(k)]  # noqa: E731
    monkeypatch.setattr(generic, "_scored_tokens", every_candidate)
    every = [extract_frames(d, p) for d, p in sample]
    assert sum(map(len, fewer)) > 40
    assert [[f.model_dump() for f in fs] for fs in fewer] == [[f.model_dump() for f in fs] for fs in every]
