"""The command-line reference: the --help of every command, handed in by the command line."""

from __future__ import annotations

from integrationskonzept.publish.site.blocks import Block, CodeBlock, Page, Para, Section, cell
from integrationskonzept.publish.site.site import Site

_INTRO = {
    "de": "Alle Befehle von integrationskonzept mit ihrer Hilfe (--help), erzeugt aus der Kommandozeile selbst. Jeder Befehl nimmt --data DIR für die Daten einer anderen Stadt; Exit-Codes: siehe Fehlerbehandlung.",  # noqa: E501
    "en": "Every command of integrationskonzept with its help (--help), generated from the command line itself. Every command takes --data DIR for another city's data; exit codes: see error handling.",  # noqa: E501
}


def page(site: Site) -> Page:
    """The CLI reference page."""
    blocks: list[Block] = [Para(cell(_INTRO[site.lang]))]
    for path, text in site.inputs.reference.help_texts:
        anchor = "cmd-" + path.replace(" ", "-")
        blocks.append(Section(path, anchor, (CodeBlock(text.rstrip() + "\n", "text"),)))
    return Page("cli", site.ui("page.cli"), tuple(blocks))
