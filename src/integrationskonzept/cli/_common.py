"""What every subcommand shares: the ``--data`` option and error handling."""

from __future__ import annotations

import functools
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

backend_option = click.option(
    "--backend",
    type=click.Choice(["memory", "oxigraph"]),
    default="oxigraph",
    show_default=True,
    help="Store and SPARQL engine.",
)


def handle_errors(func: F) -> F:
    """Turn the library's errors into a message on stderr and the documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except IntegrationskonzeptError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]
