"""Parse texts with Stanza (tokenize, mwt, pos, lemma, depparse) -> ``ParsedDocument``.

In: texts and a Stanza resources directory. Out: ``ParsedDocument``s, plain data (sentences of
tokens with lemma, tags, head and relation, and character offsets into the text). ``nlp.Parser``
loads the models once a process (``stanza_patches`` make Stanza's parser faster and leaner, never
different, except bfloat16, chosen by ``Precision`` and cached apart), ``cache`` keeps parses on
disk in a compact binary form, ``collector`` keeps the garbage collector out of the way, and
``vectors`` loads the static word vectors that later stages read. Stanza objects never leave this stage.
"""

from citetrace.parse.cache import ParseCache, ParseStore, sentence_spans
from citetrace.parse.device import Precision
from citetrace.parse.nlp import (
    Parser,
    batches,
    default_cache_dir,
    release_models,
    resolve_models_dir,
    timeout_message,
)

__all__ = [
    "ParseCache",
    "ParseStore",
    "Parser",
    "Precision",
    "batches",
    "default_cache_dir",
    "release_models",
    "resolve_models_dir",
    "sentence_spans",
    "timeout_message",
]
