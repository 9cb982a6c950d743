"""The VoID/DCAT description of the dataset: counts from the graph, licence, sources, files."""

from __future__ import annotations

import pytest
from rdflib import DCAT, DCTERMS, RDF, VOID, Graph, Literal, URIRef

from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import IK, LEV
from integrationskonzept.publish.files.description import LICENCE, dataset_description
from integrationskonzept.publish.files.export import serialize

DATASET = LEV["dataset"]


@pytest.fixture(scope="module")
def described(kb: Graph) -> Graph:
    return dataset_description(kb, download_base="https://example.org/downloads/")


def _partition_count(described: Graph, cls: URIRef) -> int:
    for partition in described.objects(DATASET, VOID.classPartition):
        if (partition, VOID["class"], cls) in described:
            return int(described.value(partition, VOID.entities))  # type: ignore[arg-type]
    raise AssertionError(f"no class partition for {cls}")


def test_dataset_is_void_and_dcat_with_the_graphs_size(described: Graph, kb: Graph) -> None:
    assert (DATASET, RDF.type, VOID.Dataset) in described
    assert (DATASET, RDF.type, DCAT.Dataset) in described
    assert int(described.value(DATASET, VOID.triples)) == len(kb)  # type: ignore[arg-type]


def test_class_partitions_count_the_reports_entities(described: Graph) -> None:
    # the report's eight fields of action and its 32 guiding goals
    assert _partition_count(described, IK.ActionField) == 8
    assert _partition_count(described, IK.GuidingGoal) == 32


def test_licence_sources_and_titles(described: Graph) -> None:
    assert (DATASET, DCTERMS.license, LICENCE) in described
    sources = set(described.objects(DATASET, DCTERMS.source))
    assert sources == {LEV["integrationskonzept-2017"], LEV["report-2019"]}
    titles = {t.language for t in described.objects(DATASET, DCTERMS.title)}  # type: ignore[attr-defined]
    assert titles == {"de", "en"}
    assert (
        DATASET,
        DCTERMS.title,
        Literal("Wissensgraph: Integrationskonzept der Stadt Leverkusen", lang="de"),
    ) in described


def test_one_distribution_per_export_file(described: Graph) -> None:
    urls = {str(u) for u in described.objects(DATASET, VOID.dataDump)}
    assert urls == {
        "https://example.org/downloads/knowledge-base." + suffix
        for suffix in ("ttl", "nt", "nq", "jsonld")
    }
    assert len(set(described.objects(DATASET, DCAT.distribution))) == 4


def test_description_is_deterministic(kb: Graph) -> None:
    first = serialize(dataset_description(kb), "turtle")
    assert serialize(dataset_description(kb), "turtle") == first


def test_a_graph_without_a_concept_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="ik:IntegrationConcept or ik:ImplementationReport"):
        dataset_description(Graph())
