"""wordllama's static word vectors (256 dimensions, tokenizer and weights shipped in its wheel: nothing
is downloaded), loaded once a process: the cue scorer's lemma features (``attribution.learned``) and
the claim matcher (``similarity``) share one model."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def word_model():  # noqa: ANN201 (wordllama is untyped)
    """The loaded WordLlama model, read from its wheel, never from the network."""
    import wordllama
    from wordllama import WordLlama

    # Its tokenizer on this thread alone: batches are 64 texts, and a thread pool made no run faster
    # while its threads' heaps held ~25 MiB more at 400 articles (docs/performance.md). A user's
    # own setting stands.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
