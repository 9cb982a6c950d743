"""The error-handling page: exit codes and real messages.

The examples are run by the command line on bad input on every build of the site and
handed in as data (:class:`~integrationskonzept.publish.site.inputs.CommandLineReference`).
"""

from __future__ import annotations

from integrationskonzept.publish.site.blocks import (
    Block,
    CodeBlock,
    Page,
    Para,
    Section,
    Table,
    cell,
)
from integrationskonzept.publish.site.i18n import table
from integrationskonzept.publish.site.site import Site

PYTHON = """\
from integrationskonzept import IntegrationskonzeptError, load

try:
    graph = load("gibt-es-nicht")
except IntegrationskonzeptError as error:
    print(error.exit_code, error)
"""


def page(site: Site) -> Page:
    """The error-handling page."""
    text = table(site.lang, "errors")
    codes = Table(
        (text["code"], text["meaning"], text["raised"]),
        (
            (cell("0"), cell(text["ok"]), cell("–")),
            (cell("1"), cell(text["invalid"]), cell("ValidationFailed")),
            (cell("2"), cell(text["input"]), cell("InputError, QueryError")),
        ),
    )
    examples: list[Block] = []
    for i, example in enumerate(site.inputs.reference.examples.get(site.lang, ()), start=1):
        examples.append(
            Section(
                example.title,
                f"example-{i}",
                (
                    CodeBlock(f"$ {example.command}\n{example.output.rstrip()}\n", "text"),
                    Para(cell(f"{text['exit']}: {example.exit_code}")),
                ),
            )
        )
    if not examples:
        examples.append(Para(cell(text["no_examples"])))
    blocks: tuple[Block, ...] = (
        Para(cell(text["intro"])),
        Section(text["codes"], "codes", (codes,)),
        Section(text["examples"], "examples", tuple(examples)),
        Section(
            text["library"],
            "library",
            (Para(cell(text["library_text"])), CodeBlock(PYTHON, "python")),
        ),
    )
    return Page("errors", site.ui("page.errors"), blocks)
