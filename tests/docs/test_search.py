"""The site's search finds things by code and by name, and shows a snippet under each result.

Every entity page has its code and names as index entries (publish/site/search.py), which
Sphinx's search ranks above titles and words in the text; the scorer
(publish/sphinx/search-scorer.js) breaks ties by kind. Runs in Debian's chromium
(:mod:`.browsing`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus

import pytest

from integrationskonzept.publish.site.search import clean

from .browsing import collecting_errors
from .helpers import Site

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("site")]


@pytest.fixture(scope="module")
def tab(tabs: dict[int, Any]) -> Any:
    return collecting_errors(tabs[1280])


def _results(tab: Any, base: str, prefix: str, query: str) -> list[tuple[str, str]]:
    """The results' links (relative to the search page) and their snippets, in order."""
    tab.errors.clear()
    tab.goto(f"{base}{prefix}search.html?q={quote_plus(query)}")
    tab.locator("#search-results p.search-summary:not(:empty)").wait_for(timeout=30_000)
    # summaries are fetched one page at a time; wait for the first three
    tab.wait_for_function(
        "document.querySelectorAll('#search-results ul.search > li p.context').length >= "
        "Math.min(3, document.querySelectorAll('#search-results ul.search > li').length)",
        timeout=30_000,
    )
    found = tab.evaluate(
        """() => [...document.querySelectorAll('#search-results ul.search > li')].map((li) => [
            li.querySelector('a').getAttribute('href'),
            (li.querySelector('p.context') || {}).textContent || '',
        ])"""
    )
    assert tab.errors == []
    return [(href.split("#")[0], snippet) for href, snippet in found]


@pytest.mark.parametrize(
    ("prefix", "query", "page", "within"),
    [
        ("", "C-1", "goal/C-1.html", 1),
        ("en/", "C-1", "goal/C-1.html", 1),
        ("", "IKOE", "topic/IKOE.html", 1),
        ("", "A", "field/A.html", 1),
        ("", "Kommunales Integrationszentrum", "actor/kommunales-integrationszentrum.html", 3),
        ("en/", "integration centre", "actor/kommunales-integrationszentrum.html", 3),
        ("en/", "Municipal Integration Centre", "actor/kommunales-integrationszentrum.html", 3),
        ("", "Interkulturelle Öffnung der Verwaltung", "topic/IKOE.html", 3),
    ],
)
def test_search_ranks_the_own_page_first(
    tab: Any, served_site: str, prefix: str, query: str, page: str, within: int
) -> None:
    results = _results(tab, served_site, prefix, query)
    top = [href for href, _ in results[:within]]
    assert page in top, f"{query!r}: {[href for href, _ in results[:5]]}"


def test_results_show_a_snippet(tab: Any, served_site: str) -> None:
    results = _results(tab, served_site, "", "C-1")
    href, snippet = results[0]
    assert href == "goal/C-1.html"
    # the page's description (title, kind, statement) first, without the language switch
    assert snippet.startswith("Leitziel C-1 – Leitziel: "), snippet
    assert "English" not in snippet[:40]
    assert all(text.strip() for _, text in results[:3])


def test_every_entity_page_has_index_entries(site: Site) -> None:
    index = (site.html / "searchindex.js").read_text(encoding="utf-8")
    for entry in ('"c-1":', '"ikoe":', '"kommunales integrationszentrum":'):
        assert entry in index, entry
    english = (site.html / "en" / "searchindex.js").read_text(encoding="utf-8")
    assert '"municipal integration centre":' in english


def test_keywords_are_clean() -> None:
    assert clean(["A", "a", " Sprache;  Bildung ", "x" * 500]) == ("A", "Sprache, Bildung")
