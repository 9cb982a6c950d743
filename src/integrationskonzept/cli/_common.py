"""What every subcommand shares: the ``--data`` option and error handling."""

from __future__ import annotations

import functools
import logging
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from integrationskonzept.errors import IntegrationskonzeptError

F = TypeVar("F", bound=Callable[..., Any])

data_option = click.option(
    "--data",
    "data",
    type=click.Path(path_type=str),
    default=None,
    metavar="DIR",
    help="Folder of the knowledge base's Turtle files (default: the bundled Leverkusen data).",
)

previous_option = click.option(
    "--previous",
    type=click.Path(file_okay=False),
    default=None,
    metavar="DIR",
    help="The data folder of the previous report: the site's Changes page shows what changed.",
)

backend_option = click.option(
    "--backend",
    type=click.Choice(["memory", "oxigraph"]),
    default="oxigraph",
    show_default=True,
    help="Store and SPARQL engine.",
)


_DATATYPE = re.compile(r"Datatype=(\S+?),")


class IllTypedLiteralFilter(logging.Filter):
    """Shorten rdflib's warning about an ill-typed literal to one line, once per literal.

    rdflib logs ``Failed to convert Literal lexical form to value`` *with a traceback* each
    time it meets a literal such as ``"eins"^^xsd:integer``, which is not an error of the
    program: ``validate`` reports the node and property. The command line shows one line
    instead, and each distinct problem only once.
    """

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith("Failed to convert Literal lexical form"):
            return True
        from integrationskonzept.terms import curie

        found = _DATATYPE.search(message)
        datatype = curie(found.group(1)) if found else "?"
        problem = str(record.exc_info[1]) if record.exc_info and record.exc_info[1] else ""
        if len(problem) > 200:
            problem = problem[:199] + "…"
        if (datatype, problem) in self.seen:
            return False
        self.seen.add((datatype, problem))
        record.msg = (
            "warning: a literal is not a valid %s (%s); "
            "run `integrationskonzept validate` to see where"
        )
        record.args = (datatype, problem)
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def quiet_rdflib_warnings() -> None:
    """Install :class:`IllTypedLiteralFilter` on rdflib's ``rdflib.term`` logger (once)."""
    logger = logging.getLogger("rdflib.term")
    if not any(isinstance(f, IllTypedLiteralFilter) for f in logger.filters):
        logger.addFilter(IllTypedLiteralFilter())


def echo_data(text: str) -> None:
    """Write ``text`` to stdout exactly as it is (a CSV, JSON or RDF document).

    ``click.echo`` removes ANSI escape sequences when stdout is not a terminal, which would
    change a label holding one in ``… --format csv > file``; data is written unchanged.
    """
    click.echo(text, nl=False, color=True)


def handle_errors(func: F) -> F:
    """Turn the library's errors into a message on stderr and the documented exit code.

    Also keeps rdflib's warnings about ill-typed literals to one line without a traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        quiet_rdflib_warnings()
        try:
            return func(*args, **kwargs)
        except IntegrationskonzeptError as exc:
            from integrationskonzept.visible import visible

            # messages quote the input (a file name, a value): its control characters show
            click.echo(f"error: {visible(str(exc), keep_newlines=True)}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]
