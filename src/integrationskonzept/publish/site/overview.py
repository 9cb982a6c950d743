"""The table of overview pages and the site's navigation (root toctree and sidebar).

The root toctree lists only the overview pages, the kinds' index pages and the hand-written
pages; each index page holds the (hidden) toctree of its kind. The sidebar shows the same
short list, never the whole tree, in four groups: the overview (findings and analyses), the
knowledge base (the kinds), the reference for readers, and the pages for developers (API,
command line, error handling, architecture, benchmarks).
"""

from __future__ import annotations

from collections.abc import Callable

from integrationskonzept.publish.site.blocks import Page
from integrationskonzept.publish.site.kinds import KINDS
from integrationskonzept.publish.site.pages import (
    analysis,
    changes,
    cli,
    downloads,
    errors,
    gaps,
    matrix,
    ontology,
    queries,
    statistics,
    validation,
)
from integrationskonzept.publish.site.site import Site

# docname, page function, navigation group
# (a page function may return several pages: the ontology's with a page per class)
OVERVIEW: tuple[tuple[str, Callable[[Site], Page | list[Page]], str], ...] = (
    ("matrix", matrix.page, "nav_overview"),
    ("gaps", gaps.page, "nav_overview"),
    ("changes", changes.page, "nav_overview"),
    ("network-analysis", analysis.page, "nav_overview"),
    ("statistics", statistics.page, "nav_overview"),
    ("validation", validation.page, "nav_overview"),
    ("queries", queries.page, "nav_reference"),
    ("ontology", ontology.pages, "nav_reference"),
    ("downloads", downloads.page, "nav_reference"),
    ("cli", cli.page, "nav_developers"),
    ("errors", errors.page, "nav_developers"),
)
# hand-written pages (pages/<lang>/<name>.md|.rst of the Sphinx project, with <name>.png|.svg
# and the images in a folder <name>/ if it has them); the benchmarks page is written by
# benchmarks/report.py, the screenshots by tests/docs/test_screenshots.py
HANDWRITTEN: tuple[tuple[str, str], ...] = (
    ("maintaining", "page.maintaining"),
    ("tutorial", "page.tutorial"),
    ("api", "page.api"),
    ("architecture", "page.architecture"),
    ("screenshots", "page.screenshots"),
    ("benchmarks", "page.benchmarks"),
)
# the sidebar's group of each hand-written page
_HANDWRITTEN_GROUP = {
    "maintaining": "nav_reference",
    "tutorial": "nav_developers",
    "api": "nav_developers",
    "architecture": "nav_developers",
    "screenshots": "nav_developers",
    "benchmarks": "nav_developers",
}
# the order of pages within their group (pages not named here come last, in table order)
_ORDER = (
    "maintaining", "queries", "ontology", "downloads",
    "tutorial", "api", "cli", "errors", "architecture", "screenshots", "benchmarks",
)  # fmt: skip
_GROUPS = ("nav_overview", "nav_reference", "nav_developers")


def _grouped() -> dict[str, list[tuple[str, str]]]:
    """The overview and hand-written pages of each group, in order: (docname, UI key)."""
    groups: dict[str, list[tuple[str, str]]] = {group: [] for group in _GROUPS}
    for name, _, group in OVERVIEW:
        groups.setdefault(group, []).append((name, f"page.{_key(name)}"))
    for name, key in HANDWRITTEN:
        groups.setdefault(_HANDWRITTEN_GROUP.get(name, "nav_developers"), []).append((name, key))
    for pages in groups.values():
        pages.sort(key=lambda page: _ORDER.index(page[0]) if page[0] in _ORDER else len(_ORDER))
    return groups


def root_toctree() -> tuple[str, ...]:
    """The entries of the root toctree: overview, kinds, reference, developers."""
    groups = _grouped()
    kinds = [f"{kind.segment}/index" for kind in KINDS]
    return (
        *(name for name, _ in groups["nav_overview"]),
        *kinds,
        *(name for group in _GROUPS[1:] for name, _ in groups[group]),
    )


def navigation(site: Site, present: set[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Sidebar groups: (group title, [(docname, title)]) for the pages that exist."""
    grouped = _grouped()
    overview = [("index", site.ui("nav_overview"))]
    overview += [(name, site.ui(key)) for name, key in grouped["nav_overview"]]
    kinds = [(f"{k.segment}/index", site.ui(f"kind.{k.name}")) for k in KINDS]
    groups = [("nav_overview", overview), ("nav_kinds", kinds)]
    groups += [(g, [(name, site.ui(key)) for name, key in grouped[g]]) for g in _GROUPS[1:]]
    return [
        (site.ui(group), [(doc, title) for doc, title in items if doc in present])
        for group, items in groups
    ]


def _key(docname: str) -> str:
    return "network" if docname == "network-analysis" else docname


def overview_pages(site: Site) -> list[Page]:
    """Every overview page (and the pages below it)."""
    pages: list[Page] = []
    for _, make, _ in OVERVIEW:
        made = make(site)
        pages.extend(made if isinstance(made, list) else [made])
    return pages
