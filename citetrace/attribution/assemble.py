"""Assembly: every frame family's candidates for a document, deduplicated, nested and made into
``Frame`` models with ids in text order (``extract_frames``)."""

from __future__ import annotations

from collections.abc import Sequence

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.channels import add_channels, without_channel_frames
from citetrace.attribution.content import choose_contents
from citetrace.attribution.generic import scored_frames
from citetrace.attribution.lead_in import end_before_asides, end_before_next_cues, trim_lead_ins
from citetrace.attribution.lost_subjects import shared_subjects
from citetrace.attribution.mood import mark_hypothetical
from citetrace.attribution.phrases import according_frames, citing_frames, possessive_frames
from citetrace.attribution.quotes import WORD_RE, credit_frames, find_quotes, quote_frames
from citetrace.attribution.source_phrase import source_phrase
from citetrace.attribution.surface import surface_frames
from citetrace.attribution.tree import Tree, end_before
from citetrace.attribution.verbs import verb_frames
from citetrace.models import (
    Document,
    FoundBy,
    Frame,
    FrameKind,
    ParsedDocument,
    Provenance,
    ProvenanceKind,
    Sentence,
    SourceMention,
    Span,
)
from citetrace.read.provenance import read_provenance


def _norm(text: str) -> str:
    return " ".join(WORD_RE.findall(text.casefold()))


def _dedupe(frames: list[Candidate], text: str) -> list[Candidate]:
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


_WORD_CUES = frozenset({FrameKind.verb, FrameKind.stance, FrameKind.negated, FrameKind.nominal})
# A cue's source that is the outer speaker's own: "tweeted his call", "revealed its polling"
POSSESSIVE_WORDS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# Words that open a clause between two cues: the inner one is then a frame of its own
CLAUSE_OPENERS = frozenset({"that", "what", "when", "who", "whom", "which", "how", "whether", "if", "because", "as"})
CHAIN_GAP = 4  # words at most between two cues that make one: "went on to say", "issued a statement saying"


def _merge_chains(frames: list[Candidate], text: str) -> list[Candidate]:
    """One frame for a chain of cues ("continued to portray", "refusing to concede", "released a
    statement saying"): where a frame's content opens, a few words after its cue, with another
    frame's cue, the two are one frame with the cue running over both, the inner frame's content,
    the outer frame's source, and the kind of the one that reports words. Not where the inner cue has
    a source of its own after a word that opens a clause ("said that his teacher said", "criticized
    what she called"): two frames, one inside the other; a possessive is the same speaker ("tweeted
    his call"). Nor where "and", "or" or "but" joins the two after the outer cue's own words ("praised
    Garland and said ..."): two frames side by side, the outer one's content ending before the
    coordinator ("confirm or deny the report" stays one cue)."""
    inner_of: dict[int, int] = {}
    for i, a in enumerate(frames):
        for j, b in enumerate(frames):
            if i == j or a.kind not in _WORD_CUES or b.kind not in _WORD_CUES or a.sentence != b.sentence:
                continue
            if a.found_by is FoundBy.surface:
                continue  # "others say she was eager to win": a clause, not a chain of cues
            gap = text[a.cue[1] : b.cue[0]]
            if _holds(b, a) and "," in gap:
                continue  # "Both men denied the charges, their lawyer said": b reports a, no chain
            if b.cue[0] >= a.cue[1] and _holds(a, b) and len(WORD_RE.findall(gap)) <= CHAIN_GAP and "." not in gap:
                if _object_then_participle(gap, text[b.cue[0] : b.cue[1]]):
                    # "denied the allegations, calling them absurd": a participle after a comma, two frames
                    start = (
                        a.content[0] if a.cue[1] <= a.content[0] < b.cue[0] else a.cue[1] + len(gap) - len(gap.lstrip())
                    )
                    end = end_before(text, start, b.cue[0])
                    if end > start:
                        a.content = (start, end)
                        continue
                words = WORD_RE.findall(gap.lower())
                if _own_source(b, a.cue[1], text) and CLAUSE_OPENERS.intersection(words):
                    continue
                own = _before_coordinator(text, a.content[0], b)
                if own > a.content[0]:  # "praised Garland and said ...": two cues, one speaker ("confirm or deny": one)
                    a.content = (a.content[0], min(a.content[1], own))
                    continue
                if a.content[0] >= a.cue[1] and len(WORD_RE.findall(text[a.content[0] : b.cue[0]])) <= CHAIN_GAP:
                    inner_of.setdefault(i, j)
    merged_into = set(inner_of.values())
    out = []
    for i, a in enumerate(frames):
        if i in merged_into and i not in inner_of:
            continue
        inner = inner_of.get(i)
        if inner is not None and inner not in inner_of:
            b = frames[inner]
            a.cue = (a.cue[0], b.cue[1])
            a.content, a.more = b.content, a.more + b.more
            a.source = a.source or b.source
            a.kind = b.kind if b.kind.reports_words or not a.kind.reports_words else a.kind
            a.confidence = max(a.confidence, b.confidence)
        out.append(a)
    return out


def _before_coordinator(text: str, start: int, inner: Candidate) -> int:
    """Where the words from ``start`` to the inner frame's cue end before their last coordinator (and a
    comma), one inside the inner frame's source left aside ("said both he and Rubio promised");
    ``start`` where none is there."""
    source = inner.source or (0, 0)
    last = [
        m.start()
        for m in WORD_RE.finditer(text, start, inner.cue[0])
        if m.group().lower() in cues.COORDINATORS and not source[0] <= m.start() < source[1]
    ]
    return end_before(text, start, last[-1]) if last else start


def _own_source(inner: Candidate, after: int, text: str) -> bool:
    """Whether ``inner`` has a source between ``after`` (the outer cue's end) and its cue, other than a
    possessive word ("his", "its")."""
    if inner.source is None or inner.source[0] < after or inner.source[1] > inner.cue[0]:
        return False
    return text[inner.source[0] : inner.source[1]].lower() not in POSSESSIVE_WORDS


def _holds(outer: Candidate, inner: Candidate) -> bool:
    return outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1]


def _width(f: Candidate) -> int:
    return f.content[1] - f.content[0]


def _outranks(f: Candidate, g: Candidate) -> bool:
    """Of two frames holding each other's cues, whether ``f`` is the outer one: a sentence-level
    "according to"/"citing" phrase is outer, otherwise the frame with the wider content."""
    outer = (FrameKind.according, FrameKind.citing)
    if (f.kind in outer) != (g.kind in outer):
        return f.kind in outer
    return _width(f) > _width(g)


def _parents(frames: list[Candidate]) -> list[int | None]:
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


def is_boilerplate(text: str, sentence: Sentence) -> bool:
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


# words that open no object: particles and prepositions ("hit back again, saying", "wrote to investors, telling")
_NO_OBJECT = frozenset("back further on in out up down off again as to at with for from by about over".split())


def _object_then_participle(gap: str, participle: str) -> bool:
    """Whether a cue's words up to a comma are its object and a participle follows ("denied the allegations,
    calling them absurd", "praised Putin, saying"): two frames. Not a particle, a preposition, a time or a
    channel ("responded Friday, saying", "issued a statement, saying": one cue)."""
    words = WORD_RE.findall(gap.lower())
    if not gap.rstrip().endswith(",") or not participle.lower().endswith("ing") or not words:
        return False
    if words[0] in _NO_OBJECT or all(cues.is_time(w) or w in cues.TIME_RELATIVE for w in words):
        return False
    return not any(w in cues.CHANNEL_NOUNS for w in words)


def _after_dateline(span: tuple[int, int], datelines: list[tuple[int, int]], text: str) -> tuple[int, int]:
    """A source or content that starts in a dateline starts after it ("WASHINGTON (AP) — The Trump
    campaign said", "LONDON (Reuters) - Britain's economy grew ..., data showed")."""
    for start, end in datelines:
        if start <= span[0] < end < span[1]:
            return end + len(text[end : span[1]]) - len(text[end : span[1]].lstrip()), span[1]
    return span


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def with_surface(t: Tree, tree: list[Candidate], surface: list[Candidate]) -> list[Candidate]:
    """One sentence's tree frames and surface frames: a surface frame is kept where no tree frame has
    its cue, and replaces the tree frame of its cue that reads another source or content (the tree
    swapped them, or lost one: "..., says James Coxon" read as said by "corporations"); a tree frame
    that agrees takes the surface's speaker with the titles after the name."""
    kept = list(tree)
    for s in surface:
        same = [f for f in kept if _overlaps(f.cue, s.cue)]
        agreed = [f for f in same if _agrees(f.source, s.source) and _within(f.content, s.content)]
        for f in agreed:  # the tree agrees (its content perhaps trimmed by the chooser to come); the speaker
            if _titles(t, f.source, s.source):  # keeps the titles the tree hung elsewhere ("said Jeff Smith, a ...")
                f.source = s.source
        if not agreed:
            kept = [f for f in kept if f not in same] + [s]
    return kept


def _titles(t: Tree, name: tuple[int, int] | None, longer: tuple[int, int] | None) -> bool:
    """Whether what ``longer`` adds to ``name`` is titles set off by a comma ("Larry Noble, an attorney
    with the Campaign Legal Center"): no clause ("..., recalling a false report", "..., after
    listening to ...") and no adverb at its end ("the president often")."""
    if name is None or longer is None or longer[1] <= name[1]:
        return False
    extra = [k for k in t.tokens if name[1] <= k.start and k.end <= longer[1]]
    if extra and all(k.upos == "PROPN" for k in extra):
        return True  # the rest of the name ("Ms." of "Ms. Shanklin-Hawkins")
    if len(extra) < 2 or extra[0].text != "," or extra[1].upos in ("ADP", "SCONJ", "ADV") or extra[-1].upos == "ADV":
        return False
    return not any(k.upos == "AUX" or k.xpos in ("VBG", "VBN", "VBD", "VBZ", "VBP") for k in extra)


def _agrees(tree: tuple[int, int] | None, surface: tuple[int, int] | None) -> bool:
    """The tree's source is the surface's, or the name that opens it ("Dan Conston" of "Dan Conston, a
    senior adviser to the group": the sources stage tells the two apart the same way)."""
    return tree is not None and surface is not None and tree[0] == surface[0] and tree[1] <= surface[1]


def _within(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1] and a[0] < a[1]


def propose(text: str, parsed: ParsedDocument) -> tuple[list[Tree], list[tuple[int, int]], list[Candidate]]:
    """(the sentences' trees, the quotes, the frames of words in the sentences kept by the cue scorer
    and the document's credits). Floating quotes come later (``quote_frames``), once every frame has
    its content: a quote another frame reports is no frame of its own."""
    quotes = find_quotes(text)
    trees = [Tree(s, i, text) for i, s in enumerate(parsed.sentences) if s.tokens and not is_boilerplate(text, s)]
    raw: list[Candidate] = []
    for t in trees:
        tree = verb_frames(t, quotes) + according_frames(t) + citing_frames(t) + possessive_frames(t)
        raw += with_surface(t, tree, surface_frames(t))
    raw += credit_frames(text)
    return trees, quotes, [f for f in scored_frames(trees, quotes, raw) if not _idiom(text, f.cue)]


def _idiom(text: str, cue: tuple[int, int]) -> bool:
    """A cue word in a set phrase that reports nothing ("Rest assured", "needless to say": ``cues.IDIOMS``)."""
    before = cues.IDIOMS.get(text[cue[0] : cue[1]].lower())
    if before is None:
        return False
    words = " ".join(text[max(0, cue[0] - 24) : cue[0]].lower().split())
    return any(words == b or words.endswith(" " + b) for b in before)


def extract_frames(
    document: Document, parsed: ParsedDocument, provenance: Sequence[Provenance] | None = None
) -> list[Frame]:
    """All attribution frames of a document, in text order, with ids f1, f2, ...; ``provenance``:
    what ``provenance.read_provenance`` read from the text, when the caller has it already."""
    text = document.text
    trees, quotes, raw = propose(text, parsed)
    choose_contents(trees, quotes, raw)
    shared_subjects(trees, raw)
    raw = _merge_chains(raw, text)
    trim_lead_ins(trees, raw)
    end_before_next_cues(raw, text, quotes)
    end_before_asides(raw, text)
    raw += quote_frames(text, trees, quotes, raw)
    for t in trees:
        add_channels(t, raw)
    raw = without_channel_frames(raw)
    raw = _dedupe(raw, text)
    mark_hypothetical(trees, raw)
    raw.sort(key=lambda f: (f.cue[0], f.cue[1]))
    parents = _parents(raw)
    frames = []
    starts = [t.span[0] for t in trees]
    datelines = [
        (p.evidence.start, p.evidence.end)
        for p in (read_provenance(text) if provenance is None else provenance)
        if p.kind is ProvenanceKind.wire and p.evidence
    ]
    for i, f in enumerate(raw):
        source = None
        phrase = (
            source_phrase(trees, starts, _after_dateline(f.source, datelines, text)) if f.source is not None else None
        )
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
                confidence=round(f.confidence, 4),
                cue=_span(text, f.cue),
                source=source,
                content=_span(text, _after_dateline(f.content, datelines, text)),
                more_content=[_span(text, piece) for piece in f.more],
                parent=None if (p := parents[i]) is None else f"f{p + 1}",
                channel=_span(text, f.channel) if f.channel else None,
                found_by=f.found_by,
            )
        )
    return frames
