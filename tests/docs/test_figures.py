"""The site's figures are legible, open full size, speak the page's language and carry
their data as text.

The browser tests measure, at 1280 px in Debian's chromium, the size every ``<text>`` of a
figure is shown at: each SVG is loaded into the page at the size its ``<img>`` is shown,
and a text's computed font size times its scale on screen must be at least 11 px. The other
tests read the built SVG files. Skipped as every browser test is (:mod:`.browsing`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .browsing import screenshot
from .helpers import Site, page_text

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("site")]

SMALLEST = 11.0  # px
FIGURE_PAGES = (
    "index.html",
    "statistics.html",
    "dataset/gefluechtete-2017-2018.html",
    "network-analysis.html",
    "en/index.html",
    "en/statistics.html",
    "en/dataset/gefluechtete-2017-2018.html",
    "en/network-analysis.html",
)

# every SVG image of the article, loaded inline at the size it is shown: the size of each
# text on screen (computed font size × the scale of its transform on screen)
MEASURE = """async () => {
  const found = [];
  for (const img of document.querySelectorAll('article img')) {
    const src = img.currentSrc || img.src;
    if (!src.endsWith('.svg')) continue;
    const box = img.getBoundingClientRect();
    const source = await (await fetch(src)).text();
    const svg = new DOMParser().parseFromString(source, 'image/svg+xml').documentElement;
    const holder = document.createElement('div');
    holder.style.cssText = `position:absolute;left:0;top:0;width:${box.width}px;`
      + `height:${box.height}px;visibility:hidden;overflow:hidden`;
    const inline = document.importNode(svg, true);
    inline.setAttribute('width', `${box.width}`);
    inline.setAttribute('height', `${box.height}`);
    holder.appendChild(inline);
    document.body.appendChild(holder);
    const texts = [...inline.querySelectorAll('text')].map((t) => {
      const m = t.getScreenCTM();
      const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      return {size, text: t.textContent.trim().slice(0, 40)};
    }).filter((t) => t.text);
    holder.remove();
    texts.sort((a, b) => a.size - b.size);
    const link = img.closest('a');
    found.push({
      src: src.split('/').pop(), alt: img.alt, shown: box.width, count: texts.length,
      smallest: texts.slice(0, 3),
      link: link ? new URL(link.getAttribute('href'), location.href).href : null,
      full: src,
    });
  }
  return found;
}"""


@pytest.fixture(scope="module")
def tab(tabs: dict[int, Any]) -> Any:
    return tabs[1280]


@pytest.mark.parametrize("path", FIGURE_PAGES)
def test_figure_text_is_at_least_11_px_at_1280(
    tab: Any, served_site: str, site: Site, path: str
) -> None:
    if not (site.html / path).is_file():
        pytest.fail(f"{path} is missing")
    tab.goto(served_site + path)
    tab.wait_for_load_state("networkidle")
    figures = tab.evaluate(MEASURE)
    if path.removeprefix("en/") not in ("index.html",):
        assert figures, f"{path} shows no figure"
    problems = []
    for figure in figures:
        name = figure["src"]
        if not figure["alt"].strip():
            problems.append(f"{name}: no text alternative (alt)")
        if figure["link"] != figure["full"]:
            problems.append(f"{name}: a click does not open it full size ({figure['link']})")
        if not figure["count"]:
            problems.append(f"{name}: no text elements (text drawn as paths cannot be read)")
        small = [t for t in figure["smallest"] if t["size"] < SMALLEST]
        if small:
            shown = ", ".join(f"{t['text']!r} at {t['size']:.1f} px" for t in small)
            problems.append(f"{name} (shown {figure['shown']:.0f} px wide): {shown}")
    if problems:
        screenshot(tab, "figures-" + path.replace("/", "-").removesuffix(".html"))
    assert problems == [], f"{path}:\n" + "\n".join(problems)


def test_a_click_or_enter_opens_the_figure_full_size(tab: Any, served_site: str) -> None:
    tab.goto(served_site + "network-analysis.html")
    tab.wait_for_load_state("networkidle")
    link = tab.locator("a.ik-figure-link").first
    href = link.evaluate("a => a.href")
    assert href.endswith(".svg")
    link.click()
    tab.wait_for_url(href)
    tab.go_back()
    tab.wait_for_load_state("networkidle")
    link = tab.locator("a.ik-figure-link").first
    link.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_url(href)
    assert tab.evaluate("document.documentElement.tagName.toLowerCase()") == "svg"
    tab.go_back()
    tab.wait_for_load_state("networkidle")
    caption = tab.locator("figcaption.ik-figure-full a").first
    assert caption.inner_text() == "Abbildung in voller Größe öffnen"
    assert caption.evaluate("a => a.href") == href


def _svg(site: Site, lang: str, name: str) -> str:
    root = site.html if lang == "de" else site.html / "en"
    found = sorted((root / "_images").glob(name))
    assert found, f"{lang}: no _images/{name}"
    return found[0].read_text(encoding="utf-8")


def _texts(svg: str) -> str:
    """The text the figure shows (its <text> elements, joined by spaces)."""
    shown = re.findall(r"<text\b[^>]*>(.*?)</text>", svg, flags=re.DOTALL)
    return " ".join(" ".join(shown).split())


@pytest.mark.parametrize(
    ("lang", "words", "foreign"),
    [
        ("de", ("Federführung", "Geschäftsführung", "Mitglied", "kein Handlungsfeld"), ("Lead",)),
        ("en", ("Lead", "Management", "Member", "no field"), ("Federführung", "Mitglied")),
    ],
)
def test_analysis_figures_speak_the_pages_language(
    site: Site, lang: str, words: tuple[str, ...], foreign: tuple[str, ...]
) -> None:
    affiliation = _texts(_svg(site, lang, "analysis-affiliation*.svg"))
    actors = _texts(_svg(site, lang, "analysis-actors*.svg"))
    for word in words:
        assert word in affiliation + " " + actors, (lang, word)
    for word in foreign:
        assert not re.search(rf"\b{word}\b", affiliation), (lang, word)
    assert ("kein Handlungsfeld" in actors) == (lang == "de")


@pytest.mark.parametrize(("lang", "axis"), [("de", "Anzahl (Personen)"), ("en", "Count (persons)")])
def test_statistics_chart_shows_whole_labels_and_units(site: Site, lang: str, axis: str) -> None:
    svg = _svg(site, lang, "gefluechtete-2017-2018*.svg")
    shown = _texts(svg)
    assert axis in shown
    assert "(count)" not in shown and "Wert" not in shown
    full = "b) Asylberechtigte bzw. Personen mit humanitärer Aufenthaltserlaubnis oder Niederlassungserlaubnis"
    assert full in shown  # wrapped over lines, never cut
    assert "…" not in shown
    assert "<title>" in svg and "<desc>" in svg
    assert ("3.875" if lang == "de" else "3,875") in shown  # the bar's value, as the page writes it


def test_actor_graph_names_the_leading_actors_and_links_the_table(site: Site) -> None:
    svg = _svg(site, "de", "analysis-actors*.svg")
    actors = _texts(svg)
    assert "Kommunales Integrationszentrum" in actors
    # every actor's dot names it on hover (in the full-size view)
    dots = svg.count('<g id="ik-node-')
    assert (
        dots > 12 and len(re.findall(r'<g id="ik-node-\d+">\s*<title>[^<]+</title>', svg)) == dots
    )
    html = (site.html / "network-analysis.html").read_text(encoding="utf-8")
    assert 'href="#actors"' in html and 'id="actors"' in html
    # the affiliation's data: a table of every actor's ties, folded below the figure
    text = page_text(site.html / "network-analysis.html")
    assert "Die Daten der Abbildung" in text
    svg = _svg(site, "de", "analysis-affiliation*.svg")
    assert "<desc>" in svg and "Kommunales Integrationszentrum Leverkusen: Federführung:" in svg


def test_figures_are_the_same_bytes_when_drawn_again(site: Site) -> None:
    """Drawn again in this process from the same data: byte for byte the built files."""
    from integrationskonzept.analyse import analyse, build_graphs
    from integrationskonzept.model import KnowledgeBase
    from integrationskonzept.publish.site import figures
    from integrationskonzept.publish.site.inputs import SiteInputs
    from integrationskonzept.publish.site.site import Site as SiteView

    kb = KnowledgeBase(None)
    graphs = build_graphs(kb.graph)
    inputs = SiteInputs(
        kb=kb, validation={}, analysis=analyse(graphs), analysis_files={"actors.svg": b""}
    )
    first = figures.site_figures(SiteView(inputs, "de"))
    second = figures.site_figures(SiteView(inputs, "de"))
    assert first == second
    for name, content in first.items():
        built = site.html / "_images" / Path(name).name
        assert built.read_bytes() == content, name
        assert b"<dc:date>" not in content and b"<title>" in content
