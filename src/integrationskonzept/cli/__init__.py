"""The command-line interface: one subcommand per stage, each a thin wrapper.

Heavy libraries are imported inside the commands that need them, so ``--help`` is instant.
"""

from __future__ import annotations

import click

from integrationskonzept import __version__
from integrationskonzept.cli import (
    analyse,
    build,
    diff,
    docs,
    export,
    init,
    query,
    serve,
    sheets,
    stats,
    validate,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="integrationskonzept")
def main() -> None:
    """Linked-data knowledge model of a city's integration concept (default: Leverkusen).

    Exit codes: 0 ok, 1 validation failed, 2 unusable input.
    """


for _module in (stats, export, query, validate, analyse, build, docs, diff):
    main.add_command(_module.command)
main.add_command(query.list_command)
main.add_command(serve.command)
main.add_command(serve.push_command)
main.add_command(sheets.group)
main.add_command(init.command)
