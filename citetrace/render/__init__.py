"""Diagrams: the graph as DOT, and DOT as SVG, PNG or PDF.

In: a ``CitationGraph``. Out: DOT text (``dot``: the corpus, a document, a source; ``claim_dot``: a
claim retold), pure and deterministic, in the ``styles`` of each node and edge type; then drawn
by Graphviz (``graphviz.render``: the system's ``dot`` or its WebAssembly build). Graphviz is
touched only here.
"""

from citetrace.render.claim_dot import claim_dot
from citetrace.render.dot import corpus_dot, document_dot, source_dot
from citetrace.render.graphviz import render

__all__ = ["claim_dot", "corpus_dot", "document_dot", "render", "source_dot"]
