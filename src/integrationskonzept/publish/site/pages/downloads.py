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
from integrationskonzept.publish.site.i18n import table
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

PYTHON = """\
from integrationskonzept import load
from integrationskonzept.publish.files.export import export, jsonld_context

graph = load()
export(graph, "json-ld", "knowledge-base.jsonld")
print(jsonld_context()["@context"]["ik"])
"""


def page(site: Site) -> Page:
    """The downloads page."""
    text = table(site.lang, "downloads")
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
        Table((text["file"], text["format"], text["media_type"]), tuple(rows)),
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
