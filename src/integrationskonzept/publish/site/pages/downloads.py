"""The downloads page: the whole graph in Turtle, N-Triples and JSON-LD with its context."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType

from integrationskonzept.publish.files.downloads import CONTEXT_FILE, DESCRIPTION_FILE
from integrationskonzept.publish.files.export import jsonld_context
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    CodeBlock,
    Link,
    Page,
    Para,
    Section,
    Table,
    cell,
)
from integrationskonzept.publish.site.pages.home import documents_phrase
from integrationskonzept.publish.site.site import Site

# file name below downloads/ → (export format, media type)
FILES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "knowledge-base.ttl": ("turtle", "text/turtle"),
        "knowledge-base.nt": ("ntriples", "application/n-triples"),
        "knowledge-base.jsonld": ("json-ld", "application/ld+json"),
    }
)

_TEXT = {
    "de": {
        "intro": "Die Wissensbasis mit der Ontologie als ein Graph, deterministisch serialisiert (gleiche Eingabe, gleiche Bytes). Lizenz der Daten und der Ontologie: CC BY 4.0; Quellen: {documents}.",  # noqa: E501
        "file": "Datei", "format": "Format", "triples": "Tripel im Graphen:",
        "context": "JSON-LD-Kontext", "context_text": "Der Kontext bindet die Präfixe des Projekts; die JSON-LD-Datei verwendet ihn eingebettet, als eigene Datei liegt er unter",  # noqa: E501
        "entity": "Einzelne Ressourcen", "entity_text": "Jede Seite der Wissensbasis bietet die Aussagen über ihre Ressource als Turtle und JSON-LD an (Abschnitt „Herunterladen“), z. B.",  # noqa: E501
        "python": "In Python",
        "description": "Beschreibung des Datensatzes (VoID/DCAT): Umfang, Klassen, Lizenz, Quellen, Dateien",  # noqa: E501
    },
    "en": {
        "intro": "The knowledge base with the ontology as one graph, serialised deterministically (same input, same bytes). Licence of data and ontology: CC BY 4.0; sources: {documents}.",  # noqa: E501
        "file": "File", "format": "Format", "triples": "Triples in the graph:",
        "context": "JSON-LD context", "context_text": "The context binds the project's prefixes; the JSON-LD file embeds it, and it is available as a file of its own at",  # noqa: E501
        "entity": "Single resources", "entity_text": "Every page of the knowledge base offers the statements about its resource as Turtle and JSON-LD (section “Download”), e.g.",  # noqa: E501
        "python": "In Python",
        "description": "Description of the dataset (VoID/DCAT): size, classes, licence, sources, files",  # noqa: E501
    },
}  # fmt: skip

PYTHON = """\
from integrationskonzept import load
from integrationskonzept.publish.files.export import export, jsonld_context

graph = load()
export(graph, "json-ld", "knowledge-base.jsonld")
print(jsonld_context()["@context"]["ik"])
"""


def page(site: Site) -> Page:
    """The downloads page."""
    text = _TEXT[site.lang]
    rows: list[tuple[Cell, ...]] = [
        ((Link(name, file=f"downloads/{name}"),), cell(fmt), cell(media))
        for name, (fmt, media) in FILES.items()
    ]
    rows.append(
        (
            (Link(CONTEXT_FILE, file=f"downloads/{CONTEXT_FILE}"),),
            cell(text["context"]),
            cell("application/ld+json"),
        )
    )
    rows.append(
        (
            (Link(DESCRIPTION_FILE, file=f"downloads/{DESCRIPTION_FILE}"),),
            cell(text["description"]),
            cell("text/turtle"),
        )
    )
    context = json.dumps(jsonld_context(), indent=2, sort_keys=True) + "\n"
    example = next(iter(site.docnames.values()), None)
    blocks: list[Block] = [
        Para(cell(text["intro"].format(documents=documents_phrase(site)))),
        Para(cell(f"{text['triples']} {len(site.kb.graph)}")),
        Table((text["file"], text["format"], "Media type"), tuple(rows)),
        Section(
            text["context"],
            "context",
            (
                Para(
                    (
                        *cell(text["context_text"] + " "),
                        Link(CONTEXT_FILE, file=f"downloads/{CONTEXT_FILE}"),
                        *cell("."),
                    )
                ),
                CodeBlock(context, "json"),
            ),
        ),
        Section(text["python"], "python", (CodeBlock(PYTHON, "python"),)),
    ]
    if example:
        blocks.append(
            Section(
                text["entity"],
                "entities",
                (
                    Para(
                        (
                            *cell(text["entity_text"] + " "),
                            Link(f"data/{example}.ttl", file=f"data/{example}.ttl"),
                            *cell("."),
                        )
                    ),
                ),
            )
        )
    return Page("downloads", site.ui("page.downloads"), tuple(blocks))
