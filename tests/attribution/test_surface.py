"""The surface path on hand-made tags (no parse): forms of the cue verbs, the shapes, and what must
stay out. Real parses of the same shapes are in test_everyday.py."""

from __future__ import annotations

from citetrace.attribution.surface import surface_forms, surface_frames
from citetrace.attribution.tree import Tree
from citetrace.models import FoundBy, FrameKind, Sentence, Token


def _tree(tagged: str) -> Tree:
    """A sentence from "word/UPOS/XPOS" items (heads all 0: the tree is not read)."""
    tokens, text, start = [], "", 0
    for i, item in enumerate(tagged.split(), 1):
        word, upos, xpos = item.rsplit("/", 2)
        if text and word not in {",", ".", "!", "?"} and not text.endswith(("'",)) or text.endswith((",", ".")):
            text += " "
        start = len(text)
        text += word
        tokens.append(Token(i, word, word.lower(), upos, xpos, None, 0, "dep", start, start + len(word)))
    return Tree(Sentence(tokens=tokens), 0, text)


def _parts(t: Tree) -> list[tuple[str, str | None, str, FrameKind]]:
    return [
        (
            t.text[f.cue[0] : f.cue[1]],
            t.text[f.source[0] : f.source[1]] if f.source else None,
            t.text[f.content[0] : f.content[1]],
            f.kind,
        )
        for f in surface_frames(t)
    ]


def test_forms() -> None:
    forms = surface_forms()
    assert {forms[w] for w in ("said", "says", "say", "told", "wrote", "replied", "insists", "added")} == {
        "say",
        "tell",
        "write",
        "reply",
        "insist",
        "add",
    }
    assert "saying" not in forms and "statement" not in forms


def test_final_shape_whatever_the_tags() -> None:
    t = _tree(
        "Reserves/NOUN/NNS fell/VERB/VBD in/ADP/IN October/PROPN/NNP ,/PUNCT/, the/DET/DT "
        "Finance/PROPN/NNP Ministry/PROPN/NNP said/NOUN/NN ./PUNCT/."
    )
    assert _parts(t) == [("said", "the Finance Ministry", "Reserves fell in October", FrameKind.verb)]
    assert all(f.found_by is FoundBy.surface for f in surface_frames(t))


def test_inverted_shape_and_an_auxiliary_before_the_cue() -> None:
    t = _tree(
        "Prices/NOUN/NNS will/AUX/MD rise/VERB/VB ,/PUNCT/, said/VERB/VBD Ann/PROPN/NNP Lee/PROPN/NNP "
        ",/PUNCT/, an/DET/DT analyst/NOUN/NN ./PUNCT/."
    )
    assert _parts(t) == [("said", "Ann Lee, an analyst", "Prices will rise", FrameKind.verb)]
    t = _tree(
        "Prices/NOUN/NNS will/AUX/MD rise/VERB/VB ,/PUNCT/, he/PRON/PRP did/AUX/VBD not/PART/RB say/VERB/VB ./PUNCT/."
    )
    assert [p[3] for p in _parts(t)] == []  # "he did not say": a verb of its own before the cue, no shape


def test_no_frame_for_a_name_and_title_or_a_noun() -> None:
    t = _tree(
        "Gary/PROPN/NNP Hoffman/PROPN/NNP ,/PUNCT/, a/DET/DT lawyer/NOUN/NN ,/PUNCT/, said/VERB/VBD "
        "the/DET/DT threat/NOUN/NN worked/VERB/VBD ./PUNCT/."
    )
    assert _parts(t) == []
    t = _tree(
        "Prices/NOUN/NNS rose/VERB/VBD in/ADP/IN New/PROPN/NNP Jersey/PROPN/NNP ,/PUNCT/, "
        "Ohio/PROPN/NNP and/CCONJ/CC four/NUM/CD other/ADJ/JJ states/NOUN/NNS ./PUNCT/."
    )
    assert _parts(t) == []
