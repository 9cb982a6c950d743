"""``integrationskonzept serve`` and ``integrationskonzept push``."""

from __future__ import annotations

import gc
import signal
import sys
from types import FrameType

import click

from integrationskonzept.cli._common import data_option, handle_errors
from integrationskonzept.errors import InputError


def _stop_on_sigterm() -> None:
    """Make ``SIGTERM`` end the process the way Ctrl-C does: through the cleanup.

    After the first signal, further ones are ignored, so that they cannot interrupt it.
    """

    def stop(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


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
    help="Query timeout (s): a query still running then is stopped (504).",
)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(min=1),
    help="Queries answered at once, each in a process of its own [default: twice the cores].",
)
@click.option(
    "--memory",
    "memory_mb",
    default=2048,
    show_default=True,
    type=click.IntRange(min=256),
    help="Memory limit of each query process (MB).",
)
@click.option("--cors", is_flag=True, help="Allow cross-origin requests.")
@handle_errors
def command(
    data: str | None,
    host: str,
    port: int,
    timeout_s: int,
    workers: int | None,
    memory_mb: int,
    cors: bool,
) -> None:
    """Serve the knowledge base as a read-only SPARQL endpoint (Ctrl-C or SIGTERM stops it).

    Updates are refused, and so are queries with SERVICE or FROM: queries run on this
    knowledge base only, in processes that cannot open network connections. A query that
    runs past the timeout or crashes costs only itself (504, 503); the endpoint goes on.
    """
    from integrationskonzept.endpoint.isolation import describe
    from integrationskonzept.load import load
    from integrationskonzept.serve import serve

    graph = load(data)
    _stop_on_sigterm()
    try:
        with serve(
            graph,
            host=host,
            port=port,
            timeout_s=timeout_s,
            cors=cors,
            workers=workers,
            memory_mb=memory_mb,
        ) as endpoint:
            click.echo(f"SPARQL endpoint: {endpoint.query_url}  (query form: {endpoint.url}/)")
            click.echo(describe(endpoint.isolation), err=True)
            sys.stdout.flush()
            # This process only serves from now on, and what is alive now (the graph, the
            # modules) stays alive: out of the collector's way, or each full collection walks
            # the whole graph (tens of ms, with every client waiting).
            gc.freeze()
            while not endpoint.wait(1.0):
                pass
        raise InputError("the endpoint's HTTP server stopped (see the message above)")
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
