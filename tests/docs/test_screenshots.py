"""Screenshots of the main kinds of page, in both languages, on the page "Die Seitenarten im
Bild / The kinds of page at a glance" of the developers' section.

With ``IK_UPDATE_SCREENSHOTS=1`` the browser (playwright driving Debian's chromium, as in
``test_browser.py``) photographs each page of the built site at 1280 × 800 px and writes the
picture, reduced to a palette and optimised, into the package's hand-written pages
(``pages/<lang>/screenshots/<name>.png``). Without it the tests check that every picture is
there, small, 1280 px wide and shown on the page.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from .browsing import launched
from .helpers import CONF, Site, parse_links

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]

UPDATE = os.environ.get("IK_UPDATE_SCREENSHOTS") == "1"
PAGES = CONF / "pages"
WIDTH, HEIGHT = 1280, 800
MAX_BYTES = 150_000
# picture name → page of the built site
SHOTS = {
    "home": "index.html",
    "field": "field/C.html",
    "goal": "goal/C-1.html",
    "actor": "actor/kommunales-integrationszentrum.html",
    "measure": "measure/abstimmungsgespraeche-gesundheitsversorgung-2019.html",
    "network-analysis": "network-analysis.html",
    "gallery": "queries.html",
}
LANGS = {"de": "", "en": "en/"}


def _target(lang: str, name: str) -> Path:
    return PAGES / lang / "screenshots" / f"{name}.png"


def small_png(png: bytes) -> bytes:
    """A screenshot as a palette PNG (at most 128 colours, no dithering), optimised."""
    with Image.open(io.BytesIO(png)) as image:
        reduced = image.convert("RGB").quantize(
            colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    out = io.BytesIO()
    reduced.save(out, format="PNG", optimize=True)
    return out.getvalue()


@pytest.fixture(scope="module")
def camera(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A chromium tab at 1280 × 800 px and the served site's URL (only when updating)."""
    if not UPDATE:
        yield None
        return
    served: str = request.getfixturevalue("served_site")
    with launched() as browser:
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
        yield context.new_page(), served
        context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", SHOTS)
def test_screenshot_is_there(camera: Any, name: str, lang: str) -> None:
    target = _target(lang, name)
    if camera is not None:
        tab, served = camera
        tab.goto(served + LANGS[lang] + SHOTS[name])
        tab.wait_for_load_state("networkidle")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(small_png(tab.screenshot(full_page=False)))
    assert target.is_file(), f"{target} is missing: run with IK_UPDATE_SCREENSHOTS=1"
    with Image.open(target) as image:
        assert image.format == "PNG"
        assert image.size == (WIDTH, HEIGHT)
    assert target.stat().st_size <= MAX_BYTES, f"{target.name}: {target.stat().st_size} bytes"
    page = (PAGES / lang / "screenshots.md").read_text(encoding="utf-8")
    assert f"](screenshots/{name}.png)" in page


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_shows_every_screenshot(site: Site, lang: str) -> None:
    path = site.html / LANGS[lang] / "screenshots.html"
    images = [link for link in parse_links(path).links if link.endswith(".png")]
    assert len(images) == len(SHOTS)
    for image in images:
        assert (path.parent / image).is_file(), image
