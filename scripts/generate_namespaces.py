"""Regenerate ``src/integrationskonzept/namespaces.py`` from the terms declared in ``ontology/``.

Run ``python scripts/generate_namespaces.py`` after adding a term to the ontology; the test
``tests/test_namespaces.py`` fails until the two agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, SKOS

ROOT = Path(__file__).resolve().parents[1]
IK = "https://w3id.org/integrationskonzept/ontology#"
TARGET = ROOT / "src" / "integrationskonzept" / "namespaces.py"
TEMPLATE = ROOT / "scripts" / "namespaces.py.in"


def declared_terms() -> list[str]:
    graph = rdflib.Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        graph.parse(path, format="turtle")
    kinds = {
        OWL.Class,
        RDF.Property,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        SKOS.Concept,
        SKOS.ConceptScheme,
        OWL.NamedIndividual,
    }
    names = set()
    for subject, _, kind in graph.triples((None, RDF.type, None)):
        typed = kind in kinds or str(kind).startswith((IK, "http://purl.org/linked-data/cube#"))
        if typed and isinstance(subject, rdflib.URIRef) and str(subject).startswith(IK):
            local = str(subject)[len(IK) :]
            if local:
                names.add(local)
    return sorted(names)


def render(names: list[str]) -> str:
    lines = "\n".join(f"    {name}: URIRef" for name in names)
    return TEMPLATE.read_text(encoding="utf-8").replace("@@TERMS@@", lines)


if __name__ == "__main__":
    TARGET.write_text(render(declared_terms()), encoding="utf-8")
    print(f"wrote {TARGET} ({len(declared_terms())} terms)", file=sys.stderr)
