"""The word lists and the learned cue model are packaged data, consistent with each other."""

from __future__ import annotations

from citetrace.attribution import cues


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


def test_the_packaged_cue_scorer_loads_offline_with_its_lemma_vectors() -> None:
    """The LightGBM model, its feature columns and wordllama's vectors all come from installed files."""
    from citetrace.attribution.learned import DENSE, cue_scorer

    scorer = cue_scorer()
    assert scorer is not None and scorer.vectors is not None
    assert scorer.vectors(["say", "eat"]).shape == (2, DENSE)
    assert scorer.width + DENSE == scorer.booster.num_feature()
    # a verb of saying used as one outscores the same shape with a verb of eating
    said, ate = scorer.scores([["l=say", "r=root", "k=ccomp"], ["l=eat", "r=root", "k=obj"]], ["say", "eat"])
    assert 0.0 <= ate < said <= 1.0
