"""HTML elements that reStructuredText has no node for, made by a post-transform.

* :class:`details`: a folded block (``<details>`` with a ``<summary>``);
* :class:`copy_button`: a button that copies an IRI (``ik.js`` does the copying);
* :class:`scroll_region`: a table's scroll container that a keyboard can reach
  (``tabindex="0"``, ``role="region"``, an ``aria-label``), with a hint that ``ik.js`` shows
  when the table is wider than the column (made by :mod:`.tables`).

The page converter (:mod:`.nodes`) writes plain docutils nodes with the classes
:data:`DETAILS`, :data:`SUMMARY` and :data:`COPY`, which any writer shows as text;
:class:`HtmlControls` turns them into these nodes for HTML builds only. Every attribute
value and text is escaped by the HTML writer's ``attval``/``encode``; nothing from the data
is written as markup.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

DETAILS = "ik-details"
SUMMARY = "ik-details-summary"
COPY = "ik-copy"


# docutils names node classes in lower case; it has no type hints, hence the ignores
class details(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """Folded blocks; the ``summary`` attribute is the line that unfolds them."""


class copy_button(nodes.Inline, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """A button copying the ``text`` attribute; ``label`` names it, ``done`` confirms."""


class scroll_region(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """A horizontally scrolling container of one table; ``label`` names the region,
    ``hint`` says that it scrolls."""


def visit_details(self: HTML5Translator, node: details) -> None:
    """``<details><summary>…</summary>``."""
    self.body.append(
        f'<details class="ik-details"><summary>{self.encode(node["summary"])}</summary>\n'
    )


def depart_details(self: HTML5Translator, node: details) -> None:
    """``</details>``."""
    self.body.append("</details>\n")


def visit_copy_button(self: HTML5Translator, node: copy_button) -> None:
    """A button with its label as text, and a status that announces the copy."""
    self.body.append(
        f'<button type="button" class="ik-copy" data-ik-copy="{self.attval(node["text"])}" '
        f'data-ik-done="{self.attval(node["done"])}">{self.encode(node["label"])}</button>'
        '<span class="ik-copy-status" role="status"></span>'
    )
    raise nodes.SkipNode


def visit_scroll_region(self: HTML5Translator, node: scroll_region) -> None:
    """The frame (it carries the edge shadows), the focusable scroll container inside it."""
    self.body.append(
        '<div class="ik-scroll-frame">'
        '<div class="table-wrapper ik-scroll docutils container" tabindex="0" role="region" '
        f'aria-label="{self.attval(node["label"])}">\n'
    )


def depart_scroll_region(self: HTML5Translator, node: scroll_region) -> None:
    """Close the container and its frame; the hint follows, hidden until the table
    overflows (``ik.js`` marks the frame, ``ik.css`` shows the hint after a marked frame)."""
    hint = self.encode(node["hint"])
    self.body.append(f'</div></div>\n<p class="ik-scroll-hint" aria-hidden="true">{hint}</p>\n')


class HtmlControls(SphinxPostTransform):
    """Folded blocks and copy buttons, from the plain nodes the converter wrote."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for container in list(self.document.findall(nodes.container)):
            if DETAILS in container.get("classes", []) and container.children:
                summary = container.children[0]
                folded = details(summary=summary.astext())
                folded.extend(container.children[1:])
                container.replace_self(folded)
        for inline in list(self.document.findall(nodes.inline)):
            if COPY in inline.get("classes", []):
                button = copy_button(
                    text=inline["ik_copy"], label=inline.astext(), done=inline["ik_done"]
                )
                inline.replace_self(button)


HANDLERS: tuple[tuple[type[nodes.Element], Any, Any], ...] = (
    (details, visit_details, depart_details),
    (copy_button, visit_copy_button, None),
    (scroll_region, visit_scroll_region, depart_scroll_region),
)
