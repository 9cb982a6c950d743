"""The error-handling page: exit codes and real messages, produced by running the CLI and
the library on bad input while the page is generated."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from integrationskonzept.publish.sphinx.blocks import (
    Block,
    CodeBlock,
    Page,
    Para,
    Section,
    Table,
    cell,
)
from integrationskonzept.publish.sphinx.site import Site

_TEXT = {
    "de": {
        "intro": "Fehler, die das Projekt absichtlich meldet, sind Unterklassen von integrationskonzept.IntegrationskonzeptError. Die Kommandozeile schreibt sie als eine Meldung ohne Traceback nach stderr und endet mit einem festen Exit-Code; die Meldung nennt Datei und Zeile und, wo möglich, was zu tun ist.",  # noqa: E501
        "codes": "Exit-Codes", "code": "Code", "meaning": "Bedeutung", "raised": "ausgelöst durch",
        "ok": "Erfolg", "invalid": "Die Prüfung (SHACL) ist fehlgeschlagen: die Wissensbasis verletzt Formen.",  # noqa: E501
        "input": "Unbrauchbare Eingabe: Ordner fehlt, Datei ist kein UTF-8 oder kein gültiges Turtle, unbekannte Abfrage oder unzulässiger Parameter.",  # noqa: E501
        "examples": "Beispiele (bei jedem Bau dieser Seite echt ausgeführt)",
        "library": "In Python", "library_text": "Die Bibliothek wirft dieselben Ausnahmen; fangen Sie IntegrationskonzeptError (exit_code sagt, welcher Code gemeint ist):",  # noqa: E501
        "exit": "Exit-Code",
    },
    "en": {
        "intro": "Errors the project reports on purpose are subclasses of integrationskonzept.IntegrationskonzeptError. The command line writes them to stderr as one message without a traceback and ends with a fixed exit code; the message names file and line and, where possible, what to do.",  # noqa: E501
        "codes": "Exit codes", "code": "Code", "meaning": "Meaning", "raised": "raised as",
        "ok": "Success", "invalid": "Validation (SHACL) failed: the knowledge base violates shapes.",  # noqa: E501
        "input": "Unusable input: missing folder, a file that is not UTF-8 or not valid Turtle, an unknown query or a bad parameter.",  # noqa: E501
        "examples": "Examples (really run on every build of this page)",
        "library": "In Python", "library_text": "The library raises the same exceptions; catch IntegrationskonzeptError (exit_code tells which code is meant):",  # noqa: E501
        "exit": "Exit code",
    },
}  # fmt: skip

# (description de, description en, command line arguments, files to create first)
EXAMPLES: tuple[tuple[str, str, tuple[str, ...], dict[str, str]], ...] = (
    ("Datenordner fehlt", "Data folder missing", ("stats", "--data", "gibt-es-nicht"), {}),
    (
        "Turtle-Syntaxfehler (Datei und Zeile)",
        "Turtle syntax error (file and line)",
        ("stats", "--data", "stadt"),
        {"stadt/kaputt.ttl": "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n"},
    ),
    (
        "Prüfung fehlgeschlagen (Knoten, Eigenschaft, was fehlt)",
        "Validation failed (node, property, what is missing)",
        ("validate", "--data", "stadt", "--lang", "{lang}"),
        {
            "stadt/ziele.ttl": (
                "@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .\n"
                "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                "<https://w3id.org/integrationskonzept/stadt/goal/A-1> a ik:GuidingGoal ;\n"
                '    skos:prefLabel "Leitziel A-1"@de ;\n'
                "    ik:number 1 .\n"
            )
        },
    ),
    (
        "Abfrage mit SERVICE (nur der lokale Graph wird abgefragt)",
        "Query with SERVICE (only the local graph is queried)",
        ("query", "--text", "SELECT * WHERE { SERVICE <https://example.org/sparql> { ?s ?p ?o } }"),
        {},
    ),
    (
        "Unbekannte Abfrage",
        "Unknown query",
        ("query", "gibt-es-nicht"),
        {},
    ),
    (
        "Unzulässiger IRI-Parameter (keine Einschleusung in SPARQL)",
        "Bad IRI parameter (no injection into SPARQL)",
        ("query", "goals-of-topic", "--param", "topic=x> } ; DROP ALL #"),
        {},
    ),
)

PYTHON = """\
from integrationskonzept import IntegrationskonzeptError, load

try:
    graph = load("gibt-es-nicht")
except IntegrationskonzeptError as error:
    print(error.exit_code, error)
"""


def run_examples(lang: str) -> list[tuple[str, str, int, str]]:
    """Run every example in a scratch folder: (title, command, exit code, output)."""
    from click.testing import CliRunner

    from integrationskonzept.cli import main

    found = []
    runner = CliRunner()
    for de, en, template, files in EXAMPLES:
        args = [arg.replace("{lang}", lang) for arg in template]
        # relative paths in the commands and messages, as a user would type them
        with tempfile.TemporaryDirectory(prefix="ik-errors-") as tmp, contextlib.chdir(tmp):
            for name, content in files.items():
                Path(name).parent.mkdir(parents=True, exist_ok=True)
                Path(name).write_text(content, encoding="utf-8")
            result = runner.invoke(main, args)
        command = "integrationskonzept " + " ".join(f"'{a}'" if " " in a else a for a in args)
        found.append((en if lang == "en" else de, command, result.exit_code, result.output))
    return found


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
    for i, (title, command, code, output) in enumerate(run_examples(site.lang), start=1):
        examples.append(
            Section(
                title,
                f"example-{i}",
                (
                    CodeBlock(f"$ {command}\n{output.rstrip()}\n", "text"),
                    Para(cell(f"{text['exit']}: {code}")),
                ),
            )
        )
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
