"""Stanza's parser with citetrace's speed-ups (and its smaller batches) gives the parses Stanza gives
without them."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from citetrace.parse import stanza_graph, stanza_patches
from citetrace.parse.nlp import DEPPARSE_BATCH_WORDS, _pipeline, normalise_for_parsing

from ..conftest import CORPUS


def _masks(found: list[np.ndarray]) -> list[tuple[bool, ...]]:
    return sorted(tuple(bool(x) for x in m) for m in found)


def test_cycles_are_tarjans_cycles() -> None:
    from stanza.models.common import chuliu_edmonds

    stanza_patches.apply()
    tarjan = stanza_patches.ORIGINAL["tarjan"]
    rng = random.Random(5)
    for n in [2, 3, 5, 12, 40] * 40:
        heads = np.array([0] + [rng.choice([h for h in range(n) if h != d]) for d in range(1, n)])
        assert _masks(stanza_graph.cycles(heads)) == _masks(tarjan(heads)), heads
    assert chuliu_edmonds.tarjan is stanza_graph.cycles


def test_the_cpp_tree_search_finds_stanzas_trees() -> None:
    """``one_root_tree`` (TurboParser's search in C++) against Stanza's ``chuliu_edmonds_one_root`` on
    random log-probabilities shaped as the parser's: the same heads, one root each."""
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    rng = np.random.default_rng(7)
    for n in [2, 3, 4, 8, 15, 30, 60] * 30:
        logits = rng.normal(size=(n, n)) * rng.choice([0.5, 3.0, 10.0])
        np.fill_diagonal(logits, -np.inf)
        scores = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))  # a log-softmax per row
        before = scores.copy()
        tree = stanza_graph.one_root_tree(scores)
        assert list(tree) == list(chuliu_edmonds_one_root(scores)), n
        assert (tree[1:] == 0).sum() == 1 and np.array_equal(scores, before)


@pytest.mark.slow
def test_patched_tagger_and_parser_parse_as_stanza(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser's ``predict`` (labels at the chosen arcs, per distinct head) and the vocabularies'
    lookups against Stanza's own code: every tag, head and label the same."""
    import stanza
    from stanza.models.common import chuliu_edmonds
    from stanza.models.common.vocab import CharVocab, CompositeVocab
    from stanza.models.depparse.model import GraphParser

    nlp = _pipeline(models_dir)  # applies the patches
    texts = [normalise_for_parsing(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]

    def parse() -> list[list[tuple[str, str, str, int, str]]]:
        docs = nlp([stanza.Document([], text=t) for t in texts])
        return [[(w.upos, w.xpos, w.feats, w.head, w.deprel) for s in d.sentences for w in s.words] for d in docs]

    patched = parse()
    assert CharVocab.map is stanza_patches.char_ids and CompositeVocab.unit2id is stanza_patches.composite_ids
    try:
        GraphParser.predict = stanza_patches.ORIGINAL["predict"]
        chuliu_edmonds.tarjan = stanza_patches.ORIGINAL["tarjan"]
        CharVocab.map = stanza_patches.ORIGINAL["char_map"]
        CompositeVocab.unit2id = stanza_patches.ORIGINAL["composite_ids"]
        plain = parse()
    finally:
        GraphParser.predict = stanza_graph.predict
        chuliu_edmonds.tarjan = stanza_graph.cycles
        CharVocab.map = stanza_patches.char_ids
        CompositeVocab.unit2id = stanza_patches.composite_ids
    assert sum(map(len, plain)) > 3000
    assert patched == plain
    depparse = nlp.processors["depparse"]
    assert depparse.config["batch_size"] == DEPPARSE_BATCH_WORDS
    try:  # Stanza's own batches of 5,000 words: the same parses (only the memory differs)
        depparse.config["batch_size"] = 5000
        assert parse() == patched
    finally:
        depparse.config["batch_size"] = DEPPARSE_BATCH_WORDS
    monkeypatch.setattr(stanza_graph, "LABEL_ROWS", 5)  # labels scored 5 heads at a time: the same
    assert parse() == patched


@pytest.mark.slow
def test_tokenizer_batches_bounded_in_characters_give_stanzas_tokens(
    models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stanza
    from stanza.models.tokenization import utils as tokenization

    tokenize = _pipeline(models_dir).processors["tokenize"]  # applies the patches
    assert tokenization.predict is stanza_patches.tokenize_predict
    texts = [normalise_for_parsing(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    text = "\n\n".join(texts)

    def tokens() -> list[list[tuple[str, int]]]:
        return [
            [(t.text, t.start_char) for t in s.tokens]
            for s in tokenize.process(stanza.Document([], text=text)).sentences
        ]

    sizes: list[int] = []
    stanzas = stanza_patches.ORIGINAL["tokenize"]

    def spy(trainer, data, batch_size, *rest):  # type: ignore[no-untyped-def]
        sizes.append(batch_size)
        return stanzas(trainer, data, batch_size, *rest)

    monkeypatch.setitem(stanza_patches.ORIGINAL, "tokenize", spy)
    monkeypatch.setattr(stanza_patches, "TOKENIZE_BATCH_CHARS", 2_000)  # the sample's paragraphs: 32 down to 2 a batch
    bounded = tokens()
    assert len(set(sizes)) >= 4 and set(sizes) <= {32, 16, 8, 4, 2, 1}
    monkeypatch.setattr(tokenization, "predict", stanzas)  # Stanza's own: 32 paragraphs a batch
    plain = tokens()
    assert sum(map(len, plain)) > 3000
    assert bounded == plain


def test_lazy_builds_on_first_use_only() -> None:
    built: list[int] = []

    def build() -> list[int]:
        built.append(1)
        return [3, 1, 2]

    lazy = stanza_patches.Lazy(build)
    assert built == []
    assert lazy.index(2) == 2 and lazy.count(1) == 1
    assert built == [1]  # built once, then kept


@pytest.mark.slow
def test_loading_the_pipeline_builds_no_optimizer(models_dir: Path) -> None:
    """Stanza's trainers build optimizers as they load, and the first one imports torch._dynamo (1.6 s,
    71 MiB); the pipeline, loaded in a fresh process, builds none, and Stanza's builders are as they
    were once it is loaded."""
    script = (
        "import sys; from pathlib import Path; from citetrace.parse.nlp import _pipeline; "
        "from stanza.models.common import utils; from stanza.models.depparse import trainer; "
        "before = (utils.dispatch_optimizer, trainer.WarmupThenPlateauScheduler); "
        f"nlp = _pipeline(Path({str(models_dir)!r})); "
        "after = (utils.dispatch_optimizer, trainer.WarmupThenPlateauScheduler); "
        "optimizer = nlp.processors['pos']._trainer.optimizers['general_optimizer']; "
        "print('torch._dynamo' in sys.modules, before == after, type(optimizer).__name__)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300)
    assert done.stdout.split() == ["False", "True", "Lazy"]


def test_its_is_one_word_and_names_the_parses(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Its chair, Helen Park, said" was parsed as "It 's chair" (the dictionary of multi-word tokens
    learnt "its" = "it" + "s" from misspellings): "its" is one word, other expansions are Stanza's,
    and the parse cache's key says which parses these are."""
    import stanza

    from citetrace.parse.nlp import model_fingerprint

    nlp = _pipeline(models_dir)  # applies the patches
    mwt = nlp.processors["mwt"].trainer
    assert mwt.dict_expansion("Its") is None and mwt.dict_expansion("its") is None
    assert stanza_patches.ORIGINAL["expansion"](mwt, "Its") is not None  # what Stanza's dictionary says
    for word in ("don't", "Don't", "cannot", "gonna"):
        assert mwt.dict_expansion(word) == stanza_patches.ORIGINAL["expansion"](mwt, word)
    doc = nlp(
        stanza.Document([], text="The association said its members were worried. Its chair, Helen Park, said so.")
    )
    words = [(w.text, w.upos) for s in doc.sentences for w in s.words]
    assert ("Its", "PRON") in words and ("its", "PRON") in words and ("s", "AUX") not in words
    patched = model_fingerprint(models_dir)
    monkeypatch.setenv(stanza_patches.PATCHES_ENV, "0")
    assert model_fingerprint(models_dir) != patched  # Stanza's own parses are cached apart


def test_no_sentence_ends_at_a_title_before_a_name() -> None:
    """The tokenizer's sentence end at "Sen." before "Ted" becomes a token end; at "Jr." or before a
    lower-case word, or at a word that is no title, it stays."""
    text = "Texas Sen. Ted Cruz came. King Jr. He left. The Sen. won. He is a Sen. the end"
    raw = list(text)
    pred = np.zeros(len(raw), dtype=np.int64)
    ends = [i for i, ch in enumerate(raw) if ch == "."]
    pred[ends] = stanza_patches.SENTENCE_END
    fixed = stanza_patches.title_goes_on(pred.copy(), raw)
    kept = [text[max(0, i - 3) : i + 1] for i in ends if fixed[i] == stanza_patches.SENTENCE_END]
    assert kept == ["ame.", " Jr.", "eft.", "Sen.", "won.", "Sen."]
    first = text.index("Sen.")
    assert list(fixed[first : first + 4]) == [0, 0, 0, stanza_patches.TOKEN_END]


@pytest.mark.slow
def test_a_title_before_a_name_keeps_the_sentence_whole(models_dir: Path) -> None:
    """(PolNeAR train, west-journal_2016-03-14) "Texas Sen." ended a sentence: "Ted Cruz, he would support
    the former." was one of its own, and Cruz became the likeliest "he" of the next."""
    import stanza

    doc = _pipeline(models_dir)(
        stanza.Document(
            [], text="Cuban said that in a race between Trump and Texas Sen. Ted Cruz, he would support Trump."
        )
    )
    assert len(doc.sentences) == 1
    assert [t.text for t in doc.sentences[0].tokens][10:13] == ["Sen.", "Ted", "Cruz"]
