"""Keep text from becoming markup: docutils settings and a transform against raw nodes.

The generated pages never parse data text (see :mod:`.blocks`); these settings also close
the doors for the hand-written pages: no ``raw`` directive or role, no file inclusion, and
any raw node that a parser still produced (e.g. an HTML block in Markdown) is replaced by a
warning, which fails the strict build.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

SETTINGS: Mapping[str, object] = MappingProxyType(
    {
        "raw_enabled": False,
        "file_insertion_enabled": False,
        # docutils refuses lines longer than 10,000 characters; a generated stub's title line is
        # a label of the data (escaped, never markup), which may be longer.
        "line_length_limit": 100_000_000,
    }
)


class NoRawTransform(SphinxTransform):
    """Replace every raw node by its text, with a warning naming the document."""

    default_priority = 1

    def apply(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.raw)):
            logger.warning("raw content is disabled on this site; shown as text", location=node)
            node.replace_self(nodes.literal_block(node.astext(), node.astext()))


def apply_settings(app: Sphinx) -> None:
    """Set the docutils settings for every document read by this build."""
    app.env.settings.update(SETTINGS)
