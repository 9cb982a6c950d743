"""The built site of a fictional second report with ``--previous`` (one build, both
languages): the Changes page lists each planted change once, shows the chart with its table
and is in the sidebar; a changed measure's page shows its status history; no warnings.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .helpers import Site, build, page_text, parse_links

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]

FIXTURES = Path(__file__).parents[1] / "compare" / "fixtures"
OLD, NEW = FIXTURES / "musterstadt-2020", FIXTURES / "musterstadt-2022"
LANGS = {"de": "", "en": "en/"}
# the planted changes by the label each is shown under, per language
PLANTED = {
    "de": (
        "Lesecafé", "Elternbrief", "Sprachkurs für Eltern", "Runder Tisch Sprache",
        "Mehr Kursplätze am Abend", "Hausaufgabenhilfe im Quartier",
    ),
    "en": (
        "Reading café", "Letter to parents", "Language course for parents",
        "Language round table", "More evening course places", "Homework help",
    ),
}  # fmt: skip


# a fictional assessment of goal A-1 whose quote holds markup (it must stay text)
ASSESSMENT = """\
@base <https://w3id.org/integrationskonzept/musterstadt/> .
@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<assessment/A-1> a ik:Assessment ;
    ik:assesses <goal/A-1> ;
    ik:topic <field/A> ;
    skos:prefLabel "Kurse gut besucht"@de , "Courses well attended"@en ;
    ik:evidence "Die Kurse sind <b>gut</b> besucht *immer*."@de ,
        "The courses are <b>well</b> attended *always*."@en ;
    dcterms:date "2022-03"^^xsd:gYearMonth ;
    ik:statedIn <report-2022> ;
    dcterms:source <report-2022/section/4.1> .
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site as ``integrationskonzept docs --previous`` builds it (the pipeline up to
    docs, with the compare stage); the second report with one assessment added."""
    root = tmp_path_factory.mktemp("changes")
    data = shutil.copytree(NEW, root / "data")
    (data / "assessment.ttl").write_text(ASSESSMENT, encoding="utf-8")
    return build(root, str(data), previous=OLD)


def test_the_build_is_clean(built: Site) -> None:
    assert len(built.warnings) == 2
    for path in built.warnings:
        assert path.read_text(encoding="utf-8") == "", path


def test_the_changes_page_names_each_planted_change_once(built: Site) -> None:
    for lang, prefix in LANGS.items():
        text = page_text(built.html / prefix / "changes.html")
        assert ("Entwicklung" if lang == "de" else "Changes") in text
        renamed = PLANTED[lang][-1]  # also the measure goal A-2 gained: named by both
        for label in PLANTED[lang][:-1]:
            assert text.count(label) == 1, (lang, label, text.count(label))
        assert renamed in text
        assert ("Stand 2020-03" if lang == "de" else "as of 2020-03") in text


def test_the_chart_is_there_with_its_numbers(built: Site) -> None:
    for prefix in LANGS.values():
        page = built.html / prefix / "changes.html"
        images = [link for link in parse_links(page).links if link.endswith(".svg")]
        assert any("changes-status" in link for link in images), images
        for link in images:
            assert (page.parent / link).is_file(), link
        text = page_text(page)
        assert "A: Sprache" in text or "A: Language" in text


def test_the_page_is_in_the_sidebar_of_other_pages(built: Site) -> None:
    for prefix in LANGS.values():
        links = parse_links(built.html / prefix / "gaps.html").links
        assert "changes.html" in links, links


def test_a_changed_measure_shows_its_status_history(built: Site) -> None:
    text = page_text(built.html / "measure" / "sprachkurs.html")
    assert "Umsetzungsstand im Zeitverlauf" in text
    assert "2020-03 geplant" in text and "2022-03 umgesetzt" in text
    english = page_text(built.html / "en" / "measure" / "sprachkurs.html")
    assert "Status over time" in english
    assert "2020-03 planned" in english and "2022-03 implemented" in english


def test_a_goal_page_shows_its_assessment_as_text(built: Site) -> None:
    for prefix, quote, markup in (
        ("", "Die Kurse sind <b>gut</b> besucht *immer*.", "<b>gut</b>"),
        ("en/", "The courses are <b>well</b> attended *always*.", "<b>well</b>"),
    ):
        page = built.html / prefix / "goal" / "A-1.html"
        text = page_text(page)
        assert quote in text  # the markup is shown, not interpreted
        assert "2022-03" in text and "4.1" in text
        assert markup not in page.read_text(encoding="utf-8")
    field = page_text(built.html / "field" / "A.html")
    assert "Einschätzungen des Berichts" in field and "Kurse gut besucht" in field
    gaps = page_text(built.html / "en" / "gaps.html")
    assert "Assessments in the report" in gaps and "Courses well attended" in gaps
