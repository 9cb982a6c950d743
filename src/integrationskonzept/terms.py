"""Names of RDF terms for people: the one CURIE helper and the one label-with-fallback rule.

Every part of the project that shows an IRI or a label to a reader goes through these two
functions, so a label chosen in the terminal, the validation report, the analysis and the
site is the same label.

>>> curie("https://w3id.org/integrationskonzept/leverkusen/field/C")
'lev:field/C'
>>> curie("https://example.org/musterstadt/field/C", {"ms": "https://example.org/musterstadt/"})
'ms:field/C'
>>> curie("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
'rdf:type'
>>> from rdflib import Literal
>>> pick_language([Literal("Bildung", lang="de"), Literal("Education", lang="en")], "en")
'Education'
>>> pick_language([Literal("Bildung", lang="de")], "en")  # German is the fallback
'Bildung'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from integrationskonzept.namespaces import PREFIXES, VANN

RDF_NAMESPACE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# the prefixes a CURIE may use: the project's own, plus rdf: (not bound in data files)
_CURIE_PREFIXES = {**PREFIXES, "rdf": RDF_NAMESPACE}
# where a label comes from, in order of preference
LABEL_PROPERTIES = (
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["rdfs"] + "label",
    PREFIXES["dcterms"] + "title",
)
FALLBACK_LANGUAGE = "de"


# A prefix a city may declare: what SPARQL's and Turtle's PN_PREFIX allow, in ASCII.
_PREFIX = re.compile(r"[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


def declared_prefixes(graph: Graph) -> dict[str, str]:
    """The prefixes a city's data declares for its own IRIs, sorted by prefix.

    A declaration is a resource (in the bundled data ``lev:dataset``) with
    ``vann:preferredNamespacePrefix "lev"`` and ``vann:preferredNamespaceUri "…/leverkusen/"``.
    A declaration of one of the project's own prefixes for another namespace is ignored, so
    ``ik:`` always means the ontology.

    >>> g, ms = Graph(), URIRef("https://example.org/ms/dataset")
    >>> _ = g.add((ms, VANN.preferredNamespacePrefix, Literal("ms")))
    >>> _ = g.add((ms, VANN.preferredNamespaceUri, Literal("https://example.org/ms/")))
    >>> declared_prefixes(g)
    {'ms': 'https://example.org/ms/'}
    """
    found: dict[str, str] = {}
    for subject, prefix in graph.subject_objects(VANN.preferredNamespacePrefix):
        if not (isinstance(prefix, Literal) and _PREFIX.fullmatch(str(prefix))):
            continue
        namespaces = sorted(str(n) for n in graph.objects(subject, VANN.preferredNamespaceUri))
        for namespace in namespaces:
            # a project prefix keeps its own namespace
            if namespace and _CURIE_PREFIXES.get(str(prefix), namespace) == namespace:
                found.setdefault(str(prefix), namespace)
    return dict(sorted(found.items()))


def known_prefixes(graph: Graph | None = None) -> dict[str, str]:
    """The project's prefixes, plus those ``graph`` declares (:func:`declared_prefixes`).

    >>> known_prefixes()["lev"]
    'https://w3id.org/integrationskonzept/leverkusen/'
    """
    declared = declared_prefixes(graph) if graph is not None else {}
    return {**PREFIXES, **declared}


def curie(iri: str, prefixes: Mapping[str, str] | None = None) -> str:
    """Shorten ``iri`` with the longest matching known prefix (``ik:Measure``), else return it.

    ``prefixes`` adds to the project's own (a city's prefix, see :func:`known_prefixes`).

    >>> curie("https://w3id.org/integrationskonzept/ontology#Measure")
    'ik:Measure'
    >>> curie("https://example.org/x")
    'https://example.org/x'
    """
    best = ""
    chosen = ""
    candidates = {**_CURIE_PREFIXES, **prefixes} if prefixes else _CURIE_PREFIXES
    for prefix, namespace in candidates.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best, chosen = namespace, prefix
    return f"{chosen}:{iri[len(best) :]}" if best else iri


def pick_language(literals: Iterable[Node], lang: str | None) -> str | None:
    """The text of the literal in ``lang``; else German; else untagged; else any (sorted).

    Deterministic: among several literals of the chosen language the smallest text wins.
    """
    texts: dict[str, list[str]] = {}
    for literal in literals:
        if isinstance(literal, Literal):
            texts.setdefault(literal.language or "", []).append(str(literal))
    for wanted in (lang, FALLBACK_LANGUAGE, ""):
        if wanted is not None and wanted in texts:
            return min(texts[wanted])
    every = [text for group in texts.values() for text in group]
    return min(every) if every else None


def label(graph: Graph, node: Node, lang: str | None = FALLBACK_LANGUAGE) -> str | None:
    """The label of ``node`` in ``lang`` from the first of :data:`LABEL_PROPERTIES` it has.

    >>> from rdflib.namespace import SKOS
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:x"), SKOS.prefLabel, Literal("Bildung", lang="de")))
    >>> label(g, URIRef("urn:x"), "en"), label(g, URIRef("urn:y"), "en")
    ('Bildung', None)
    """
    for prop in LABEL_PROPERTIES:
        found = pick_language(graph.objects(node, URIRef(prop)), lang)
        if found is not None:
            return found
    return None
