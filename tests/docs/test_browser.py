"""The site in a real browser (playwright driving Debian's chromium).

Skipped with a reason when /usr/bin/chromium or playwright is missing (``make browser``
installs chromium; ``pip install '.[test]'`` installs playwright). Screenshots are kept in
test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .helpers import ARTIFACTS, HOSTILE_LABEL

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("site")]

# `make test` sets IK_REQUIRE_BROWSER so that a missing browser fails the run instead of
# silently skipping the only tests that look at the rendered site.
_REQUIRED = os.environ.get("IK_REQUIRE_BROWSER") == "1"
if not CHROMIUM.exists():
    if _REQUIRED:
        raise RuntimeError(f"{CHROMIUM} is missing: run `make browser`")
    pytest.skip(f"{CHROMIUM} is missing: run `make browser`", allow_module_level=True)
if _REQUIRED:
    import playwright.sync_api as playwright_api
else:
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is missing: pip install '.[test]'"
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []  # console errors, page errors, failed requests, dialogs
    tab.on(
        "console", lambda m: tab.errors.append(f"console: {m.text}") if m.type == "error" else None
    )
    tab.on("pageerror", lambda e: tab.errors.append(f"pageerror: {e}"))
    tab.on("requestfailed", lambda r: tab.errors.append(f"failed: {r.url}"))
    tab.on("dialog", lambda d: (tab.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield tab
    context.close()


def _shot(tab: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


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
    _shot(page, "page-" + path.replace("/", "-").removesuffix(".html"))
    assert page.errors == []


def test_search_finds_runder_tisch_deutsch(page: Any, served_site: str) -> None:
    page.goto(served_site + "search.html?q=Runder+Tisch+Deutsch")
    link = page.locator("#search-results a[href*='network/runder-tisch-deutsch']")
    link.first.wait_for(timeout=20_000)
    _shot(page, "search-runder-tisch-deutsch")
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
    _shot(tab, "phone-field-C")
    context.close()
    assert width <= 390 + 1, "the page scrolls sideways on a phone"


def test_hostile_label_is_text(page: Any, served_hostile_site: str) -> None:
    page.goto(served_hostile_site + "field/A.html")
    page.wait_for_load_state("networkidle")
    assert HOSTILE_LABEL in page.locator("article h1").inner_text()
    assert page.locator("article script").count() == 0
    _shot(page, "hostile-field-A")
    assert "<script>alert" not in page.content().replace("&lt;script&gt;", "")
    assert page.errors == []


def test_chromium_is_debians() -> None:
    assert shutil.which("chromium") or CHROMIUM.exists()
