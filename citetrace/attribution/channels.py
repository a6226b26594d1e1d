"""Channels: where a frame's words were said or printed ("in an interview with Sky News Arabic",
"in a letter", "in the weekly ISIS newspaper al-Naba")."""

from __future__ import annotations

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.tree import Tree
from citetrace.models import FrameKind, SourceKind, Token


def _channel_of_noun(t: Tree, tok: Token) -> tuple[int, int] | None:
    """The channel a channel noun names: X in "an interview with X", the letter in "in a letter"."""
    lemma = tok.lemma.lower()
    with_x = [k for k in t.children(tok, "nmod") if any(c.lemma.lower() == "with" for c in t.children(k, "case"))]
    if with_x and lemma == "interview":
        x = with_x[0]
        last = x
        while last.id + 1 in t.by_id and t.by_id[last.id + 1].upos == "PROPN":
            last = t.by_id[last.id + 1]  # "Sky" + "News Arabic" when the parse split the name
        return x.start, last.end
    if not any(c.lemma.lower() in cues.CHANNEL_PREPOSITIONS for c in t.children(tok, "case")):
        return None
    if lemma in cues.PRINT_NOUNS and not (
        tok.deprel.startswith("obl") and (governor := t.head(tok)) is not None and governor.upos == "VERB"
    ):
        return None  # "in the weekly ISIS newspaper al-Naba, the extremists said": only as the verb's adjunct
    times = [k for k in t.children(tok, "nmod", "obl") if cues.is_time(k.text)]  # "an address on Sunday night"
    return t.char_span(t.subtree(tok) - {c.id for c in t.children(tok, "case")} - set().union(*map(t.subtree, times)))


def _addressed_outlet(t: Tree, f: Candidate) -> tuple[int, int] | None:
    """ "told Reuters": the addressee of "tell", when it is an outlet."""
    cue_tok = next((x for x in t.tokens if x.start == f.cue[0]), None)
    if cue_tok is None or cue_tok.lemma.lower() != "tell":
        return None
    addressee = t.child(cue_tok, "iobj") or (t.child(cue_tok, "obj") if t.child(cue_tok, "ccomp", "xcomp") else None)
    if addressee is None:
        return None
    if cues.SOURCE_NOUNS.get(addressee.lemma.lower()) == SourceKind.outlet:
        return t.char_span(t.subtree(addressee))
    if addressee.upos == "PROPN" and any(
        addressee.text.lower() in (a.lower() for a in k.aliases)
        for k in cues.KNOWN_SOURCES
        if k.kind == SourceKind.outlet
    ):
        return addressee.start, addressee.end
    return None


def _before(text: str, channel: tuple[int, int], content: int) -> tuple[int, int]:
    """The channel less what the content holds of it ("in a statement that ...", the clause parsed as
    the noun's)."""
    if not channel[0] < content < channel[1]:
        return channel
    return channel[0], channel[0] + len(text[channel[0] : content].rstrip(" ,"))


def add_channels(t: Tree, frames: list[Candidate]) -> None:
    """Attach "in an interview with X" (X), "in a letter ..." (the letter) to the sentence's verb frames,
    and an outlet addressed by "told" as the channel of its frame."""
    for tok in t.tokens:
        if tok.lemma.lower() not in cues.CHANNEL_NOUNS or tok.upos != "NOUN":
            continue
        channel = _channel_of_noun(t, tok)
        if channel is None:
            continue
        for f in frames:
            if f.sentence == t.index and f.kind is FrameKind.verb and f.channel is None:
                if not (f.content[0] <= channel[0] < f.content[1]):
                    f.channel = _before(t.text, channel, f.content[0])
    for f in frames:
        if f.kind is FrameKind.verb and f.channel is None and f.sentence == t.index:
            f.channel = _addressed_outlet(t, f)


def without_channel_frames(frames: list[Candidate]) -> list[Candidate]:
    """The frames less those of a noun that is another frame's channel: "the statistics office said in a
    statement on Friday" is one frame, said in a statement, not a second one of "statement"."""
    channels = [f.channel for f in frames if f.channel is not None and f.kind is FrameKind.verb]
    return [
        f
        for f in frames
        if f.kind is not FrameKind.nominal or not any(c[0] <= f.cue[0] and f.cue[1] <= c[1] for c in channels)
    ]
