"""A VoID and DCAT description of one city's knowledge base: what it holds and where it is.

The description names the dataset (``<city>/dataset``), its size (triples, entities, classes
and how many instances each has), the vocabulary it uses, its licence and source documents
(the integration concept and the implementation reports it was curated from), and one
``dcat:Distribution`` per export file. Harvesters (a city's open-data portal, GovData) read
DCAT; SPARQL clients and link checkers read VoID.

>>> from integrationskonzept import load
>>> described = dataset_description(load())
>>> dataset = next(described.subjects(RDF.type, VOID.Dataset))
>>> str(dataset)
'https://w3id.org/integrationskonzept/leverkusen/dataset'
>>> int(described.value(dataset, VOID.triples)) > 9000
True
"""

from __future__ import annotations

from collections import Counter

from rdflib import DCAT, DCTERMS, RDF, VOID, XSD, Graph, Literal, URIRef

from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import IK, PREFIXES, bind_prefixes
from integrationskonzept.terms import curie
from integrationskonzept.terms import label as label_of

MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
ONTOLOGY = URIRef(PREFIXES["ik"].rstrip("#"))

# export format → (file name, media type)
DISTRIBUTIONS: dict[str, tuple[str, str]] = {
    "turtle": ("knowledge-base.ttl", "text/turtle"),
    "ntriples": ("knowledge-base.nt", "application/n-triples"),
    "nquads": ("knowledge-base.nq", "application/n-quads"),
    "json-ld": ("knowledge-base.jsonld", "application/ld+json"),
}

_TITLES = {
    "de": "Wissensgraph: {}",
    "en": "Knowledge graph: {}",
}
_DESCRIPTIONS = {
    "de": (
        "Das Integrationskonzept und seine Umsetzungsberichte als RDF: Handlungsfelder, "
        "Leitziele, Wirkungsindikatoren, Akteure, Netzwerke und Gremien mit ihrer "
        "Federführung, Maßnahmen, Vereinbarungen, Bedarfe, Sitzungen und Statistiken."
    ),
    "en": (
        "The integration concept and its implementation reports as RDF: fields of action, "
        "guiding goals, impact indicators, actors, networks and committees with their leads, "
        "measures, agreements, needs, meetings and statistics."
    ),
}


def _source_documents(graph: Graph) -> list[URIRef]:
    documents = {
        subject
        for cls in (IK.IntegrationConcept, IK.ImplementationReport)
        for subject in graph.subjects(RDF.type, cls)
        if isinstance(subject, URIRef)
    }
    return sorted(documents, key=str)


def dataset_iri(graph: Graph) -> URIRef:
    """``<city>/dataset``: the city's base from its integration concept's (or report's) IRI."""
    documents = sorted(
        _source_documents(graph),
        key=lambda d: ((d, RDF.type, IK.IntegrationConcept) not in graph, str(d)),
    )
    if not documents:
        raise InputError(
            "the knowledge base has no ik:IntegrationConcept or ik:ImplementationReport, "
            "so the dataset has no name",
            hint="describe the city's integration concept (see data/leverkusen/documents.ttl)",
        )
    return URIRef(str(documents[0]).rsplit("/", 1)[0] + "/dataset")


def dataset_description(graph: Graph, *, download_base: str | None = None) -> Graph:
    """The VoID/DCAT description of ``graph`` (the ontology plus one city's data).

    ``download_base``: where the export files are published (a URL ending in ``/``);
    without it, the distributions carry only the file name as ``dcterms:identifier``.
    """
    dataset = dataset_iri(graph)
    described = bind_prefixes(Graph())
    described.bind("void", VOID)
    described.bind("dcat", DCAT)
    add = described.add
    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, RDF.type, DCAT.Dataset))
    documents = _source_documents(graph)
    concept = next((d for d in documents if (d, RDF.type, IK.IntegrationConcept) in graph), None)
    for lang, template in _TITLES.items():
        named = concept if concept is not None else (documents[0] if documents else None)
        label = (label_of(graph, named, lang) or str(named)) if named is not None else str(dataset)
        add((dataset, DCTERMS.title, Literal(template.format(label), lang=lang)))
        add((dataset, DCTERMS.description, Literal(_DESCRIPTIONS[lang], lang=lang)))
    add((dataset, DCTERMS.license, LICENCE))
    add((dataset, DCTERMS.language, URIRef("http://id.loc.gov/vocabulary/iso639-1/de")))
    for document in documents:
        add((dataset, DCTERMS.source, document))
    add((dataset, VOID.vocabulary, ONTOLOGY))
    add((dataset, VOID.uriSpace, Literal(str(dataset).removesuffix("dataset"))))

    instances: Counter[URIRef] = Counter(
        cls for _, cls in graph.subject_objects(RDF.type) if isinstance(cls, URIRef)
    )
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    add((dataset, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    add((dataset, VOID.entities, Literal(len(subjects), datatype=XSD.integer)))
    add((dataset, VOID.classes, Literal(len(instances), datatype=XSD.integer)))
    add((dataset, VOID.properties, Literal(len(set(graph.predicates())), datatype=XSD.integer)))
    for cls, count in sorted(instances.items(), key=lambda item: str(item[0])):
        partition = URIRef(f"{dataset}/class/{curie(str(cls)).replace(':', '-')}")
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], cls))
        add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))

    for fmt, (file_name, media_type) in DISTRIBUTIONS.items():
        distribution = URIRef(f"{dataset}/distribution/{fmt}")
        add((dataset, DCAT.distribution, distribution))
        add((distribution, RDF.type, DCAT.Distribution))
        add((distribution, DCAT.mediaType, URIRef(MEDIA_TYPES + media_type)))
        add((distribution, DCTERMS.identifier, Literal(file_name)))
        add((distribution, DCTERMS.license, LICENCE))
        if download_base is not None:
            add((distribution, DCAT.downloadURL, URIRef(download_base + file_name)))
            add((dataset, VOID.dataDump, URIRef(download_base + file_name)))
    return described
