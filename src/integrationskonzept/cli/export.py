"""``integrationskonzept export``: the graph as Turtle, N-Triples, N-Quads or JSON-LD."""

from __future__ import annotations

import click

from integrationskonzept.cli._common import data_option, echo_data, handle_errors

_FORMATS = ["turtle", "ntriples", "nquads", "json-ld"]


@click.command("export")
@data_option
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (atomically).")
@click.option("--no-ontology", is_flag=True, help="Export the knowledge base without the ontology.")
@handle_errors
def command(data: str | None, fmt: str, output: str | None, no_ontology: bool) -> None:
    """Serialise the knowledge base deterministically (stdout, or -o FILE)."""
    from integrationskonzept.load import load
    from integrationskonzept.publish.files.export import export, serialize

    graph = load(data, ontology=not no_ontology)
    if output:
        export(graph, fmt, output)  # type: ignore[arg-type]
        click.echo(f"wrote {output}", err=True)
    else:
        echo_data(serialize(graph, fmt))  # type: ignore[arg-type]
