"""`citetrace eval`: frames or provenance scored against gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from citetrace.cli.app import (
    CacheOpt,
    ModelsOpt,
    NoCacheOpt,
    PrecisionOpt,
    app,
    handle_errors,
    make_parser,
    out_console,
)
from citetrace.evaluation.score import evaluate, evaluate_provenance
from citetrace.models import ProvenanceReport
from citetrace.parse.device import Precision


@app.command("eval")
@handle_errors
def eval_command(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold: our JSONL, PolNeAR JSONL, PropBank speech predicates in its spans form "
            "(a roleset on each line), or a brat folder (text/ + attributions/)."
        ),
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
    precision: PrecisionOpt = Precision.auto,
) -> None:
    """Score extracted frames against gold annotations (precision, recall, F1)."""
    if provenance is not None:
        _print_provenance(evaluate_provenance(docs or gold, provenance), gold, as_json)
        return
    report = evaluate(gold, docs, make_parser(models, cache, no_cache, precision=precision))
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
    if report.found_by:
        out_console.print(
            "frames found by "
            + ", ".join(
                f"the {k.value}: {n} ({report.matched_by.get(k, 0)} matched)" for k, n in report.found_by.items()
            )
        )
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
