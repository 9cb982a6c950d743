"""The content of pages as blocks, without Sphinx: the small city (and its extras) only.

Entity pages carry a head (description, data files, schema.org type) and a citation; the
SPARQL gallery shows plain values and a link for the local endpoint; the actor page lists a
network once with its fields; long tables fold; network pages have no stray "none"; the
analysis' component table links its networks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from integrationskonzept.analyse import analyse, build_graphs
from integrationskonzept.model import KnowledgeBase
from integrationskonzept.publish.site import blocks as b
from integrationskonzept.publish.site.inputs import SiteInputs
from integrationskonzept.publish.site.kinds import KINDS, assign_docnames, entity_page
from integrationskonzept.publish.site.linked import embedded_jsonld, schema_type, script_safe
from integrationskonzept.publish.site.pages import actor, analysis, common, queries
from integrationskonzept.publish.site.redirects import htaccess
from integrationskonzept.publish.site.site import Site
from integrationskonzept.query import named_queries

from .helpers import all_blocks, find_section, small_city

LEV = "https://w3id.org/integrationskonzept/leverkusen/"
KI = LEV + "actor/kommunales-integrationszentrum"
# named queries whose example has no answer in the Leverkusen data (checked only for agreement)
EMPTY_EXAMPLES: frozenset[str] = frozenset()


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return KnowledgeBase(small_city(tmp_path_factory.mktemp("city") / "city"))


@pytest.fixture(scope="module")
def inputs(kb: KnowledgeBase) -> SiteInputs:
    return SiteInputs(kb=kb, validation={}, analysis=analyse(build_graphs(kb.graph)))


def _site(inputs: SiteInputs, lang: str) -> Site:
    site = Site(inputs, lang)
    assign_docnames(site)
    return site


@pytest.fixture(scope="module", params=["de", "en"])
def site(inputs: SiteInputs, request: pytest.FixtureRequest) -> Site:
    return _site(inputs, request.param)


def _tables(block: b.Block) -> list[b.Table]:
    return [x for x in all_blocks([block]) if isinstance(x, b.Table)]


def _text(cell: b.Cell) -> str:
    return "".join(x.text for x in cell)


def _pages(site: Site) -> Iterator[tuple[str, b.Page]]:
    for kind in KINDS:
        for entity in kind.collection(site):
            yield kind.name, entity_page(site, kind, entity)


def _page(site: Site, docname: str) -> b.Page:
    return next(page for _, page in _pages(site) if page.docname == docname)


# -- A. linked data -------------------------------------------------------------------------


def test_every_entity_page_has_a_head_pointing_to_its_data(site: Site) -> None:
    kinds = set()
    for kind, page in _pages(site):
        kinds.add(kind)
        assert page.head is not None, page.docname
        assert dict(page.head.alternates) == {
            "text/turtle": f"data/{page.docname}.ttl",
            "application/ld+json": f"data/{page.docname}.jsonld",
        }
        assert page.head.description.startswith(page.title), page.docname
        assert site.ui(f"one.{kind}") in page.head.description
    assert {"actor", "network", "measure", "meeting", "dataset", "goal"} <= kinds


def test_description_is_the_statement_in_the_pages_language(site: Site) -> None:
    page = _page(site, "goal/C-1")
    assert page.head is not None
    expected = {"de": "Schlüsselakteure schließen", "en": "Key actors join together"}
    assert expected[site.lang] in page.head.description


def test_schema_types_where_they_fit(site: Site) -> None:
    types = {p.docname: p.head.schema_type for _, p in _pages(site) if p.head}
    schema = "http://schema.org/"
    assert types["actor/kommunales-integrationszentrum"] == schema + "GovernmentOrganization"
    assert types["measure/netzwerk-arbeit"] == schema + "Project"
    assert types["meeting/2019-02-22-workshop"] == schema + "Event"
    assert types["dataset/teilnehmende-2018"] == schema + "Dataset"
    assert types["goal/C-1"] is None
    assert schema_type("actor", "WelfareAssociationKind") == schema + "Organization"


def test_embedded_jsonld_is_safe_inside_a_script(site: Site) -> None:
    page = _page(site, "meeting/2019-02-22-workshop")
    assert page.head is not None
    text = embedded_jsonld(site.index, page.head)
    assert "<" not in text and ">" not in text and "&" not in text
    described = json.dumps(json.loads(text), ensure_ascii=False)
    assert "</script><script>alert(1)</script> & <!--" in described
    assert script_safe("</script>") == "\\u003c/script\\u003e"


def test_every_entity_page_has_a_copy_button_and_a_citation(site: Site) -> None:
    for _, page in _pages(site):
        facts = page.blocks[0]
        assert isinstance(facts, b.Facts)
        iri_cell = dict(facts.rows)[site.ui("iri")]
        buttons = [x for x in iri_cell if isinstance(x, b.CopyButton)]
        assert [x.label for x in buttons] == [site.ui("copy_iri")], page.docname
        assert page.head is not None and buttons[0].text == page.head.iri
        find_section(page.blocks, "cite")
    cite = find_section(_page(site, "goal/C-1").blocks, "cite")
    items = next(x for x in cite.blocks if isinstance(x, b.Items)).items
    first = _text(items[0])
    section = {"de": "Abschnitt 4.3", "en": "section 4.3"}[site.lang]
    page_no = {"de": "S. 17", "en": "p. 17"}[site.lang]
    assert section in first and page_no in first and "(2019)" in first
    assert "Dezernat für Bürger" in first or "Division for Citizens" in first


def test_redirect_rules_with_a_site_url_and_odd_iris() -> None:
    docnames = {
        LEV + "goal/C-1": "goal/C-1",
        LEV + "goal/index": "goal/index-1a2b3c4d",
        "https://example.org/elsewhere/goal/X": "goal/x-5e6f7a8b",
    }
    text = htaccess(docnames, "https://example.org/site/", "en/")
    assert (
        "RewriteRule ^leverkusen/goal/index$ https://example.org/site/goal/index-1a2b3c4d" in text
    )
    assert "https://example.org/site/data/$1.ttl [R=303,L]" in text
    assert "elsewhere" not in text  # not a w3id.org identifier of this project


# -- B. values, not terms -------------------------------------------------------------------


def test_gallery_values_are_plain(site: Site) -> None:
    assert site.plain(Literal(3)) == (b.Text("3"),)
    assert site.plain(Literal("2.5", datatype=XSD.decimal)) == (b.Text("2.5"),)
    assert site.plain(Literal(True)) == (b.Text(site.ui("yes")),)
    assert site.plain(Literal("Text", lang="de")) == (b.Text("Text"),)
    linked = site.plain(URIRef(LEV + "field/C"))
    assert isinstance(linked[0], b.Link) and linked[0].doc == "field/C"
    labelled = site.plain(URIRef("https://w3id.org/integrationskonzept/ontology#Lead"))
    assert labelled == (b.Text(site.label("https://w3id.org/integrationskonzept/ontology#Lead")),)


def test_gallery_shows_no_rdf_terms_and_links_the_endpoint(site: Site) -> None:
    page = queries.page(site)
    cells = [
        _text(c) for block in all_blocks(page.blocks) if isinstance(block, b.Table) for r in block.rows
        for c in r
    ]  # fmt: skip
    assert cells and not [c for c in cells if "^^" in c or c.startswith("@")]
    links = [
        x
        for block in all_blocks(page.blocks)
        if isinstance(block, b.Para)
        for x in block.inlines
        if isinstance(x, b.Link) and x.url
    ]
    expected = [
        queries.standalone(named, queries.example_params(name, named.parameters))
        for name, named in named_queries().items()
    ]
    assert len(links) == len(expected)
    for link, text in zip(links, expected, strict=True):
        assert link.text == site.ui("run_endpoint")
        assert link.url is not None and link.url.startswith("http://127.0.0.1:7878/query?query=")
        assert parse_qs(urlsplit(link.url).query)["query"] == [text]
    titles = {x.title for x in all_blocks(page.blocks) if isinstance(x, b.Section)}
    assert site.ui("results_as_built") in titles


def _words(value: object) -> tuple[str, ...] | None:
    return None if value is None else tuple(sorted(str(value).split()))


def test_standalone_queries_answer_as_the_named_ones() -> None:
    """The text behind "run on your endpoint" gives the gallery's rows on a bare store
    (no prefixes known to it), for every named query with its example parameters."""
    import pyoxigraph

    from integrationskonzept.query import query

    kb = KnowledgeBase()
    store = pyoxigraph.Store()
    store.load(kb.graph.serialize(format="nt").encode(), pyoxigraph.RdfFormat.N_TRIPLES)
    for name, named in named_queries().items():
        params = queries.example_params(name, named.parameters)
        expected = query(name, kb.graph, **dict[str, Any](params))
        found = store.query(queries.standalone(named, params))
        if expected.ask is not None:
            assert bool(found) == expected.ask, name
            continue
        # the same rows (values as text), in the named query's columns (it leaves out the
        # bound parameters); GROUP_CONCAT may join in any order, so words are compared sorted
        rows = sorted(
            tuple(_words(None if row[v] is None else row[v].value) for v in expected.variables)
            for row in found  # type: ignore[union-attr]
        )
        wanted = sorted(tuple(_words(term) for term in row) for row in expected.rows)
        assert rows == wanted, name
        assert rows or name in EMPTY_EXAMPLES, name


# -- C. tables that fit ---------------------------------------------------------------------


def test_actor_page_lists_a_network_once_with_its_fields(site: Site) -> None:
    ki = next(a for a in site.kb.actors if a.iri == KI)
    _, sections = actor.render_actor(site, ki)
    led = find_section(sections, "networks-led")
    (table,) = _tables(led)
    rows = {_text(r[0]): _text(r[1]) for r in table.rows}
    name = {"de": "Bündnis-Kerngruppe", "en": "Alliance core group"}[site.lang]
    assert list(rows).count(name) == 1
    assert rows[name] == "A, C"


def test_network_page_has_no_stray_none(site: Site) -> None:
    for network in site.kb.networks:
        _, sections = actor.render_network(site, network)
        paragraphs = [_text(x.inlines) for x in all_blocks(sections) if isinstance(x, b.Para)]
        assert site.ui("none") not in paragraphs, network.iri


def test_statements_link_every_responsibility(site: Site) -> None:
    section = common.statements(site, KI)
    (table,) = _tables(section)
    rows = [r for r in table.rows if "responsibility/" in _text(r[2])]
    assert len(rows) == 4
    for row in rows:
        link = row[2][0]
        assert isinstance(link, b.Link) and link.doc in {
            "network/buendnis-kerngruppe",
            "network/ak-arbeit",
            "measure/netzwerk-arbeit",
        }


def test_long_tables_fold(site: Site) -> None:
    short = b.Table(("x",), tuple((b.cell(str(i)),) for i in range(common.FOLD_AT)))
    assert common.folded(site, short) is short
    long = b.Table(("x",), tuple((b.cell(str(i)),) for i in range(common.FOLD_AT + 1)))
    folded = common.folded(site, long)
    assert isinstance(folded, b.Details) and folded.blocks == (long,)
    assert str(common.FOLD_AT + 1) in folded.summary


def test_component_table_shows_labelled_links(site: Site) -> None:
    page = analysis.page(site)
    (table,) = _tables(find_section(page.blocks, "components"))
    inlines = [x for r in table.rows for x in r[2]]
    assert inlines and not [x for x in inlines if "://" in x.text]
    assert any(isinstance(x, b.Link) and x.doc and x.doc.startswith("network/") for x in inlines)


def test_small_city_copy_is_separate(kb: KnowledgeBase, tmp_path: Path) -> None:
    # the extras go to a copy: the shared small city stays as the hardening tests expect it
    from .helpers import SMALL_CITY

    assert not (SMALL_CITY / "zz-extra.ttl").exists()
    assert any(m.iri.endswith("2019-02-22-workshop") for m in kb.meetings)
