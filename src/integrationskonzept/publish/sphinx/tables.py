"""Make every table's scroll container reachable by keyboard and named (a post-transform).

Furo wraps each table in a ``div.table-wrapper`` that scrolls sideways when the table is
wider than the column; such a region must be focusable to scroll without a mouse (WCAG
2.1.1) and needs a name. This transform, run after furo's, replaces each wrapper by a
:class:`~.htmlnodes.scroll_region` named after the table's caption or its section
(``Tabelle: Befunde``), on generated and hand-written pages alike.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from integrationskonzept.publish.site.i18n import ui
from integrationskonzept.publish.sphinx.htmlnodes import scroll_region

# furo's WrapTableAndMathInAContainerTransform has priority 500
PRIORITY = 510


def table_name(table: nodes.table) -> str:
    """The table's caption, else the title of its section, else the document's title."""
    for child in table.children:
        if isinstance(child, nodes.title):
            return str(child.astext())
    parent = table.parent
    while parent is not None:
        if isinstance(parent, nodes.section | nodes.document):
            titles = [c for c in parent.children if isinstance(c, nodes.title)]
            if titles:
                return str(titles[0].astext())
        parent = parent.parent
    return ""


class ScrollRegions(SphinxPostTransform):
    """Each table (in furo's wrapper or not) inside a named, focusable scroll region."""

    default_priority = PRIORITY
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        lang = self.config.ik_language
        seen: dict[str, int] = {}
        for table in list(self.document.findall(nodes.table)):
            name = table_name(table)
            label = ui(lang, "table_region").format(name) if name else ui(lang, "table")
            # two tables in one section: "Tabelle: Befunde", "Tabelle: Befunde (2)"
            seen[label] = seen.get(label, 0) + 1
            if seen[label] > 1:
                label = f"{label} ({seen[label]})"
            region = scroll_region(label=label, hint=ui(lang, "scroll_hint"))
            wrapper = table.parent
            # furo's wrapper goes (the region takes its place and its look); the table keeps
            # its own ids
            target = wrapper if _is_furo_wrapper(wrapper) else table
            if target.parent is None:
                continue
            target.parent.replace(target, region)
            region.append(table)


def _is_furo_wrapper(node: nodes.Element | None) -> bool:
    return isinstance(node, nodes.container) and "table-wrapper" in node.get("classes", [])
