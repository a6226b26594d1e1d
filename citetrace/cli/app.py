"""The command line's shared parts: the typer app, the consoles, the options every command takes, errors
turned into one `Error:` line, and progress bars that write lines where stderr is a log."""

from __future__ import annotations

import functools
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from citetrace import __version__
from citetrace.errors import CitetraceError
from citetrace.parse.device import PRECISION_ENV, Device, Precision, use_gpu
from citetrace.parse.nlp import DOC_TIMEOUT_S, MODELS_ENV, Parser, default_cache_dir
from citetrace.run.pool import available_cores

app = typer.Typer(
    help="Trace who said what in the news back to the originals.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out_console = Console(soft_wrap=True)  # lines stay whole when piped (`citetrace trace ... | grep`)
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., object])

ModelsOpt = Annotated[
    Path | None,
    typer.Option(
        "--models",
        envvar=MODELS_ENV,
        help=f"Stanza resources directory (resources.json + en/). Default: ${MODELS_ENV}, else Stanza's own.",
        show_default=False,
    ),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        help="Folder for cached parses, frames, diagrams and claim vectors. "
        "Default: $CITETRACE_CACHE or ~/.cache/citetrace/parses.",
    ),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Parse everything again; read and write no cache.")]
DocTimeoutOpt = Annotated[
    float,
    typer.Option(
        "--doc-timeout",
        min=0,
        help="Seconds one document may take to parse; one over it is reported and skipped, the rest go on. "
        "0: no limit.",
    ),
]


WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-j",
        min=1,
        help="Processes that parse (and extract) the documents not in the cache, each loading the models "
        "once; with --dask local, the local cluster's workers. Default: the cores available.",
        show_default=False,
    ),
]

DaskOpt = Annotated[
    str | None,
    typer.Option(
        "--dask",
        help="Parse and extract on a Dask cluster: a scheduler's address (tcp://HOST:8786), or 'local' for a "
        "cluster of --workers processes on this machine. Needs the dask extra (docs/scaling.md).",
        show_default=False,
    ),
]


DeviceOpt = Annotated[
    Device,
    typer.Option(
        "--device",
        help="Where Stanza parses: auto (a GPU when torch sees one, else the CPU), cpu, or cuda (an error "
        "where there is no GPU). A GPU needs a CUDA build of torch (make run TORCH=...).",
    ),
]

PrecisionOpt = Annotated[
    Precision,
    typer.Option(
        "--precision",
        help="Arithmetic of the tagger and parser on a CPU: auto (bfloat16 where the CPU computes it "
        "natively, else float32), bfloat16, or float32 (Stanza's own; a few tags and heads in a thousand differ).",
        envvar=PRECISION_ENV,
    ),
]


CorpusArg = Annotated[
    list[Path],
    typer.Argument(help="Folder(s) or files of articles (.txt, .md, .html) or archives (.jsonl, .csv, .tsv, .warc)."),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Replace files in OUT that citetrace did not write (never an input).")
]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="An archive's field for a part of the article, PART=NAME (repeat it): text, id, url, date, outlet, "
        "headline. Default: our names and those of common exports (maintext, title, source_domain, ...).",
        show_default=False,
    ),
]


def fail(message: str) -> None:
    err_console.print(f"Error: {message}", markup=False, highlight=False, soft_wrap=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a container stopping, a job scheduler): unwinds like Ctrl-C, so the staging
    folder is removed and ``--out`` keeps its last complete run."""


_STOPPED: list[int] = []  # SIGTERM received: a library may hand it back as an error of its own


def _on_sigterm(signum: int, frame: object) -> None:
    _STOPPED.append(signum)
    raise Terminated


def warn(message: str) -> None:
    err_console.print(f"Warning: {message}", markup=False, highlight=False, soft_wrap=True)


def handle_errors(command: F) -> F:
    """Turn a CitetraceError into one line on stderr and exit code 1; Ctrl-C (130) and SIGTERM (143)
    into one line too, after the same clean-up."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _on_sigterm) if main_thread else None
        _STOPPED.clear()
        try:
            return command(*args, **kwargs)
        except CitetraceError as exc:
            fail(str(exc))
            raise typer.Exit(1) from None
        except (Terminated, Exception) as exc:
            if not isinstance(exc, Terminated) and not _STOPPED:
                raise  # (SIGTERM inside pydantic's serializer comes back as a PydanticSerializationError)
            fail("stopped by SIGTERM; --out keeps its last complete run")
            raise typer.Exit(128 + signal.SIGTERM) from None
        except KeyboardInterrupt:
            fail("interrupted")
            raise typer.Exit(130) from None
        finally:
            if main_thread:
                signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)

    return wrapper  # type: ignore[return-value]


def make_parser(
    models: Path | None,
    cache: Path | None,
    no_cache: bool,
    doc_timeout: float = DOC_TIMEOUT_S,
    workers: int | None = None,
    dask: str | None = None,
    device: Device = Device.cpu,
    precision: Precision = Precision.auto,
) -> Parser:
    """The parser of a command: ``workers`` processes parse what the cache lacks (default: every core,
    and never more on this machine: each loads the models, and two on one core only fight), or a Dask
    cluster (``dask``) does."""
    cores = available_cores()
    if workers is not None and workers > cores and dask in (None, "local"):
        warn(f"--workers {workers}: this machine has {cores} cores for citetrace; using {cores}")
        workers = cores
    if device is Device.cuda:
        use_gpu(device)  # no GPU: the error now, before any work
    cache_dir = None if no_cache else (cache or default_cache_dir())
    if cache_dir is not None and not _writable(cache_dir):
        warn(f"the cache folder {cache_dir} cannot be written: nothing parsed is kept, and the next run parses again")
    return Parser(
        models,
        cache_dir=cache_dir,
        doc_timeout=doc_timeout or None,
        workers=workers or cores,
        dask=dask,
        device=device,
        precision=precision,
    )


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _version(value: bool) -> None:
    if value:
        out_console.print(f"citetrace {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Trace who said what in the news back to the originals."""


AliasesOpt = Annotated[
    Path | None,
    typer.Option(
        "--aliases", help=r"TOML file of extra source names: \[\[source]] tables with name, kind, aliases, part_of."
    ),
]


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )


def advance(bar: Progress, task: TaskID, n: int, lines: int | None = None) -> None:
    """Advance a bar; where stderr is not a terminal (a log, CI), write a line instead of drawing: at
    every step, or at most ``lines`` times in all (each twentieth of the diagrams drawn)."""
    before = next(t for t in bar.tasks if t.id == task).completed
    bar.advance(task, n)
    if err_console.is_terminal:
        return
    t = next(t for t in bar.tasks if t.id == task)
    if (
        lines
        and t.total
        and int(lines * t.completed / t.total) == int(lines * before / t.total)
        and t.completed < t.total
    ):
        return
    total = f"{int(t.total):,}" if t.total is not None else "?"
    left = f", {t.time_remaining:.0f} s left" if t.time_remaining is not None and t.completed < (t.total or 0) else ""
    err_console.print(f"{t.description}: {int(t.completed):,}/{total}{left}", highlight=False)
