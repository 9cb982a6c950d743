"""The table of overview pages and the site's navigation (root toctree and sidebar).

The root toctree lists only the overview pages, the kinds' index pages and the hand-written
pages; each index page holds the (hidden) toctree of its kind. The sidebar shows the same
short list, never the whole tree.
"""

from __future__ import annotations

from collections.abc import Callable

from integrationskonzept.publish.site.blocks import Page
from integrationskonzept.publish.site.kinds import KINDS
from integrationskonzept.publish.site.pages import (
    analysis,
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
OVERVIEW: tuple[tuple[str, Callable[[Site], Page], str], ...] = (
    ("matrix", matrix.page, "nav_overview"),
    ("gaps", gaps.page, "nav_overview"),
    ("network-analysis", analysis.page, "nav_overview"),
    ("statistics", statistics.page, "nav_overview"),
    ("validation", validation.page, "nav_overview"),
    ("queries", queries.page, "nav_reference"),
    ("ontology", ontology.page, "nav_reference"),
    ("downloads", downloads.page, "nav_reference"),
    ("cli", cli.page, "nav_reference"),
    ("errors", errors.page, "nav_reference"),
)
# hand-written pages (pages/<lang>/<name>.md|.rst of the Sphinx project, with <name>.png|.svg
# if it has one),
# in the reference group; the benchmarks page is written by benchmarks/report.py
HANDWRITTEN: tuple[tuple[str, str], ...] = (
    ("maintaining", "page.maintaining"),
    ("tutorial", "page.tutorial"),
    ("api", "page.api"),
    ("architecture", "page.architecture"),
    ("benchmarks", "page.benchmarks"),
)
# hand-written pages shown after the generated reference pages
_LAST = ("benchmarks",)


def root_toctree() -> tuple[str, ...]:
    """The entries of the root toctree."""
    overview = [name for name, _, group in OVERVIEW if group == "nav_overview"]
    reference = [name for name, _, group in OVERVIEW if group == "nav_reference"]
    kinds = [f"{kind.segment}/index" for kind in KINDS]
    return (
        *overview, *kinds, "maintaining", "tutorial", *reference[:1], "api", "architecture",
        *reference[1:],
        *_LAST,
    )  # fmt: skip


def navigation(site: Site, present: set[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Sidebar groups: (group title, [(docname, title)]) for the pages that exist."""
    overview = [("index", site.ui("nav_overview"))]
    overview += [
        (name, site.ui(f"page.{_key(name)}")) for name, _, g in OVERVIEW if g == "nav_overview"
    ]
    kinds = [(f"{k.segment}/index", site.ui(f"kind.{k.name}")) for k in KINDS]
    reference = [(name, site.ui(key)) for name, key in HANDWRITTEN if name not in _LAST]
    reference += [
        (name, site.ui(f"page.{_key(name)}")) for name, _, g in OVERVIEW if g == "nav_reference"
    ]
    reference += [(name, site.ui(key)) for name, key in HANDWRITTEN if name in _LAST]
    groups = [("nav_overview", overview), ("nav_kinds", kinds), ("nav_reference", reference)]
    return [
        (site.ui(group), [(doc, title) for doc, title in items if doc in present])
        for group, items in groups
    ]


def _key(docname: str) -> str:
    return "network" if docname == "network-analysis" else docname


def overview_pages(site: Site) -> list[Page]:
    """Every overview page."""
    return [make(site) for _, make, _ in OVERVIEW]
