"""The command line's reference for the site: help texts and live error examples, as data.

The docs stage runs below the command line and must not import it; the ``build`` and
``docs`` commands collect this reference (in-process, with click's test runner) and hand it
down as a :class:`~integrationskonzept.publish.site.inputs.CommandLineReference`.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import click
from click.testing import CliRunner

from integrationskonzept.publish.site.inputs import CommandLineReference, ErrorExample

WIDTH = 88  # fixed, so the page does not depend on the terminal of the build

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


def help_texts(main: click.Group) -> tuple[tuple[str, str], ...]:
    """``(command path, --help text)`` of the group and every subcommand, sorted by name."""
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
    return tuple(found)


def run_examples(main: click.Group, lang: str) -> tuple[ErrorExample, ...]:
    """Run every example in a scratch folder, as a user would type it."""
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
        title = en if lang == "en" else de
        found.append(ErrorExample(title, command, result.exit_code, result.output))
    return tuple(found)


def collect(main: click.Group, languages: tuple[str, ...] = ("de", "en")) -> CommandLineReference:
    """The whole reference: help texts once, examples in each language."""
    return CommandLineReference(
        help_texts=help_texts(main),
        examples={lang: run_examples(main, lang) for lang in languages},
    )
