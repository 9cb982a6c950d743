"""Sphinx extension: the site as a publication of the graph (the autosummary pattern).

``setup(app)`` registers the configuration values

* ``ik_inputs``: a function returning the typed
  :class:`~integrationskonzept.publish.site.inputs.SiteInputs` (set by the pipeline's docs
  stage; never pickled). Without it the extension builds them from ``ik_data`` once;
* ``ik_data``: the folder of the knowledge base's Turtle files (``None``: Leverkusen);
* ``ik_language``: ``"de"`` or ``"en"``, the language of labels and UI strings;
* ``ik_pages``: a folder with hand-written pages per language (``<ik_pages>/<lang>/``);
* ``ik_other_root``: the path from this build's root to the other language's root
  (default ``"en/"`` for German, ``"../"`` for English);
* ``ik_site_url``: where the site is published, the start of the targets of the w3id.org
  redirect rules (default ``"/"``, the root of the host that serves the site);

connects ``builder-inited`` (generate every page's source from the graph before reading),
``html-page-context`` (local navigation, language switch, an entity's head) and
``build-finished`` (Turtle and JSON-LD downloads, the ``.htaccess`` redirect rules), adds the
``ik-page`` directive that builds a page's nodes from its data, and post-transforms that
make the HTML elements reStructuredText has no node for (folded blocks, copy buttons) and
every table's scroll container focusable and named. Its state lives in the environment's ``ik``
domain (:mod:`.state`), not in module globals. It is safe for parallel reading and writing.

Known limits: pages are generated for the kinds in :data:`.kinds.KINDS`; other classes
appear only in the statements tables and the ontology reference.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from integrationskonzept import __version__
from integrationskonzept.publish.sphinx.chrome import add_filter, localise_config
from integrationskonzept.publish.sphinx.datafiles import write_data_files
from integrationskonzept.publish.sphinx.directive import PageDirective
from integrationskonzept.publish.sphinx.generate import generate
from integrationskonzept.publish.sphinx.html import page_context
from integrationskonzept.publish.sphinx.htmlnodes import HANDLERS, HtmlControls
from integrationskonzept.publish.sphinx.redirects import write_redirects
from integrationskonzept.publish.sphinx.safety import NoRawTransform, apply_settings
from integrationskonzept.publish.sphinx.state import SiteDomain
from integrationskonzept.publish.sphinx.tables import ScrollRegions

HERE = Path(__file__).parent


def _add_paths(app: Sphinx, config: Config) -> None:
    config.templates_path = [str(HERE / "templates"), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    # ranks an entity page first when the query is its code or name (index entries)
    if not config.html_search_scorer:
        config.html_search_scorer = str(HERE / "search-scorer.js")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension's config values, domain, directive and event handlers."""
    # a function, so that Sphinx never pickles the inputs (it omits functions from its cache)
    app.add_config_value("ik_inputs", None, "", types=frozenset({Any}))
    app.add_config_value("ik_data", None, "env", types=(str, type(None)))
    app.add_config_value("ik_language", "de", "env", types=(str,))
    app.add_config_value("ik_pages", None, "env", types=(str, type(None)))
    app.add_config_value("ik_other_root", None, "html", types=(str, type(None)))
    app.add_config_value("ik_site_url", None, "", types=(str, type(None)))
    app.add_domain(SiteDomain)
    app.add_directive("ik-page", PageDirective)
    app.add_transform(NoRawTransform)
    app.add_post_transform(HtmlControls)
    app.add_post_transform(ScrollRegions)
    for node, visit, depart in HANDLERS:
        app.add_node(node, html=(visit, depart))
    app.connect("config-inited", _add_paths)
    app.connect("config-inited", localise_config)
    app.connect("builder-inited", add_filter)
    app.connect("builder-inited", apply_settings)
    app.connect("builder-inited", generate)
    app.connect("html-page-context", page_context, priority=400)
    app.connect("build-finished", write_data_files)
    app.connect("build-finished", write_redirects)
    app.add_css_file("ik.css")
    app.add_js_file("ik-plural.js")
    app.add_js_file("ik.js")
    return {
        "version": __version__,
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
