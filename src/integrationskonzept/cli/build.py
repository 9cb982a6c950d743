"""``integrationskonzept build``: run every stage and print a summary."""

from __future__ import annotations

import click

from integrationskonzept.cli._common import data_option, handle_errors


@click.command("build")
@data_option
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default="build",
    show_default=True,
    help="Folder for the outputs.",
)
@handle_errors
def command(data: str | None, out: str) -> None:
    """Validate, analyse and publish the knowledge base (the main job)."""
    from rich.console import Console
    from rich.table import Table

    from integrationskonzept.build import run_build

    console = Console(stderr=True)
    with console.status("building …") as status:
        summary = run_build(data, out, progress=lambda name: status.update(f"stage: {name}"))
    table = Table(title=f"integrationskonzept build → {out}")
    table.add_column("stage")
    table.add_column("result")
    table.add_column("files", justify="right")
    table.add_column("seconds", justify="right")
    for stage in summary.stages:
        table.add_row(stage.name, stage.summary, str(len(stage.outputs)), f"{stage.seconds:.2f}")
    Console().print(table)
    click.echo(f"done in {summary.seconds:.1f} s; outputs in {out}/")
