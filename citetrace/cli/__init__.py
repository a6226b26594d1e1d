"""The citetrace command line: arguments -> one library call -> output. The only place that exits.

``app`` (``cli.app``) holds the shared options; ``cli.commands`` and ``cli.evaluation`` register the
commands on it when imported here."""

from citetrace.cli import commands, evaluation  # noqa: F401  (registers the commands)
from citetrace.cli.app import app

__all__ = ["app"]
