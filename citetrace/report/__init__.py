"""The output folder, written as one run: JSON, diagrams and pages.

In: the linked frames and the ``CitationGraph``. Out: a folder (``write.write_report``): frames,
chains, reuse and claims as JSON lines, ``graph.json``, a diagram per document, source and claim
(where each goes: ``layout``; file names: ``names``), and static HTML pages from Jinja2 templates
(``pages``, ``claim_pages``, ``templates/``), staged and installed whole (``outdir``).
"""

from citetrace.report.outdir import check_out
from citetrace.report.write import load_graph, redraw, write_report

__all__ = ["check_out", "load_graph", "redraw", "write_report"]
