"""Shared fixtures: the bundled graph (loaded once) and small hand-written cities."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from integrationskonzept import load

TINY_CITY = """\
@base <https://w3id.org/integrationskonzept/musterstadt/> .
@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<report-2020> a ik:ImplementationReport ;
    skos:prefLabel "Umsetzungsbericht 2020"@de ;
    dcterms:title "Umsetzungsbericht 2020" .

<report-2020/section/4.1> a ik:ReportSection ;
    ik:sectionNumber "4.1" ;
    dcterms:title "Handlungsfeld A: Sprache" ;
    skos:prefLabel "4.1 Handlungsfeld A: Sprache"@de ;
    dcterms:isPartOf <report-2020> ;
    dcterms:source <report-2020/section/4.1> .

<field/A> a ik:ActionField ;
    skos:notation "A" ;
    ik:prioritized false ;
    skos:prefLabel "Sprache"@de , "Language"@en ;
    dcterms:source <report-2020/section/4.1> .

<goal/A-1> a ik:GuidingGoal ;
    ik:topic <field/A> ;
    ik:number 1 ;
    skos:prefLabel "Leitziel A-1"@de , "Guiding goal A-1"@en ;
    ik:statement "Alle lernen Deutsch."@de , "Everybody learns German."@en ;
    dcterms:source <report-2020/section/4.1> .
"""


@pytest.fixture(scope="session")
def kb() -> Graph:
    """The bundled Leverkusen graph (ontology + data), memory backend, loaded once."""
    return load()


@pytest.fixture(scope="session")
def kb_ox() -> Graph:
    """The bundled Leverkusen graph on the Oxigraph backend, loaded once."""
    return load(backend="oxigraph")


@pytest.fixture
def tiny_city(tmp_path: Path) -> Path:
    """A folder with a one-field city in one Turtle file."""
    folder = tmp_path / "musterstadt"
    folder.mkdir()
    (folder / "city.ttl").write_text(TINY_CITY, encoding="utf-8")
    return folder
