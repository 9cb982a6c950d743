"""What every entity page shows: IRI and source on top; statements, SPARQL, downloads below."""

from __future__ import annotations

from integrationskonzept.model import Entity
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Code,
    CodeBlock,
    Facts,
    Link,
    Para,
    Section,
    Table,
    Text,
    cell,
)
from integrationskonzept.publish.site.site import Site
from integrationskonzept.terms import curie


def header(site: Site, entity: Entity, kind: str, rows: list[tuple[str, Cell]]) -> Facts:
    """The facts box: IRI, kind, the kind's own facts, and the source section."""
    return Facts(
        (
            (site.ui("iri"), (Code(entity.iri),)),
            (site.ui("kind"), cell(site.ui(f"one.{kind}"))),
            *rows,
            (site.ui("source"), site.source(entity.source)),
        )
    )


def statements(site: Site, iri: str) -> Section:
    """Every statement with ``iri`` as subject (out) or object (in) as one table."""
    rows: list[tuple[Cell, ...]] = []
    for prop, value in site.index.outgoing(iri):
        rows.append((cell(site.ui("out")), (Code(curie(prop)),), site.value(value)))
    for subject, prop in site.index.incoming(iri):
        rows.append((cell(site.ui("in")), (Code(curie(prop)),), site.value_iri(subject)))
    header = (site.ui("direction"), site.ui("property"), site.ui("subject_value"))
    return Section(site.ui("statements"), "statements", (Table(header, tuple(rows)),))


def sparql(site: Site, iri: str) -> Section:
    """A query for the resource, and the same through the command line."""
    query = f"SELECT ?property ?value WHERE {{\n  <{iri}> ?property ?value .\n}}\n"
    command = f"integrationskonzept query describe-resource --param iri={curie(iri)}\n"
    return Section(
        site.ui("sparql"),
        "sparql",
        (
            CodeBlock(query, "sparql"),
            Para(cell(site.ui("sparql_intro"))),
            CodeBlock(command, "shell"),
        ),
    )


def downloads(site: Site, docname: str) -> Section:
    """Links to the resource's statements as Turtle and JSON-LD."""
    links = (
        Text(site.ui("download_intro") + " "),
        Link(site.ui("download_turtle"), file=f"data/{docname}.ttl"),
        Text(", "),
        Link(site.ui("download_jsonld"), file=f"data/{docname}.jsonld"),
        Text("."),
    )
    return Section(site.ui("download"), "download", (Para(links),))


def footer(site: Site, entity: Entity, docname: str) -> tuple[Block, ...]:
    """The sections every entity page ends with."""
    return (
        statements(site, entity.iri),
        sparql(site, entity.iri),
        downloads(site, docname),
    )
