"""Find attribution frames in dependency trees: ``extract_frames(document, parsed) -> list[Frame]``.

Frame types (each rule keeps to what survives a wrong attachment: spans come from subtrees, with a
sentence-level fallback where the tree gives nothing usable):

- verbs of saying/reporting/believing (``cues.SAY_LEMMAS`` and the learned cue forms) with their
  subject as source and clausal complement, object or the governing clause as content;
- "according to X", "citing X", "X's 2019 list" (a publication cited without a verb);
- floating direct quotes, attributed to the last speaker before them;
- document credits ("Read more at ...", "RT with additional input by ...").

Then: channels ("in an interview with Sky News Arabic", "in a letter"), duplicates from repeated
paragraphs removed, ids given in text order, and nesting (a frame whose content holds another
frame's cue is its parent). Sources come out unresolved (canonical = text, kind unknown):
``citetrace.sources`` resolves them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from citetrace import cues
from citetrace.models import (
    Document,
    Frame,
    FrameKind,
    ParsedDocument,
    Sentence,
    SourceKind,
    SourceMention,
    Span,
    Token,
)

_PUNCT_EDGE = set(",;:.-–—()[]")
_QUOTE_RE = re.compile(r"[\u201c\"](?P<body>[^\u201c\u201d\"\n]{3,}?)[\u201d\"]")
_WORD_RE = re.compile(r"\w+")


@dataclass
class _Raw:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int]
    kind: FrameKind
    sentence: int = -1
    channel: tuple[int, int] | None = None
    source_kind: SourceKind = SourceKind.unknown
    children: list[int] = field(default_factory=list)


class _Tree:
    """Index over one sentence's tokens."""

    def __init__(self, sentence: Sentence, index: int, text: str):
        self.index = index
        self.text = text
        self.tokens = sentence.tokens
        self.by_id = {t.id: t for t in self.tokens}
        self.kids: dict[int, list[Token]] = {}
        for t in self.tokens:
            self.kids.setdefault(t.head, []).append(t)

    def children(self, tok: Token, *deprels: str) -> list[Token]:
        return [k for k in self.kids.get(tok.id, []) if k.deprel.split(":")[0] in deprels or k.deprel in deprels]

    def child(self, tok: Token, *deprels: str) -> Token | None:
        found = self.children(tok, *deprels)
        return found[0] if found else None

    def head(self, tok: Token) -> Token | None:
        return self.by_id.get(tok.head)

    def subtree(self, tok: Token) -> set[int]:
        ids, stack = set(), [tok.id]
        while stack:
            i = stack.pop()
            if i in ids:
                continue
            ids.add(i)
            stack.extend(k.id for k in self.kids.get(i, []))
        return ids

    @property
    def span(self) -> tuple[int, int]:
        return self.tokens[0].start, self.tokens[-1].end

    def char_span(self, ids: Iterable[int]) -> tuple[int, int] | None:
        """Offsets of the contiguous run of ``ids`` (the longest run), punctuation trimmed at the edges."""
        ordered = sorted(ids)
        if not ordered:
            return None
        runs, run = [], [ordered[0]]
        for i in ordered[1:]:
            if i == run[-1] + 1:
                run.append(i)
            else:
                runs.append(run)
                run = [i]
        runs.append(run)
        best = max(runs, key=len)
        toks = [self.by_id[i] for i in best]
        while toks and toks[0].text in _PUNCT_EDGE:
            toks = toks[1:]
        while toks and toks[-1].text in _PUNCT_EDGE:
            toks = toks[:-1]
        if not toks:
            return None
        return toks[0].start, toks[-1].end


def _glue(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Widen a span to whole words: "Mina Al" -> "Mina Al-Lami" when the parse split a hyphenated name."""
    if span is None:
        return None
    start, end = span
    glue = "-'\u2019"
    while (
        end < len(text)
        and (text[end].isalnum() or text[end] in glue and end + 1 < len(text) and text[end + 1].isalnum())
        and (text[end - 1].isalnum() or text[end - 1] in glue)
    ):
        end += 1
    if text[start:end].count("(") > text[start:end].count(")") and text[end : end + 1] == ")":
        end += 1
    while (
        start > 0
        and (text[start - 1].isalnum() or text[start - 1] == "-" and start > 1 and text[start - 2].isalnum())
        and text[start].isalnum()
    ):
        start -= 1
    return start, end


_BOUNDARY = {",", ";", ":", "\u2014", "\u2013", '"', "\u201c", "\u201d"}


def _left_phrase(t: _Tree, tok: Token) -> set[int]:
    """Tokens left of ``tok`` back to the last clause boundary outside brackets (a fallback subject)."""
    ids: list[int] = []
    depth = 0
    for k in reversed([x for x in t.tokens if x.id < tok.id]):
        if k.text == ")":
            depth += 1
        elif k.text == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and (k.text in _BOUNDARY or k.upos in ("AUX",) and not ids):
            if k.upos == "AUX":
                continue
            break
        ids.append(k.id)
    while ids and t.by_id[ids[-1]].upos in ("ADP", "SCONJ", "CCONJ", "ADV"):
        ids.pop()  # "In 2014 ... then president X said": keep the noun phrase
    return set(ids)


def _right_rest(t: _Tree, tok: Token) -> set[int]:
    """Tokens right of ``tok`` to the end of the sentence, stopping before ", according to"."""
    ids = set()
    toks = [x for x in t.tokens if x.id > tok.id]
    for i, k in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if k.text == "," and nxt is not None and nxt.text.lower() == "according":
            break
        ids.add(k.id)
    return ids


# --------------------------------------------------------------------------- the learned cue model

CUE_UPOS = frozenset({"VERB", "NOUN", "AUX", "ADJ"})


def cue_features(t: _Tree, tok: Token, quotes: list[tuple[int, int]]) -> list[str]:
    """Features of a candidate cue token for the learned cue model (``bench/train_cue_model.py``)."""
    lemma, form = tok.lemma.lower(), tok.text.lower()
    rel = tok.deprel
    kids = t.kids.get(tok.id, [])
    kid_rels = sorted({k.deprel for k in kids})
    head = t.head(tok)
    subj = t.child(tok, "nsubj")
    ccomp = t.child(tok, "ccomp")
    prev = t.by_id.get(tok.id - 1)
    nxt = t.by_id.get(tok.id + 1)
    in_quote = any(qs < tok.start < qe for qs, qe in quotes)
    f = [
        "bias",
        f"l={lemma}",
        f"w={form}",
        f"u={tok.upos}",
        f"x={tok.xpos}",
        f"r={rel}",
        f"l|r={lemma}|{rel}",
        f"h={head.lemma.lower() if head else 'ROOT'}",
        f"hu={head.upos if head else 'ROOT'}",
        f"p={prev.lemma.lower() if prev else 'BOS'}",
        f"n={nxt.lemma.lower() if nxt else 'EOS'}",
        f"l|n={lemma}|{nxt.lemma.lower() if nxt else 'EOS'}",
        f"q={in_quote}",
        f"say={lemma in cues.SAY_LEMMAS}",
        f"learned={form in cues.learned_cue_forms()}",
        f"neg={_negated(t, tok)}",
    ]
    f += [f"k={r}" for r in kid_rels] + [
        f"l|k={lemma}|{r}" for r in kid_rels if r.split(":")[0] in ("ccomp", "xcomp", "nsubj", "obj", "obl", "mark")
    ]
    if subj is not None:
        f += [
            f"su={subj.upos}",
            f"sl={subj.lemma.lower()}",
            f"sk={getattr(cues.SOURCE_NOUNS.get(subj.lemma.lower()), 'value', 'none')}",
            f"l|su={lemma}|{subj.upos}",
        ]
    else:
        f.append("nosubj")
    if ccomp is not None:
        marks = [k.lemma.lower() for k in t.children(ccomp, "mark")]
        f.append(f"cm={marks[0] if marks else 'none'}")
        f.append(f"l|cc={lemma}|ccomp")
    if head is not None and tok.deprel.split(":")[0] in ("parataxis", "ccomp"):
        f.append(f"l|gov={lemma}|{tok.deprel}")
    return f


def cue_score(features: list[str]) -> float:
    """Probability that a token is an attribution cue, from the learned logistic model."""
    weights = cues.cue_model()
    z = sum(weights.get(x, 0.0) for x in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# --------------------------------------------------------------------------- verb frames


def _negated(t: _Tree, tok: Token) -> bool:
    """ "did not mention", "careful not to credit": negated cues report nothing."""
    before = [k.lemma.lower() for k in t.tokens if tok.id - 3 <= k.id < tok.id]
    if any(k.lemma.lower() in ("not", "never") for k in t.children(tok, "advmod")) or {"not", "never", "n't"} & set(
        before
    ):
        return True
    head = t.head(tok)  # "not to credit the US or even mention Soleimani": the negation spreads over "or"
    return tok.deprel == "conj" and head is not None and head.upos == "VERB" and _negated(t, head)


def _is_cue_verb(tok: Token) -> tuple[bool, bool]:
    """(is a cue, is a core verb of saying)."""
    if tok.upos != "VERB":
        return False, False
    lemma, form = tok.lemma.lower(), tok.text.lower()
    if form == "according" or lemma in ("cite", "accord"):
        return False, False  # prepositional frames, handled by their own rules
    core = lemma in cues.SAY_LEMMAS
    return core or form in cues.learned_cue_forms(), core


def _subject(t: _Tree, tok: Token, depth: int = 0) -> tuple[set[int] | None, bool]:
    """Token ids of the source of ``tok`` and whether the clause is passive."""
    subj = t.child(tok, "nsubj")
    if subj is not None:
        passive = subj.deprel == "nsubj:pass"
        if passive:
            agent = next((k for k in t.children(tok, "obl") if k.deprel == "obl:agent"), None)
            return (t.subtree(agent) - {k.id for k in t.children(agent, "case")} if agent else None), True
        if subj.text.lower() in cues.RELATIVE_PRONOUNS and tok.deprel.startswith("acl"):
            antecedent = t.head(tok)
            if antecedent is not None:
                return t.subtree(antecedent) - t.subtree(tok), False
        ids: set[int] = set()
        for k in t.children(tok, "nsubj"):  # a name the parse split into two subjects: "Masoud" "Barzani"
            ids |= t.subtree(k)
        return ids, False
    if t.child(tok, "csubj") is not None:
        return None, False
    parent = t.head(tok)
    if parent is not None and depth < 3 and tok.deprel.split(":")[0] in ("xcomp", "advcl", "conj"):
        return _subject(t, parent, depth + 1)
    if parent is not None and depth < 3 and tok.deprel == "acl" and tok.text.lower().endswith("ing"):
        governor = t.head(parent)
        if governor is not None and governor.upos == "VERB":
            return _subject(t, governor, depth + 1)
    return None, False


def _verb_frames(t: _Tree, quotes: list[tuple[int, int]]) -> list[_Raw]:
    frames: list[_Raw] = []
    model = bool(cues.cue_model())
    for tok in t.tokens:
        is_cue, core = _is_cue_verb(tok)
        added = False
        if model and tok.upos == "VERB" and tok.lemma.lower() not in ("cite", "accord"):
            p = cue_score(cue_features(t, tok, quotes))
            if p < cues.CUE_VETO:
                continue  # the learned model says this word is not a cue here ("say" inside a quote, "called" a name)
            if not is_cue and p >= cues.CUE_ADD:
                is_cue = added = True  # a cue outside the lexicons ("slammed", "warns")
            if p >= cues.CUE_STRONG and not added:
                core = core or tok.lemma.lower() not in cues.NEEDS_CONTENT
        if not is_cue:
            continue
        if (
            added
            and t.child(tok, "ccomp", "xcomp", "parataxis") is None
            and not any(qs >= tok.end and qs - tok.end <= 3 for qs, _ in quotes)
        ):
            continue  # an unknown verb reports only a clause or a quote, not an object ("launched a strike")
        lemma = tok.lemma.lower()
        cue = (tok.start, tok.end)
        content_ids: set[int] | None = None
        prt = t.child(tok, "compound:prt")
        if prt is not None:
            cue = (min(cue[0], prt.start), max(cue[1], prt.end))
        if lemma in cues.PHRASAL:
            marked = [
                (o, c)
                for o in t.children(tok, "obl")
                for c in t.children(o, "case")
                if c.lemma.lower() in cues.PHRASAL[lemma]
            ]
            if marked:
                obl, case = marked[0]
                cue = (tok.start, case.end) if case.start > tok.start else cue
                content_ids = t.subtree(obl) - {case.id}
        if content_ids is None:
            for rel in ("ccomp", "xcomp"):
                c = t.child(tok, rel)
                if c is not None:
                    content_ids = t.subtree(c)
                    break
        inverted = None
        obj = t.child(tok, "obj")
        if (
            core
            and obj is not None
            and t.child(tok, "nsubj") is None
            and obj.start > tok.start
            and (obj.upos == "PROPN" or obj.lemma.lower() in cues.SOURCE_NOUNS)
            and lemma in ("say", "write", "add", "tell", "state", "explain", "argue")
        ):
            inverted, obj = obj, None  # "..., says Adib-Moghaddam": the speaker after the verb
        if content_ids is None and lemma == "tell":
            obj = None  # "told them": the addressee, not the content
        if content_ids is None:
            if obj is not None:
                content_ids = t.subtree(obj)
                for k in t.children(tok, "obl", "xcomp", "advcl"):
                    if k.start > obj.start and any(c.lemma.lower() == "as" for c in t.children(k, "case", "mark")):
                        content_ids |= t.subtree(k)
        if content_ids is None:
            para = [k for k in t.children(tok, "parataxis") if k.upos in ("VERB", "AUX", "ADJ", "NOUN")]
            if para:
                content_ids = t.subtree(para[0])
        if content_ids is None:
            about = [
                o
                for o in t.children(tok, "obl")
                if o.start > tok.start and any(c.lemma.lower() in ("on", "about", "of") for c in t.children(o, "case"))
            ]
            if about:
                content_ids = t.subtree(about[0])
        if content_ids is None and tok.deprel.split(":")[0] in ("parataxis", "ccomp") and core:
            governor = t.head(tok)
            if governor is not None:
                content_ids = t.subtree(governor) - t.subtree(tok)
        if content_ids is None and core and lemma in ("say", "tell", "write", "add", "tweet", "state"):
            # The tree gave no complement: the rest of the sentence, if it is a quote or a clause.
            rest = {x.id for x in t.tokens} - t.subtree(tok)
            if sum(1 for i in rest if t.by_id[i].upos not in ("PUNCT",)) >= 3:
                content_ids = rest
        source_ids, passive = _subject(t, tok)
        if inverted is not None and source_ids is None:
            source_ids = t.subtree(inverted)
            if content_ids is not None:
                content_ids -= source_ids
        odd = tok.deprel.split(":")[0] not in ("xcomp", "advcl", "conj", "acl", "parataxis", "ccomp")
        if core and source_ids is None and not passive and odd and not tok.text.lower().endswith("ing"):
            left = _left_phrase(t, tok)  # the tree lost the subject: take the phrase to the left
            if any(t.by_id[i].upos in ("PROPN", "NOUN", "PRON") for i in left):
                source_ids = left
                if content_ids is None or content_ids & left:
                    content_ids = _right_rest(t, tok) or None
        if content_ids is None and passive and source_ids:
            subj = t.child(tok, "nsubj")  # "O'Malley's move was first reported by MSNBC"
            content_ids = t.subtree(subj) if subj is not None else None
        content_span: tuple[int, int] | None = None
        if content_ids is None and source_ids:
            content_span = _adjacent_quote(t, tok, source_ids, quotes)  # "“...,” he concluded."
            content_ids = set() if content_span else None
        if content_ids is None:
            continue
        if not core and (source_ids is None or lemma in cues.NEEDS_CONTENT and not content_ids):
            continue
        if lemma in cues.NEEDS_CONTENT and source_ids is None:
            continue
        content = content_span or t.char_span(content_ids - {tok.id})
        if content is None:
            continue
        if content[0] < cue[1] and cue[0] < content[1]:
            continue  # the content cannot hold its own cue
        source = _glue(t.text, t.char_span(source_ids)) if source_ids else None
        if source is not None and source[0] < cue[1] and cue[0] < source[1]:
            source = None
        if _negated(t, tok):
            continue
        frames.append(_Raw(cue, source, _extend_to_quote(_glue(t.text, content), quotes), FrameKind.verb, t.index))
    return frames


def _adjacent_quote(
    t: _Tree, tok: Token, source_ids: set[int], quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """A quote right before the speaker ("“...,” he said.") or right after the cue ("he added, “...”")."""
    first = t.by_id[min(source_ids | {tok.id})]
    if any(qs <= tok.start < qe for qs, qe in quotes):
        return None  # a verb inside a quote is the speaker's word, not a cue for the quote
    for qs, qe in quotes:
        between_before = t.text[qe : first.start]
        between_after = t.text[tok.end : qs]
        if qe <= first.start and len(between_before) <= 3 and not any(c.isalnum() for c in between_before):
            return qs, qe
        if qs >= tok.end and len(between_after) <= 3 and not any(c.isalnum() for c in between_after):
            return qs, qe
    return None


# --------------------------------------------------------------------------- prepositional frames


def _according_frames(t: _Tree) -> list[_Raw]:
    frames = []
    toks = t.tokens
    for i, tok in enumerate(toks[:-1]):
        if tok.text.lower() != "according" or toks[i + 1].text.lower() != "to":
            continue
        to = toks[i + 1]
        nominal = t.head(tok)
        if nominal is not None and nominal.id > to.id:
            ids = {j for j in t.subtree(nominal) if j > to.id}
            # keep the contiguous run after "to"
            run, j = set(), to.id + 1
            while j in ids:
                run.add(j)
                j += 1
            source = t.char_span(run)
        else:
            run = set()
            for k in toks[i + 2 :]:
                if k.text in (",", ";", ".", ":") or k.deprel == "punct" and k.text not in ("'", '"'):
                    break
                run.add(k.id)
            source = t.char_span(run)
        if source is None:
            continue
        source = _glue(t.text, source)
        phrase = (tok.start, source[1])
        s_start, s_end = t.span
        before = t.char_span(x.id for x in toks if x.end <= phrase[0])
        after = t.char_span(x.id for x in toks if x.start >= phrase[1])
        if after is None and before is not None:
            content = before
        elif before is None and after is not None:
            content = after
        else:
            content = (s_start, s_end)
        frames.append(_Raw((tok.start, to.end), source, content, FrameKind.according, t.index))
    return frames


def _looks_like_source(t: _Tree, tok: Token) -> bool:
    lemma = tok.lemma.lower()
    return tok.upos == "PROPN" or lemma in cues.SOURCE_NOUNS or lemma in cues.ANONYMOUS_NOUNS


def _citing_frames(t: _Tree) -> list[_Raw]:
    frames = []
    for tok in t.tokens:
        if tok.lemma.lower() != "cite" or tok.upos != "VERB":
            continue
        obj = t.child(tok, "obj")
        governor = t.head(tok)
        if obj is None or not _looks_like_source(t, obj):
            continue
        source = t.char_span(t.subtree(obj))
        if governor is not None and tok.deprel.split(":")[0] in ("advcl", "xcomp", "conj", "acl"):
            content = t.char_span(t.subtree(governor) - t.subtree(tok))
        else:
            content = t.char_span({x.id for x in t.tokens} - t.subtree(tok))
        if source and content:
            frames.append(_Raw((tok.start, tok.end), source, content, FrameKind.citing, t.index))
    return frames


_PUBLICATION_HEADS = frozenset("list report study survey poll ranking index editorial analysis investigation".split())


def _possessive_frames(t: _Tree) -> list[_Raw]:
    """ "Foreign Policy (FP)'s 2019 list": a publication cited without a verb."""
    frames = []
    toks = t.tokens
    for i, tok in enumerate(toks):
        if tok.text.lower() not in ("'s", "\u2019s", "'") or i == 0:
            continue
        ahead = [k for k in toks[i + 1 : i + 4] if k.upos == "NOUN"]
        if not ahead or ahead[0].lemma.lower() not in _PUBLICATION_HEADS:
            continue
        ids, depth = [], 0
        for k in reversed(toks[:i]):
            if k.text == ")":
                depth += 1
            elif k.text == "(":
                depth -= 1
            elif depth == 0 and not (k.upos == "PROPN" or k.text[:1].isupper() and k.upos in ("ADJ", "NOUN")):
                break
            ids.append(k.id)
        source = t.char_span(ids)
        if source is None or not any(t.by_id[j].upos == "PROPN" for j in ids):
            continue
        frames.append(_Raw((tok.start, tok.end), _glue(t.text, source), t.span, FrameKind.possessive, t.index))
    return frames


# --------------------------------------------------------------------------- quotes and credits


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotes (quote marks included) of at least four words."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text) if len(_WORD_RE.findall(m.group("body"))) >= 4]


def _extend_to_quote(content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A content that starts or ends inside a quote takes the whole quote (quotes span sentences)."""
    start, end = content
    for qs, qe in quotes:
        if qs < end and start < qe:
            start, end = min(start, qs), max(end, qe)
    return start, end


def _quote_frames(text: str, trees: list[_Tree], quotes: list[tuple[int, int]], frames: list[_Raw]) -> list[_Raw]:
    """Quotes that no frame covers and that stand as sentences take the last speaker before them."""
    found = []
    for qs, qe in quotes:
        if any(f.content[0] <= qs < f.content[1] or qs <= f.cue[0] < qe for f in frames):
            continue
        tree = next((t for t in trees if t.span[0] <= qs < t.span[1]), None)
        if tree is None or qs - tree.span[0] > 1:
            continue  # a quote inside a sentence is a word or phrase quoted, not a statement
        earlier = [f for f in frames if f.source is not None and f.cue[0] < qs and f.kind is not FrameKind.credit]
        last = max(earlier, key=lambda f: f.cue[0]) if earlier else None
        source = last.source if last else None
        if last is not None and "\n" not in text[max(last.cue[1], last.content[1]) : qs]:
            continue  # the same paragraph goes on quoting the same speaker: part of that frame, not a new one
        cue = (qs, qs + 1)
        colon = len(text[:qs].rstrip()) - 1
        intro = next((t for t in trees if t.span[0] <= colon < t.span[1]), None)
        if colon >= 0 and text[colon] == ":" and intro is not None:
            # "Cruz continued:" + quote: the verb before the colon is the cue, its subject the source
            verbs = [k for k in intro.tokens if k.upos == "VERB" and k.end <= colon]
            cue = (colon, colon + 1)
            if verbs and len([k for k in intro.tokens if verbs[-1].id < k.id and k.end <= colon]) <= 3:
                cue = (verbs[-1].start, colon + 1)
                subj, _ = _subject(intro, verbs[-1])
                if subj:
                    source = _glue(text, intro.char_span(subj))
        found.append(_Raw(cue, source, (qs, qe), FrameKind.quote, tree.index))
    return found


def _credit_frames(text: str) -> list[_Raw]:
    frames = []
    for pattern in cues.CREDIT_PATTERNS:
        if not pattern.is_frame:
            continue
        for m in pattern.regex.finditer(text):
            line_end = text.find("\n", m.start())
            line = (m.start(), len(text.rstrip()) if line_end < 0 else line_end)
            end = line[0] + len(text[line[0] : line[1]].rstrip())
            frames.append(
                _Raw(m.span("cue"), m.span("source"), (line[0], end), FrameKind.credit, source_kind=SourceKind.outlet)
            )
    return frames


# --------------------------------------------------------------------------- channels


_PRINT_NOUNS = frozenset("newspaper paper magazine weekly journal".split())
_CHANNEL_NOUNS = (
    frozenset("interview letter statement tweet post op-ed editorial speech conference broadcast".split())
    | _PRINT_NOUNS
)


def _channels(t: _Tree, frames: list[_Raw]) -> None:
    """Attach "in an interview with X" (X), "in a letter ..." (the letter) to the sentence's verb frames."""
    for tok in t.tokens:
        lemma = tok.lemma.lower()
        if lemma not in _CHANNEL_NOUNS or tok.upos != "NOUN":
            continue
        with_x = [k for k in t.children(tok, "nmod") if any(c.lemma.lower() == "with" for c in t.children(k, "case"))]
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
                tok.deprel.startswith("obl") and t.head(tok) is not None and t.head(tok).upos == "VERB"
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


# --------------------------------------------------------------------------- assembly


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.casefold()))


def _dedupe(frames: list[_Raw], text: str) -> list[_Raw]:
    """Drop frames repeated word for word (a caption printed twice), and frames sharing one cue."""
    seen: set[tuple] = set()
    by_cue: set[tuple[int, int]] = set()
    kept = []
    for f in sorted(frames, key=lambda f: (f.cue[0], f.kind is not FrameKind.verb, f.content)):
        key = (
            _norm(text[f.cue[0] : f.cue[1]]),
            _norm(text[f.source[0] : f.source[1]]) if f.source else "",
            _norm(text[f.content[0] : f.content[1]]),
        )
        if key in seen or f.cue in by_cue:
            continue
        seen.add(key)
        by_cue.add(f.cue)
        kept.append(f)
    return kept


def _holds(outer: _Raw, inner: _Raw) -> bool:
    return outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1]


def _width(f: _Raw) -> int:
    return f.content[1] - f.content[0]


def _outranks(f: _Raw, g: _Raw) -> bool:
    """Of two frames holding each other's cues, whether ``f`` is the outer one: a sentence-level
    "according to"/"citing" phrase is outer, otherwise the frame with the wider content."""
    outer = (FrameKind.according, FrameKind.citing)
    if (f.kind in outer) != (g.kind in outer):
        return f.kind in outer
    return _width(f) > _width(g)


def _parents(frames: list[_Raw]) -> list[int | None]:
    """Index of each frame's parent: the frame with the smallest content that holds its cue.

    Two frames may hold each other's cues ("X portrayed Y, according to Z" where the parse put the
    "according to" phrase inside Y): the "according to" frame is the parent (``_outranks``).
    """
    parents: list[int | None] = []
    for i, f in enumerate(frames):
        holders = [
            j
            for j, g in enumerate(frames)
            if j != i and g.kind is not FrameKind.credit and _holds(g, f) and not (_holds(f, g) and _outranks(f, g))
        ]
        parents.append(min(holders, key=lambda j: _width(frames[j])) if holders else None)
    for i in range(len(frames)):  # break any cycle left: a frame cannot be its own ancestor
        seen, j = {i}, parents[i]
        while j is not None:
            if j in seen:
                parents[i] = None
                break
            seen.add(j)
            j = parents[j]
    for i, j in enumerate(parents):  # the nested content stops where its parent's cue phrase starts
        if j is not None and frames[j].kind is FrameKind.according and _holds(frames[i], frames[j]):
            cut = frames[j].cue[0]
            f = frames[i]
            if f.content[0] < cut:
                f.content = (f.content[0], cut)
    return parents


def _span(text: str, s: tuple[int, int]) -> Span:
    start, end = s
    while end > start and text[end - 1] in " ,;\n\t":
        end -= 1
    return Span(text=text[start:end], start=start, end=end)


def _boilerplate(text: str, sentence: Sentence) -> bool:
    """Headlines, link teasers and page furniture: a sentence that is a whole line without final punctuation,
    or one that starts with "Read more:" or "Trending:"."""
    start, end = sentence.tokens[0].start, sentence.tokens[-1].end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if any(line.startswith(p) for p in cues.BOILERPLATE_PREFIXES):
        return True
    whole_line = (
        text[line_start:start].strip() == "" and text[end : len(text) if line_end < 0 else line_end].strip() == ""
    )
    return whole_line and not line.rstrip("\"\u201d'\u2019 ").endswith((".", "!", "?", ":"))


_FUNCTION_UPOS = frozenset({"ADP", "SCONJ", "CCONJ", "PUNCT"})
_NOMINAL_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _cut(t: _Tree, toks: list[Token], root: Token, deprels: frozenset[str]) -> list[Token]:
    """The run of ``toks`` around ``root`` left when the subtrees of tokens attached by ``deprels`` are cut."""
    cut: set[int] = set()
    for k in toks:
        if k.id != root.id and (k.deprel in deprels or k.deprel.split(":")[0] in deprels):
            cut |= t.subtree(k)
    at = toks.index(root)
    lo = at
    while lo > 0 and toks[lo - 1].id not in cut:
        lo -= 1
    hi = at
    while hi + 1 < len(toks) and toks[hi + 1].id not in cut:
        hi += 1
    kept = toks[lo : hi + 1]
    while len(kept) > 1 and len(kept) < len(toks) and kept[-1].text in _BOUNDARY | {"-"}:
        kept.pop()
    return kept


def _source_phrase(trees: list[_Tree], starts: list[int], span: tuple[int, int]) -> tuple[int, int] | None:
    """The source phrase of ``span``, or None when it is a clause or a prepositional phrase. A phrase
    longer than ``cues.MAX_SOURCE_WORDS`` loses its relative clauses, then its other clausal dependents,
    then its appositions and conjuncts, and is no source if it is still too long (``cues.SOURCE_CUTS``).
    Spans outside the parsed sentences (credits, page furniture) are kept as they are."""
    i = bisect_right(starts, span[0]) - 1
    toks = [k for k in trees[i].tokens if k.start >= span[0] and k.end <= span[1]] if i >= 0 else []
    if not toks:
        return span
    t = trees[i]
    ids = {k.id for k in toks}
    if len(toks) > 1 and toks[0].upos in _FUNCTION_UPOS:
        ids.discard(toks.pop(0).id)  # one leading marker: "as" in "as Iran issued new threats"
    roots = [k for k in toks if k.head not in ids]
    root = next((k for k in roots if k.upos in _NOMINAL_UPOS), roots[0])
    kept = toks
    for deprels in cues.SOURCE_CUTS:
        if sum(1 for k in kept if k.upos != "PUNCT") > cues.MAX_SOURCE_WORDS:
            kept = _cut(t, kept, root, deprels)
    clause = root.upos in ("VERB", "AUX") and any(
        k.head == root.id and k.deprel.split(":")[0] in cues.CLAUSE_CORE_DEPRELS for k in kept
    )
    words = sum(1 for k in kept if k.upos != "PUNCT")
    if clause or kept[0].upos in ("ADP", "SCONJ") or words > cues.MAX_SOURCE_WORDS:
        return None
    return span if kept[0].start == span[0] and kept[-1].end == span[1] else (kept[0].start, kept[-1].end)


def extract_frames(document: Document, parsed: ParsedDocument) -> list[Frame]:
    """All attribution frames of a document, in text order, with ids f1, f2, ..."""
    text = document.text
    quotes = find_quotes(text)
    trees = [_Tree(s, i, text) for i, s in enumerate(parsed.sentences) if s.tokens and not _boilerplate(text, s)]
    raw: list[_Raw] = []
    for t in trees:
        raw += _verb_frames(t, quotes) + _according_frames(t) + _citing_frames(t) + _possessive_frames(t)
    raw += _quote_frames(text, trees, quotes, raw)
    raw += _credit_frames(text)
    for t in trees:
        _channels(t, raw)
    raw = _dedupe(raw, text)
    raw.sort(key=lambda f: (f.cue[0], f.cue[1]))
    parents = _parents(raw)
    frames = []
    starts = [t.span[0] for t in trees]
    for i, f in enumerate(raw):
        source = None
        phrase = _source_phrase(trees, starts, f.source) if f.source is not None else None
        if phrase is not None:
            f.source = phrase
            s_text = text[f.source[0] : f.source[1]]
            source = SourceMention(
                text=s_text, start=f.source[0], end=f.source[1], canonical=s_text, kind=f.source_kind
            )
        frames.append(
            Frame(
                id=f"f{i + 1}",
                kind=f.kind,
                cue=_span(text, f.cue),
                source=source,
                content=_span(text, f.content),
                parent=f"f{parents[i] + 1}" if parents[i] is not None else None,
                channel=_span(text, f.channel) if f.channel else None,
            )
        )
    return frames
