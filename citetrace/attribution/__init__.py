"""Find attribution frames in dependency trees: ``extract_frames(document, parsed) -> list[Frame]``.

One module per frame family, each proposing ``Candidate`` frames from one sentence's ``Tree`` (spans
come from subtrees, with a sentence-level fallback where the tree gives nothing usable):

- ``verbs``: verbs of saying/reporting/believing (``cues.SAY_LEMMAS``, the learned cue forms and the
  learned cue model of ``cue_model``) with their subject as source and clausal complement, object,
  adjacent quote or governing clause as content;
- ``phrases``: "according to X", "citing X", "X's 2019 list" (a publication cited without a verb);
- ``quotes``: floating direct quotes, the words of the speaker right after them or of the last one
  before them, and document credits ("Read more at ...", "RT with additional input by ...");
- ``channels``: where the words were said or printed ("in an interview with Sky News Arabic");
- ``learned`` and ``generic``: the learned cue scorer (LightGBM over every candidate token) and the
  frames of the cues only it finds;
- ``content``: the content each frame reports, chosen by a learned ranker among the spans the tree
  offers (the rule's own, the clause, the object, the quote beside the cue, ...);
- ``source_phrase``: a source is a phrase, never a clause;
- ``assemble``: the families run, contents chosen, chains of cues ("continued to insist") made one
  frame, duplicates from repeated paragraphs removed, ids in text order, nesting (a frame
  whose content holds another frame's cue is its parent), and the ``Frame`` models.

Sources come out unresolved (canonical = text, kind unknown): ``citetrace.sources.resolve`` resolves them.
Stanza types end here and in ``citetrace.attribution.tree``.
"""

from citetrace.attribution.assemble import extract_frames, is_boilerplate
from citetrace.attribution.cue_model import CUE_UPOS, cue_features, cue_score
from citetrace.attribution.quotes import find_quotes

__all__ = ["CUE_UPOS", "cue_features", "cue_score", "extract_frames", "find_quotes", "is_boilerplate"]
