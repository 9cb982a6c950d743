"""The command-line reference: the --help of every command, handed in by the command line."""

from __future__ import annotations

from integrationskonzept.publish.site.blocks import Block, CodeBlock, Page, Para, Section, cell
from integrationskonzept.publish.site.site import Site


def page(site: Site) -> Page:
    """The CLI reference page."""
    blocks: list[Block] = [Para(cell(site.ui("cli.intro")))]
    for path, text in site.inputs.reference.help_texts:
        anchor = "cmd-" + path.replace(" ", "-")
        blocks.append(Section(path, anchor, (CodeBlock(text.rstrip() + "\n", "text"),)))
    return Page("cli", site.ui("page.cli"), tuple(blocks))
