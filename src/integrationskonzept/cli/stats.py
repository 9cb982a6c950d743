"""``integrationskonzept stats``: counts per class."""

from __future__ import annotations

import json

import click

from integrationskonzept.cli._common import backend_option, data_option, handle_errors


@click.command("stats")
@data_option
@backend_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handle_errors
def command(data: str | None, backend: str, fmt: str) -> None:
    """Count the instances of every class of the knowledge base."""
    from integrationskonzept.load import load
    from integrationskonzept.stats import class_counts

    counts = class_counts(load(data, backend=backend))  # type: ignore[arg-type]
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from integrationskonzept.visible import visible

    table = Table(title="Instances per class")
    table.add_column("class")
    table.add_column("count", justify="right")
    for name, number in counts.items():
        # class IRIs come from the data: no markup, no control characters that act
        table.add_row(Text(visible(name)), str(number))
    Console().print(table)
