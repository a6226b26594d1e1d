"""The word lists and the learned cue model are packaged data, consistent with each other."""

from __future__ import annotations

from citetrace import cues


def test_learned_cue_model_is_packaged() -> None:
    model = cues.cue_model()
    assert len(model) > 1000 and model["say=True"] > 0 > model["u=NOUN"]
    assert 0 < cues.CUE_VETO < cues.CUE_ADD < 1


def test_word_lists_are_lowercase_sets_and_disjoint_where_they_must_be() -> None:
    for name in ("PRINT_NOUNS", "CHANNEL_NOUNS", "PUBLICATION_HEADS", "INVERTING_VERBS", "NEGATIONS", "ARTICLES"):
        words = getattr(cues, name)
        assert isinstance(words, frozenset) and words and all(w == w.lower() for w in words), name
    assert cues.PRINT_NOUNS <= cues.CHANNEL_NOUNS
    assert not (cues.ORG_WORDS & cues.GOV_WORDS) and not (cues.GOV_WORDS & cues.OUTLET_WORDS)
    assert cues.MAX_SOURCE_WORDS == 16 and all(isinstance(cut, frozenset) for cut in cues.SOURCE_CUTS)
