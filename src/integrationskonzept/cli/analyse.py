"""``integrationskonzept analyse``: the governance-network analysis as a table, JSON or CSV."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from integrationskonzept.cli._common import data_option, echo_data, handle_errors

if TYPE_CHECKING:
    from integrationskonzept.analyse.report import AnalysisReport

TOP = 15


_COLUMNS = ("field", "leads", "nets", "deg.", "betw.", "constr.")
_CAPTION = (
    "nets: networks involved; deg.: degree in the actor projection; "
    "betw.: normalised betweenness; constr.: Burt's constraint"
)


def _print_table(report: AnalysisReport) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from integrationskonzept.publish.files.analysis_figures import short
    from integrationskonzept.visible import visible

    console = Console()
    # Borders and padding take 3 characters per column; the actor column gets the rest.
    fixed = sum(max(len(name), 6) for name in _COLUMNS) + 3 * (len(_COLUMNS) + 1) + 1
    width = max(16, min(48, console.width - fixed))
    table = Table(title=f"Top {TOP} actors by networks led", caption=_CAPTION)
    table.add_column("actor", no_wrap=True)
    for name in _COLUMNS:
        table.add_column(name, justify="left" if name == "field" else "right", min_width=6)
    ranked = sorted(report.actors, key=lambda r: (-r.leads, -r.betweenness, r.label, r.iri))
    for r in ranked[:TOP]:
        constraint = "" if r.constraint is None else f"{r.constraint:.3f}"
        # Text() keeps labels literal: no rich markup is interpreted from the data;
        # visible() keeps their control characters from acting on the terminal.
        table.add_row(
            Text(short(visible(r.label), width)), Text(visible(r.field)),
            str(r.leads), str(r.networks), str(r.degree), f"{r.betweenness:.3f}", constraint,
        )  # fmt: skip
    console.print(table)
    s, shape = report.summary, report.structure
    labels = {r.iri: r.label for r in report.actors}
    shares = ", ".join(f"top {x.top}: {x.share:.0%}" for x in shape.lead_concentration)
    facts = [
        f"{s.actors} actors, {s.networks} networks, {s.bodies} bodies, {s.fields} fields",
        f"{s.components} components; {s.communities} communities "
        f"(modularity {report.communities.modularity:.3f}, "
        f"alignment with fields NMI {report.communities.field_alignment_nmi:.3f})",
        "articulation points: "
        + (", ".join(labels.get(a, a) for a in shape.articulation_points) or "none"),
        f"main core: the {shape.max_core}-core of {len(shape.main_core)} actors",
        f"networks led by the top actors: {shares}",
        "fields sharing no network with another field: "
        + (", ".join(shape.isolated_fields) or "none"),
    ]
    for line in facts:
        console.print(visible(line), highlight=False, markup=False)


@click.command("analyse")
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table: top actors and structure; json: the whole report; csv: actors.csv.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    metavar="DIR",
    help="Also write every output (CSV, GraphML, GEXF, figures, JSON, Turtle) to DIR.",
)
@handle_errors
def command(data: str | None, fmt: str, out: str | None) -> None:
    """Analyse the knowledge base as a governance network (who leads, who brokers)."""
    from integrationskonzept.pipeline import run
    from integrationskonzept.publish.files.analysis_files import actors_csv, write_analysis

    artefacts, _ = run("analyse", data=data, out=None)
    report = artefacts.need("analysis")
    if out:
        written = write_analysis(report, artefacts.need("analysis_graphs"), out)
        click.echo(f"wrote {len(written)} files to {out}/", err=True)
    if fmt == "json":
        echo_data(report.to_json())
    elif fmt == "csv":
        echo_data(actors_csv(report))
    else:
        _print_table(report)
