"""The ``ik-page`` directive: the body of a generated page, built from its blocks.

A generated stub holds only an escaped title and ``.. ik-page::`` with the digest of the
page's content (so that the stub changes, and Sphinx re-reads it, exactly when the content
does). The blocks themselves come from the registry that ``builder-inited`` filled; with
parallel reading the forked workers inherit it.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from integrationskonzept.publish.sphinx.blocks import Page
from integrationskonzept.publish.sphinx.nodes import Converter

# srcdir → docname → page; filled by the builder-inited handler of this process.
REGISTRY: dict[str, dict[str, Page]] = {}


class PageDirective(SphinxDirective):
    """Insert the generated body of the current page."""

    has_content = False
    option_spec: ClassVar[dict[str, object]] = {"digest": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        page = REGISTRY.get(str(self.env.srcdir), {}).get(docname)
        if page is None:
            raise self.error(f"no generated content for {docname!r}; rebuild from scratch")
        suffix = self.config.html_link_suffix or self.config.html_file_suffix or ".html"
        return Converter(docname, suffix).page(page.blocks)
