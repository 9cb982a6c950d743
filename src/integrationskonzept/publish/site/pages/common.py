"""What every entity page shows: IRI (with a copy button) and source on top; how to cite it,
its statements, SPARQL and downloads below."""

from __future__ import annotations

from integrationskonzept.model import Entity
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Code,
    CodeBlock,
    CopyButton,
    Details,
    Facts,
    Link,
    Para,
    Section,
    Table,
    Text,
    cell,
)
from integrationskonzept.publish.site.pages import cite
from integrationskonzept.publish.site.site import Site
from integrationskonzept.terms import curie

# a table or list longer than this is folded behind a summary line
FOLD_AT = 15


def folded(site: Site, block: Table, at: int = FOLD_AT) -> Block:
    """``block`` as it is, or folded away (``Show all 40 entries``) if it has more rows."""
    if len(block.rows) <= at:
        return block
    return Details(site.ui("show_all").format(len(block.rows)), (block,))


def header(site: Site, entity: Entity, kind: str, rows: list[tuple[str, Cell]]) -> Facts:
    """The facts box: IRI, kind, the kind's own facts, and the source section."""
    return Facts(
        (
            (
                site.ui("iri"),
                (Code(entity.iri), CopyButton(entity.iri, site.ui("copy_iri"), site.ui("copied"))),
            ),
            (site.ui("kind"), cell(site.ui(f"one.{kind}"))),
            *rows,
            (site.ui("source"), site.source(entity.source)),
        )
    )


def subject(site: Site, iri: str, about: str) -> Cell:
    """The subject of a statement about ``about``: a link to its page; a responsibility or a
    membership (which have no page) links to the page at its other end (the network, measure
    or concept on an actor's page, the actor on theirs)."""
    if site.page(iri) is None:
        for end in site.ends(iri):
            page = site.page(end)
            if end != about and page is not None:
                return (Link(site.label(iri), doc=page), Text(" "), Code(curie(iri)))
    return site.value_iri(iri)


def statements(site: Site, iri: str) -> Section:
    """Every statement with ``iri`` as subject (out) or object (in) as one table, folded
    away when it is long."""
    rows: list[tuple[Cell, ...]] = []
    for prop, value in site.index.outgoing(iri):
        rows.append((cell(site.ui("out")), (Code(curie(prop)),), site.value(value)))
    for subject_iri, prop in site.index.incoming(iri):
        rows.append((cell(site.ui("in")), (Code(curie(prop)),), subject(site, subject_iri, iri)))
    header = (site.ui("direction"), site.ui("property"), site.ui("subject_value"))
    return Section(site.ui("statements"), "statements", (folded(site, Table(header, tuple(rows))),))


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
        cite.section(site, entity),
        statements(site, entity.iri),
        sparql(site, entity.iri),
        downloads(site, docname),
    )
