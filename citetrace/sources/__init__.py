"""Who the sources are: in one document, then across the corpus.

In: a document's frames (sources as written). Out: the same frames, each source with a canonical name
and kind (``resolve.resolve_sources``: surnames, descriptions, pronouns and organization forms
resolved within the document, through ``mentions`` and ``name_index``), then one name per source
across the corpus (``registry.build_registry`` and ``apply_registry`` -> ``CanonicalSource``).
``naming`` is the one place that normalises and compares names.
"""

from citetrace.sources.aliases import load_aliases
from citetrace.sources.registry import Registry, apply_registry, build_registry
from citetrace.sources.resolve import resolve_sources

__all__ = ["Registry", "apply_registry", "build_registry", "load_aliases", "resolve_sources"]
