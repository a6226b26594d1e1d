"""Quote frames (a floating direct quote takes the last speaker before it) and document credits
("Read more at DailyMail.co.uk", "RT with additional input by GVS News Desk")."""

from __future__ import annotations

import re

from citetrace.attribution import cues
from citetrace.attribution.candidate import Candidate
from citetrace.attribution.subjects import subject_of
from citetrace.attribution.tree import Tree, glue
from citetrace.models import FoundBy, FrameKind, SourceKind, Token
from citetrace.read.credits import CREDIT_PATTERNS

WORD_RE = re.compile(r"\w+")
# a quote in curly or straight double marks, or in doubled apostrophes (''...'', as the New York Times
# articles of PolNeAR and Penn-style texts write them)
QUOTE_RE = re.compile(
    r"[\u201c\"](?P<body>[^\u201c\u201d\"\n]{3,}?)[\u201d\"]|''(?P<doubled>(?:(?!'')[^\n\u201c\u201d\"]){3,}?)''"
)


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotes (quote marks included) of at least four words."""
    return [
        (m.start(), m.end())
        for m in QUOTE_RE.finditer(text)
        if len(WORD_RE.findall(m.group("body") or m.group("doubled"))) >= 4
    ]


def extend_to_quote(content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A content that starts or ends inside a quote takes the whole quote (quotes span sentences)."""
    start, end = content
    for qs, qe in quotes:
        if qs < end and start < qe:
            start, end = min(start, qs), max(end, qe)
    return start, end


def quote_frames(
    text: str, trees: list[Tree], quotes: list[tuple[int, int]], frames: list[Candidate]
) -> list[Candidate]:
    """Quotes that no frame covers and that stand as sentences take the last speaker before them."""
    found: list[Candidate] = []
    known = list(frames)  # and the tags found here: "“...,” the two write. “...”" goes on quoting them
    for qs, qe in quotes:
        if any(f.content[0] <= qs < f.content[1] or qs <= f.cue[0] < qe for f in frames):
            continue
        tree = next((t for t in trees if t.span[0] <= qs < t.span[1]), None)
        if tree is None:
            continue
        if _joined_to_split(text, known, tree, qs, qe):
            continue
        if qs - tree.span[0] > 1:  # a quote inside a sentence is a word or phrase quoted, not a statement,
            introduced = _introduced(text, tree, qs)  # unless a verb and a colon introduce it
            if introduced is not None:
                found.append(Candidate(*introduced, (qs, qe), FrameKind.quote, tree.index))
                known.append(found[-1])
            continue
        named = _speaker_after(text, qe, tree)
        if named is not None:  # "“...,” Viguerie concludes." where the parse lost the verb (a noun, an apposition)
            found.append(Candidate(named[0], named[1], (qs, qe), FrameKind.verb, tree.index))
            known.append(found[-1])
            continue
        owner = _quote_owner(text, known, qs, qe)
        if owner is not None:
            owner.more.append((qs, qe))  # "“...,” Viguerie adds." / "Cruz continued:" + quote: that frame's words
            continue
        earlier = [
            f
            for f in known
            if f.source is not None and f.cue[0] < qs and f.kind.reports_words and f.kind is not FrameKind.credit
        ]
        last = max(earlier, key=lambda f: f.cue[0]) if earlier else None
        source = last.source if last else None
        said_end = max([last.cue[1], last.content[1], *(e for _, e in last.more)]) if last is not None else qs
        gap = text[said_end:qs]
        if last is not None and ("\n" not in gap or _paragraph_break(gap)):
            # the same paragraph, or the very next one, goes on quoting the same speaker: that frame's words
            last.more.append((qs, qe))
            continue
        cue = (qs, qs + 1)
        colon = len(text[:qs].rstrip()) - 1
        intro = next((t for t in trees if t.span[0] <= colon < t.span[1]), None)
        if colon >= 0 and text[colon] == ":" and intro is not None:
            # "Cruz continued:" + quote: the verb before the colon is the cue, its subject the source
            cue = (colon, colon + 1)
            verb = _verb_before(intro, colon)
            if verb is not None:
                cue = (verb.start, colon + 1)
                subj, _ = subject_of(intro, verb)
                if subj:
                    source = glue(text, intro.char_span(subj))
        found.append(Candidate(cue, source, (qs, qe), FrameKind.quote, tree.index))
    return found


def _joined_to_split(text: str, frames: list[Candidate], tree: Tree, qs: int, qe: int) -> bool:
    """Join the quote ``qs``-``qe`` to the frame whose quote it is the other half of ('"The economy is
    strong," she says, "but people don't feel it."': one quote, the first half the content)."""
    split = _split_from(text, frames, tree, qs, qe)
    if split is None or (qs, qe) in split.more:
        return False
    if qe <= split.content[0]:
        split.content, split.more = (qs, qe), [split.content, *split.more]
    else:
        split.more.append((qs, qe))
    return True


def _split_from(text: str, frames: list[Candidate], tree: Tree, qs: int, qe: int) -> Candidate | None:
    """The frame whose quote the quote ``qs``-``qe`` is the other half of, in the same sentence, on the
    other side of its speaker and cue with only commas between ('"...," she says, "but ..."')."""
    for f in frames:
        if f.sentence != tree.index or text[f.content[0] : f.content[0] + 1] not in cues.QUOTE_MARKS:
            continue
        words = [f.cue, *([f.source] if f.source is not None else [])]
        lo, hi = min(a for a, _ in words), max(b for _, b in words)
        first, second = (f.content[1], qs) if f.content[1] <= lo else (qe, f.content[0])
        if first <= lo and hi <= second and not text[first:lo].strip(" ,") and not text[hi:second].strip(" ,"):
            return f
    return None


def _introduced(text: str, tree: Tree, qs: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue, source) of a quote that a verb and a colon introduce inside its sentence ("She went on:
    “...”", "Wallnau continues: “...”", "Clinton said in a statement: “...”"): the verb, at most
    ``COLON_GAP`` words before the colon, with the colon is the cue, whatever the verb, and its subject
    the source; None where no verb with a subject stands there ("Their goal: “...”", "consider this:")."""
    colon = len(text[:qs].rstrip()) - 1
    if colon < tree.span[0] or text[colon] != ":":
        return None
    verb = _verb_before(tree, colon)
    if verb is None or any(k.xpos == "WRB" for k in tree.kids.get(verb.id, [])):
        return None  # "hits liberals where they live:"
    subj, _ = subject_of(tree, verb)
    source = glue(text, tree.char_span(subj)) if subj else None
    return ((verb.start, colon + 1), source) if source is not None and source[1] <= colon else None


COLON_GAP = 3  # words between a verb and the colon after it ("said in a statement:")


def _verb_before(tree: Tree, colon: int) -> Token | None:
    """The last verb before the colon at ``colon``, if at most ``COLON_GAP`` words stand between them."""
    verbs = [k for k in tree.tokens if k.upos == "VERB" and k.end <= colon]
    if not verbs or len([k for k in tree.tokens if verbs[-1].id < k.id and k.end <= colon]) > COLON_GAP:
        return None
    return verbs[-1]


SPEAKER_AFTER = re.compile(
    r"[ ,]*(?P<source>(?:[A-Z][\w.'\u2019-]*[ ]+){1,4}?|(?:he|she|they|we|I)[ ]+"
    r"|(?:the|a|an|his|her|their)[ ]+(?:[a-z'\u2019-]+[ ]+){1,3}?)(?P<cue>[a-z]+)\b"
)
# A dialogue tag's verb may take one of these ("shot back", "chimed in", "went on"); then the sentence ends
TAG_PARTICLES = ("back", "in", "on", "up", "out", "off", "along")
TAG_END = re.compile(r"(?:[ ]+(?:" + "|".join(TAG_PARTICLES) + r"))?(?=[ ]*[.!,])")


def _speaker_after(text: str, qe: int, tree: Tree) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue, source) of "Viguerie concludes" / "he adds" right after a quote, read from the words (the
    parse often makes such a verb a noun): a name or a pronoun, then a verb of saying; or then any
    verb, with a particle, that ends the sentence after a quote closed by a comma, a question or an
    exclamation mark: a dialogue tag ("“...,” he went on.", "“...,” Smith shot back.")."""
    m = SPEAKER_AFTER.match(text, qe)
    if m is None:
        return None
    word = m.group("cue")
    source = (m.start("source"), m.start("source") + len(m.group("source").rstrip()))
    if word in cues.learned_cue_forms() or word.removesuffix("s") in cues.SAY_LEMMAS:
        return m.span("cue"), source
    tail = TAG_END.match(text, m.end("cue"))
    verb = next((k for k in tree.tokens if k.start == m.start("cue")), None)
    if tail is None or verb is None or verb.upos != "VERB" or not _awaits_tag(text, qe):
        return None
    return (m.start("cue"), tail.end()), source


def _awaits_tag(text: str, quote_end: int) -> bool:
    """Whether the quote ending at ``quote_end`` closes on a comma, a question or an exclamation mark
    inside its marks, so that its sentence goes on with the tag ("“...,” he said")."""
    return text[quote_end - 2 : quote_end - 1] in (",", "?", "!")


def dialogue_tag(text: str, quote: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Whether the cue follows the quote as its dialogue tag: the quote closed by a comma, a question
    or an exclamation mark, then a speaker of a few words and the cue ("“...,” she laughed.")."""
    between = text[quote[1] : cue[0]]
    if not _awaits_tag(text, quote[1]) or SPEAKER_AFTER.match(text, quote[1]) is None:
        return False
    return 0 < len(WORD_RE.findall(between)) <= 4 and "\n" not in between


def _paragraph_break(gap: str) -> bool:
    """Whether the text between a speaker's words and a quote is the end of a sentence and a paragraph
    break, nothing else ("... he says.\n\n“..."): a quote that opens the next paragraph goes on."""
    head, _, tail = gap.partition("\n")
    return not tail.strip() and len(head.strip()) <= 3 and not any(c.isalnum() for c in head)


def _quote_owner(text: str, frames: list[Candidate], qs: int, qe: int) -> Candidate | None:
    """The frame whose speaker or cue follows the quote at once ("“...,” Viguerie adds"), or whose cue
    ends a few words before the colon that introduces it ("Cruz continued:")."""
    for f in frames:
        if not f.kind.reports_words or f.kind is FrameKind.credit:
            continue
        first = min(f.cue[0], f.source[0] if f.source else f.cue[0])
        between = text[qe:first]
        if first >= qe and len(between) <= 3 and not any(c.isalnum() or c == "\n" for c in between):
            return f
        lead = text[f.cue[1] : qs]
        if f.cue[1] <= qs and lead.rstrip().endswith(":") and len(WORD_RE.findall(lead)) <= 3:
            return f
    return None


def credit_frames(text: str) -> list[Candidate]:
    frames = []
    for pattern in CREDIT_PATTERNS:
        if not pattern.is_frame:
            continue
        for m in pattern.regex.finditer(text):
            line_end = text.find("\n", m.start())
            line = (m.start(), len(text.rstrip()) if line_end < 0 else line_end)
            end = line[0] + len(text[line[0] : line[1]].rstrip())
            frames.append(
                Candidate(
                    m.span("cue"),
                    m.span("source"),
                    (line[0], end),
                    FrameKind.credit,
                    source_kind=SourceKind.outlet,
                    found_by=FoundBy.surface,  # a line of the text, read by its pattern
                )
            )
    return frames
