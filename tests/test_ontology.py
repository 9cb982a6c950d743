"""The ontology: every term declared, bilingual, well-formed (ROBOT-style report checks).

Each test lists every offender, so one run shows all that needs fixing.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from integrationskonzept import resources
from integrationskonzept.load import load_files

IK = "https://w3id.org/integrationskonzept/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/integrationskonzept/ontology")
VANN = "http://purl.org/vocab/vann/"
CLASS_TYPES = {OWL.Class, RDFS.Class}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_files(resources.ontology_files())


def declared(graph: Graph) -> set[URIRef]:
    return {
        s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(IK)
    }


def used_terms(paths: list[Path]) -> dict[URIRef, set[str]]:
    used: dict[URIRef, set[str]] = defaultdict(set)
    for path in paths:
        graph = Graph().parse(path, format="turtle")
        for triple in graph:
            for term in triple:
                if isinstance(term, URIRef) and str(term).startswith(IK) and str(term) != IK:
                    used[term].add(path.name)
    return used


def test_every_term_used_in_data_and_shapes_is_declared(ontology: Graph) -> None:
    files = sorted(resources.data_dir().glob("*.ttl")) + resources.shape_files()
    terms = declared(ontology)
    missing = {t: sorted(f) for t, f in used_terms(files).items() if t not in terms}
    assert not missing, "undeclared ik: terms (declare them in ontology/):\n" + "\n".join(
        f"  {t} used in {', '.join(f)}" for t, f in sorted(missing.items())
    )


@pytest.mark.parametrize("prop", [RDFS.label, SKOS.definition])
def test_every_term_has_exactly_one_value_per_language(ontology: Graph, prop: URIRef) -> None:
    offenders = []
    for term in sorted(declared(ontology)):
        langs = [o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)]
        for lang in ("de", "en"):
            if langs.count(lang) != 1:
                offenders.append(f"{term}: {langs.count(lang)} {prop.n3()}@{lang}")
    assert not offenders, "\n".join(offenders)


def test_no_term_is_both_class_and_property(ontology: Graph) -> None:
    offenders = []
    for term in declared(ontology):
        types = set(ontology.objects(term, RDF.type))
        if types & CLASS_TYPES and types & PROPERTY_TYPES:
            offenders.append(str(term))
    assert not offenders, offenders


def test_no_stray_whitespace_in_literals(ontology: Graph) -> None:
    offenders = [
        f"{s} {p}: {o!r}"
        for s, p, o in ontology
        if isinstance(o, Literal) and isinstance(o.value, str) and o.value != o.value.strip()
    ]
    assert not offenders, "\n".join(offenders)


def test_labels_are_unique_within_a_kind(ontology: Graph) -> None:
    kinds = {"class": CLASS_TYPES, "property": PROPERTY_TYPES}
    offenders = []
    for kind, types in kinds.items():
        seen: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        for term in declared(ontology):
            if set(ontology.objects(term, RDF.type)) & types:
                for label in ontology.objects(term, RDFS.label):
                    assert isinstance(label, Literal)
                    seen[(str(label).lower(), label.language)].append(str(term))
        offenders += [f"{kind} label {k}: {v}" for k, v in seen.items() if len(v) > 1]
    assert not offenders, "\n".join(offenders)


def test_properties_are_typed_object_or_datatype(ontology: Graph) -> None:
    offenders = []
    for term in sorted(declared(ontology)):
        types = set(ontology.objects(term, RDF.type))
        if RDF.Property in types and not types & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            offenders.append(str(term))
    assert not offenders, offenders


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    for prop in (DCTERMS.title, DCTERMS.description):
        langs = {o.language for o in ontology.objects(ONTOLOGY_IRI, prop)}  # type: ignore[attr-defined]
        assert {"de", "en"} <= langs, prop
    assert (
        ONTOLOGY_IRI,
        DCTERMS.license,
        URIRef("https://creativecommons.org/licenses/by/4.0/"),
    ) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.created) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.modified) is not None
    assert str(ontology.value(ONTOLOGY_IRI, URIRef(VANN + "preferredNamespacePrefix"))) == "ik"
    assert str(ontology.value(ONTOLOGY_IRI, URIRef(VANN + "preferredNamespaceUri"))) == IK


def test_no_blank_nodes(ontology: Graph) -> None:
    from rdflib import BNode

    assert not [t for t in ontology if any(isinstance(x, BNode) for x in t)]
