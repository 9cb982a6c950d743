"""The ``ik-page`` directive: the body of a generated page, built from its blocks.

A generated stub holds only an escaped title and ``.. ik-page::`` with the digest of the
page's content (so that the stub changes, and Sphinx re-reads it, exactly when the content
does). The blocks themselves come from the site content that ``builder-inited`` kept in the
environment's ``ik`` domain; with parallel reading the forked workers inherit it. An entity
page's keywords (:mod:`integrationskonzept.publish.site.search`) become index entries.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from integrationskonzept.publish.sphinx.nodes import Converter
from integrationskonzept.publish.sphinx.state import content_of


class PageDirective(SphinxDirective):
    """Insert the generated body of the current page."""

    has_content = False
    option_spec: ClassVar[dict[str, object]] = {"digest": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        content = content_of(self.env)
        page = content.pages.get(docname) if content is not None else None
        if page is None:
            raise self.error(f"no generated content for {docname!r}; rebuild from scratch")
        suffix = self.config.html_link_suffix or self.config.html_file_suffix or ".html"
        body = Converter(docname, suffix).page(page.blocks)
        if not page.keywords:
            return body
        # the page's code and names as main index entries of the page itself (no anchor):
        # the search ranks an entry that matches the query above any title or text match
        entries = [("single", word, "", "main", None) for word in page.keywords]
        return [addnodes.index(entries=entries, inline=False), *body]
