"""``integrationskonzept serve`` and ``integrationskonzept push``."""

from __future__ import annotations

import click

from integrationskonzept.cli._common import data_option, handle_errors


@click.command("serve")
@data_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--timeout",
    "timeout_s",
    default=10,
    show_default=True,
    type=click.IntRange(min=1),
    help="Query timeout (s).",
)
@click.option("--cors", is_flag=True, help="Allow cross-origin requests.")
@handle_errors
def command(data: str | None, host: str, port: int, timeout_s: int, cors: bool) -> None:
    """Serve the knowledge base as a read-only SPARQL endpoint (Ctrl-C stops it).

    Updates are refused, and so are queries with SERVICE or FROM: queries run on this
    knowledge base only.
    """
    from integrationskonzept.load import load
    from integrationskonzept.serve import serve

    with serve(load(data), host=host, port=port, timeout_s=timeout_s, cors=cors) as endpoint:
        click.echo(f"SPARQL endpoint: {endpoint.query_url}  (browser UI: {endpoint.url}/)")
        try:
            endpoint.process.wait()
        except KeyboardInterrupt:
            click.echo("stopped", err=True)


@click.command("push")
@data_option
@click.option("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://host/store")
@click.option("--graph", "graph_iri", default=None, help="Named graph IRI to replace.")
@handle_errors
def push_command(data: str | None, endpoint: str, graph_iri: str | None) -> None:
    """Load the knowledge base into a SPARQL 1.1 Graph Store, replacing the named graph."""
    from integrationskonzept.load import load
    from integrationskonzept.publish.files.export import DEFAULT_GRAPH_NAME
    from integrationskonzept.publish.files.push import push

    size = push(load(data), endpoint, graph_iri or DEFAULT_GRAPH_NAME)
    click.echo(f"pushed {size} triples to {endpoint} (graph {graph_iri or DEFAULT_GRAPH_NAME})")
