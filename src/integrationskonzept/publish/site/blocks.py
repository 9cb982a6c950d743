"""The content of a generated page as plain data: blocks of inlines, never markup.

Page generators return these frozen dataclasses; :mod:`.nodes` turns them into docutils
nodes. Text from the graph only ever lands in a :class:`Text` (or another inline's ``text``),
which becomes a ``nodes.Text`` and is escaped by the HTML writer, so no literal of the data
is parsed as reStructuredText, Markdown or HTML.

A page's :func:`digest` covers everything it shows; the generated stub carries it, so a page
is re-read by Sphinx exactly when its content changed.

>>> page = Page("goal/C-1", "Leitziel C-1", (Para((Text("<b>x</b>"),)),))
>>> len(digest(page))
16
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any


@dataclasses.dataclass(frozen=True)
class Text:
    """Plain text."""

    text: str


@dataclasses.dataclass(frozen=True)
class Strong:
    """Bold text."""

    text: str


@dataclasses.dataclass(frozen=True)
class Code:
    """Inline literal text (an IRI, a CURIE, a command)."""

    text: str


@dataclasses.dataclass(frozen=True)
class Link:
    """A link: to another page (``doc``, optional ``anchor``), to a file below the html root
    (``file``) or to an external ``url`` (only http/https become links)."""

    text: str
    doc: str | None = None
    anchor: str | None = None
    file: str | None = None
    url: str | None = None


@dataclasses.dataclass(frozen=True)
class CopyButton:
    """A button that copies ``text`` (an IRI) to the clipboard; ``label`` names it, ``done``
    is what it says once it has copied (both in the page's language)."""

    text: str
    label: str
    done: str


Inline = Text | Strong | Code | Link | CopyButton
Cell = tuple[Inline, ...]


@dataclasses.dataclass(frozen=True)
class Para:
    """A paragraph."""

    inlines: Cell


@dataclasses.dataclass(frozen=True)
class Quote:
    """A verbatim quotation in a language (the statement of a goal, an evidence sentence)."""

    text: str
    lang: str


@dataclasses.dataclass(frozen=True)
class Items:
    """A bullet list."""

    items: tuple[Cell, ...]


@dataclasses.dataclass(frozen=True)
class Facts:
    """Key–value facts (a field list)."""

    rows: tuple[tuple[str, Cell], ...]


@dataclasses.dataclass(frozen=True)
class Table:
    """A table with a header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclasses.dataclass(frozen=True)
class CodeBlock:
    """Literal text with syntax highlighting (``sparql``, ``turtle``, ``python``, ``text``)."""

    text: str
    language: str


@dataclasses.dataclass(frozen=True)
class Figure:
    """An image from the source folder (``uri`` relative to it, with a leading ``/``)."""

    uri: str
    alt: str


@dataclasses.dataclass(frozen=True)
class Note:
    """A note admonition."""

    inlines: Cell


@dataclasses.dataclass(frozen=True)
class Details:
    """Blocks folded away behind a summary line (a long table or list)."""

    summary: str
    blocks: tuple[Block, ...]


@dataclasses.dataclass(frozen=True)
class Section:
    """A titled section with an anchor unique within its page."""

    title: str
    anchor: str
    blocks: tuple[Block, ...]


Block = Para | Quote | Items | Facts | Table | CodeBlock | Figure | Note | Details | Section


@dataclasses.dataclass(frozen=True)
class Head:
    """What an entity's page says about itself in its ``<head>``: a short description, its
    data files (media type, path below the html root), and the entity whose statements are
    embedded as JSON-LD with a schema.org type (``schema_type``, a full IRI) where one fits."""

    description: str
    alternates: tuple[tuple[str, str], ...]
    iri: str
    schema_type: str | None = None


@dataclasses.dataclass(frozen=True)
class Page:
    """One generated page: its document name, title, content and the pages it lists
    in a hidden toctree (the kinds' index pages and the root); an entity's page has a
    :class:`Head` and ``keywords`` (its code and names, which the search ranks first)."""

    docname: str
    title: str
    blocks: tuple[Block, ...]
    toctree: tuple[str, ...] = ()
    head: Head | None = None
    keywords: tuple[str, ...] = ()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"_": type(value).__name__, **fields}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def digest(page: Page) -> str:
    """A short hash of everything the page shows (title, blocks, toctree)."""
    text = json.dumps(_plain(page), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def cell(*parts: Inline | str) -> Cell:
    """Inlines from inlines and strings (strings become :class:`Text`)."""
    return tuple(Text(p) if isinstance(p, str) else p for p in parts)


def joined(parts: list[Cell] | tuple[Cell, ...], sep: str = ", ") -> Cell:
    """Several cells joined by ``sep`` into one."""
    out: list[Inline] = []
    for i, part in enumerate(parts):
        if i:
            out.append(Text(sep))
        out.extend(part)
    return tuple(out)
