"""HTML elements that reStructuredText has no node for, made by a post-transform.

* :class:`details`: a folded block (``<details>`` with a ``<summary>``);
* :class:`copy_button`: a button that copies an IRI (``ik.js`` does the copying);
* :class:`scroll_region`: a table's scroll container that a keyboard can reach
  (``tabindex="0"``, ``role="region"``, an ``aria-label``), with a hint that ``ik.js`` shows
  when the table is wider than the column (made by :mod:`.tables`);
* :class:`figure_link`: a figure (an image of class ``ik-figure``) as a ``<figure>`` whose
  image is a link to the image file itself, so a click (or Enter) opens it full size, with
  that link also written out below it.

The page converter (:mod:`.nodes`) writes plain docutils nodes with the classes
:data:`DETAILS`, :data:`SUMMARY` and :data:`COPY`, which any writer shows as text;
:class:`HtmlControls` turns them into these nodes for HTML builds only. Every attribute
value and text is escaped by the HTML writer's ``attval``/``encode``; nothing from the data
is written as markup.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from integrationskonzept.publish.site.i18n import ui

DETAILS = "ik-details"
SUMMARY = "ik-details-summary"
COPY = "ik-copy"
FIGURE = "ik-figure"


# docutils names node classes in lower case; it has no type hints, hence the ignores
class details(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """Folded blocks; the ``summary`` attribute is the line that unfolds them."""


class copy_button(nodes.Inline, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """A button copying the ``text`` attribute; ``label`` names it, ``done`` confirms."""


class scroll_region(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """A horizontally scrolling container of one table; ``label`` names the region,
    ``hint`` says that it scrolls."""


class figure_link(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """A figure around one image; ``label`` is the text of the link to the full size."""


def _image_url(self: HTML5Translator, uri: str) -> str:
    """Where the builder puts an image, relative to the page (as ``visit_image`` does)."""
    if uri in self.builder.images:
        return posixpath.join(self.builder.imgpath, urllib.parse.quote(self.builder.images[uri]))
    return uri


def visit_figure_link(self: HTML5Translator, node: figure_link) -> None:
    """``<figure>`` and the link around the image."""
    image = node.children[0]
    href = self.attval(_image_url(self, image["uri"]))
    node["href"] = href
    self.body.append(
        f'<figure class="ik-figure"><a class="ik-figure-link" href="{href}" '
        f'title="{self.attval(node["label"])}">'
    )


def depart_figure_link(self: HTML5Translator, node: figure_link) -> None:
    """Close the link; the visible link to the full size as the figure's caption."""
    self.body.append(
        f'</a><figcaption class="ik-figure-full"><a href="{node["href"]}">'
        f"{self.encode(node['label'])}</a></figcaption></figure>\n"
    )


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
    """Folded blocks, copy buttons and figures, from the plain nodes the converter wrote."""

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
        label = ui(self.config.language or "de", "figure.full_size")
        for image in list(self.document.findall(nodes.image)):
            if FIGURE in image.get("classes", []) and not isinstance(image.parent, figure_link):
                frame = figure_link(label=label)
                image.replace_self(frame)
                frame += image


HANDLERS: tuple[tuple[type[nodes.Element], Any, Any], ...] = (
    (details, visit_details, depart_details),
    (copy_button, visit_copy_button, None),
    (scroll_region, visit_scroll_region, depart_scroll_region),
    (figure_link, visit_figure_link, depart_figure_link),
)
