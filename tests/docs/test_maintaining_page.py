"""The page for the integration office shows commands that the command line accepts as written,
and the picture of the workbook it describes."""

from __future__ import annotations

import re
import shlex

import click
import pytest

from integrationskonzept.cli import main

from .helpers import CONF

_COMMAND = re.compile(r"^integrationskonzept .*$", re.MULTILINE)


def _parse(args: list[str]) -> None:
    """Resolve the subcommands and parse the options as click would, without running them."""
    ctx = click.Context(main, info_name="integrationskonzept")
    command: click.Command = main
    while isinstance(command, click.Group) and args and args[0] in command.commands:
        name, args = args[0], args[1:]
        command = command.commands[name]
        ctx = click.Context(command, info_name=name, parent=ctx)
    command.parse_args(ctx, list(args))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_command_on_the_page_parses(lang: str) -> None:
    text = (CONF / "pages" / lang / "maintaining.md").read_text(encoding="utf-8")
    commands = _COMMAND.findall(text)
    assert len(commands) >= 4
    for line in commands:
        _parse(shlex.split(line)[1:])  # a UsageError names the wrong option


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_page_shows_its_picture(lang: str) -> None:
    text = (CONF / "pages" / lang / "maintaining.md").read_text(encoding="utf-8")
    assert "](maintaining.png)" in text
    assert (CONF / "pages" / lang / "maintaining.png").read_bytes().startswith(b"\x89PNG")
