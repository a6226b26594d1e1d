"""Scale out on Dask: the batches ``execute.process`` hands over, run on a cluster's workers.

``citetrace run CORPUS --dask tcp://HOST:8786`` connects to a running scheduler; ``--dask local``
starts a ``LocalCluster`` of ``--workers`` processes on this machine, one thread each. Each worker
builds its parser in a worker plugin (``ModelsPlugin``); the Stanza models load on its first
document and stay loaded in that worker process for every later task and run. A task carries a
batch of documents (their texts and metadata, up to ``nlp.BATCH_CHARS`` of text; cached ones with
their encoded parse) and brings back the parses, compact and binary, with the frames. The parse
cache stays with the client, which reads it before and writes it as results arrive; the
cross-document stages run in the client. docs/scaling.md says how to run this on a real cluster.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from citetrace.errors import UsageError, WorkerError
from citetrace.parse import Parser
from citetrace.run.execute import Batch, Done, Extract, Finished, Setup, longest_first, setup_of, work, worker_parser

PLUGIN = "citetrace-models"
LOCAL = "local"

try:
    from distributed import WorkerPlugin
except ImportError:  # the dask extra is not installed: ``run_on_dask`` says so
    WorkerPlugin = object  # type: ignore[assignment,misc]


class ModelsPlugin(WorkerPlugin):
    """Gives each worker its own parser, built once, with as many torch threads as the worker has."""

    def __init__(self, setup: Setup):
        self.setup_ = setup
        self.parser: Parser | None = None
        self.extract: Extract | None = setup.extract

    def setup(self, worker) -> None:  # noqa: ANN001 (distributed.Worker)
        threads = max(1, worker.state.nthreads)
        self.parser = worker_parser(replace(self.setup_, threads=threads))


def _run(batch: Batch) -> list[Done]:
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, ModelsPlugin) and plugin.parser is not None, "the plugin is registered first"
    return work(plugin.parser, batch, plugin.extract)


def _client(address: str, workers: int):  # noqa: ANN202 (distributed.Client)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs dask.distributed: pip install 'citetrace[dask]'") from None
    if address == LOCAL:
        import dask

        # Dask spawns its workers with MALLOC_TRIM_THRESHOLD_=65536 (memory back to the system sooner); for
        # parsing it costs time: 100 PolNeAR articles took 60.5 s on 2 local workers with it, 52.5 s without
        with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=30), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--dask {address}: cannot reach a Dask scheduler there ({exc})") from None


@dataclass(frozen=True)
class DaskCluster:
    """The Dask cluster at ``address`` (a scheduler's address, or ``local``: ``workers`` processes here)."""

    address: str
    workers: int
    elsewhere = True

    def run(self, parser: Parser, extract: Extract | None, batches: Sequence[Batch], finished: Finished) -> None:
        run_on_dask(self.address, self.workers, parser, extract, batches, finished)


def run_on_dask(
    address: str, workers: int, parser: Parser, extract: Extract | None, batches: Sequence[Batch], finished: Finished
) -> None:
    """Run the batches on the Dask cluster at ``address``; ``finished(k, dones)`` as each comes back."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    client, cluster = _client(address, workers)
    try:
        client.register_plugin(ModelsPlugin(setup_of(parser, threads=1, extract=extract)), name=PLUGIN)
        order = longest_first(batches)
        futures = client.map(_run, [batches[i] for i in order], pure=False)
        where = {f.key: i for f, i in zip(futures, order, strict=True)}
        for future in as_completed(futures):
            try:
                done = future.result()
            except KilledWorker:
                raise WorkerError(
                    f"Dask workers died running {len(batches[where[future.key]])} documents (out of memory?): "
                    "give the workers more memory; what was parsed before is cached"
                ) from None
            finished(where[future.key], done)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
