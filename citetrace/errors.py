"""The one error hierarchy of citetrace.

::

    CitetraceError                 anything the user can fix; the CLI prints it as one line, exit 1
    ├── InputError                 a corpus file or folder that cannot be read as an article
    ├── ModelError                 the Stanza model directory is missing, incomplete or broken
    ├── GoldError                  a gold annotation file that cannot be read
    ├── OutputError                the output folder cannot be written
    └── RenderError                Graphviz failed to render a diagram

Library code raises these (wrapping the third-party error with ``raise ... from exc``); only
``citetrace.cli`` catches them and exits.
"""

from __future__ import annotations


class CitetraceError(Exception):
    """Base class: a problem with the user's input or environment, with a message that fixes it."""


class UsageError(CitetraceError):
    """The command line asks for something that cannot be done (conflicting or unknown options)."""


class InputError(CitetraceError):
    """A corpus file or folder cannot be read as an article."""


class ModelError(CitetraceError):
    """The Stanza model directory is missing, incomplete or cannot be loaded."""


class GoldError(CitetraceError):
    """A gold annotation file or folder cannot be read."""


class OutputError(CitetraceError):
    """The output folder cannot be created or written."""


class RenderError(CitetraceError):
    """Graphviz could not render a diagram."""


class WorkerError(CitetraceError):
    """A worker process or a Dask worker stopped while it had documents (killed, out of memory)."""
