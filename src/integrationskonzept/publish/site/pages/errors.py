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
from integrationskonzept.publish.site.site import Site

_TEXT = {
    "de": {
        "intro": "Fehler, die das Projekt absichtlich meldet, sind Unterklassen von integrationskonzept.IntegrationskonzeptError. Die Kommandozeile schreibt sie als eine Meldung ohne Traceback nach stderr und endet mit einem festen Exit-Code; die Meldung nennt Datei und Zeile und, wo möglich, was zu tun ist.",  # noqa: E501
        "codes": "Exit-Codes", "code": "Code", "meaning": "Bedeutung", "raised": "ausgelöst durch",
        "ok": "Erfolg", "invalid": "Die Prüfung (SHACL) ist fehlgeschlagen: die Wissensbasis verletzt Formen.",  # noqa: E501
        "input": "Unbrauchbare Eingabe: Ordner fehlt, Datei ist kein UTF-8 oder kein gültiges Turtle, unbekannte Abfrage oder unzulässiger Parameter.",  # noqa: E501
        "examples": "Beispiele (bei jedem Bau dieser Seite echt ausgeführt)",
        "library": "In Python", "library_text": "Die Bibliothek wirft dieselben Ausnahmen; fangen Sie IntegrationskonzeptError (exit_code sagt, welcher Code gemeint ist):",  # noqa: E501
        "exit": "Exit-Code",
        "no_examples": "Die Beispiele entstehen, wenn die Seite mit dem Befehl integrationskonzept build oder docs gebaut wird.",  # noqa: E501
    },
    "en": {
        "intro": "Errors the project reports on purpose are subclasses of integrationskonzept.IntegrationskonzeptError. The command line writes them to stderr as one message without a traceback and ends with a fixed exit code; the message names file and line and, where possible, what to do.",  # noqa: E501
        "codes": "Exit codes", "code": "Code", "meaning": "Meaning", "raised": "raised as",
        "ok": "Success", "invalid": "Validation (SHACL) failed: the knowledge base violates shapes.",  # noqa: E501
        "input": "Unusable input: missing folder, a file that is not UTF-8 or not valid Turtle, an unknown query or a bad parameter.",  # noqa: E501
        "examples": "Examples (really run on every build of this page)",
        "library": "In Python", "library_text": "The library raises the same exceptions; catch IntegrationskonzeptError (exit_code tells which code is meant):",  # noqa: E501
        "exit": "Exit code",
        "no_examples": "The examples are produced when the site is built with the command integrationskonzept build or docs.",  # noqa: E501
    },
}  # fmt: skip

PYTHON = """\
from integrationskonzept import IntegrationskonzeptError, load

try:
    graph = load("gibt-es-nicht")
except IntegrationskonzeptError as error:
    print(error.exit_code, error)
"""


def page(site: Site) -> Page:
    """The error-handling page."""
    text = _TEXT[site.lang]
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
