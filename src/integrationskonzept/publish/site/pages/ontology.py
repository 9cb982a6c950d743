"""The ontology reference: the ontology's own header (version, licence, creators, changes),
a page per class (labels, definition, superclasses, the properties whose domain or range it
is, the shapes that constrain it, its instances), every property in one table, and the
concept schemes.

Everything comes from the graph: the header from the ``owl:Ontology`` node's own statements
(``owl:versionInfo``, ``dcterms:license``, ``dcterms:creator``, ``skos:changeNote`` …), the
constraints from the SHACL shapes.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from integrationskonzept.load import load_shapes
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Code,
    Details,
    Facts,
    Inline,
    Items,
    Link,
    Page,
    Para,
    Section,
    Table,
    Text,
    cell,
    joined,
)
from integrationskonzept.publish.site.constraints import Constraint, constraints_by_class
from integrationskonzept.publish.site.i18n import table
from integrationskonzept.publish.site.pages.common import folded
from integrationskonzept.publish.site.site import Site
from integrationskonzept.terms import RDF_NAMESPACE, curie

IK, OWL, RDFS, SKOS = PREFIXES["ik"], PREFIXES["owl"], PREFIXES["rdfs"], PREFIXES["skos"]
DCTERMS = PREFIXES["dcterms"]
_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# a class with more instances than this lists them folded away
_FOLD_AT = 15
_ALIGN = (
    OWL + "equivalentClass", OWL + "equivalentProperty", SKOS + "exactMatch",
    SKOS + "closeMatch", SKOS + "broadMatch", SKOS + "narrowMatch", RDFS + "seeAlso",
)  # fmt: skip


class _Anchors:
    """Unique section anchors for ontology terms."""

    def __init__(self) -> None:
        self.by_iri: dict[str, str] = {}
        # class IRI → its page
        self.pages: dict[str, str] = {}

    def add(self, prefix: str, iri: str) -> str:
        base = (
            prefix
            + "-"
            + "".join(c if c.isalnum() else "-" for c in curie(iri).split(":")[-1].lower())
        )
        anchor, n = base, 1
        while anchor in self.by_iri.values():
            n += 1
            anchor = f"{base}-{n}"
        self.by_iri[iri] = anchor
        return anchor

    def term(self, iri: str) -> Inline:
        if iri in self.pages:
            return Link(curie(iri), doc=self.pages[iri])
        if iri in self.by_iri:
            return Link(curie(iri), doc="ontology", anchor=self.by_iri[iri])
        return Code(curie(iri))

    def terms(self, iris: list[str]) -> Cell:
        return joined([(self.term(i),) for i in iris]) or cell("–")


def _ik(iris: list[str]) -> list[str]:
    return [i for i in iris if i.startswith(IK)]


def _basics(site: Site, iri: str, text: dict[str, str]) -> list[tuple[str, Cell]]:
    index = site.index
    rows: list[tuple[str, Cell]] = [(site.ui("iri"), (Code(iri),))]
    for key, lang in (("label_de", "de"), ("label_en", "en")):
        label = next(
            (
                str(v)
                for v in index.values(iri, RDFS + "label")
                if getattr(v, "language", None) == lang
            ),
            None,
        )
        if label:
            rows.append((text[key], cell(label)))
    for key, prop in (
        ("definition", SKOS + "definition"),
        ("comment", RDFS + "comment"),
        ("example", SKOS + "example"),
    ):
        value = index.text(iri, prop, site.lang)
        if value:
            rows.append((text[key], cell(value)))
    return rows


def _superclasses(site: Site, iri: str) -> list[str]:
    seen: list[str] = []
    todo = [iri]
    while todo:
        for parent in site.index.iris(todo.pop(), RDFS + "subClassOf"):
            if parent not in seen and parent != iri:
                seen.append(parent)
                todo.append(parent)
    return seen


# a shape's severity → the key of its word in the page's language
_SEVERITY = {
    "sh:Violation": "severity_violation",
    "sh:Warning": "severity_warning",
    "sh:Info": "severity_info",
}


def _constraint_table(found: list[tuple[Constraint, str | None]], text: dict[str, str]) -> Table:
    rows = tuple(
        (
            (Code(c.path),),
            cell(c.parameters or "–"),
            cell(text[_SEVERITY[c.severity]] if c.severity in _SEVERITY else c.severity),
            (Text(c.message or "–"), *((Text(f" ({text['inherited']} {via})"),) if via else ())),
        )
        for c, via in found
    )
    return Table((text["path"], text["parameters"], text["severity"], text["message"]), rows)


def class_docname(iri: str) -> str:
    """The page of an ontology class: ``ontology/<local name>``.

    >>> class_docname("https://w3id.org/integrationskonzept/ontology#ActionField")
    'ontology/ActionField'
    """
    local = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    if _SAFE.match(local) and local != "index":
        return f"ontology/{local}"
    return f"ontology/{re.sub(r'[^A-Za-z0-9]+', '-', local).strip('-') or 'class'}-{len(iri)}"


def _instances(site: Site, iri: str, text: dict[str, str]) -> tuple[Cell, list[Block]]:
    """The number of instances with a link to their list: the index page of their kind, or
    (when they have no kind of their own) a list on the class page."""
    found = sorted(s for s, p in site.index.incoming(iri) if p == RDF_NAMESPACE + "type")
    count = cell(str(len(found)))
    pages = [site.page(i) for i in found]
    segments = {page.split("/", 1)[0] for page in pages if page is not None and "/" in page}
    if found and len(segments) == 1 and all(page is not None for page in pages):
        segment = next(iter(segments))
        listing = Link(site.ui("onto.instances_list"), doc=f"{segment}/index")
        return (*count, Text(" – "), listing), []
    if not found:
        return count, []
    items = tuple(
        (site.ref(i),) if site.page(i) is not None else (Text(site.label(i) + " "), Code(curie(i)))
        for i in found
    )
    listing_blocks: tuple[Block, ...] = (Items(items),)
    blocks: list[Block] = [
        Details(site.ui("show_all").format(len(items)), listing_blocks)
        if len(items) > _FOLD_AT
        else listing_blocks[0]
    ]
    return count, [Section(text["instances"], "instances", tuple(blocks))]


def class_page(
    site: Site,
    iri: str,
    anchors: _Anchors,
    props: list[str],
    constraints: dict[str, list[Constraint]],
    text: dict[str, str],
) -> Page:
    """The page of one class: facts, its properties, its shapes, its instances."""
    index = site.index
    rows = _basics(site, iri, text)
    parents = index.iris(iri, RDFS + "subClassOf")
    rows.append((text["super"], anchors.terms(parents)))
    children = sorted(s for s, p in index.incoming(iri) if p == RDFS + "subClassOf")
    if children:
        rows.append((site.ui("onto.subclasses"), anchors.terms(children)))
    aligned = [o for p in _ALIGN for o in index.iris(iri, p)]
    if aligned:
        rows.append((text["align"], anchors.terms(aligned)))
    as_domain = [p for p in props if iri in index.iris(p, RDFS + "domain")]
    as_range = [p for p in props if iri in index.iris(p, RDFS + "range")]
    rows.append((text["as_domain"], anchors.terms(as_domain)))
    rows.append((text["as_range"], anchors.terms(as_range)))
    count, listing = _instances(site, iri, text)
    rows.append((text["instances"], count))
    found: list[tuple[Constraint, str | None]] = [(c, None) for c in constraints.get(iri, [])]
    found += [(c, curie(s)) for s in _superclasses(site, iri) for c in constraints.get(s, [])]
    shapes = sorted({c.shape.split("-", 1)[0] for c, via in found if via is None})
    rows.append((site.ui("onto.shapes"), cell(", ".join(shapes) or "–")))
    blocks: list[Block] = [
        Facts(tuple(rows)),
        Para((Text(site.ui("onto.part_of") + " "), Link(site.ui("page.ontology"), doc="ontology"))),
    ]
    if found:
        blocks.append(
            Section(text["constraints"], "constraints", (_constraint_table(found, text),))
        )
    blocks.extend(listing)
    title = f"{site.label(iri)} ({curie(iri)})"
    return Page(anchors.pages[iri], title, tuple(blocks), keywords=(curie(iri), site.label(iri)))


def _property_table(site: Site, props: list[str], anchors: _Anchors, text: dict[str, str]) -> Table:
    index = site.index
    rows = tuple(
        (
            (Text(site.label(p) + " "), Code(curie(p))),
            anchors.terms(index.iris(p, RDFS + "domain")),
            anchors.terms(index.iris(p, RDFS + "range")),
            cell(index.text(p, SKOS + "definition", site.lang) or "–"),
        )
        for p in props
    )
    return Table((site.ui("property"), text["domain"], text["range"], text["definition"]), rows)


def _literal(value: object) -> str:
    return str(value) if isinstance(value, Literal | URIRef) else ""


def about(site: Site, text: dict[str, str]) -> list[Block]:
    """The ontology's own header and its changes, from the ``owl:Ontology`` node."""
    index = site.index
    found = [o for o in index.of_type(OWL + "Ontology") if o.startswith(IK.rstrip("#"))]
    if not found:
        return []
    iri = sorted(found)[0]
    rows: list[tuple[str, Cell]] = [(site.ui("iri"), (Code(iri),))]
    for key, prop in (
        ("onto.title", DCTERMS + "title"),
        ("onto.version", OWL + "versionInfo"),
    ):
        value = index.text(iri, prop, site.lang)
        if value:
            rows.append((site.ui(key), cell(value)))
    version_iri = index.iris(iri, OWL + "versionIRI")
    if version_iri:
        rows.append((site.ui("onto.version_iri"), (Code(version_iri[0]),)))
    licences = index.iris(iri, DCTERMS + "license")
    if licences:
        rows.append((site.ui("onto.license"), joined([(Link(u, url=u),) for u in licences])))
    creators = sorted(_literal(v) for v in index.values(iri, DCTERMS + "creator"))
    if creators:
        rows.append((site.ui("onto.creators"), cell(", ".join(creators))))
    for key, prop in (
        ("onto.created", DCTERMS + "created"),
        ("onto.modified", DCTERMS + "modified"),
    ):
        value = index.text(iri, prop)
        if value:
            rows.append((site.ui(key), cell(value)))
    prefix = index.text(iri, PREFIXES["vann"] + "preferredNamespacePrefix")
    if prefix:
        rows.append((site.ui("onto.prefix"), (Code(f"{prefix}: <{IK}>"),)))
    description = index.text(iri, DCTERMS + "description", site.lang)
    blocks: list[Block] = [Facts(tuple(rows))]
    if description:
        blocks.append(Para(cell(description)))
    notes = [
        str(v)
        for v in index.values(iri, SKOS + "changeNote")
        if isinstance(v, Literal) and v.language == site.lang
    ]
    if not notes:
        notes = [str(v) for v in index.values(iri, SKOS + "changeNote") if isinstance(v, Literal)]
    changes: Block = (
        Items(tuple(cell(n) for n in sorted(notes, reverse=True))) if notes else Para(cell("–"))
    )
    return [
        Section(site.ui("onto.about"), "about", tuple(blocks)),
        Section(site.ui("onto.changes"), "changes", (changes,)),
    ]


def pages(site: Site) -> list[Page]:
    """The ontology reference page and the page of every class."""
    text = table(site.lang, "ontology")
    index = site.index
    classes = _ik(index.of_type(OWL + "Class"))
    props = sorted(
        set(_ik(index.of_type(OWL + "ObjectProperty") + index.of_type(OWL + "DatatypeProperty")))
    )
    schemes = _ik(index.of_type(SKOS + "ConceptScheme"))
    anchors = _Anchors()
    for iri in classes:
        anchors.pages[iri] = class_docname(iri)
    for iri in props:
        anchors.by_iri[iri] = "properties"
    for iri in schemes:
        anchors.add("scheme", iri)
    constraints = constraints_by_class(load_shapes(), site.lang)
    scheme_sections = []
    for iri in schemes:
        concepts = sorted(s for s, p in index.incoming(iri) if p == SKOS + "inScheme")
        rows = tuple(
            (
                (Code(curie(c)),),
                cell(index.text(c, SKOS + "notation") or ""),
                cell(site.label(c)),
                cell(index.text(c, SKOS + "definition", site.lang) or ""),
            )
            for c in concepts
        )
        blocks: tuple[Block, ...] = (
            Facts(tuple(_basics(site, iri, text))),
            folded(
                site,
                Table(("IRI", site.ui("notation"), site.ui("label"), text["definition"]), rows),
            ),
        )
        scheme_sections.append(
            Section(f"{site.label(iri)} ({curie(iri)})", anchors.by_iri[iri], blocks)
        )
    class_rows = tuple(
        (
            (Link(site.label(c), doc=anchors.pages[c]), Text(" "), Code(curie(c))),
            cell(index.text(c, SKOS + "definition", site.lang) or "–"),
            cell(str(sum(1 for _, p in index.incoming(c) if p == RDF_NAMESPACE + "type"))),
        )
        for c in sorted(classes, key=lambda c: site.label(c).lower())
    )
    body: tuple[Block, ...] = (
        Para(cell(text["intro"])),
        *about(site, text),
        Section(
            text["classes"],
            "classes",
            (Table((site.ui("onto.class"), text["definition"], text["instances"]), class_rows),),
        ),
        Section(
            text["properties"],
            "properties",
            (folded(site, _property_table(site, props, anchors, text)),),
        ),
        Section(text["schemes"], "schemes", tuple(scheme_sections) or (Para(cell("–")),)),
    )
    toctree = tuple(anchors.pages[c] for c in classes)
    main = Page("ontology", site.ui("page.ontology"), body, toctree)
    return [main, *(class_page(site, c, anchors, props, constraints, text) for c in classes)]


def page(site: Site) -> Page:
    """The ontology reference page (without the class pages: see :func:`pages`)."""
    return pages(site)[0]
