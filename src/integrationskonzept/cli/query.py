"""``integrationskonzept query`` and ``integrationskonzept queries``."""

from __future__ import annotations

import click

from integrationskonzept.cli._common import backend_option, data_option, echo_data, handle_errors
from integrationskonzept.errors import QueryError


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise QueryError(f"--param expects NAME=VALUE, got {pair!r}")
        name, value = pair.split("=", 1)
        name = name.strip()
        if name == "timeout":
            # query() takes timeout= itself; a query variable of that name cannot be bound.
            raise QueryError(
                "--param timeout=… cannot be bound", hint="rename the variable in the query"
            )
        params[name] = value
    return params


@click.command("query")
@click.argument("name_or_file", required=False)
@click.option("--text", help="A SPARQL query text instead of a name or file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a parameter.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table"
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a query that runs longer than this.",
)
@data_option
@backend_option
@handle_errors
def command(
    name_or_file: str | None,
    text: str | None,
    params: tuple[str, ...],
    fmt: str,
    timeout: float,
    data: str | None,
    backend: str,
) -> None:
    """Run a named query (see `queries`), a .rq file or --text on the knowledge base.

    An IRI parameter is an IRI or a CURIE: with a project prefix (lev:actor/…) or with the
    prefix the city's data declares. A parameter that names nothing in the knowledge base is
    still run (the answer is empty), with a warning on stderr that names it.
    """
    import warnings

    from integrationskonzept.errors import UnmatchedParameterWarning
    from integrationskonzept.load import load
    from integrationskonzept.publish.files import results
    from integrationskonzept.query import query
    from integrationskonzept.query.runner import check_safe, resolve

    if bool(name_or_file) == bool(text):
        raise QueryError("give either a query name / .rq file or --text, not both or neither")
    chosen = name_or_file or text or ""
    bindings = _parse_params(params)
    check_safe(resolve(chosen)[0])  # an unknown or refused query fails before the data loads
    graph = load(data, backend=backend)  # type: ignore[arg-type]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnmatchedParameterWarning)
        result = query(chosen, graph, timeout=timeout, **bindings)
    for warning in caught:
        if issubclass(warning.category, UnmatchedParameterWarning):
            from integrationskonzept.visible import visible

            click.echo(f"warning: {visible(str(warning.message))}", err=True)
        else:  # pragma: no cover - anything else is shown as Python would
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    if fmt == "json":
        echo_data(results.to_sparql_json(result))
    elif fmt == "csv":
        echo_data(results.to_csv(result))
    elif fmt == "tsv":
        echo_data(results.to_tsv(result))
    elif result.ask is not None:
        click.echo("yes" if result.ask else "no")
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        from integrationskonzept.terms import curie, declared_prefixes
        from integrationskonzept.visible import visible

        city = declared_prefixes(graph)
        table = Table(*result.variables, caption=f"{len(result)} rows")
        for row in result.rows:
            # Text() keeps values literal: no rich markup is interpreted from the data;
            # visible() keeps control characters from acting on the terminal.
            table.add_row(*(Text("" if t is None else visible(curie(str(t), city))) for t in row))
        Console().print(table)


@click.command("queries")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@handle_errors
def list_command(lang: str) -> None:
    """List the named queries with their parameters."""
    from integrationskonzept.query import named_queries

    for name, named in named_queries().items():
        params = " ".join(f"--param {p.name}=<{p.type}>" for p in named.parameters)
        click.echo(f"{name}  {params}".rstrip())
        click.echo(f"    {named.title_in(lang)}")
