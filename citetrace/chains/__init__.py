"""The citation graph and its chains, from each claim back to its primary source.

In: documents, parses, linked frames, the source registry, reuse and boilerplate. Out: a
``CitationGraph`` (``build.build_graph``: nodes and edges from ``graph``, the chains walked back
through outlets and sources, their ``flags``), indexed for lookups (``graph_index``) and queried by
source or claim (``query``).
"""

from citetrace.chains.build import build_graph
from citetrace.chains.graph_index import graph_index
from citetrace.chains.query import chains_of_claim, chains_resting_on, find_source

__all__ = ["build_graph", "chains_of_claim", "chains_resting_on", "find_source", "graph_index"]
