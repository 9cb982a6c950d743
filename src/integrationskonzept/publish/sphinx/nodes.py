"""Turn page blocks into docutils nodes; text only ever becomes ``nodes.Text``.

Links to other pages are ``pending_xref`` nodes (Sphinx resolves them and, with ``-n``,
reports a missing target); links to files and anchors are relative URIs; external links are
made only for ``http``/``https`` URLs, anything else stays text.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.util.osutil import relative_uri

from integrationskonzept.publish.site import blocks as b
from integrationskonzept.publish.sphinx.htmlnodes import COPY, DETAILS, SUMMARY

_SCHEMES = ("http", "https")


@functools.lru_cache(maxsize=1024)
def lexes_cleanly(text: str, language: str) -> bool:
    """Whether Pygments highlights ``text`` without error tokens (else show it plain).

    >>> lexes_cleanly("SELECT ?s WHERE { ?s ?p ?o }", "sparql")
    True
    """
    from pygments.lexers import get_lexer_by_name
    from pygments.token import Error
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        return False
    return not any(token is Error for token, _ in lexer.get_tokens(text))


class Converter:
    """Builds the nodes of one page (``docname`` decides relative links)."""

    def __init__(self, docname: str, suffix: str = ".html") -> None:
        self.docname = docname
        self.suffix = suffix

    # -- inlines --------------------------------------------------------------------------

    def _uri(self, target: str) -> str:
        return relative_uri(self.docname + self.suffix, target)

    def inline(self, item: b.Inline) -> nodes.Node:
        """One inline element."""
        if isinstance(item, b.Text):
            return nodes.Text(item.text)
        if isinstance(item, b.Strong):
            return nodes.strong(item.text, item.text)
        if isinstance(item, b.Code):
            return nodes.literal(item.text, item.text)
        if isinstance(item, b.CopyButton):
            # plain text in any writer; the HTML builder makes it a button (.htmlnodes)
            return nodes.inline(
                item.label, item.label, classes=[COPY], ik_copy=item.text, ik_done=item.done
            )
        return self.link(item)

    def link(self, item: b.Link) -> nodes.Node:
        """A link; an URL with another scheme than http(s) is shown as text."""
        text = nodes.inline(item.text, item.text)
        if item.doc is not None and item.anchor is None:
            ref = addnodes.pending_xref(
                "",
                text,
                refdomain="std",
                reftype="doc",
                reftarget="/" + item.doc,
                refexplicit=True,
                refwarn=True,
                refdoc=self.docname,
            )
            return ref
        if item.doc is not None:
            uri = self._uri(item.doc + self.suffix) + "#" + (item.anchor or "")
            return nodes.reference("", "", text, refuri=uri, internal=True)
        if item.file is not None:
            return nodes.reference("", "", text, refuri=self._uri(item.file), internal=True)
        if item.url is not None and urlsplit(item.url).scheme in _SCHEMES:
            return nodes.reference("", "", text, refuri=item.url)
        return nodes.Text(item.text)

    def inlines(self, items: b.Cell) -> list[nodes.Node]:
        """Several inlines."""
        return [self.inline(i) for i in items]

    def para(self, items: b.Cell) -> nodes.paragraph:
        """A paragraph of inlines."""
        node = nodes.paragraph()
        node.extend(self.inlines(items))
        return node

    # -- blocks ---------------------------------------------------------------------------

    def block(self, item: b.Block) -> nodes.Element:
        """One block element."""
        if isinstance(item, b.Para):
            return self.para(item.inlines)
        if isinstance(item, b.Quote):
            quote = nodes.block_quote(classes=["ik-quote", f"ik-lang-{item.lang}"])
            quote += nodes.paragraph(item.text, item.text)
            return quote
        if isinstance(item, b.Items | b.Table) and not (
            item.items if isinstance(item, b.Items) else item.rows
        ):
            return self.para((b.Text("–"),))  # docutils has no empty lists or tables
        if isinstance(item, b.Items):
            lst = nodes.bullet_list()
            for entry in item.items:
                lst += nodes.list_item("", self.para(entry))
            return lst
        if isinstance(item, b.Facts):
            return self.facts(item)
        if isinstance(item, b.Table):
            return self.table(item)
        if isinstance(item, b.CodeBlock):
            code = nodes.literal_block(item.text, item.text)
            code["language"] = item.language if lexes_cleanly(item.text, item.language) else "text"
            return code
        if isinstance(item, b.Figure):
            return nodes.image(uri=item.uri, alt=item.alt, classes=["ik-figure"])
        if isinstance(item, b.Note):
            note = nodes.note()
            note += self.para(item.inlines)
            return note
        if isinstance(item, b.Details):
            # a summary paragraph and the blocks; the HTML builder folds them (.htmlnodes)
            summary = nodes.paragraph(item.summary, item.summary, classes=[SUMMARY])
            folded = nodes.container("", summary, classes=[DETAILS])
            folded.extend(self.block(child) for child in item.blocks)
            return folded
        return self.section(item)

    def facts(self, item: b.Facts) -> nodes.field_list:
        """A field list of key–value rows."""
        fields = nodes.field_list(classes=["ik-facts"])
        for key, value in item.rows:
            field = nodes.field()
            field += nodes.field_name(key, key)
            body = nodes.field_body()
            body += self.para(value)
            field += body
            fields += field
        return fields

    def table(self, item: b.Table) -> nodes.table:
        """A table with a header row."""
        table = nodes.table(classes=["ik-table"])
        group = nodes.tgroup(cols=len(item.header))
        table += group
        for _ in item.header:
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        head += self._row([(b.Text(h),) for h in item.header])
        group += head
        body = nodes.tbody()
        for row in item.rows:
            body += self._row(list(row))
        group += body
        return table

    def _row(self, cells: list[b.Cell]) -> nodes.row:
        row = nodes.row()
        for value in cells:
            entry = nodes.entry()
            entry += self.para(value)
            row += entry
        return row

    def section(self, item: b.Section) -> nodes.section:
        """A section with title and anchor."""
        node = nodes.section(ids=[item.anchor], names=[item.anchor])
        node += nodes.title(item.title, item.title)
        for child in item.blocks:
            node += self.block(child)
        return node

    def page(self, blocks: tuple[b.Block, ...]) -> list[nodes.Node]:
        """The nodes of a whole page body."""
        return [self.block(item) for item in blocks]
