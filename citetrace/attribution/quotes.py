"""Quote frames (a floating direct quote takes the last speaker before it) and document credits
("Read more at DailyMail.co.uk", "RT with additional input by GVS News Desk")."""

from __future__ import annotations

import re

from citetrace import cues
from citetrace.attribution.candidate import Candidate
from citetrace.models import FrameKind, SourceKind
from citetrace.tree import Tree, glue, subject_of

WORD_RE = re.compile(r"\w+")
QUOTE_RE = re.compile(r"[\u201c\"](?P<body>[^\u201c\u201d\"\n]{3,}?)[\u201d\"]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotes (quote marks included) of at least four words."""
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(text) if len(WORD_RE.findall(m.group("body"))) >= 4]


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
    found = []
    for qs, qe in quotes:
        if any(f.content[0] <= qs < f.content[1] or qs <= f.cue[0] < qe for f in frames):
            continue
        tree = next((t for t in trees if t.span[0] <= qs < t.span[1]), None)
        if tree is None or qs - tree.span[0] > 1:
            continue  # a quote inside a sentence is a word or phrase quoted, not a statement
        earlier = [
            f
            for f in frames
            if f.source is not None and f.cue[0] < qs and f.kind.reports_words and f.kind is not FrameKind.credit
        ]
        last = max(earlier, key=lambda f: f.cue[0]) if earlier else None
        source = last.source if last else None
        if last is not None and "\n" not in text[max(last.cue[1], last.content[1]) : qs]:
            last.more.append((qs, qe))  # the same paragraph goes on quoting the same speaker: that frame's
            continue
        cue = (qs, qs + 1)
        colon = len(text[:qs].rstrip()) - 1
        intro = next((t for t in trees if t.span[0] <= colon < t.span[1]), None)
        if colon >= 0 and text[colon] == ":" and intro is not None:
            # "Cruz continued:" + quote: the verb before the colon is the cue, its subject the source
            verbs = [k for k in intro.tokens if k.upos == "VERB" and k.end <= colon]
            cue = (colon, colon + 1)
            if verbs and len([k for k in intro.tokens if verbs[-1].id < k.id and k.end <= colon]) <= 3:
                cue = (verbs[-1].start, colon + 1)
                subj, _ = subject_of(intro, verbs[-1])
                if subj:
                    source = glue(text, intro.char_span(subj))
        found.append(Candidate(cue, source, (qs, qe), FrameKind.quote, tree.index))
    return found


def credit_frames(text: str) -> list[Candidate]:
    frames = []
    for pattern in cues.CREDIT_PATTERNS:
        if not pattern.is_frame:
            continue
        for m in pattern.regex.finditer(text):
            line_end = text.find("\n", m.start())
            line = (m.start(), len(text.rstrip()) if line_end < 0 else line_end)
            end = line[0] + len(text[line[0] : line[1]].rstrip())
            frames.append(
                Candidate(
                    m.span("cue"), m.span("source"), (line[0], end), FrameKind.credit, source_kind=SourceKind.outlet
                )
            )
    return frames
