"""Text reuse: the passages documents share, and who copied whom.

In: documents, their parses and linked frames. Out: ``ReusePair``s (the shared passages with their
word-level changes and what happened to their attributions; ``passages.find_reuse``, candidates
from MinHash LSH in ``minhash``, the direction of a copy from ``direction``) and the ``Boilerplate``
an outlet prints under many articles (``boilerplate``), which later stages leave out; the pairs as
clusters, each a proposed copy tree (``clusters.copy_tree``).
"""

from citetrace.reuse.boilerplate import blurbs, find_boilerplate, outside
from citetrace.reuse.clusters import copy_tree
from citetrace.reuse.passages import find_reuse

__all__ = ["blurbs", "copy_tree", "find_boilerplate", "find_reuse", "outside"]
