"""Debian's chromium driven by playwright: what every browser test of the site shares.

The fixtures in ``conftest.py`` (``browser``, ``tabs``) are built from these. A missing
chromium (``make browser`` installs it) or playwright (``pip install '.[test]'``) skips the
tests that need a browser, with the reason, or fails them under ``IK_REQUIRE_BROWSER=1``
(``make test``): a missing browser must not silently skip the only tests that look at the
rendered site.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import pytest

from .helpers import ARTIFACTS

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
DESKTOP = 1280
"""px: the width of a desktop tab (a phone's is 390)."""


def _missing(reason: str) -> NoReturn:
    if os.environ.get("IK_REQUIRE_BROWSER") == "1":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def sync_api() -> ModuleType:
    """playwright's synchronous API, once chromium and playwright are both there."""
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing: run `make browser`")
    try:
        return importlib.import_module("playwright.sync_api")
    except ImportError:
        _missing("playwright is missing: pip install '.[test]'")


@contextmanager
def launched() -> Iterator[Any]:
    """A headless chromium for the ``with`` block."""
    with sync_api().sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def tabs_at(browser: Any, widths: Iterable[int]) -> Iterator[dict[int, Any]]:
    """One tab per width (a phone's below 500 px), 900 px high, for the ``with`` block."""
    contexts = {
        width: browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
        for width in widths
    }
    try:
        yield {width: context.new_page() for width, context in contexts.items()}
    finally:
        for context in contexts.values():
            context.close()


def collecting_errors(tab: Any) -> Any:
    """``tab``, which from now on lists in ``tab.errors`` its console errors, page errors,
    failed requests and dialogs (dismissed)."""
    tab.errors = []
    tab.on(
        "console", lambda m: tab.errors.append(f"console: {m.text}") if m.type == "error" else None
    )
    tab.on("pageerror", lambda e: tab.errors.append(f"pageerror: {e}"))
    tab.on("requestfailed", lambda r: tab.errors.append(f"failed: {r.url}"))
    tab.on("dialog", lambda d: (tab.errors.append(f"dialog: {d.message}"), d.dismiss()))
    return tab


def screenshot(tab: Any, name: str) -> None:
    """Keep what ``tab`` shows as ``test-artifacts/<name>.png`` (for a person to look at)."""
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def open_page(tab: Any, url: str) -> None:
    """Load ``url`` in ``tab`` and wait until it is quiet (a search page: its first result)."""
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    if "?q=" in url:  # the search page lists its results after loading the index
        tab.locator("#search-results li").first.wait_for(timeout=20_000)
