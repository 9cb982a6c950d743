"""The ontology reference: its header (version, licence, creators, changes) from the
ontology's own triples, and a page per class instead of one very long page."""

from __future__ import annotations

import re

import pytest

from integrationskonzept import load
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.publish.site.pages.ontology import class_docname

from .helpers import Site, page_text, parse_links

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]

LANGS = {"de": "", "en": "en/"}
IK = PREFIXES["ik"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "de",
            (
                "Version : 0.1.0",
                "Lizenz",
                "Urheber : integrationskonzept contributors",
                "Änderungen",
                "ik:StatusAssertion",
            ),
        ),
        (
            "en",
            (
                "Version : 0.1.0",
                "Licence",
                "Creators : integrationskonzept contributors",
                "Changes",
                "ik:StatusAssertion",
            ),
        ),
    ],
)
def test_ontology_page_shows_its_header_and_changes(
    site: Site, lang: str, words: tuple[str, ...]
) -> None:
    path = site.html / LANGS[lang] / "ontology.html"
    text = page_text(path)
    for word in words:
        assert word in text, word
    assert "https://creativecommons.org/licenses/by/4.0/" in parse_links(path).links


def _classes() -> list[str]:
    graph = load()
    query = "SELECT ?c WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> }"
    return sorted(str(row[0]) for row in graph.query(query) if str(row[0]).startswith(IK))  # type: ignore[index]


def test_every_class_has_a_page_linked_from_the_ontology(site: Site) -> None:
    classes = _classes()
    assert len(classes) > 20
    links = set(parse_links(site.html / "ontology.html").links)
    for iri in classes:
        docname = class_docname(iri)
        for prefix in LANGS.values():
            assert (site.html / prefix / f"{docname}.html").is_file(), docname
        assert f"{docname}.html" in links, docname


@pytest.mark.parametrize("lang", LANGS)
def test_class_page_shows_definition_properties_shapes_and_instances(site: Site, lang: str) -> None:
    path = site.html / LANGS[lang] / "ontology" / "ActionField.html"
    text = page_text(path)
    assert "ik:ActionField" in text
    assert "ik:prioritized" in text  # a property whose domain it is
    assert "iksh:" in text  # the shapes that constrain it
    assert ("Oberklasse" if lang == "de" else "Superclass") in text
    links = parse_links(path).links
    assert "../field/index.html" in links  # the list of its instances
    assert re.search(r"(Instanzen in den Daten|Instances in the data) : 8 ", text)
    # the shapes' severities in the page's language
    assert ("Verstoß" if lang == "de" else "Violation") in text
    assert ("Violation" if lang == "de" else "Verstoß") not in text


def test_class_without_a_kind_lists_its_instances(site: Site) -> None:
    text = page_text(site.html / "ontology" / "Responsibility.html")
    assert "lev:responsibility/" in text or "Federführung" in text


def test_ontology_page_is_short(site: Site) -> None:
    # one page per class: the reference itself holds tables, not a section per class
    html = (site.html / "ontology.html").read_text(encoding="utf-8")
    assert len(html) < 600_000
    assert html.count('<section id="class-') == 0
