"""Linked data on every entity page of the built small city, and the w3id.org redirect rules.

Each entity page links its Turtle and JSON-LD files (``<link rel="alternate">``) and embeds
its JSON-LD, which says what the Turtle file says plus one schema.org type where one fits.
The ``.htaccess`` in the site's root sends an RDF client to the data files and a browser to
the page; every rule's target exists in the built site.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from pyld import jsonld
from rdflib import RDF, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from integrationskonzept.model import KnowledgeBase
from integrationskonzept.publish.site.linked import schema_type
from integrationskonzept.publish.site.redirects import W3ID_FOLDER

from .helpers import Site, build, page_text, parse_head, small_city

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("small-city")]

LANGS = {"de": "", "en": "en/"}


@dataclass(frozen=True)
class Built:
    site: Site
    kb: KnowledgeBase
    docnames: dict[str, str]  # IRI → page name, from the data files written
    kinds: dict[str, str]  # IRI → page kind


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("linked")
    data = small_city(root / "city")
    site = build(root, str(data))
    kb = KnowledgeBase(data)
    kinds = {
        **{t.iri: "field" for t in kb.fields},
        **{g.iri: "goal" for g in kb.goals},
        **{i.iri: "indicator" for i in kb.indicators},
        **{a.iri: "actor" for a in kb.actors},
        **{n.iri: "network" for n in kb.networks},
        **{m.iri: "measure" for m in kb.measures()},
        **{m.iri: "meeting" for m in kb.meetings},
        **{g.iri: "strategic-goal" for g in kb.strategic_goals},
        **{d.iri: "dataset" for d in kb.datasets},
    }
    base = "https://w3id.org/integrationskonzept/leverkusen/"
    docnames = {iri: iri.removeprefix(base) for iri in kinds}
    return Built(site, kb, docnames, kinds)


def _turtle(built: Built, docname: str) -> Graph:
    return Graph().parse(built.site.html / "data" / f"{docname}.ttl", format="turtle")


def test_the_build_is_clean(built: Built) -> None:
    for path in built.site.warnings:
        assert path.read_text(encoding="utf-8") == "", path


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_entity_page_links_and_embeds_its_data(built: Built, lang: str) -> None:
    seen_types = set()
    for iri, docname in sorted(built.docnames.items()):
        page = built.site.html / LANGS[lang] / f"{docname}.html"
        head = parse_head(page)
        # the alternate links lead to the page's own data files (each language has them)
        for media_type, suffix in (("text/turtle", ".ttl"), ("application/ld+json", ".jsonld")):
            href = head.alternates.get(media_type)
            assert href is not None, f"{docname}: no {media_type} link"
            target = (page.parent / href).resolve()
            assert (
                target == (built.site.html / LANGS[lang] / "data" / f"{docname}{suffix}").resolve()
            )
            assert target.is_file(), target
        # the embedded JSON-LD: safe in its script, the Turtle file's triples plus a type
        assert len(head.jsonld) == 1, docname
        assert "<" not in head.jsonld[0], docname
        embedded = Graph().parse(data=head.jsonld[0], format="json-ld")
        expected = _turtle(built, docname)
        assert isomorphic(expected, Graph().parse(page.parent / head.alternates["text/turtle"]))
        actor_kind = next((a.kind for a in built.kb.actors if a.iri == iri), None)
        wanted = schema_type(built.kinds[iri], actor_kind)
        if wanted is not None:
            expected.add((URIRef(iri), RDF.type, URIRef(wanted)))
            seen_types.add(wanted.rsplit("/", 1)[-1])
        assert isomorphic(embedded, expected), _diff(docname, embedded, expected)
        # and pyld, a JSON-LD processor independent of rdflib's, reads the same triples
        quads = jsonld.to_rdf(json.loads(head.jsonld[0]), {"format": "application/n-quads"})
        by_pyld = Graph().parse(data=quads, format="nquads")
        assert isomorphic(by_pyld, expected), _diff(docname, by_pyld, expected)
        # the same file, parsed from JSON-LD, says what the Turtle says
        file = Graph().parse(built.site.html / "data" / f"{docname}.jsonld", format="json-ld")
        assert isomorphic(file, _turtle(built, docname)), docname
        assert head.description, docname
    assert seen_types == {"GovernmentOrganization", "Organization", "Project", "Event", "Dataset"}


def _diff(name: str, a: Graph, b: Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return f"{name}: only embedded {sorted(only_a)[:3]}; only in the file {sorted(only_b)[:3]}"


def test_script_text_in_the_data_stays_data(built: Built) -> None:
    path = built.site.html / "meeting" / "2019-02-22-workshop.html"
    html = path.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    head = parse_head(path)
    graph = Graph().parse(data=head.jsonld[0], format="json-ld")
    assert "Protokoll </script><script>alert(1)</script> & <!-- Ende" in {
        str(o) for o in graph.objects()
    }


def test_description_copy_button_and_citation(built: Built) -> None:
    path = built.site.html / "goal" / "C-1.html"
    head = parse_head(path)
    assert head.description is not None
    assert head.description.startswith("Leitziel C-1 – Leitziel: Schlüsselakteure")
    html = path.read_text(encoding="utf-8")
    assert re.search(
        r'<button type="button" class="ik-copy" data-ik-copy="https://w3id.org/'
        r'integrationskonzept/leverkusen/goal/C-1" data-ik-done="IRI kopiert">IRI kopieren</button>',
        html,
    )
    english = (built.site.html / "en" / "goal" / "C-1.html").read_text(encoding="utf-8")
    assert ">Copy IRI</button>" in english
    text = page_text(path)
    assert "Abschnitt 4.3 „Handlungsfeld C: Qualifizierung, Ausbildung und Arbeit“, S. 17" in text
    assert "section 4.3" in page_text(built.site.html / "en" / "goal" / "C-1.html")


# -- the w3id.org redirect rules --------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    conditions: tuple[tuple[str, re.Pattern[str]], ...]
    pattern: re.Pattern[str]
    target: str


_HEADERS = {"%{HTTP_ACCEPT}": "Accept", "%{HTTP:Accept-Language}": "Accept-Language"}
# what a client sends → what it should get for page name ``{}``
CLIENTS = (
    ({"Accept": "text/turtle"}, "data/{}.ttl"),
    ({"Accept": "application/ld+json"}, "data/{}.jsonld"),
    (
        {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Language": "de-DE,de"},
        "{}.html",
    ),
    (
        {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Language": "en-GB,en"},
        "en/{}.html",
    ),
)


def _rules(text: str) -> list[Rule]:
    rules: list[Rule] = []
    conditions: list[tuple[str, re.Pattern[str]]] = []
    for line in text.splitlines():
        if line.startswith("RewriteCond "):
            _, variable, pattern, *options_given = line.split(" ")
            options = re.IGNORECASE if "[NC]" in options_given else 0
            conditions.append((_HEADERS[variable], re.compile(pattern, options)))
        elif line.startswith("RewriteRule "):
            _, pattern, target, flags = line.split(" ")
            assert flags == "[R=303,L]", line
            rules.append(Rule(tuple(conditions), re.compile(pattern), target))
            conditions = []
    assert not conditions, "a condition without a rule"
    return rules


def _redirect(rules: list[Rule], path: str, headers: dict[str, str]) -> tuple[int, str] | None:
    """Which rule answers (its index) and where it sends the client, as Apache would."""
    for number, rule in enumerate(rules):
        found = rule.pattern.search(path)
        if found and all(p.search(headers.get(h, "")) for h, p in rule.conditions):
            return number, found.expand(rule.target.replace("$1", r"\1"))
    return None


def test_htaccess_sends_each_client_to_a_file_that_exists(built: Built) -> None:
    text = (built.site.html / ".htaccess").read_text(encoding="utf-8")
    assert text.startswith("# Redirects of the integrationskonzept identifiers")
    assert "RewriteEngine on" in text
    rules = _rules(text)
    used = set()
    for iri, docname in sorted(built.docnames.items()):
        path = iri.removeprefix(W3ID_FOLDER)
        for headers, expected in CLIENTS:
            answer = _redirect(rules, path, headers)
            assert answer is not None, f"{path}: no rule for {headers}"
            number, target = answer
            used.add(number)
            assert target == "/" + expected.format(docname), (path, headers)
            assert (built.site.html / target.lstrip("/")).is_file(), target
    assert used == set(range(len(rules))), "a rule that no page of the site reaches"
    assert not (built.site.html / "en" / ".htaccess").exists()  # one file, in the root
