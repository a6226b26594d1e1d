"""Which ``execute.Backend`` a parser's settings ask for: the one place that chooses where a run's
per-document work runs."""

from __future__ import annotations

from citetrace.parse import Parser
from citetrace.run.execute import Backend, Here
from citetrace.run.pool import ProcessPool


def backend_for(parser: Parser) -> Backend:
    """``parser.dask`` (a Dask scheduler's address, or ``local``): that cluster; else more than one of
    ``parser.workers``: a pool of processes here; else this process. Dask is imported only when asked
    for (its import alone takes about a second)."""
    if parser.dask:
        from citetrace.run.dask import DaskCluster

        return DaskCluster(parser.dask, parser.workers)
    if parser.workers > 1:
        return ProcessPool(parser.workers)
    return Here()
