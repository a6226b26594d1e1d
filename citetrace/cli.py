"""The citetrace command line: arguments -> one library call -> output. The only place that exits."""

from __future__ import annotations

import functools
import json
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
from rich.table import Table

from citetrace import __version__
from citetrace.dot import hop_label
from citetrace.errors import CitetraceError, UsageError
from citetrace.evaluate import evaluate, evaluate_provenance
from citetrace.models import FrameKind, ProvenanceReport
from citetrace.nlp import DOC_TIMEOUT_S, MODELS_ENV, Parser, default_cache_dir
from citetrace.outdir import check_out
from citetrace.pipeline import extract_corpus, keep_frames, trace_corpus
from citetrace.query import chains_of_claim, chains_resting_on, find_source
from citetrace.registry import load_aliases
from citetrace.report import diagram_count, frames_jsonl, redraw, write_report

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
    typer.Option("--cache", help="Folder for cached parses. Default: $CITETRACE_CACHE or ~/.cache/citetrace/parses."),
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


def _fail(message: str) -> None:
    err_console.print(f"Error: {message}", markup=False, highlight=False, soft_wrap=True)


def handle_errors(command: F) -> F:
    """Turn a CitetraceError into one line on stderr and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CitetraceError as exc:
            _fail(str(exc))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            _fail("interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _parser(models: Path | None, cache: Path | None, no_cache: bool, doc_timeout: float = DOC_TIMEOUT_S) -> Parser:
    return Parser(
        models, cache_dir=None if no_cache else (cache or default_cache_dir()), doc_timeout=doc_timeout or None
    )


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


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )


def _advance(bar: Progress, task: TaskID, n: int, lines: int | None = None) -> None:
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


@app.command()
@handle_errors
def run(
    corpus: Annotated[list[Path], typer.Argument(help="Folder(s) or files of articles (.txt, .md, .html).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    aliases: AliasesOpt = None,
    models: ModelsOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    doc_timeout: DocTimeoutOpt = DOC_TIMEOUT_S,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files in OUT that citetrace did not write (never an input).")
    ] = False,
) -> None:
    """Extract attribution frames, trace every claim to its original, and draw the diagrams.

    Writes OUT/frames.jsonl, OUT/graph.json, OUT/chains.jsonl, OUT/reuse.jsonl, OUT/corpus.svg,
    OUT/<name>.svg per document and OUT/sources/<source>.svg per primary source (each SVG with its .dot).
    """
    extra = load_aliases(aliases) if aliases is not None else ()
    check_out(out, corpus)
    parser = _parser(models, cache, no_cache, doc_timeout)
    with _progress() as bar:
        task = bar.add_task("parsing", total=None)
        result = trace_corpus(
            corpus,
            parser,
            extra,
            progress=lambda n: _advance(bar, task, n),
            on_read=lambda n: bar.update(task, total=n),
        )
        if result.graph is not None:
            drawing = bar.add_task("drawing", total=diagram_count(result.graph))
            write_report(
                out,
                result.documents,
                result.frames,
                result.graph,
                progress=lambda n: _advance(bar, drawing, n, lines=20),
                force=force,
            )
    for error in result.errors:
        _fail(str(error))
    if result.graph is not None:
        n_frames = sum(len(f.frames) for f in result.frames)
        err_console.print(
            f"{len(result.documents)} documents, {n_frames} frames, {len(result.graph.chains)} chains, "
            f"{sum(len(p.passages) for p in result.graph.reuse)} reused passages -> {out}/ "
            f"(frames.jsonl, graph.json, chains.jsonl, reuse.jsonl, {diagram_count(result.graph)} diagrams)",
            highlight=False,
        )
    if result.errors:
        raise typer.Exit(1)


@app.command()
@handle_errors
def trace(
    corpus: Annotated[list[Path], typer.Argument(help="Folder(s) or files of articles.")],
    source: Annotated[str | None, typer.Option("--source", "-s", help="Every claim that rests on this source.")] = None,
    claim: Annotated[
        str | None, typer.Option("--claim", "-c", help="The chains of claims containing this text.")
    ] = None,
    aliases: AliasesOpt = None,
    models: ModelsOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    doc_timeout: DocTimeoutOpt = DOC_TIMEOUT_S,
) -> None:
    """Print, grouped by document, every claim that rests on a source (or matches a text) and its path."""
    if (source is None) == (claim is None):
        raise UsageError("give exactly one of --source NAME or --claim TEXT")
    extra = load_aliases(aliases) if aliases is not None else ()
    result = trace_corpus(corpus, _parser(models, cache, no_cache, doc_timeout), extra)
    for error in result.errors:
        _fail(str(error))
    if result.graph is None:
        raise typer.Exit(1)
    graph = result.graph
    if source is not None:
        name = find_source(graph, source)
        if name is None:
            raise UsageError(
                f"no source {source!r} in this corpus: see the sources in graph.json or try another spelling"
            )
        chains = chains_resting_on(graph, name)
        out_console.print(f"[bold]{len(chains)} claims rest on {name}[/bold]", highlight=False)
    else:
        chains = chains_of_claim(graph, claim or "")
        out_console.print(f"[bold]{len(chains)} chains for claims matching {claim!r}[/bold]", highlight=False)
    by_doc: dict[str, list] = {}
    for c in chains:
        by_doc.setdefault(c.document, []).append(c)
    for doc, cs in by_doc.items():
        out_console.print(f"\n[bold]{doc}[/bold]", highlight=False)
        for c in cs:
            out_console.print(f"  • {' '.join(c.claim.text.split())[:160]}", markup=False, highlight=False)
            hops = [c.origin] + [f"--{hop_label(h)}--> {h.source}" for h in c.hops]
            out_console.print(
                "      " + " ".join(hops) + (f" (via {c.channel})" if c.channel else ""), markup=False, highlight=False
            )
            for f in c.flags:
                out_console.print(f"      ⚑ {f.type.value}: {f.detail}", markup=False, highlight=False)
    if result.errors:
        raise typer.Exit(1)


@app.command()
@handle_errors
def render(
    out: Annotated[Path, typer.Argument(help="An output folder of `citetrace run` (with graph.json).")] = Path("out"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="svg, png or pdf.")] = "svg",
) -> None:
    """Re-render every diagram from OUT/graph.json, without parsing anything, and rewrite OUT/diagrams.md."""
    count = redraw(out, fmt.lower())
    err_console.print(f"{count} diagrams ({fmt.lower()}) -> {out}/ (and diagrams.md)", highlight=False)


@app.command()
@handle_errors
def frames(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document per line.")] = False,
    models: ModelsOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    doc_timeout: DocTimeoutOpt = DOC_TIMEOUT_S,
    kinds: Annotated[
        list[FrameKind] | None,
        typer.Option(
            "--kinds",
            help="Frame kinds to show (repeat the option). Default: every kind that reports words, "
            "not stance (beliefs, feelings, plans and acts).",
            show_default=False,
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0, max=1, help="Only frames the cue scorer gives this or more.")
    ] = 0.0,
) -> None:
    """Print the attribution frames of articles."""
    result = extract_corpus(paths, _parser(models, cache, no_cache, doc_timeout))
    result.frames = [keep_frames(f, kinds, min_confidence) for f in result.frames]
    if as_json:
        typer.echo(frames_jsonl(result.frames), nl=False)
    else:
        for doc in result.frames:
            table = Table(title=f"{doc.document} ({doc.outlet or 'outlet unknown'})", show_lines=False)
            for col in ("id", "kind", "cue", "source", "canonical (kind)", "content", "parent", "conf."):
                table.add_column(col, overflow="fold")
            for f in doc.frames:
                table.add_row(
                    f.id,
                    f.kind.value,
                    f.cue.text,
                    f.source.text if f.source else "-",
                    f"{f.source.canonical} ({f.source.kind.value})" if f.source else "-",
                    f.content.text[:120],
                    f.parent or "",
                    f"{f.confidence:.2f}",
                )
            out_console.print(table)
    for error in result.errors:
        _fail(str(error))
    if result.errors:
        raise typer.Exit(1)


@app.command("eval")
@handle_errors
def eval_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold: our JSONL, PolNeAR JSONL, or a brat folder (text/ + attributions/).")
    ],
    docs: Annotated[
        Path | None, typer.Option("--docs", help="Folder of the annotated documents (for JSONL gold).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    provenance: Annotated[
        Path | None,
        typer.Option(
            "--provenance",
            help="Score the provenance stage instead (wire copies, hat tips) against this metadata table "
            "(TSV/CSV: filename, wire, credit) for the texts of GOLD; nothing is parsed.",
        ),
    ] = None,
    models: ModelsOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Score extracted frames against gold annotations (precision, recall, F1)."""
    if provenance is not None:
        _print_provenance(evaluate_provenance(docs or gold, provenance), gold, as_json)
        return
    report = evaluate(gold, docs, _parser(models, cache, no_cache))
    if as_json:
        typer.echo(json.dumps(report.model_dump(mode="json"), indent=2))
        return
    table = Table(
        title=f"{gold}: {report.documents} documents, "
        f"{report.gold_frames} gold / {report.predicted_frames} predicted frames"
    )
    for col in ("measure", "precision", "recall", "F1"):
        table.add_column(col)
    for name, s in (
        ("frames (cue overlap)", report.frames),
        ("full frames (cue+content+source)", report.full_frames),
        ("sources (word overlap)", report.sources),
        ("content (word overlap)", report.content),
        ("sources, matched frames only", report.matched_sources),
        ("content, matched frames only", report.matched_content),
    ):
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    out_console.print(table)
    if report.canonical_accuracy is not None:
        out_console.print(
            f"canonical source accuracy {report.canonical_accuracy:.3f}, kind accuracy {report.kind_accuracy:.3f}"
        )


def _print_provenance(report: ProvenanceReport, gold: Path, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(report.model_dump(mode="json"), indent=2))
        return
    table = Table(title=f"{gold}: provenance of {report.documents} documents")
    for col in ("kind", "predicted", "in the table", "right", "precision", "recall", "F1"):
        table.add_column(col)
    for kind, s in report.scores.items():
        table.add_row(kind.value, *(f"{n:g}" for n in (s.predicted, s.gold, s.tp)), *(f"{n:.3f}" for n in s.prf))
    out_console.print(table)
    out_console.print(f"credited in the text, nothing in the table: {report.no_provenance_given_some} documents")
