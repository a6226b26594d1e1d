"""Read a corpus: files in folders (.txt, .md, .html) and their metadata table -> ``Document``.

In: paths. Out: ``CorpusRead`` (the documents, each with its text, outlet, date and credits, and the
files that could not be read, as ``InputError``s). Also here: the lines by which an article credits
an outlet (``credits``), what a document's own lines say about where it comes from (``provenance``),
and atomic file writes (``io``), which every later stage that writes a file uses.
"""

from citetrace.read.corpus import CorpusRead, read_corpus, read_document, read_meta_table
from citetrace.read.provenance import metadata_provenance, read_provenance, with_metadata

__all__ = [
    "CorpusRead",
    "metadata_provenance",
    "read_corpus",
    "read_document",
    "read_meta_table",
    "read_provenance",
    "with_metadata",
]
