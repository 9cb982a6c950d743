"""The home page opens with what the report says, then the ways into the data; developer
pages have their own section of the sidebar."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from integrationskonzept.publish.site.overview import root_toctree
from integrationskonzept.publish.site.pages import findings

from .helpers import Site, page_text, parse_links

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]

LANGS = {"de": "", "en": "en/"}
FINDINGS = {
    "de": (
        "Was der Bericht sagt",
        "Priorisierte Handlungsfelder",
        "Umsetzungsstand der Maßnahmen je Handlungsfeld",
        "Lücken",
        "Wege in die Daten",
    ),
    "en": (
        "What the report says",
        "Prioritized fields of action",
        "Status of the measures per field of action",
        "Gaps",
        "Ways into the data",
    ),
}
DEVELOPERS = {"de": "Für Entwickler", "en": "For developers"}


@pytest.mark.parametrize("lang", LANGS)
def test_findings_come_before_the_ways_in(site: Site, lang: str) -> None:
    text = page_text(site.html / LANGS[lang] / "index.html")
    text = text[text.index(FINDINGS[lang][0]) :]  # the article, after the sidebar
    positions = [text.find(heading) for heading in FINDINGS[lang]]
    assert all(p >= 0 for p in positions), list(zip(FINDINGS[lang], positions, strict=True))
    assert positions == sorted(positions)
    # the code examples come after every finding
    assert text.find("SELECT ?code ?title") > positions[-1]
    assert text.find("import integrationskonzept") > positions[-1]


@pytest.mark.parametrize("lang", LANGS)
def test_status_chart_has_its_data_as_a_table(site: Site, lang: str) -> None:
    html = (site.html / LANGS[lang] / "index.html").read_text(encoding="utf-8")
    image = re.search(r'<img alt="([^"]+)"[^>]*src="([^"]*home-status\.svg)"', html)
    assert image, "the status chart is missing"
    assert "Tabelle" in image.group(1) or "table" in image.group(1)
    svg = site.html / LANGS[lang] / image.group(2)
    root = ET.parse(svg).getroot()
    texts = "".join(root.itertext())
    assert ("umgesetzt" if lang == "de" else "implemented") in texts  # legend in the language
    # the table beside it: the measures of field C by status, and their total
    section = html[html.index('<section id="status">') :]
    section = section[: section.index("</section>")]
    assert section.count("<tr") == 1 + 8 + 1  # header, eight fields, total


def test_chart_is_deterministic_and_text_is_large(site: Site) -> None:
    svg = (site.html / "_images").glob("home-status*.svg")
    data = [p.read_bytes() for p in svg]
    assert data and all(b"Date" not in d[:400] for d in data)
    root = ET.fromstring(data[0])
    sizes = [
        float(m.group(1))
        for el in root.iter()
        for m in [re.search(r"font-size:\s*([\d.]+)px", el.get("style", ""))]
        if m
    ]
    # in points (the SVG's user unit): 10 pt is 13 px at the chart's natural width
    assert sizes and min(sizes) >= 10


def test_status_counts_match_the_model(site: Site) -> None:
    from integrationskonzept.publish.site.content import site_content
    from integrationskonzept.publish.site.inputs import SiteInputs

    content = site_content(SiteInputs.from_data(None), "de", None)
    counts = {field.code: row for field, row in findings.status_counts(content.site)}
    kb = content.site.kb
    assert sum(counts["C"]) == len(kb.measures("C"))
    assert counts["C"][0] == len(kb.measures("C", status="implemented"))


@pytest.mark.parametrize("lang", LANGS)
def test_developer_pages_have_their_own_section(site: Site, lang: str) -> None:
    html = (site.html / LANGS[lang] / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="ik-navigation') :]
    nav = nav[: nav.index("</nav>")]
    captions = re.findall(r'<span class="caption-text">([^<]+)</span>', nav)
    assert DEVELOPERS[lang] in captions
    developers = nav[nav.index(DEVELOPERS[lang]) :]
    developers = developers[: developers.index("</ul>")]
    for page in ("api.html", "cli.html", "errors.html", "benchmarks.html", "architecture.html"):
        assert f'href="{page}"' in developers, page
    readers = nav[: nav.index(DEVELOPERS[lang])]
    assert 'href="benchmarks.html"' not in readers
    assert 'href="gaps.html"' in readers


def test_root_toctree_lists_developer_pages_last() -> None:
    entries = root_toctree()
    assert entries.index("gaps") < entries.index("field/index") < entries.index("ontology")
    assert entries.index("ontology") < entries.index("api") < entries.index("benchmarks")
    assert len(entries) == len(set(entries))


def test_home_links_resolve(site: Site) -> None:
    links = parse_links(site.html / "index.html").links
    assert "gaps.html" in links and "downloads.html" in links and "queries.html" in links
