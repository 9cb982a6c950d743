"""The command-line reference, generated from the click CLI itself."""

from __future__ import annotations

from integrationskonzept.publish.sphinx.blocks import Block, CodeBlock, Page, Para, Section, cell
from integrationskonzept.publish.sphinx.site import Site

_INTRO = {
    "de": "Alle Befehle von integrationskonzept mit ihrer Hilfe (--help), erzeugt aus der Kommandozeile selbst. Jeder Befehl nimmt --data DIR für die Daten einer anderen Stadt; Exit-Codes: siehe Fehlerbehandlung.",  # noqa: E501
    "en": "Every command of integrationskonzept with its help (--help), generated from the command line itself. Every command takes --data DIR for another city's data; exit codes: see error handling.",  # noqa: E501
}
WIDTH = 88  # fixed, so the page does not depend on the terminal of the build


def help_texts() -> list[tuple[str, str]]:
    """``(command path, --help text)`` of the group and every subcommand, sorted by name."""
    import click

    from integrationskonzept.cli import main

    root = click.Context(
        main, info_name="integrationskonzept", terminal_width=WIDTH, max_content_width=WIDTH
    )
    found = [("integrationskonzept", main.get_help(root))]
    for name in main.list_commands(root):
        command = main.get_command(root, name)
        if command is None or command.hidden:
            continue
        ctx = click.Context(
            command, info_name=name, parent=root, terminal_width=WIDTH, max_content_width=WIDTH
        )
        found.append((f"integrationskonzept {name}", command.get_help(ctx)))
    return found


def page(site: Site) -> Page:
    """The CLI reference page."""
    blocks: list[Block] = [Para(cell(_INTRO[site.lang]))]
    for path, text in help_texts():
        anchor = "cmd-" + path.replace(" ", "-")
        blocks.append(Section(path, anchor, (CodeBlock(text.rstrip() + "\n", "text"),)))
    return Page("cli", site.ui("page.cli"), tuple(blocks))
