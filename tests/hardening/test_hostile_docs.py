"""Hostile text stays plain text in the docs: the page-building layer, property-based.

A Sphinx build per hypothesis example would take seconds, so these tests check the layers
the site is made of, and the real build is left to the hostile test city of
``tests/docs/test_safety.py`` and to the acceptance test on Leverkusen
(``test_bad_input.py``):

* the stub: a page's escaped title, parsed by docutils as Sphinx would, gives back exactly
  the title (whitespace collapsed, NUL dropped), with no warning and nothing else;
* the converter: blocks with hostile text become docutils nodes in which text is only ever
  text (no raw node, no reference to anything but http(s) or a relative page), and the
  HTML docutils writes from them holds no element or attribute that came from the data;
* the pages: every page of the small city with hostile labels, built as the extension
  builds it, passes both checks, and the labels are shown unchanged.
"""

from __future__ import annotations

import io
import itertools
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from docutils import nodes
from docutils.core import publish_doctree, publish_from_doctree
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from docutils.writers.html5_polyglot import Writer
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx import addnodes

from integrationskonzept.publish.site import blocks as b
from integrationskonzept.publish.site.content import build_pages
from integrationskonzept.publish.site.inputs import SiteInputs
from integrationskonzept.publish.site.site import Site
from integrationskonzept.publish.sphinx.nodes import Converter
from integrationskonzept.publish.sphinx.safety import SETTINGS
from integrationskonzept.publish.sphinx.stubs import escape_title, stub

from .hostile import ACTORS, FAST, FIELD, GOAL, NETWORKS, SLOWER, Target, hostile_city, hostile_text

# The figures draw labels in DejaVu Sans, which lacks most generated characters.
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")

_NUMBERS = itertools.count()
_DOCUTILS = {**SETTINGS, "report_level": 1, "halt_level": 5, "input_encoding": "unicode"}


def shown(text: str) -> str:
    """How a title is shown: whitespace runs as one space, no NUL, "–" if nothing is left."""
    return " ".join(text.replace("\0", "").split()) or "–"


# ---------------------------------------------------------------- the stub's title


def _parse(source: str) -> tuple[nodes.document, str]:
    warnings = io.StringIO()
    document = publish_doctree(source, settings_overrides={**_DOCUTILS, "warning_stream": warnings})
    return document, warnings.getvalue()


def _title_part(source: str) -> str:
    """A stub up to its first directive (the header comment, the title, the underline)."""
    for directive in ("\n.. toctree::", "\n.. ik-page::"):
        source = source.split(directive, 1)[0]
    return source


def _title(document: nodes.document) -> str | None:
    """The page title, if the document is nothing but a title (and comments)."""
    titles = list(document.findall(nodes.title))
    others = [c for c in document.children if not isinstance(c, nodes.title | nodes.comment)]
    if len(titles) != 1 or others:
        return None
    return titles[0].astext()


@FAST
@given(title=hostile_text())
def test_stub_title_parses_back_to_the_title(title: str) -> None:
    source = _title_part(stub(b.Page("actor/x", title, ())))
    document, warnings = _parse(source)
    assert warnings == ""
    assert not list(document.findall(nodes.system_message))
    assert _title(document) == shown(title), document.pformat()[:2000]


def test_stub_titles_that_were_lists_before() -> None:
    """A title starting with a bullet (•, ‣, ⁃) was a bullet list, not a title, and failed the
    strict build ("Bullet list ends without a blank line")."""
    for title in ("• Sprachkurse", "‣ x", "⁃ y", "– Gedankenstrich", "a\0b"):
        document, warnings = _parse(escape_title(title) + "\n" + "=" * 40 + "\n")
        assert warnings == "", title
        assert _title(document) == shown(title)


# ---------------------------------------------------------------- blocks → nodes → HTML

_SAFE_TAGS = {
    "a", "blockquote", "caption", "code", "col", "colgroup", "dd", "div", "dl", "dt", "em",
    "img", "li", "main", "p", "pre", "section", "span", "strong", "table", "tbody", "td",
    "th", "thead", "tr", "ul", "aside", "h1", "h2", "h3", "h4", "body", "head", "html",
    "meta", "title", "style", "link", "br",
}  # fmt: skip


class _Markup(HTMLParser):
    """The tags, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _safe_uri(value: str) -> bool:
    scheme = urlsplit(value.strip()).scheme.lower()
    return scheme in ("", "http", "https")


def check_nodes(body: list[nodes.Node], docname: str, *, html: bool = True) -> str:
    """Check a page body's nodes and (``html``) the HTML docutils writes from them; return
    the text of the HTML (``""`` without ``html``)."""
    settings = get_default_settings(Writer)
    for key, value in _DOCUTILS.items():
        setattr(settings, key, value)
    document = new_document(docname, settings)
    document += nodes.section("", nodes.title("", "T"), *body, ids=["t"], names=["t"])
    assert not list(document.findall(nodes.raw))
    for ref in document.findall(nodes.reference):
        assert _safe_uri(ref.get("refuri", "")), ref
    for xref in list(document.findall(addnodes.pending_xref)):
        assert xref["reftype"] == "doc" and xref["reftarget"].startswith("/")
        ref = nodes.reference("", "", *xref.children, refuri=xref["reftarget"][1:] + ".html")
        xref.replace_self(ref)
    if not html:
        return ""
    written = publish_from_doctree(document, writer=Writer(), settings_overrides=_DOCUTILS)
    markup = _Markup()
    markup.feed(written.decode("utf-8"))
    for tag, attrs in markup.tags:
        assert tag in _SAFE_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src") and value:
                assert _safe_uri(value), (tag, name, value)
    return "".join(markup.text)


def _words(text: str) -> str:
    """Text with its whitespace collapsed (HTML writers and parsers may change it) and
    without NUL (docutils marks escapes with NUL and drops every NUL from the output)."""
    return " ".join(text.replace("\0", "").split())


_URLS = st.one_of(
    hostile_text(),
    st.sampled_from(
        (
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            'http://example.org/" onmouseover="alert(1)',
            "https://example.org/<script>",
        )
    ),
)


@FAST
@given(texts=st.lists(hostile_text(), min_size=4, max_size=4), url=_URLS)
def test_blocks_become_text_nodes_and_safe_html(texts: list[str], url: str) -> None:
    one, two, three, four = texts
    inline = (b.Text(one), b.Strong(two), b.Code(three), b.Link(four, url=url))
    page = (
        b.Para(inline),
        b.Quote(one, "de"),
        b.Items((inline, (b.Link(two, doc="actor/x"),))),
        b.Facts(((three, inline),)),
        b.Table((four, one), ((inline, (b.Link(two, doc="goal/C-1", anchor="a"),)),)),
        b.CodeBlock(two, "turtle"),
        b.CodeBlock(three, "sparql"),
        b.Figure("/_figures/x.svg", four),
        b.Note((b.Text(one), b.Link(three, file="downloads/x.ttl"))),
        b.Section(two, "s", (b.Para((b.Text(three),)),)),
    )
    text = check_nodes(Converter("actor/x").page(page), "actor/x")
    for value in texts:
        assert _words(value) in _words(text)


# ---------------------------------------------------------------- the pages of a city

_TARGETS = (*ACTORS, *NETWORKS, FIELD, GOAL)
# overview pages that show labels of actors, networks, fields or goals
_OVERVIEW = ("index", "matrix", "gaps", "network-analysis", "validation")


@settings(parent=SLOWER, max_examples=8)
@given(labels=st.fixed_dictionaries({t: hostile_text() for t in _TARGETS}))
def test_every_page_of_a_hostile_city_is_plain_text(
    tmp_path: Path, labels: dict[Target, str]
) -> None:
    """Every page: title and nodes; the pages that show the labels also as HTML."""
    data = hostile_city(tmp_path / f"example-{next(_NUMBERS)}", labels)
    site = Site(SiteInputs.from_data(data), "de")
    pages = {page.docname: page for page in build_pages(site)}
    shows_labels = {site.docnames[t.iri] for t in _TARGETS}
    shows_labels |= {name.split("/")[0] + "/index" for name in shows_labels} | set(_OVERVIEW)

    texts = {}
    for page in pages.values():
        document, warnings = _parse(_title_part(stub(page)))
        assert warnings == "", (page.docname, warnings)
        assert _title(document) == shown(page.title), page.docname
        body = Converter(page.docname).page(page.blocks)
        texts[page.docname] = check_nodes(body, page.docname, html=page.docname in shows_labels)

    for target, label in labels.items():
        docname = site.docnames[target.iri]
        assert pages[docname].title.endswith(label), (docname, pages[docname].title)
        # shown on the page itself or in the table of its kind's index page
        index = docname.split("/")[0] + "/index"
        assert any(_words(label) in _words(texts[d]) for d in (docname, index)), docname
