"""The built Leverkusen site: no warnings, every entity has its page, statements verbatim,
no broken internal link, deterministic output."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from integrationskonzept.model import KnowledgeBase

from .helpers import CONF, Site, build, page_text, parse_links

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]

BASE = "https://w3id.org/integrationskonzept/leverkusen/"
LANGS = {"de": "", "en": "en/"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase()


def _page(site: Site, lang: str, iri: str) -> Path:
    assert iri.startswith(BASE), iri
    return site.html / LANGS[lang] / f"{iri[len(BASE) :]}.html"


def _entities(kb: KnowledgeBase) -> dict[str, list[str]]:
    query = "SELECT ?d WHERE { ?d a <http://purl.org/linked-data/cube#DataSet> }"
    datasets = sorted(str(row[0]) for row in kb.graph.query(query))  # type: ignore[index]
    return {
        "topics": [t.iri for t in kb.topics],
        "goals": [g.iri for g in kb.goals],
        "indicators": [i.iri for i in kb.indicators],
        "actors": [a.iri for a in kb.actors],
        "networks": [n.iri for n in kb.networks],
        "measures": [m.iri for m in kb.measures()],
        "agreements": [a.iri for a in kb.agreements],
        "needs": [n.iri for n in kb.needs],
        "meetings": [m.iri for m in kb.meetings],
        "strategic goals": [g.iri for g in kb.strategic_goals],
        "statistics tables": datasets,
    }


def test_builds_without_warnings(site: Site) -> None:
    assert len(site.warnings) == 2
    for path in site.warnings:
        assert path.read_text(encoding="utf-8") == "", path


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_entity_has_its_page(site: Site, kb: KnowledgeBase, lang: str) -> None:
    missing = [
        f"{kind}: {iri}"
        for kind, iris in _entities(kb).items()
        for iri in iris
        if not _page(site, lang, iri).is_file()
    ]
    assert not missing, "entities without a page:\n" + "\n".join(missing)
    assert all(_entities(kb).values()), "every kind has entities in the Leverkusen data"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_goal_and_indicator_pages_carry_the_verbatim_statement(
    site: Site, kb: KnowledgeBase, lang: str
) -> None:
    offenders = []
    for item in (*kb.goals, *kb.indicators):
        text = page_text(_page(site, lang, item.iri))
        for statement in (item.statement_de, item.statement_en):
            if statement and " ".join(statement.split()) not in text:
                offenders.append(f"{item.code}: {statement[:60]}")
    assert not offenders, "statements missing or altered:\n" + "\n".join(offenders)


def test_pages_show_iri_source_statements_sparql_and_downloads(site: Site) -> None:
    path = site.html / "goal" / "C-1.html"
    text = page_text(path)
    assert f"{BASE}goal/C-1" in text
    assert "4.3" in text  # the source section
    assert "Aussagen im Graphen" in text and "SELECT ?property ?value" in text
    links = parse_links(path).links
    assert "../data/goal/C-1.ttl" in links and "../data/goal/C-1.jsonld" in links
    assert (site.html / "data" / "goal" / "C-1.ttl").is_file()


def test_english_labels_fall_back_to_german(hostile_site: Site) -> None:
    # Every Leverkusen actor has an English label, so the test city's German-only actor
    # stands in: its English page shows the German label (as text).
    text = page_text(hostile_site.html / "en" / "actor" / "amt.html")
    assert "Amt für <script>alert(7)</script>" in text


def test_language_switch_on_every_page(site: Site) -> None:
    for path in sorted(site.html.rglob("*.html")):
        rel = path.relative_to(site.html).as_posix()
        english = rel.startswith("en/")
        name = rel[3:] if english else rel
        expected = "../" * name.count("/") + ("../" if english else "en/") + name
        assert expected in parse_links(path).links, f"{rel}: no switch to {expected}"


def _crawl(root: Path) -> list[str]:
    broken = []
    for path in sorted(root.rglob("*.html")):
        for link in parse_links(path).links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//") or (link.startswith("#") and len(link) == 1):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(root)} -> {link}")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and parts.fragment not in parse_links(target).ids
            ):
                broken.append(f"{path.relative_to(root)} -> {link} (no such anchor)")
    return broken


def test_no_broken_internal_links(site: Site) -> None:
    broken = _crawl(site.html)
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])


def test_whole_graph_downloads(site: Site) -> None:
    from rdflib import Graph

    folder = site.html / "downloads"
    graph = Graph().parse(folder / "knowledge-base.ttl", format="turtle")
    assert len(graph) == len(Graph().parse(folder / "knowledge-base.nt", format="nt"))
    assert (folder / "integrationskonzept.jsonld").is_file()


def test_build_is_deterministic(site: Site, tmp_path: Path) -> None:
    """A second, fresh build (German) gives byte-identical HTML."""
    again = build(tmp_path, None, lang="de")
    first = {
        p.relative_to(site.html): p
        for p in site.html.rglob("*.html")
        if not p.relative_to(site.html).as_posix().startswith("en/")
    }
    second = {p.relative_to(again.html): p for p in again.html.rglob("*.html")}
    assert first.keys() == second.keys()
    different = [str(rel) for rel, p in first.items() if p.read_bytes() != second[rel].read_bytes()]
    assert not different, "pages differ between two builds:\n" + "\n".join(different[:20])


def test_conf_dir_is_the_projects(site: Site) -> None:
    assert (CONF / "conf.py").is_file()
    assert html.escape("Leitziel C-1") in (site.html / "goal" / "C-1.html").read_text("utf-8")


def _linked(site: Site, iri: str, kind: str) -> set[str]:
    """The IRIs of the ``kind`` pages (not the index) that the German page of ``iri`` links to."""
    found = set()
    for link in parse_links(_page(site, "de", iri)).links:
        parts = unquote(urlsplit(link).path).split("/")
        if len(parts) >= 2 and parts[-2] == kind and parts[-1] != "index.html":
            found.add(f"{BASE}{kind}/{parts[-1].removesuffix('.html')}")
    return found


def test_model_queries_and_pages_agree(site: Site, kb: KnowledgeBase) -> None:
    """The same facts from the typed model, the named queries and the built pages."""
    from integrationskonzept.query import query

    field = kb.field("C")
    from_model = {g.iri for g in field.goals(kb)}
    from_query = {r["goal"] for r in query("goals-of-topic", kb.graph, topic=field.iri).to_dicts()}
    assert len(from_model) == 5  # the report lists five guiding goals for field C
    assert from_model == from_query == _linked(site, field.iri, "goal")

    ki = kb.actor("KI")
    led_model = {n.iri for n in kb.networks_led_by(ki)}
    rows = query("networks-led-by", kb.graph, actor=ki.iri).to_dicts()
    assert led_model == {r["network"] for r in rows}
    assert led_model <= _linked(site, ki.iri, "network")
    for network in led_model:
        assert ki.iri in _linked(site, network, "actor"), network


def test_home_page_names_the_citys_documents(site: Site, hostile_site: Site) -> None:
    german = page_text(site.html / "index.html")
    assert "Integrationskonzept der Stadt Leverkusen als Wissensgraph" in german
    assert "„1. Umsetzungsbericht zum Integrationskonzept der Stadt Leverkusen“" in german
    english = page_text(site.html / "en" / "index.html")
    assert "Integration concept of the City of Leverkusen as a knowledge graph" in english
    # another city's site names its own report and not Leverkusen
    other = page_text(hostile_site.html / "index.html")
    assert "Umsetzungsbericht 2020" in other
    assert "Leverkusen" not in other
