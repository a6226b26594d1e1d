"""Channels: where a frame's words were said or printed ("in an interview with Sky News Arabic",
"in a letter", "in the weekly ISIS newspaper al-Naba")."""

from __future__ import annotations

from citetrace import cues
from citetrace.attribution.candidate import Candidate
from citetrace.models import FrameKind, SourceKind
from citetrace.tree import Tree

_PRINT_NOUNS = frozenset("newspaper paper magazine weekly journal".split())
_CHANNEL_NOUNS = (
    frozenset("interview letter statement tweet post op-ed editorial speech conference broadcast".split())
    | _PRINT_NOUNS
)


def add_channels(t: Tree, frames: list[Candidate]) -> None:
    """Attach "in an interview with X" (X), "in a letter ..." (the letter) to the sentence's verb frames."""
    for tok in t.tokens:
        lemma = tok.lemma.lower()
        if lemma not in _CHANNEL_NOUNS or tok.upos != "NOUN":
            continue
        with_x = [k for k in t.children(tok, "nmod") if any(c.lemma.lower() == "with" for c in t.children(k, "case"))]
        channel: tuple[int, int] | None
        if with_x and lemma == "interview":
            x = with_x[0]
            last = x
            while last.id + 1 in t.by_id and t.by_id[last.id + 1].upos == "PROPN":
                last = t.by_id[last.id + 1]  # "Sky" + "News Arabic" when the parse split the name
            channel = (x.start, last.end)
        else:
            if not any(c.lemma.lower() in ("in", "on", "through", "at") for c in t.children(tok, "case")):
                continue
            if lemma in _PRINT_NOUNS and not (
                tok.deprel.startswith("obl") and (governor := t.head(tok)) is not None and governor.upos == "VERB"
            ):
                continue  # "in the weekly ISIS newspaper al-Naba, the extremists said": only as the verb's adjunct
            channel = t.char_span(t.subtree(tok) - {c.id for c in t.children(tok, "case")})
        if channel is None:
            continue
        for f in frames:
            if f.sentence == t.index and f.kind is FrameKind.verb and f.channel is None:
                if not (f.content[0] <= channel[0] < f.content[1]):
                    f.channel = channel
    for f in frames:  # "told Reuters": the addressee is the channel when it is an outlet
        if f.kind is not FrameKind.verb or f.channel is not None or f.sentence != t.index:
            continue
        cue_tok = next((x for x in t.tokens if x.start == f.cue[0]), None)
        if cue_tok is None or cue_tok.lemma.lower() != "tell":
            continue
        addressee = t.child(cue_tok, "iobj") or (
            t.child(cue_tok, "obj") if t.child(cue_tok, "ccomp", "xcomp") else None
        )
        if addressee is not None and cues.SOURCE_NOUNS.get(addressee.lemma.lower()) == SourceKind.outlet:
            f.channel = t.char_span(t.subtree(addressee))
        elif (
            addressee is not None
            and addressee.upos == "PROPN"
            and any(
                addressee.text.lower() in (a.lower() for a in k.aliases)
                for k in cues.KNOWN_SOURCES
                if k.kind == SourceKind.outlet
            )
        ):
            f.channel = (addressee.start, addressee.end)
