"""The built Leverkusen site as a reader meets it: tables in named scroll regions, long lists
folded, no stray "none", labelled links instead of IRIs, plain values in the gallery."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import Site, page_text, parse_links

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]

LANGS = {"de": "", "en": "en/"}
# pages that Sphinx writes from its templates, not from a document: their tables are its own
SPHINX_INDEXES = ("genindex.html", "py-modindex.html")
NONE = {"de": "keine", "en": "none"}
_REGION = re.compile(
    r'<div class="ik-scroll-frame"><div class="table-wrapper ik-scroll docutils container" '
    r'tabindex="0" role="region" aria-label="(?:Tabelle|Table)[^"]*">\s*<table'
)


def _html(site: Site, lang: str, name: str) -> str:
    return (site.html / LANGS[lang] / name).read_text(encoding="utf-8")


def test_every_table_sits_in_a_named_focusable_scroll_region(site: Site) -> None:
    offenders = []
    for path in sorted(site.html.rglob("*.html")):
        if path.name in SPHINX_INDEXES:
            continue
        html = path.read_text(encoding="utf-8")
        tables = html.count("<table")
        if tables != len(_REGION.findall(html)):
            offenders.append(f"{path.relative_to(site.html)}: {tables} tables")
    assert not offenders, "\n".join(offenders[:20])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_network_pages_have_no_stray_none(site: Site, lang: str) -> None:
    folder = site.html / LANGS[lang] / "network"
    pages = [p for p in sorted(folder.glob("*.html")) if p.name != "index.html"]
    assert len(pages) > 20
    stray = [p.name for p in pages if f"<p>{NONE[lang]}</p>" in p.read_text(encoding="utf-8")]
    assert not stray, stray


def _section_html(html: str, anchor: str) -> str:
    start = html.index(f'<section id="{anchor}">')
    end = html.find("<section id=", start + 1)
    return html[start : end if end > 0 else None]


def test_actor_page_groups_networks_links_responsibilities_and_folds(site: Site) -> None:
    html = _html(site, "de", "actor/kommunales-integrationszentrum.html")
    led = _section_html(html, "networks-led")
    rows = re.findall(r'href="\.\./network/([^"]+)\.html"', led)
    assert rows and len(rows) == len(set(rows)), "a network listed more than once"
    statements = _section_html(html, "statements")
    assert '<details class="ik-details"><summary>Alle ' in statements
    # every responsibility of the actor links to what it is responsible for
    cells = re.findall(r"<td><p>(.*?)</p></td>", statements, re.DOTALL)
    responsibilities = [c for c in cells if "lev:responsibility/" in c]
    assert len(responsibilities) > 20
    assert all(c.startswith('<a class="reference internal"') for c in responsibilities)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_component_table_shows_labelled_links(site: Site, lang: str) -> None:
    components = _section_html(_html(site, lang, "network-analysis.html"), "components")
    assert "https://w3id.org/" not in components
    assert 'href="network/' in components


@pytest.mark.parametrize(
    ("lang", "as_built"), [("de", "Ergebnis beim Bauen der Seite"), ("en", "Results as built")]
)
def test_gallery_shows_values_not_terms(site: Site, lang: str, as_built: str) -> None:
    path: Path = site.html / LANGS[lang] / "queries.html"
    text = page_text(path)
    assert "^^" not in text and "xsd:integer" not in text
    assert as_built in text and not re.search(r"\blive\b|Live-Ergebnis", text)
    links = [link for link in parse_links(path).links if link.startswith("http://127.0.0.1:7878/")]
    assert len(links) == text.count(
        {"de": "Auf dem eigenen Endpunkt ausführen", "en": "Run on your endpoint"}[lang]
    )
    assert links and all(link.startswith("http://127.0.0.1:7878/query?query=") for link in links)
