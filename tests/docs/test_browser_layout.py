"""Every kind of page fits the column at 1280 and 390 px, and the page's small controls work.

Nothing on a page may stick out of the content column (or make the page scroll sideways)
unless it sits in a scroll container that itself fits; a container that scrolls must be
reachable by keyboard and named. Folded blocks are opened first, so their tables count too.
Runs in Debian's chromium (:mod:`.browsing`).
"""

from __future__ import annotations

from typing import Any

import pytest

from .browsing import open_page, screenshot
from .helpers import Site

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("site")]

WIDTHS = (1280, 390)
PAGES = (
    "index.html",
    "field/C.html",
    "topic/IKOE.html",
    "goal/C-1.html",
    "indicator/C-1.html",
    "actor/kommunales-integrationszentrum.html",
    "actor/index.html",
    "network/runder-tisch-deutsch.html",
    "measure/abstimmungsgespraeche-gesundheitsversorgung-2019.html",
    "agreement/C-1.html",
    "need/A-1.html",
    "meeting/2019-02-22-workshop-controlling-gruppe-fachgruppe.html",
    "dataset/gefluechtete-2017-2018.html",
    "strategic-goal/lev-gemeinsam.html",
    "matrix.html",
    "gaps.html",
    "network-analysis.html",
    "statistics.html",
    "validation.html",
    "queries.html",
    "ontology.html",
    "ontology/ActionField.html",
    "ontology/Responsibility.html",
    "downloads.html",
    "cli.html",
    "errors.html",
    "api.html",
    "tutorial.html",
    "architecture.html",
    "benchmarks.html",
    "genindex.html",
    "py-modindex.html",
    "search.html?q=Kommunales+Integrationszentrum",
    "en/actor/kommunales-integrationszentrum.html",
    "en/network-analysis.html",
    "en/queries.html",
    "en/ontology/ActionField.html",
    "screenshots.html",
)

# What sticks out of the column: every element of the article that ends right of it (less
# a negative right margin, which furo gives headings on purpose) and is not inside a scroll
# container; every scroll container that scrolls but cannot be focused or has no name.
OVERFLOW = """() => {
  document.querySelectorAll('article details').forEach((d) => { d.open = true; });
  const article = document.querySelector('article[role=main]');
  const limit = article.getBoundingClientRect().right + 1;
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const name = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`
    + ` "${(el.textContent || '').trim().slice(0, 50)}"`;
  const problems = [];
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  }
  for (const el of article.querySelectorAll('*')) {
    let box = el.parentElement;
    while (box && box !== article && !scrolls(box)) box = box.parentElement;
    if (box && box !== article) continue;  // inside a scroll container: it is checked itself
    const r = el.getBoundingClientRect();
    const bleed = Math.max(0, -(parseFloat(getComputedStyle(el).marginRight) || 0));
    if (r.width && r.right - bleed > limit) {
      problems.push(`${name(el)} ends ${Math.round(r.right - limit)} px right of the column`);
    }
    if (scrolls(el) && el.scrollWidth > el.clientWidth + 1) {
      const named = el.getAttribute('aria-label') && el.getAttribute('role') === 'region';
      if (el.tabIndex < 0 || !named) problems.push(`${name(el)} scrolls, unnamed or unfocusable`);
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_nothing_wider_than_the_column(
    tabs: dict[int, Any], served_site: str, site: Site, path: str, width: int
) -> None:
    assert (site.html / path.split("?")[0]).is_file(), path
    tab = tabs[width]
    open_page(tab, served_site + path)
    problems = tab.evaluate(OVERFLOW)
    if problems:
        name = path.split("?")[0].replace("/", "-").removesuffix(".html")
        screenshot(tab, f"overflow-{width}-{name}")
    assert problems == [], f"{path} at {width} px:\n" + "\n".join(problems[:20])


def test_wide_tables_scroll_by_keyboard_with_a_cue(tabs: dict[int, Any], served_site: str) -> None:
    tab = tabs[390]
    tab.goto(served_site + "network-analysis.html")
    tab.wait_for_load_state("networkidle")
    region = tab.locator("#actors .ik-scroll-frame.ik-overflows > .ik-scroll").first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "region"
    assert (region.get_attribute("aria-label") or "").startswith("Tabelle: ")
    hint = tab.locator("#actors .ik-scroll-frame.ik-overflows + .ik-scroll-hint").first
    assert hint.is_visible() and "seitlich scrollen" in hint.inner_text()
    region.focus()
    before = region.evaluate("el => el.scrollLeft")
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    assert region.evaluate("el => el.scrollLeft") > before
    assert region.evaluate("el => el.parentElement.classList.contains('ik-more-left')")
    screenshot(tab, "phone-network-analysis-table")


@pytest.mark.parametrize(
    ("path", "label", "done"),
    [
        ("goal/C-1.html", "IRI kopieren", "IRI kopiert"),
        ("en/goal/C-1.html", "Copy IRI", "IRI copied"),
    ],
)
def test_copy_iri_button(browser: Any, served_site: str, path: str, label: str, done: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(served_site + path)
    tab.wait_for_load_state("networkidle")
    button = tab.get_by_role("button", name=label)
    assert button.count() == 1
    button.click()
    status = tab.locator(".ik-copy-status")
    status.filter(has_text=done).wait_for(timeout=5_000)
    copied = tab.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied == "https://w3id.org/integrationskonzept/leverkusen/goal/C-1"


@pytest.mark.parametrize(
    ("path", "word"), [("queries.html", "Kopieren"), ("en/queries.html", "Copy")]
)
def test_code_copy_buttons_speak_the_pages_language(
    tabs: dict[int, Any], served_site: str, path: str, word: str
) -> None:
    tab = tabs[1280]
    tab.goto(served_site + path)
    tab.wait_for_load_state("networkidle")
    buttons = tab.locator("div.highlight button.copybtn")
    buttons.first.wait_for(state="attached", timeout=10_000)
    tooltips = set(buttons.evaluate_all("all => all.map((b) => b.dataset.tooltip)"))
    assert tooltips == {word}
