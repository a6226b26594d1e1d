"""The same claim retold across documents, and how it drifted.

In: documents, parses, linked frames and the citation graph. Out: ``ClaimGroup``s: the claims of every
frame (``collect``), paired by words, quotes and sentence vectors (``similarity``, the vectors kept
in ``vector_cache``), grouped, and traced to their original with each retelling's hedge, depth and
drift (``drift``).
"""

from citetrace.claims.collect import collect_claims
from citetrace.claims.drift import trace_groups
from citetrace.claims.similarity import Matcher, cluster
from citetrace.claims.vector_cache import VectorCache

__all__ = ["Matcher", "VectorCache", "cluster", "collect_claims", "trace_groups"]
