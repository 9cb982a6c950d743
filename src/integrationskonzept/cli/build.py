"""``integrationskonzept build``: run every stage and print a summary."""

from __future__ import annotations

import click

from integrationskonzept.cli._common import data_option, handle_errors, previous_option


@click.command("build")
@data_option
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default="build",
    show_default=True,
    help="Folder for the outputs.",
)
@click.option("--no-docs", is_flag=True, help="Leave out the site (no Sphinx needed).")
@previous_option
@click.option(
    "--conf",
    type=click.Path(file_okay=False),
    default=None,
    help="A Sphinx project folder (conf.py, pages/) instead of the packaged one.",
)
@handle_errors
def command(
    data: str | None, out: str, no_docs: bool, conf: str | None, previous: str | None
) -> None:
    """Validate, analyse, export and publish the knowledge base (the main job).

    With --previous DIR it also compares with a previous report's data (changes.json,
    changes.md and the site's Changes page)."""
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from integrationskonzept.cli.reference import collect
    from integrationskonzept.pipeline import DocsOptions, run

    root = click.get_current_context().find_root().command
    assert isinstance(root, click.Group)
    console = Console(stderr=True)
    with console.status("building …") as status:
        _, summary = run(
            "build",
            data=data,
            out=out,
            previous=previous,
            docs=not no_docs,
            docs_options=DocsOptions(conf=None if conf is None else Path(conf)),
            reference=None if no_docs else collect(root),
            progress=lambda name: status.update(f"stage: {name}"),
        )
    table = Table(title=f"integrationskonzept build → {out}")
    table.add_column("stage")
    table.add_column("result")
    table.add_column("files", justify="right")
    table.add_column("seconds", justify="right")
    for stage in summary.stages:
        table.add_row(stage.name, stage.summary, str(len(stage.outputs)), f"{stage.seconds:.2f}")
    Console().print(table)
    click.echo(f"done in {summary.seconds:.1f} s; outputs in {out}/")
