"""The commands that read a corpus: run, trace, frames, sources; and render, which redraws an output."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from citetrace.attribution.cues import KnownSource
from citetrace.chains.query import (
    aliases_toml,
    chains_of_claim,
    chains_resting_on,
    find_source,
    groups_of_claim,
    primary_counts,
)
from citetrace.cli.app import (
    AliasesOpt,
    CacheOpt,
    CorpusArg,
    DaskOpt,
    DeviceOpt,
    DocTimeoutOpt,
    FieldOpt,
    ForceOpt,
    ModelsOpt,
    NoCacheOpt,
    PrecisionOpt,
    WorkersOpt,
    advance,
    app,
    err_console,
    fail,
    handle_errors,
    make_parser,
    out_console,
    progress_bar,
    warn,
)
from citetrace.errors import UsageError
from citetrace.models import CitationGraph, ClaimGroup, FrameKind, SourceMerge
from citetrace.parse.cache import ParseStore
from citetrace.parse.device import Device, Precision
from citetrace.parse.nlp import DOC_TIMEOUT_S
from citetrace.read.archive import parse_fields
from citetrace.render.dot import hop_label
from citetrace.render.styles import DRIFT_LABEL, HEDGE_WORDS
from citetrace.report.database import load_graph
from citetrace.report.outdir import check_out
from citetrace.report.write import diagram_count, frames_jsonl, redraw, write_report
from citetrace.run.pipeline import Extraction, extract_corpus, keep_frames, trace_corpus
from citetrace.sources.aliases import alias_folds, load_aliases


@app.command()
@handle_errors
def run(
    corpus: CorpusArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    aliases: AliasesOpt = None,
    models: ModelsOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    doc_timeout: DocTimeoutOpt = DOC_TIMEOUT_S,
    workers: WorkersOpt = None,
    dask: DaskOpt = None,
    device: DeviceOpt = Device.auto,
    precision: PrecisionOpt = Precision.auto,
    force: ForceOpt = False,
    field: FieldOpt = None,
) -> None:
    """Extract attribution frames, trace every claim to its original, and draw the diagrams.

    Writes OUT/frames.jsonl, OUT/graph.json, OUT/chains.jsonl, OUT/reuse.jsonl, OUT/corpus.svg,
    OUT/<name>.svg per document and OUT/sources/<source>.svg per primary source (each SVG with its .dot).
    """
    extra = _aliases(aliases)
    fields = parse_fields(field)
    check_out(out, corpus, force)
    parser = make_parser(models, cache, no_cache, doc_timeout, workers, dask, device, precision)
    with progress_bar() as bar:
        task = bar.add_task("parsing", total=None)
        result = trace_corpus(
            corpus,
            parser,
            extra,
            progress=lambda n: advance(bar, task, n),
            on_read=lambda n: bar.update(task, total=n),
            release=True,  # the models are not needed once every document is parsed
            fields=fields,
        )
        result.parses.clear()  # the report does not need them: free their memory before it
        if result.graph is not None:
            drawing = bar.add_task("drawing", total=diagram_count(result.graph))
            write_report(
                out,
                result.documents,
                result.frames,
                result.graph,
                progress=lambda n: advance(bar, drawing, n, lines=20),
                force=force,
                diagram_cache=parser.cache.directory if parser.cache is not None else None,
            )
    for error in result.errors:
        fail(str(error))
    if result.graph is not None:
        _summary(result, result.graph, out)
    if result.errors:
        raise typer.Exit(1)


def _summary(result: Extraction, graph: CitationGraph, out: Path) -> None:
    n_frames = sum(len(f.frames) for f in result.frames)
    err_console.print(
        f"{len(result.documents)} documents, {n_frames} frames, {len(graph.chains)} chains, "
        f"{sum(len(p.passages) for p in graph.reuse)} reused passages, "
        f"{len(graph.claims)} claims retold -> {out}/ "
        "(frames.jsonl, graph.json, chains.jsonl, reuse.jsonl, claims.jsonl, "
        f"{diagram_count(graph)} diagrams)",
        highlight=False,
    )


def _why(m: SourceMerge) -> str:
    """Why an alias is its source, how sure, and whether only a guess: "surname, 0.6, a guess"."""
    sure = "" if m.confidence >= 1 else f", {m.confidence:.2g}"
    return f"{m.reason.value}{sure}{', a guess' if m.guess else ''}"


def _aliases(path: Path | None) -> tuple[KnownSource, ...]:
    """The user's aliases (``--aliases``), each fold of a known source into another said as a warning."""
    if path is None:
        return ()
    extra = load_aliases(path)
    for fold in alias_folds(extra):
        warn(f"--aliases {path}: {fold}")
    return extra


def _traced(
    corpus: list[Path], aliases: Path | None, models: Path | None, cache: Path | None, no_cache: bool, timeout: float
) -> tuple[Extraction, CitationGraph]:
    """The corpus traced, its unreadable files reported; exit 1 when nothing could be traced. A run's
    ``citetrace.db`` given alone is read instead: nothing is parsed (an archive's results, at once)."""
    if len(corpus) == 1 and corpus[0].suffix == ".db":
        graph = load_graph(corpus[0])
        return Extraction([], ParseStore([]), [], [], graph=graph), graph
    extra = _aliases(aliases)
    result = trace_corpus(corpus, make_parser(models, cache, no_cache, timeout), extra, release=True)
    for error in result.errors:
        fail(str(error))
    if result.graph is None:
        raise typer.Exit(1)
    return result, result.graph


@app.command()
@handle_errors
def trace(
    corpus: Annotated[
        list[Path], typer.Argument(help="Folder(s) or files of articles, or a run's OUT/citetrace.db (nothing parsed).")
    ],
    source: Annotated[str | None, typer.Option("--source", "-s", help="Every claim that rests on this source.")] = None,
    claim: Annotated[
        str | None,
        typer.Option("--claim", "-c", help="The chains of claims containing this text, and every retelling of them."),
    ] = None,
    aliases: AliasesOpt = None,
    models: ModelsOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    doc_timeout: DocTimeoutOpt = DOC_TIMEOUT_S,
) -> None:
    """Print, grouped by document, every claim that rests on a source (or matches a text) and its path.

    With --claim, then each group of documents retelling the claim: the versions from the original
    outward, each with its hedge, path and drift flags (as in OUT/claims.jsonl).
    """
    if (source is None) == (claim is None):
        raise UsageError("give exactly one of --source NAME or --claim TEXT")
    result, graph = _traced(corpus, aliases, models, cache, no_cache, doc_timeout)
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
    if claim is not None:
        _print_groups(groups_of_claim(graph, claim))
    if result.errors:
        raise typer.Exit(1)


def _print_groups(groups: list[ClaimGroup]) -> None:
    """Each group of retellings of a claim: its versions, the original first, with hedge, path and drift."""
    for g in groups:
        out_console.print(
            f"\n[bold]retold in {len(g.documents)} documents[/bold] · "
            f"original: {', '.join(g.originals) or 'none named'}",
            highlight=False,
        )
        for m in g.members:
            path = " → ".join([m.outlet or "outlet unknown", *(h.source for h in m.hops)])
            out_console.print(f"  • {m.document}: {' '.join(m.text.text.split())[:140]}", markup=False, highlight=False)
            out_console.print(f"      {HEDGE_WORDS[m.hedge]} · {path}", markup=False, highlight=False)
            for f in m.flags:
                out_console.print(f"      ⚑ {DRIFT_LABEL[f.type]}: {f.detail}", markup=False, highlight=False)


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
            "not stance (beliefs, feelings, plans and acts), negated ('did not mention') or hypothetical "
            "('Critics may say', 'Did Trump say ...?').",
            show_default=False,
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0, max=1, help="Only frames the cue scorer gives this or more.")
    ] = 0.0,
) -> None:
    """Print the attribution frames of articles."""
    result = extract_corpus(paths, make_parser(models, cache, no_cache, doc_timeout))
    result.frames = [keep_frames(f, kinds, min_confidence) for f in result.frames]
    if as_json:
        typer.echo(frames_jsonl(result.frames), nl=False)
    else:
        for doc in result.frames:
            table = Table(title=f"{doc.document} ({doc.outlet or 'outlet unknown'})", show_lines=False)
            for col in ("id", "kind", "cue", "source", "canonical (kind)", "content", "parent", "conf."):
                table.add_column(col, overflow="fold")
            for f in doc.frames:
                named = f.source_mentions
                table.add_row(
                    f.id,
                    f.kind.value,
                    f.cue.text,
                    "; ".join(s.text for s in named) or "-",
                    "; ".join(f"{s.canonical} ({s.kind.value})" for s in named) or "-",
                    f.content.text[:120],
                    f.parent or "",
                    f"{f.confidence:.2f}",
                )
            out_console.print(table)
    for error in result.errors:
        fail(str(error))
    if result.errors:
        raise typer.Exit(1)


@app.command()
@handle_errors
def sources(
    corpus: Annotated[
        list[Path], typer.Argument(help="Folder(s) or files of articles, or a run's OUT/citetrace.db (nothing parsed).")
    ],
    as_toml: Annotated[
        bool, typer.Option("--toml", help="Print an --aliases file of the sources, to correct by hand.")
    ] = False,
    top: Annotated[int, typer.Option("--top", min=0, help="Only the N most-mentioned sources (0: all).")] = 0,
    aliases: AliasesOpt = None,
    models: ModelsOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    doc_timeout: DocTimeoutOpt = DOC_TIMEOUT_S,
) -> None:
    """List the corpus's sources: kind, mentions, chains that end there, and every alias with why it is
    that source. What is still wrong can be put right with an --aliases file (see --toml)."""
    result, graph = _traced(corpus, aliases, models, cache, no_cache, doc_timeout)
    listed = sorted(graph.sources, key=lambda s: (-s.mentions, s.name.casefold()))
    listed = [s for s in listed if s.mentions][: top or None]
    if as_toml:
        typer.echo(aliases_toml(listed))
    else:
        primary = primary_counts(graph)
        columns = ("source", "kind", "mentions", "original of", "aliases (why)", "described as")
        rows = [
            (
                s.name,
                s.kind.value,
                str(s.mentions),
                str(primary.get(s.name, 0)),
                "; ".join(" ".join(f"{m.alias} ({_why(m)})".split()) for m in s.merges),
                "; ".join(s.descriptions) + (f" [of {s.affiliation}]" if s.affiliation else ""),
            )
            for s in listed
        ]
        if out_console.is_terminal:
            table = Table(*columns, title=f"{len(listed)} sources")
            for row in rows:
                table.add_row(*row)
            out_console.print(table)
        else:  # piped: one tab-separated line per source, for grep and spreadsheets
            typer.echo("\t".join(columns))
            for row in rows:
                typer.echo("\t".join(row))
        unresolved = Counter(
            f.source.unresolved.value for doc in result.frames for f in doc.frames if f.source and f.source.unresolved
        )
        if unresolved:
            what = ", ".join(f"{n} {why}" for why, n in sorted(unresolved.items()))
            out_console.print(f"mentions that name no source: {what}", highlight=False)
    if result.errors:
        raise typer.Exit(1)
