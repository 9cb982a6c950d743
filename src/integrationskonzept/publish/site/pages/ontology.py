"""The ontology reference: every class and property with labels, definitions, alignments,
domain and range, and the SHACL constraints that apply."""

from __future__ import annotations

from integrationskonzept.load import load_shapes
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Code,
    Facts,
    Inline,
    Link,
    Page,
    Para,
    Section,
    Strong,
    Table,
    Text,
    cell,
    joined,
)
from integrationskonzept.publish.site.constraints import Constraint, constraints_by_class
from integrationskonzept.publish.site.site import Site
from integrationskonzept.terms import RDF_NAMESPACE, curie

IK, OWL, RDFS, SKOS = PREFIXES["ik"], PREFIXES["owl"], PREFIXES["rdfs"], PREFIXES["skos"]
_ALIGN = (
    OWL + "equivalentClass", OWL + "equivalentProperty", SKOS + "exactMatch",
    SKOS + "closeMatch", SKOS + "broadMatch", SKOS + "narrowMatch", RDFS + "seeAlso",
)  # fmt: skip

_TEXT = {
    "de": {
        "intro": "Das Vokabular ik: in allen Modulen (core, vocabularies, statistics, analysis). Jede Klasse und Eigenschaft mit Bezeichnungen, Definition, Ausrichtung an anderen Vokabularen, Domäne und Wertebereich; bei Klassen die SHACL-Bedingungen der Formen, deren Ziel die Klasse (oder eine Oberklasse) ist.",  # noqa: E501
        "classes": "Klassen", "properties": "Eigenschaften", "schemes": "Begriffsschemata",
        "label_de": "Bezeichnung (de)", "label_en": "Bezeichnung (en)", "definition": "Definition",
        "comment": "Anmerkung", "example": "Beispiel", "super": "Oberklasse", "superprop": "Obereigenschaft",  # noqa: E501
        "align": "Ausrichtung", "domain": "Domäne (rdfs:domain)", "range": "Wertebereich (rdfs:range)",  # noqa: E501
        "as_domain": "Eigenschaften mit dieser Domäne", "as_range": "Eigenschaften mit diesem Wertebereich",  # noqa: E501
        "instances": "Instanzen in den Daten", "characteristics": "Merkmale",
        "constraints": "SHACL-Bedingungen", "path": "Pfad", "parameters": "Bedingung",
        "severity": "Schweregrad", "message": "Meldung", "inherited": "geerbt von",
        "shapes_using": "Formen mit diesem Pfad", "concepts": "Begriffe",
    },
    "en": {
        "intro": "The ik: vocabulary across its modules (core, vocabularies, statistics, analysis). Every class and property with labels, definition, alignment with other vocabularies, domain and range; for classes, the SHACL constraints of the shapes that target the class (or a superclass).",  # noqa: E501
        "classes": "Classes", "properties": "Properties", "schemes": "Concept schemes",
        "label_de": "Label (de)", "label_en": "Label (en)", "definition": "Definition",
        "comment": "Comment", "example": "Example", "super": "Superclass", "superprop": "Superproperty",  # noqa: E501
        "align": "Alignment", "domain": "Domain (rdfs:domain)", "range": "Range (rdfs:range)",
        "as_domain": "Properties with this domain", "as_range": "Properties with this range",
        "instances": "Instances in the data", "characteristics": "Characteristics",
        "constraints": "SHACL constraints", "path": "Path", "parameters": "Constraint",
        "severity": "Severity", "message": "Message", "inherited": "inherited from",
        "shapes_using": "Shapes with this path", "concepts": "Concepts",
    },
}  # fmt: skip


class _Anchors:
    """Unique section anchors for ontology terms."""

    def __init__(self) -> None:
        self.by_iri: dict[str, str] = {}

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


def _constraint_table(found: list[tuple[Constraint, str | None]], text: dict[str, str]) -> Table:
    rows = tuple(
        (
            (Code(c.path),),
            cell(c.parameters or "–"),
            cell(c.severity.replace("sh:", "")),
            (Text(c.message or "–"), *((Text(f" ({text['inherited']} {via})"),) if via else ())),
        )
        for c, via in found
    )
    return Table((text["path"], text["parameters"], text["severity"], text["message"]), rows)


def _class_section(
    site: Site,
    iri: str,
    anchors: _Anchors,
    props: list[str],
    constraints: dict[str, list[Constraint]],
    text: dict[str, str],
) -> Section:
    index = site.index
    rows = _basics(site, iri, text)
    parents = index.iris(iri, RDFS + "subClassOf")
    rows.append((text["super"], anchors.terms(parents)))
    aligned = [o for p in _ALIGN for o in index.iris(iri, p)]
    if aligned:
        rows.append((text["align"], anchors.terms(aligned)))
    as_domain = [p for p in props if iri in index.iris(p, RDFS + "domain")]
    as_range = [p for p in props if iri in index.iris(p, RDFS + "range")]
    rows.append((text["as_domain"], anchors.terms(as_domain)))
    if as_range:
        rows.append((text["as_range"], anchors.terms(as_range)))
    instances = sum(1 for s, p in index.incoming(iri) if p == RDF_NAMESPACE + "type")
    rows.append((text["instances"], cell(str(instances))))
    blocks: list[Block] = [Facts(tuple(rows))]
    found: list[tuple[Constraint, str | None]] = [(c, None) for c in constraints.get(iri, [])]
    found += [(c, curie(s)) for s in _superclasses(site, iri) for c in constraints.get(s, [])]
    if found:
        blocks.append(Para((Strong(text["constraints"]),)))
        blocks.append(_constraint_table(found, text))
    return Section(f"{site.label(iri)} ({curie(iri)})", anchors.by_iri[iri], tuple(blocks))


def _property_section(
    site: Site, iri: str, anchors: _Anchors, paths: dict[str, list[str]], text: dict[str, str]
) -> Section:
    index = site.index
    rows = _basics(site, iri, text)
    rows.append((text["domain"], anchors.terms(index.iris(iri, RDFS + "domain"))))
    rows.append((text["range"], anchors.terms(index.iris(iri, RDFS + "range"))))
    parents = index.iris(iri, RDFS + "subPropertyOf")
    if parents:
        rows.append((text["superprop"], anchors.terms(parents)))
    aligned = [o for p in _ALIGN for o in index.iris(iri, p)]
    if aligned:
        rows.append((text["align"], anchors.terms(aligned)))
    kinds = [curie(t) for t in index.types(iri)]
    rows.append((text["characteristics"], cell(", ".join(kinds))))
    shapes = paths.get(curie(iri), [])
    if shapes:
        rows.append((text["shapes_using"], cell(", ".join(shapes))))
    return Section(f"{site.label(iri)} ({curie(iri)})", anchors.by_iri[iri], (Facts(tuple(rows)),))


def page(site: Site) -> Page:
    """The ontology reference page."""
    text = _TEXT[site.lang]
    index = site.index
    classes = _ik(index.of_type(OWL + "Class"))
    props = sorted(
        set(_ik(index.of_type(OWL + "ObjectProperty") + index.of_type(OWL + "DatatypeProperty")))
    )
    schemes = _ik(index.of_type(SKOS + "ConceptScheme"))
    anchors = _Anchors()
    for iri in classes:
        anchors.add("class", iri)
    for iri in props:
        anchors.add("prop", iri)
    for iri in schemes:
        anchors.add("scheme", iri)
    constraints = constraints_by_class(load_shapes(), site.lang)
    paths: dict[str, list[str]] = {}
    for found in constraints.values():
        for c in found:
            paths.setdefault(c.path, []).append(c.shape)
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
            Table(("IRI", site.ui("notation"), site.ui("label"), text["definition"]), rows),
        )
        scheme_sections.append(
            Section(f"{site.label(iri)} ({curie(iri)})", anchors.by_iri[iri], blocks)
        )
    body: tuple[Block, ...] = (
        Para(cell(text["intro"])),
        Section(
            text["classes"],
            "classes",
            tuple(_class_section(site, c, anchors, props, constraints, text) for c in classes),
        ),
        Section(
            text["properties"],
            "properties",
            tuple(_property_section(site, p, anchors, paths, text) for p in props),
        ),
        Section(text["schemes"], "schemes", tuple(scheme_sections) or (Para(cell("–")),)),
    )
    return Page("ontology", site.ui("page.ontology"), body)
