"""Where the extractor misses: the missed gold frames of a brat folder, counted by what their cue is.

    python bench/misses.py /tmp/heldout            # held-out train (choices are made here)
    python bench/misses.py ../shared/gold/polnear/dev
    python bench/misses.py /tmp/wsj/tune/gold_core.jsonl /tmp/wsj/tune/text --show   # each miss, in its sentence

Categories (the cue's head word in our parse, the gold content's shape):
verb with a clause or quote as content, verb with a noun phrase / prepositional phrase / infinitive
as content (and how many of those verbs are outside the lexicons), "said:"/"added:", noun, colon or
dash, preposition, adjective, other; then the misses whose gold source is only a pronoun and the
matched frames whose content word F1 is under 0.5. Parses come from the cache.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from citetrace.attribution import cues
from citetrace.evaluation.gold import read_gold
from citetrace.evaluation.score import _pieces, _words, match_frames
from citetrace.models import GoldFrame, ParsedDocument, Token
from citetrace.parse.nlp import Parser, default_cache_dir
from citetrace.read.corpus import read_document
from citetrace.run.pipeline import frames_of

DASHES = frozenset(":-–—―")
PRONOUNS = frozenset("i you he she it we they him her them this that who which one".split())


def _tokens(parsed: ParsedDocument, start: int, end: int) -> list[Token]:
    return [tok for s in parsed.sentences for tok in s.tokens if tok.start < end and start < tok.end]


def category(g: GoldFrame, parsed: ParsedDocument, text: str) -> str:
    """What kind of cue a missed gold frame has."""
    a, b = g.cue.pieces[0]
    cue = [t for t in _tokens(parsed, a, b) if t.upos != "PUNCT" or t.text in DASHES]
    if not cue:
        return "other"
    ids = {t.id for t in cue}
    head = next((t for t in cue if t.head not in ids), cue[0])
    after = text[b : b + 2].strip()[:1]
    if all(t.text in DASHES for t in cue):
        return "colon or dash"
    if head.upos in ("VERB", "AUX"):
        if after == ":":
            return 'verb + ":"'
        c0, c1 = g.content.pieces[0]
        content = _tokens(parsed, c0, c1)
        clause = text[c0 : c0 + 1] in "\"“'‘" or any(
            t.upos in ("VERB", "AUX") and t.deprel in ("ccomp", "parataxis", "root", "csubj") for t in content
        )
        if clause:
            return "verb, clause or quote content"
        known = head.lemma.lower() in cues.SAY_LEMMAS or head.text.lower() in cues.learned_cue_forms()
        return f"verb, phrase content, {'lexicon' if known else 'outside the lexicons'}"
    return {"NOUN": "noun", "PROPN": "noun", "ADP": "preposition", "ADJ": "adjective"}.get(head.upos, "other")


def _sentence(parsed: ParsedDocument, text: str, start: int) -> str:
    for s in parsed.sentences:
        if s.tokens and s.tokens[0].start <= start < s.tokens[-1].end:
            return " ".join(text[s.tokens[0].start : s.tokens[-1].end].split())
    return ""


def main(folder: Path, docs_dir: Path | None = None, show: bool = False) -> None:
    gold, texts_dir = read_gold(folder, docs_dir)
    docs = [read_document(texts_dir / g.document) for g in gold]
    parses = Parser(None, cache_dir=default_cache_dir(), doc_timeout=None).parse([d.text for d in docs])
    counts: Counter[str] = Counter()
    pronoun = weak_content = missed = 0
    for g, d, p in zip(gold, docs, parses, strict=True):
        predicted = frames_of(d, p).frames
        pairs = match_frames(predicted, g.frames)
        matched = {gf.id for _, gf in pairs}
        for f in g.frames:
            if f.id in matched:
                continue
            missed += 1
            counts[category(f, p, d.text)] += 1
            if show:
                a, b = f.cue.pieces[0]
                print(f"- {g.document} [{category(f, p, d.text)}] cue {d.text[a:b]!r}: {_sentence(p, d.text, a)}")
            pronoun += f.source is not None and f.source.text.strip().lower() in PRONOUNS
        for pf, gf in pairs:
            pw, gw = _words(d.text, _pieces(pf.content)), _words(d.text, gf.content.pieces)
            inter = len(pw & gw)
            weak_content += 2 * inter < 0.5 * (len(pw) + len(gw))
            ps_, gs_ = _words(d.text, _pieces(pf.source)), _words(d.text, _pieces(gf.source))
            if show and (2 * inter < 0.5 * (len(pw) + len(gw)) or 2 * len(ps_ & gs_) < 0.5 * (len(ps_) + len(gs_))):
                src = pf.source.text if pf.source else None
                gsrc = gf.source.text if gf.source else None
                con = pf.content.text[:70] if pf.content else None
                print(
                    f"~ {g.document} cue {pf.cue.text!r}: source {src!r} (gold {gsrc!r}); content {con!r}"
                    f" (gold {gf.content.text[:70]!r})"
                )
    print(f"{folder}: {missed} missed gold frames")
    print("| cue of the missed frame | count |\n|---|---|")
    for name, n in counts.most_common():
        print(f"| {name} | {n} |")
    print(f"| (of the misses) source only a pronoun | {pronoun} |")
    print(f"| matched frames with content F1 < 0.5 | {weak_content} |")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--show"]
    main(Path(args[0]), Path(args[1]) if len(args) > 1 else None, show="--show" in sys.argv)
