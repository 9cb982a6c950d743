"""The site of one language as data: every page's blocks, the sidebar and the files beside them.

Sphinx-free: :func:`site_content` turns the typed inputs into :class:`SiteContent`; the Sphinx
glue (``publish.sphinx``) writes the stubs, renders the blocks and copies the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from integrationskonzept.publish.site import figures
from integrationskonzept.publish.site.blocks import Page
from integrationskonzept.publish.site.inputs import SiteInputs
from integrationskonzept.publish.site.kinds import KINDS, assign_docnames, entity_pages
from integrationskonzept.publish.site.overview import (
    HANDWRITTEN,
    navigation,
    overview_pages,
    root_toctree,
)
from integrationskonzept.publish.site.pages import changes, home
from integrationskonzept.publish.site.site import Site

SOURCE_SUFFIXES = (".md", ".rst")
# a hand-written page's own images (``benchmarks.png`` beside ``benchmarks.md``)
IMAGE_SUFFIXES = (".png", ".svg")
Navigation = list[tuple[str, list[tuple[str, str]]]]


@dataclass(frozen=True)
class SiteContent:
    """One language's site: the pages by name, the sidebar, and extra source files.

    ``files``: path below the source folder → bytes (charts, analysis figures, hand-written
    pages and their images).
    """

    site: Site
    pages: dict[str, Page]
    navigation: Navigation
    files: dict[str, bytes]


def _figures(site: Site) -> dict[str, bytes]:
    # the statistics charts and the analysis figures in the site's language, then the home's
    files = figures.site_figures(site)
    files.update(home.figures(site))
    return files


def handwritten(folder: Path | None, lang: str) -> dict[str, bytes]:
    """The hand-written pages of ``lang`` (and their images) found in ``folder/<lang>/``."""
    if folder is None:
        return {}
    found = {}
    base = folder / lang
    for name, _ in HANDWRITTEN:
        for suffix in (*SOURCE_SUFFIXES, *IMAGE_SUFFIXES):
            path = base / f"{name}{suffix}"
            if path.is_file():
                found[f"{name}{suffix}"] = path.read_bytes()
        # a page with several images keeps them in a folder of its name (screenshots/*.png)
        if (base / name).is_dir():
            for path in sorted((base / name).iterdir()):
                if path.suffix in IMAGE_SUFFIXES and path.is_file():
                    found[f"{name}/{path.name}"] = path.read_bytes()
    return found


def build_pages(site: Site) -> list[Page]:
    """Every generated page of the site: home, overview pages, kinds' index and entity pages."""
    assign_docnames(site)
    kinds = [(k.segment, site.ui(f"kind.{k.name}"), len(k.collection(site))) for k in KINDS]
    return [
        home.page(site, kinds, root_toctree()),
        *overview_pages(site),
        *entity_pages(site),
    ]


def site_content(inputs: SiteInputs, lang: str, pages_folder: Path | None) -> SiteContent:
    """The whole site of ``lang`` from the typed inputs (figures first: pages link them)."""
    site = Site(inputs, lang)
    files = _figures(site)
    files.update(changes.files(site))
    pages = build_pages(site)
    files.update(handwritten(pages_folder, lang))
    present = {page.docname for page in pages} | {name for name, _ in HANDWRITTEN}
    return SiteContent(
        site=site,
        pages={page.docname: page for page in pages},
        navigation=navigation(site, present),
        files=files,
    )
