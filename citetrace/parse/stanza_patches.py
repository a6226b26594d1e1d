"""CPU speed-ups and memory bounds for Stanza's tokenizer, tagger and parser that give the same
parses, applied once, before the pipeline is built (``apply``). What each saves is measured in
docs/performance.md.

1. ``torch.nn.functional.bilinear`` as a matrix product: Stanza's tagger and parser score with
   ``nn.Bilinear``, whose CPU kernel is very slow (outputs equal to 1e-5; see the models' MODELS.md).
2. Dependency labels scored for the chosen heads only (``stanza_graph``). Stanza's graph parser scores
   every label of every (dependent, head) pair of a sentence, a tensor of sentences x words x words x
   labels, takes its log-softmax, and then reads one cell per word, at the head the tree search chose.
   Here the tree is found first (from the arc scores alone, as Stanza finds it) and the labels are
   scored for the chosen arcs: the same bilinear form, the same argmax, without the other pairs, for
   the words and not the padding, each distinct head's half of the form computed once.
3. The tokenizer's batches bounded in characters (``tokenize_predict``). Stanza's tokenizer takes
   32 paragraphs at a time, each padded to the longest, and holds their character features twice
   while it steps through them 1,000 characters at a time: 32 paragraphs of up to 9,354 characters
   took ~215 MiB. Here paragraphs too long for 32 in ``TOKENIZE_BATCH_CHARS`` go in smaller batches.
   Each paragraph is tokenized on its own whatever its batch, so the tokens are the same (all of
   400 PolNeAR articles), unless a decision is so close that the batch's shape, which changes the
   order of floating-point sums, tips it (seen once, in a batch of 3: any batching can do this).
4. The tree search (Chu-Liu-Edmonds, ``stanza_graph``) finds the cycles of each candidate tree by
   following heads (``cycles``), not with a general strongly-connected-components search: every word has exactly
   one head. The best tree is the same whichever cycle is contracted first, unless two trees score
   exactly the same (on 74,479 words of PolNeAR, every head and label came out as Stanza's).
5. The tree search in C++: TurboParser's Chu-Liu-Edmonds (``ufal.chu_liu_edmonds``) on the scores
   Stanza's own search gets (the root arcs reweighted as Stanza 1.15 does, so that one word only
   takes the root), ``one_root_tree``. Every head of PolNeAR dev's 3,378 sentences (79,166 words) is
   the same, and the search takes 0.27 s instead of 4.75 s. ``CITETRACE_STANZA_MST=1`` in the
   environment (or the package missing) keeps Stanza's search, for comparison.
6. Optimizers built when first used (``lazy_optimizers``, while a pipeline loads). Stanza's
   tokenizer, tagger and parser build their optimizers as they load, for training; building one
   imports ``torch._dynamo`` (1.6 s and 71 MiB in every process that parses). Parsing never uses them.

7. The tagger's composite tags (XPOS, features) spelled once each (``composite_unit``): Stanza
   rebuilds the string of every word's features from its parts ("Number=Sing|Person=3"), a third of
   the tagger's time outside torch; here each combination of parts is spelled once a process.
8. "its" is never two words. The models' dictionary of multi-word tokens learnt "its" = "it" + "s"
   from the misspelt "it's" of web text (UD EWT), and the tokenizer marks a possessive "its" as such a
   token often enough (43 of 757 in PolNeAR train) to break the sentence ("Its chair, Helen Park,
   said" parsed as "It 's chair"). ``PARSE_REVISION`` names the parses this gives, in the cache's key.
9. Not the same parses, and so chosen by ``nlp.Precision`` and cached apart: the tagger and the
   parser in bfloat16 (``bfloat16``), through torch's autocast, on CPUs that compute it natively. On
   PolNeAR dev a few tags and heads in a thousand change (docs/performance.md has the count and the
   frame scores with and without it).
10. The vocabularies' lookups as the tagger and parser prepare a batch: a tag's features
   ("Number=Sing|Person=3") split and looked up once a process (``composite_ids``), a word's
   characters looked up without a method call each (``char_ids``). The same ids.
11. No sentence ends at the dot of a title before a name (``title_goes_on``): "Texas Sen. Ted Cruz"
   was cut after "Sen." 185 times in PolNeAR train, the name opening a sentence of its own.

Where a model uses what these do not cover (arc embeddings, head constraints), Stanza's own code
runs. ``ORIGINAL`` keeps Stanza's functions, for the test that compares the two.
``CITETRACE_STANZA_PATCHES=0`` in the environment applies none of 1-8 and 10 (Stanza's own code, for
``bench/parse_speed.py``); the tree search alone is turned off by ``CITETRACE_STANZA_MST=1`` (5).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from citetrace.parse import stanza_graph

_applied = False
ORIGINAL: dict[str, Any] = {}


PATCHES_ENV = "CITETRACE_STANZA_PATCHES"
# What parses the patches give, part of the parse cache's key (``nlp.model_fingerprint``): 1, the same
# parses as Stanza's; 2, "its" kept one word (8); 3, no sentence ends after a title (11). "0" when the
# patches are off.
PARSE_REVISION = "3"
# Words never split into several (8): their dictionary expansions come from misspellings
ONE_WORD = frozenset({"its"})


def patched() -> bool:
    """Whether the patches apply in this process (``CITETRACE_STANZA_PATCHES=0`` turns them off)."""
    return os.environ.get(PATCHES_ENV, "") != "0"


def revision() -> str:
    """The revision of the parses this process gives (``PARSE_REVISION``, "0" with the patches off)."""
    return PARSE_REVISION if patched() else "0"


def apply() -> None:
    global _applied
    if _applied or not patched():
        return
    import torch.nn.functional as F
    from stanza.models.common import chuliu_edmonds as cle
    from stanza.models.common.vocab import CharVocab, CompositeVocab
    from stanza.models.depparse.model import GraphParser
    from stanza.models.mwt.trainer import Trainer as MWTTrainer
    from stanza.models.tokenization import utils as tokenization

    ORIGINAL.update(
        bilinear=F.bilinear,
        tarjan=cle.tarjan,
        predict=GraphParser.predict,
        tokenize=tokenization.predict,
        composite=CompositeVocab.id2unit,
        composite_ids=CompositeVocab.unit2id,
        char_map=CharVocab.map,
        expansion=MWTTrainer.dict_expansion,
    )
    stanza_graph.ORIGINAL["predict"] = GraphParser.predict
    F.bilinear = fast_bilinear
    CompositeVocab.id2unit = composite_unit
    CompositeVocab.unit2id = composite_ids
    CharVocab.map = char_ids
    MWTTrainer.dict_expansion = dict_expansion
    cle.tarjan = stanza_graph.cycles
    GraphParser.predict = stanza_graph.predict
    tokenization.predict = tokenize_predict
    _applied = True


class Lazy:
    """What ``build`` returns, built when an attribute is first asked of it."""

    def __init__(self, build: Callable[[], Any]):
        self._build = build
        self._built: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._built is None:
            self._built = self._build()
        return getattr(self._built, name)


def _lazily(build: Callable[..., Any]) -> Callable[..., Lazy]:
    return lambda *args, **kwargs: Lazy(lambda: build(*args, **kwargs))


@contextmanager
def lazy_optimizers() -> Iterator[None]:
    """While a pipeline loads: the optimizers that Stanza's trainers build, and the parser's
    learning-rate schedulers (which read their optimizer), each ``Lazy``."""
    from stanza.models.common import utils
    from stanza.models.depparse import trainer

    if not patched():
        yield
        return
    dispatch, scheduler = utils.dispatch_optimizer, trainer.WarmupThenPlateauScheduler
    utils.dispatch_optimizer, trainer.WarmupThenPlateauScheduler = _lazily(dispatch), _lazily(scheduler)
    try:
        yield
    finally:
        utils.dispatch_optimizer, trainer.WarmupThenPlateauScheduler = dispatch, scheduler


def _once(vocab, table: str, key, make: Callable[[], Any]) -> Any:  # noqa: ANN001 (a Stanza vocabulary; a hashable key)
    """``make()`` the first time ``key`` is asked of ``vocab``'s ``table``, then what it made (a
    vocabulary does not change once loaded)."""
    known = vocab.__dict__.setdefault(table, {})
    value = known.get(key)
    if value is None:
        value = known[key] = make()
    return value


def composite_unit(self, ids):  # noqa: ANN001, ANN201 (a Stanza CompositeVocab; its ids -> str or list)
    """``CompositeVocab.id2unit``, each combination of ids spelled once; a list result (no separator) is
    copied, as Stanza returns a new one each time."""
    key = tuple(ids) if isinstance(ids, list | tuple) else ids
    unit = _once(self, "_citetrace_units", key, lambda: ORIGINAL["composite"](self, ids))
    return list(unit) if isinstance(unit, list) else unit


def composite_ids(self, unit: str):  # noqa: ANN001, ANN201 (a Stanza CompositeVocab; a tag -> its ids)
    """``CompositeVocab.unit2id``, each tag ("Number=Sing|Person=3") split and looked up once a process;
    a new list each time, as Stanza returns."""
    return list(_once(self, "_citetrace_ids", unit, lambda: ORIGINAL["composite_ids"](self, unit)))


def char_ids(self, units):  # noqa: ANN001, ANN201 (a Stanza CharVocab; characters -> ids)
    """``CharVocab.map``: the ids of a word's characters, an unknown one's UNK, as one lookup each
    (Stanza calls a method per character, twice a word: a tenth of the parser's time outside torch)."""
    from stanza.models.common.vocab import UNK

    if self.lower:
        return ORIGINAL["char_map"](self, units)
    ids = self._unit2id
    unknown = ids[UNK]
    return [ids.get(u, unknown) for u in units]


def dict_expansion(self, word: str):  # noqa: ANN201 (a Stanza MWT trainer; its expansion or None)
    """Stanza's dictionary expansion of a multi-word token, none for a word in ``ONE_WORD``."""
    if word.lower() in ONE_WORD:
        return None
    return ORIGINAL["expansion"](self, word)


# The processors run in bfloat16: their matrix products and LSTMs (the tokenizer stays in float32)
BFLOAT16_PROCESSORS = ("pos", "depparse")


def bfloat16(pipeline) -> None:  # stanza.Pipeline
    """Run the tagger and the parser of ``pipeline`` under ``torch.autocast`` in bfloat16 on the CPU:
    products and LSTMs in bfloat16, sums and softmaxes in float32 (autocast's own lists)."""
    import torch

    for name in BFLOAT16_PROCESSORS:
        processor = pipeline.processors.get(name)
        if processor is None:
            continue

        def process(doc, _process=processor.process):  # noqa: ANN001, ANN202 (a Stanza Document)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                return _process(doc)

        processor.process = process


# Characters the tokenizer takes in one batch: 32 paragraphs of up to 1,000 characters, as Stanza
# batches them (most news paragraphs are shorter), fewer paragraphs when they are longer.
TOKENIZE_BATCH_CHARS = 32_000


def tokenize_predict(trainer, data_generator, batch_size, max_seqlen, use_regex_tokens, num_workers):
    """Stanza's tokenizer ``predict`` (predictions and characters of each paragraph, in order), the
    paragraphs grouped by how many of their length fit in ``TOKENIZE_BATCH_CHARS``: ``batch_size``,
    or else a power of two (a few batch shapes: torch keeps a compiled kernel for each), each group
    through Stanza's own ``predict`` in batches of that many."""
    from copy import copy

    groups: dict[int, list[int]] = {}
    for i, paragraph in enumerate(data_generator.data):
        fit = max(1, min(batch_size, TOKENIZE_BATCH_CHARS // max(len(paragraph), 1)))
        size = batch_size if fit == batch_size else 1 << (fit.bit_length() - 1)
        groups.setdefault(size, []).append(i)
    preds: list = [None] * len(data_generator.data)
    raws: list = [None] * len(data_generator.data)
    for size, members in groups.items():
        part = copy(data_generator)
        part.data = [data_generator.data[i] for i in members]
        pred, raw = ORIGINAL["tokenize"](trainer, part, size, max_seqlen, use_regex_tokens, num_workers)
        for i, p, r in zip(members, pred, raw, strict=True):
            preds[i], raws[i] = title_goes_on(p, r), r
    return preds, raws


# Abbreviated titles before a name (11). Not "Jr." or "St.", which end sentences as often ("... King Jr.")
TITLES = frozenset(
    "Sen Sens Rep Reps Gov Govs Gen Lt Col Maj Capt Cmdr Adm Sgt Mr Mrs Ms Messrs Dr Prof Pres Rev Amb Supt".split()
)
SENTENCE_END, TOKEN_END = 2, 1  # the tokenizer's labels of a character


def title_goes_on(pred, raw):  # noqa: ANN001, ANN201 (a paragraph's labels and characters -> its labels)
    """A paragraph's labels with no sentence ending at the dot of a title before a capitalised word
    ("Texas Sen. Ted Cruz": the tokenizer ended 248 sentences of PolNeAR train and WSJ at such a
    dot, 185 of them at "Sen."); the title with its dot is one token, as mid-sentence."""
    for i in (int(k) for k in (pred == SENTENCE_END).nonzero()[0]):
        if raw[i] != "." or i + 2 >= len(raw) or not raw[i + 1].isspace() or not raw[i + 2][:1].isupper():
            continue
        start = i
        while start > 0 and raw[start - 1].isalpha():
            start -= 1
        if "".join(raw[start:i]) in TITLES and (start == 0 or not raw[start - 1].isalnum()):
            pred[i - 1 : i + 1] = (0, TOKEN_END)  # "Sen." one token, as the tokenizer makes it mid-sentence
    return pred


def fast_bilinear(input1, input2, weight, bias=None):
    """``F.bilinear`` as ``matmul`` + ``bmm``."""
    out, in1, in2 = weight.shape
    lead = input1.shape[:-1]
    x1 = input1.reshape(-1, in1)
    x2 = input2.reshape(-1, in2)
    t = x1 @ weight.permute(1, 0, 2).reshape(in1, out * in2)
    y = (t.view(-1, out, in2) @ x2.unsqueeze(2)).squeeze(2)
    if bias is not None:
        y = y + bias
    return y.reshape(*lead, out)
