"""Every kind of page meets WCAG 2.1 A and AA as far as axe-core can tell, in both languages,
at a desktop (1280 px) and a phone (390 px) width.

axe-core (the npm package pinned in package.json, installed by ``make browser`` with
``npm ci``) is injected with playwright into Debian's chromium, as ``test_browser.py`` runs
it. Folded blocks are opened first, so their tables are checked too. Without axe-core the
module is skipped, unless ``IK_REQUIRE_BROWSER=1`` (``make test``): then it fails.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .browsing import open_page, screenshot
from .helpers import ROOT, Site

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("site")]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
if not AXE.is_file():
    if os.environ.get("IK_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"{AXE} is missing: run `make browser` (npm ci)")
    pytest.skip(f"{AXE} is missing: run `make browser` (npm ci)", allow_module_level=True)

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (1280, 390)
# one page of every kind; each in German and, below en/, in English
KINDS = (
    "index.html",
    "field/C.html",
    "goal/C-1.html",
    "indicator/C-1.html",
    "actor/kommunales-integrationszentrum.html",
    "network/runder-tisch-deutsch.html",
    "measure/abstimmungsgespraeche-gesundheitsversorgung-2019.html",
    "meeting/2019-02-22-workshop-controlling-gruppe-fachgruppe.html",
    "dataset/gefluechtete-2017-2018.html",
    "statistics.html",
    "matrix.html",
    "gaps.html",
    "network-analysis.html",
    "validation.html",
    "queries.html",
    "ontology.html",
    "search.html?q=Integrationszentrum",
)
PAGES = (*KINDS, *(f"en/{path}" for path in KINDS))

RUN = """async ([tags]) => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\\n').slice(1).join(' ')}`),
  }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    return Path(AXE).read_text(encoding="utf-8")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(
    tabs: dict[int, Any], served_site: str, site: Site, axe_source: str, path: str, width: int
) -> None:
    assert (site.html / path.split("?")[0]).is_file(), path
    tab = tabs[width]
    open_page(tab, served_site + path)
    tab.add_script_tag(content=axe_source)
    violations = tab.evaluate(RUN, [TAGS])
    if violations:
        name = path.split("?")[0].replace("/", "-").removesuffix(".html")
        screenshot(tab, f"axe-{width}-{name}")
    report = [
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
        for v in violations
    ]
    assert violations == [], f"{path} at {width} px:\n" + "\n".join(report)
