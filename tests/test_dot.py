"""DOT generation: quoting, stable ids, unattributed claims, nested sources."""

from __future__ import annotations

from citetrace.dot import document_dot, quote
from citetrace.models import DocumentFrames, Frame, SourceMention, Span


def _frame(i, cue, content, source=None, parent=None, start=0):
    src = SourceMention(text=source, start=0, end=len(source), canonical=source, kind="outlet") if source else None
    return Frame(id=i, cue=Span(text=cue, start=start, end=start + len(cue)), source=src,
                 content=Span(text=content, start=start + 10, end=start + 10 + len(content)), parent=parent)


def test_quote_escapes() -> None:
    assert quote('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'


def test_document_dot_nested_and_unattributed() -> None:
    doc = DocumentFrames(document="d.txt", outlet="Daily Mail", frames=[
        _frame("f1", "according to", "The paper reported X", "BBC"),
        _frame("f2", "reported", "X", "Al-Naba", parent="f1", start=20),
        _frame("f3", "alleged", "Iran did <it>", None, start=60),
    ])
    dot = document_dot(doc, "d.txt")
    assert dot == document_dot(doc, "d.txt")  # deterministic
    assert dot.startswith("digraph citetrace {") and dot.endswith("}\n")
    assert 'label="cites: reported"' in dot
    assert "[no source]" in dot and 'color="#cc0000"' in dot
    assert "Iran did <it>" in dot
