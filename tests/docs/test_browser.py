"""The site in a real browser (playwright driving Debian's chromium).

Skipped with a reason when /usr/bin/chromium or playwright is missing (``make browser``
installs chromium; ``pip install '.[test]'`` installs playwright). Screenshots are kept in
test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .browsing import CHROMIUM, collecting_errors, screenshot
from .helpers import HOSTILE_LABEL

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("site")]


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield collecting_errors(context.new_page())
    context.close()


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("index.html", "Integrationskonzept"),  # furo titles the root page by the site
        ("field/C.html", "Qualifizierung"),
        ("goal/C-1.html", "Leitziel C-1"),
        ("en/goal/C-1.html", "Guiding goal C-1"),
    ],
)
def test_pages_render_without_console_errors(
    page: Any, served_site: str, path: str, title: str
) -> None:
    page.goto(served_site + path)
    page.wait_for_load_state("networkidle")
    assert title in page.title()
    assert page.locator("article h1").count() == 1
    screenshot(page, "page-" + path.replace("/", "-").removesuffix(".html"))
    assert page.errors == []


def test_search_finds_runder_tisch_deutsch(page: Any, served_site: str) -> None:
    page.goto(served_site + "search.html?q=Runder+Tisch+Deutsch")
    link = page.locator("#search-results a[href*='network/runder-tisch-deutsch']")
    link.first.wait_for(timeout=20_000)
    screenshot(page, "search-runder-tisch-deutsch")
    assert page.errors == []


def test_search_in_english(page: Any, served_site: str) -> None:
    page.goto(served_site + "en/search.html?q=Round+Table+German")
    link = page.locator("#search-results a[href*='network/runder-tisch-deutsch']")
    link.first.wait_for(timeout=20_000)
    assert page.errors == []


def test_language_switch(page: Any, served_site: str) -> None:
    page.goto(served_site + "goal/C-1.html")
    page.locator("nav.ik-language-switch a").click()
    page.wait_for_load_state("networkidle")
    assert page.url == served_site + "en/goal/C-1.html"
    assert "Guiding goal C-1" in page.title()
    page.locator("nav.ik-language-switch a").click()
    page.wait_for_load_state("networkidle")
    assert page.url == served_site + "goal/C-1.html"
    assert page.errors == []


def test_phone_layout(browser: Any, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(served_site + "field/C.html")
    tab.wait_for_load_state("networkidle")
    width = tab.evaluate("document.documentElement.scrollWidth")
    screenshot(tab, "phone-field-C")
    context.close()
    assert width <= 390 + 1, "the page scrolls sideways on a phone"


def test_hostile_label_is_text(page: Any, served_hostile_site: str) -> None:
    page.goto(served_hostile_site + "field/A.html")
    page.wait_for_load_state("networkidle")
    assert HOSTILE_LABEL in page.locator("article h1").inner_text()
    assert page.locator("article script").count() == 0
    screenshot(page, "hostile-field-A")
    assert "<script>alert" not in page.content().replace("&lt;script&gt;", "")
    assert page.errors == []


def test_chromium_is_debians(browser: Any) -> None:
    """The browser these tests drive is Debian's package, not one playwright downloaded."""
    assert CHROMIUM.exists() and browser.version
