"""One language per page: German pages German to the last button, English pages English.

Every built page declares its language (``<html lang>``); no known chrome string of the other
language stands on it: Furo's and Sphinx's strings (from the project's ``sphinx.po``), the
search's messages and the site's own UI strings (``publish.site.i18n``), each compared with
whole text nodes and with the ``aria-label``/``title``/``placeholder``/``alt`` of elements. No
page shows raw snake_case keys outside code. A browser checks the search status line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from integrationskonzept.publish.site import i18n
from integrationskonzept.publish.sphinx.catalogs import catalogs, read_catalog
from integrationskonzept.resources import site_conf_dir

from .helpers import Site

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]

# Strings Sphinx's own German catalog translates for Furo (not in the project's sphinx.po).
SPHINX_PAIRS = (("Search", "Suche"), ("Index", "Stichwortverzeichnis"), ("Error", "Fehler"))
# Words the footer or a page may show in both languages: names, formats, codes.
SAME_IN_BOTH = {
    *("Copyright", "Downloads", "Navigation", "Notation", "IRI", "Turtle", "JSON-LD"),
    *("Code", "Status", "Version"),
}
# Pages whose text is identifiers or English by nature: the API reference (docstrings), the
# command line's --help texts, Sphinx's indexes.
IDENTIFIER_PAGES = ("api.html", "cli.html", "genindex.html", "py-modindex.html")
# Pages of data that is not the page's language by design: the ontology's pages show each
# term's labels in both languages, the SPARQL gallery the queries' raw results (status codes
# such as "ongoing"). The theme's strings are checked there, the site's UI strings are not.
DATA_PAGES = ("ontology.html", "ontology/", "queries.html")
# Text of the data that happens to equal a UI string of the other language: the German-only
# role label of a membership (German is the data's fallback) on English actor pages.
DATA_NODES = {("en", "Federführung")}
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def _theme_pairs() -> list[tuple[str, str]]:
    """(English, German) for the theme's and the search's strings (the project's sphinx.po)."""
    pairs = list(SPHINX_PAIRS)
    for po in catalogs(site_conf_dir()):
        if po.parent.parent.name != "de":
            continue
        for message in read_catalog(po):
            if not message.id:
                continue
            if isinstance(message.id, str):
                pairs.append((message.id, str(message.string)))
            else:
                pairs += list(zip(message.id, message.string, strict=False))
    return [(en.strip(), de.strip()) for en, de in pairs if en.strip() != de.strip()]


def _ui_pairs() -> list[tuple[str, str]]:
    """(English, German) for the site's own UI strings (publish.site.i18n)."""
    pairs = [(i18n.ui("en", key).strip(), i18n.ui("de", key).strip()) for key in i18n.known_keys()]
    return [(en, de) for en, de in pairs if en != de]


def _patterns(strings: set[str]) -> list[re.Pattern[str]]:
    """Whole-node patterns; ``{}`` and ``${…}``/``%(…)s`` placeholders match anything."""
    out = []
    for text in sorted(strings):
        if "<" in text:  # markup in a message: its text is checked through its parts
            continue
        parts = re.split(r"\{[^}]*\}|\$\{[^}]*\}|%\([^)]*\)s", text)
        out.append(re.compile(".+".join(re.escape(p) for p in parts)))
    return out


def _foreign(pairs: list[tuple[str, str]]) -> dict[str, list[re.Pattern[str]]]:
    """Per page language, the patterns of the other language's strings; a string that is a
    chrome string in both languages says nothing about the page's language."""
    english = {en for en, _ in pairs}
    german = {de for _, de in pairs}
    return {
        "de": _patterns(english - german - SAME_IN_BOTH),
        "en": _patterns(german - english - SAME_IN_BOTH),
    }


THEME = _foreign(_theme_pairs())
UI = _foreign(_theme_pairs() + _ui_pairs())
# table columns that quote the report verbatim (German on English pages too)
QUOTING = {i18n.ui(lang, key) for lang in i18n.LANGUAGES for key in ("as_printed", "evidence")}


class _Nodes(HTMLParser):
    """A page's ``lang``, its text nodes and labelling attributes, outside code, the
    statements' verbatim quotes and elements of another declared language."""

    SKIP = ("script", "style", "pre", "code", "kbd", "samp")
    VOID = ("br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "use")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.nodes: list[str] = []
        self.code: list[str] = []
        self._stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, other language)
        self._headers: list[list[str]] = []  # per open table: its column headers
        self._column = -1
        self._in_header = False

    def _skipped(self) -> bool:
        return any(skip for _, skip, _ in self._stack)

    def _other(self) -> bool:
        return any(other for _, _, other in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
            return
        lang = found.get("lang") or next(
            (
                c[len("ik-lang-") :]
                for c in (found.get("class") or "").split()
                if c.startswith("ik-lang-")
            ),
            None,
        )
        other = bool(lang) and lang != self.lang
        if tag == "table":
            self._headers.append([])
        elif tag == "tr":
            self._column = -1
        elif tag in ("th", "td") and self._headers:
            self._column += 1
            self._in_header = tag == "th"
            if tag == "th":
                self._headers[-1].append("")
            headers = self._headers[-1]
            quoting = tag == "td" and 0 <= self._column < len(headers)
            other = other or (quoting and headers[self._column] in QUOTING)
        if not (self._skipped() or self._other() or other):
            self.nodes += [v.strip() for a in ATTRIBUTES if (v := found.get(a))]
        if tag not in self.VOID:
            self._stack.append((tag, tag in self.SKIP, other))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not (self._skipped() or self._other()):
            self.nodes += [v.strip() for a in ATTRIBUTES if (v := dict(attrs).get(a))]

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._headers:
            self._headers.pop()
        if tag == "th":
            self._in_header = False
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                return

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if not text:
            return
        if self._in_header and self._headers and self._headers[-1]:
            self._headers[-1][-1] = (self._headers[-1][-1] + " " + text).strip()
        if self._skipped():
            self.code.append(text)
        elif not self._other():
            self.nodes.append(text)


def _parse(path: Path) -> _Nodes:
    parser = _Nodes()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Site) -> Iterator[tuple[str, Path]]:
    """(expected language, page) for every built HTML page."""
    for path in sorted(site.html.rglob("*.html")):
        relative = path.relative_to(site.html).as_posix()
        if relative.startswith(("_", "en/_")):
            continue
        yield ("en" if relative.startswith("en/") else "de"), path


def test_chrome_lists_are_not_empty() -> None:
    # the test below would pass vacuously without them
    english = {p.pattern for p in THEME["de"]}
    german = {p.pattern for p in THEME["en"]}
    assert {"Guiding\\ goals", "ongoing"} <= {p.pattern for p in UI["de"]}
    assert {"Next", "Previous", "Back\\ to\\ top", "On\\ this\\ page"} <= english
    assert {"Weiter", "Zurück", "Nach\\ oben", "Suche"} <= german
    assert "Search\\ finished,\\ found\\ one\\ page\\ matching\\ the\\ search\\ query\\." in english


def test_every_page_declares_its_language(site: Site) -> None:
    wrong = [
        f"{path.relative_to(site.html)}: lang={found!r}"
        for lang, path in _pages(site)
        if (found := _parse(path).lang) != lang
    ]
    assert not wrong, "\n".join(wrong[:20])


def test_no_page_mixes_languages(site: Site) -> None:
    found: dict[str, set[str]] = {}
    for lang, path in _pages(site):
        if path.name in IDENTIFIER_PAGES:
            continue
        relative = path.relative_to(site.html).as_posix().removeprefix("en/")
        foreign = THEME if relative.startswith(DATA_PAGES) else UI
        for node in set(_parse(path).nodes):
            if (lang, node) in DATA_NODES:
                continue
            if any(pattern.fullmatch(node) for pattern in foreign[lang]):
                found.setdefault(node, set()).add(path.relative_to(site.html).as_posix())
    report = [f"{node!r} on {len(pages)} pages, e.g. {min(pages)}" for node, pages in found.items()]
    assert not report, "\n".join(sorted(report))


def test_the_search_messages_are_german_on_german_pages(site: Site) -> None:
    translations = (site.html / "_static" / "translations.js").read_text(encoding="utf-8")
    for text in ("Suche beendet", "Suche wird vorbereitet", "Suchergebnisse"):
        assert text in translations
    # English needs none: Sphinx's own English messages
    assert not (site.html / "en" / "_static" / "translations.js").exists()


def test_the_footer_is_in_the_pages_language(site: Site) -> None:
    german = " ".join(_parse(site.html / "index.html").nodes)
    english = " ".join(_parse(site.html / "en" / "index.html").nodes)
    assert "Mitwirkende von integrationskonzept · Daten: CC BY 4.0" in german
    assert "Erstellt mit" in german
    assert "integrationskonzept contributors · data: CC BY 4.0" in english
    assert "Made with" in english


# -- no raw keys -------------------------------------------------------------------------

SNAKE = re.compile(r"(?<![\w/#:.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/#-])")
# Pages where identifiers are the subject: the API reference and Sphinx's indexes (names of
# functions and parameters), the error page (the exceptions' attribute exit_code) and the
# SPARQL gallery (its result columns are the queries' variables, e.g. statement_de).
DEVELOPER_PAGES = (*IDENTIFIER_PAGES, "errors.html", "queries.html")


def test_no_raw_snake_case_keys_outside_code(site: Site) -> None:
    found: dict[str, set[str]] = {}
    for _, path in _pages(site):
        if path.name in DEVELOPER_PAGES:
            continue
        for node in _parse(path).nodes:
            if node.startswith(("http://", "https://")):
                continue
            for key in SNAKE.findall(node):
                found.setdefault(key, set()).add(path.relative_to(site.html).as_posix())
    report = [f"{key!r} on {len(pages)} pages, e.g. {min(pages)}" for key, pages in found.items()]
    assert not report, "\n".join(sorted(report))


def test_analysis_is_labelled_in_the_pages_language(site: Site) -> None:
    german = " ".join(_parse(site.html / "network-analysis.html").nodes)
    english = " ".join(_parse(site.html / "en" / "network-analysis.html").nodes)
    for text in ("Verbindungen zwischen Akteuren", "Torwächter", "Methode", "Zwischenzentralität"):
        assert text in german
    assert "(none)" not in german and "(none)" not in english
    for text in ("Ties between actors", "Gatekeeper", "Method", "Betweenness"):
        assert text in english
    actor = " ".join(_parse(site.html / "actor" / "kommunales-integrationszentrum.html").nodes)
    assert "Effektive Größe (Burt)" in actor and "Art des Akteurs" in actor


def test_no_page_has_a_bare_none_paragraph(site: Site) -> None:
    # the empty-section text of an actor page ("keine"/"none") never stands alone
    stray = []
    for lang, path in _pages(site):
        html = path.read_text(encoding="utf-8")
        # (a "none" in a definition list or table cell is a value, e.g. no parameters)
        if re.search(rf"(?<!>)<p>{i18n.ui(lang, 'none')}</p>", html):
            stray.append(path.relative_to(site.html).as_posix())
    assert not stray, stray


# -- in a browser (conftest's fixture: Debian's chromium, see browsing.py) -----------------


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "status", "foreign"),
    [
        ("search.html?q=Integrationszentrum", r"Suche beendet: \d+ Seiten", "Search"),
        ("en/search.html?q=integration", r"Search finished, found \d+ pages", "Suche"),
        ("search.html?q=xyzzyqwertz", r"Die Suche ergab keine Treffer", "Your search"),
    ],
)
def test_search_status_line_in_the_pages_language(
    browser: Any, served_site: str, path: str, status: str, foreign: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(served_site + path)
        line = tab.locator("#search-results p.search-summary")
        line.wait_for(state="attached")
        tab.wait_for_function(
            "() => document.querySelector('#search-results p.search-summary').innerText !== ''"
        )
        text = line.inner_text()
        assert re.search(status, text), text
        assert foreign not in text
        heading = tab.locator("#search-results h2").inner_text()
        assert heading == ("Search Results" if path.startswith("en/") else "Suchergebnisse")
        placeholder = tab.locator("input.sidebar-search").get_attribute("placeholder")
        assert placeholder == ("Search" if path.startswith("en/") else "Suche")
    finally:
        context.close()
