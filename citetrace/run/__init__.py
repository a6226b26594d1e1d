"""The pipeline as one call, and where its per-document work runs.

In: corpus paths and a ``Parser``. Out: an ``Extraction`` (documents, parses, frames, the graph,
timings). ``pipeline.trace_corpus`` reads, parses and extracts every document (``frames_of``),
then links them across the corpus (sources, reuse, chains, claims). The per-document work runs
through ``execute.process`` on a ``Backend`` (``backends.backend_for``: this process, a ``pool`` of
processes, or a ``dask`` cluster), its frames cached (``frame_cache``).
"""

from citetrace.run.backends import backend_for
from citetrace.run.execute import Backend, Here
from citetrace.run.pipeline import Extraction, extract_corpus, frames_of, link_documents, trace_corpus

__all__ = [
    "Backend",
    "Extraction",
    "Here",
    "backend_for",
    "extract_corpus",
    "frames_of",
    "link_documents",
    "trace_corpus",
]
