"""Generate the site's sources from the graph before Sphinx reads them (``builder-inited``).

The knowledge base is fetched once per kind through the typed model (Oxigraph backend),
every statement once through the :class:`~.triples.TripleIndex`; then every page is built as
plain blocks, its stub written only if it changed, charts rendered, hand-written pages copied.
"""

from __future__ import annotations

import time
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util import logging

from integrationskonzept.publish.sphinx import cache, figures
from integrationskonzept.publish.sphinx.blocks import Page
from integrationskonzept.publish.sphinx.directive import REGISTRY
from integrationskonzept.publish.sphinx.i18n import LANGUAGES
from integrationskonzept.publish.sphinx.kinds import KINDS, assign_docnames, entity_pages
from integrationskonzept.publish.sphinx.overview import (
    HANDWRITTEN,
    navigation,
    overview_pages,
    root_toctree,
)
from integrationskonzept.publish.sphinx.pages import home
from integrationskonzept.publish.sphinx.site import Site
from integrationskonzept.publish.sphinx.stubs import stub, sync

logger = logging.getLogger(__name__)

# srcdir → the site and the sidebar navigation, for the later events of the same build
SITES: dict[str, Site] = {}
NAVIGATION: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
_SOURCE_SUFFIXES = (".md", ".rst")
# a hand-written page's own images (``benchmarks.png`` beside ``benchmarks.md``)
_IMAGE_SUFFIXES = (".png", ".svg")


def _figures(site: Site) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for dataset in site.datasets:
        svg = figures.chart(dataset, site.ui("value"))
        if svg is not None:
            name = f"_figures/{dataset.iri.rsplit('/', 1)[-1]}.svg"
            files[name] = svg
            site.charts[dataset.iri] = "/" + name
    for name in ("affiliation", "actors"):
        content = site.analysis_files.get(f"{name}.svg")
        if content is not None:
            files[f"_figures/analysis-{name}.svg"] = (
                content if isinstance(content, bytes) else content.encode("utf-8")
            )
    return files


def _handwritten(folder: str | None, lang: str) -> dict[str, bytes]:
    if not folder:
        return {}
    found = {}
    base = Path(folder) / lang
    for name, _ in HANDWRITTEN:
        for suffix in (*_SOURCE_SUFFIXES, *_IMAGE_SUFFIXES):
            path = base / f"{name}{suffix}"
            if path.is_file():
                found[f"{name}{suffix}"] = path.read_bytes()
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


def generate(app: Sphinx) -> None:
    """The ``builder-inited`` handler: write the sources, fill the registry."""
    started = time.perf_counter()
    lang = app.config.ik_language
    if lang not in LANGUAGES:
        raise ConfigError(f"ik_language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    data = app.config.ik_data
    kb = cache.knowledge_base(data)
    key = cache.fingerprint(data)
    # beside the languages' doctree folders, so that both languages share it
    folder = Path(app.doctreedir).parent / "ik-cache"
    site = Site(
        kb,
        lang,
        analysis=cache.on_disk(folder, "analysis", key, lambda: cache.analysis(kb)),
        validation=(
            cache.on_disk(folder, "validation", key, lambda: cache.validations(kb)) or {}
        ).get(lang),
    )
    srcdir = Path(app.srcdir)
    files = _figures(site)
    pages = build_pages(site)
    files.update({f"{page.docname}.rst": stub(page).encode("utf-8") for page in pages})
    files.update(_handwritten(app.config.ik_pages, lang))
    written, removed = sync(srcdir, files)
    REGISTRY[str(srcdir)] = {page.docname: page for page in pages}
    SITES[str(srcdir)] = site
    present = {page.docname for page in pages} | {name for name, _ in HANDWRITTEN}
    NAVIGATION[str(srcdir)] = navigation(site, present)
    logger.info(
        "[integrationskonzept] %d pages (%s): %d files written, %d removed, %.2f s",
        len(pages),
        lang,
        written,
        removed,
        time.perf_counter() - started,
    )
