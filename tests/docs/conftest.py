"""Fixtures of the docs tests: the site built once per session (Leverkusen and a hostile
test city) and served on 127.0.0.1, and a browser to look at it (:mod:`.browsing`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .browsing import DESKTOP, launched, tabs_at
from .helpers import HOSTILE_CITY, Site, build, serve


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The Leverkusen site in both languages, built once per session."""
    return build(tmp_path_factory.mktemp("site"), None)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A site built from a small city whose labels and texts contain markup and scripts."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    data.mkdir()
    (data / "city.ttl").write_text(HOSTILE_CITY, encoding="utf-8")
    return build(root, str(data))


@pytest.fixture(scope="session")
def served_site(site: Site) -> Iterator[str]:
    """The German site (with English below en/) served on 127.0.0.1; yields the base URL."""
    yield from serve(site.html)


@pytest.fixture(scope="session")
def served_hostile_site(hostile_site: Site) -> Iterator[str]:
    """The hostile test city's site served on 127.0.0.1."""
    yield from serve(hostile_site.html)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, for one test module (skipped or failed when missing)."""
    with launched() as instance:
        yield instance


@pytest.fixture(scope="module")
def tabs(browser: Any, request: pytest.FixtureRequest) -> Iterator[dict[int, Any]]:
    """A tab per width in the test module's ``WIDTHS`` (default: a desktop's)."""
    with tabs_at(browser, getattr(request.module, "WIDTHS", (DESKTOP,))) as found:
        yield found
