"""Helpers of the docs tests: building the site, parsing the built HTML, serving it."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from integrationskonzept import resources
from integrationskonzept.cli import main
from integrationskonzept.cli.reference import collect
from integrationskonzept.pipeline import DocsOptions, run
from integrationskonzept.publish.site import blocks as b

ROOT = Path(__file__).resolve().parents[2]
CONF = resources.site_conf_dir()
ARTIFACTS = ROOT / "test-artifacts"
SMALL_CITY = ROOT / "tests" / "hardening" / "city"

# What the small city lacks for the page kinds with a schema.org type and for grouping: a
# meeting (whose description would close a <script> if embedded unescaped), a statistics
# table, and a second field in which the Kommunales Integrationszentrum leads the same network.
SMALL_CITY_EXTRA = """\
@base <https://w3id.org/integrationskonzept/leverkusen/> .
@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix qb: <http://purl.org/linked-data/cube#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<field/A> a ik:ActionField ;
    skos:notation "A" ;
    ik:prioritized false ;
    skos:prefLabel "Sprache und Bildung"@de , "Language and education"@en ;
    dcterms:source <report-2019/section/4.3> .

<responsibility/buendnis-kerngruppe/kommunales-integrationszentrum/A> a ik:Responsibility ;
    skos:prefLabel "Kommunales Integrationszentrum – Federführung: Bündnis-Kerngruppe (A)"@de ;
    ik:actor <actor/kommunales-integrationszentrum> ;
    ik:responsibleFor <network/buendnis-kerngruppe> ;
    ik:role ik:Lead ;
    ik:topic <field/A> ;
    ik:asPrinted "Kommunales Integrationszentrum"@de ;
    dcterms:source <report-2019/section/4.3> .

<meeting/2019-02-22-workshop> a ik:Meeting ;
    skos:prefLabel "Workshop (22.02.2019)"@de , "Workshop (22 February 2019)"@en ;
    dcterms:date "2019-02-22"^^xsd:date ;
    ik:meetingKind ik:Session ;
    ik:organizedBy <actor/kommunales-integrationszentrum> ;
    ik:description "Protokoll </script><script>alert(1)</script> & <!-- Ende"@de ;
    dcterms:source <report-2019/section/4.3> .

<dataset/teilnehmende-2018> a qb:DataSet ;
    qb:structure ik:statisticsStructure ;
    dcterms:title "Teilnehmende"@de ;
    skos:prefLabel "Teilnehmende 2018"@de , "Participants 2018"@en ;
    ik:dataSource "Statistikstelle"@de ;
    dcterms:source <report-2019/section/4.3> .

<dataset/teilnehmende-2018/obs/1> a qb:Observation ;
    qb:dataSet <dataset/teilnehmende-2018> ;
    skos:prefLabel "Teilnehmende, 31.12.2018"@de ;
    ik:refPeriod "2018-12-31"^^xsd:date ;
    ik:populationGroup "Teilnehmende"@de ;
    ik:count 1234 ;
    ik:unit ik:UnitPersons ;
    dcterms:source <report-2019/section/4.3> .
"""


def small_city(target: Path) -> Path:
    """A copy of the small city at ``target`` with :data:`SMALL_CITY_EXTRA` added."""
    shutil.copytree(SMALL_CITY, target)
    (target / "zz-extra.ttl").write_text(SMALL_CITY_EXTRA, encoding="utf-8")
    return target


HOSTILE_LABEL = "<script>alert(1)</script>"
HOSTILE_CITY = """\
@base <https://w3id.org/integrationskonzept/teststadt/> .
@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<report-2020> a ik:ImplementationReport ;
    skos:prefLabel "Umsetzungsbericht 2020"@de ;
    dcterms:title "Umsetzungsbericht 2020" .

<report-2020/section/4.1> a ik:ReportSection ;
    ik:sectionNumber "4.1" ;
    dcterms:title "Handlungsfeld A: <b>fett</b>" ;
    skos:prefLabel "4.1 Handlungsfeld A"@de ;
    dcterms:isPartOf <report-2020> .

<field/A> a ik:ActionField ;
    skos:notation "A" ;
    ik:prioritized true ;
    skos:prefLabel "<script>alert(1)</script>"@de , "Language `code` *emph* :ref:`x`"@en ;
    ik:assessment ".. raw:: html\\n\\n   <script>alert(2)</script>"@de ;
    rdfs:seeAlso <javascript:alert(3)> ;
    dcterms:source <report-2020/section/4.1> .

<goal/A-1> a ik:GuidingGoal ;
    ik:topic <field/A> ;
    ik:number 1 ;
    skos:prefLabel "Leitziel A-1 <img src=x onerror=alert(4)>"@de ;
    ik:statement "Alle lernen Deutsch. <iframe src=\\"javascript:alert(5)\\"></iframe> [link](javascript:alert(6))"@de ;
    dcterms:source <report-2020/section/4.1> .

<actor/amt> a ik:Actor ;
    skos:prefLabel "Amt für <script>alert(7)</script>"@de ;
    skos:altLabel "A&B \\"quoted\\""@de ;
    dcterms:source <report-2020/section/4.1> .
"""


@dataclass(frozen=True)
class Site:
    """A built site: its html root (German; English below en/) and warning files."""

    html: Path
    warnings: list[Path]


def build(root: Path, data: str | None, lang: str = "both", previous: Path | None = None) -> Site:
    """The site of ``data`` as ``integrationskonzept docs`` builds it (the pipeline up to docs;
    with ``previous``, the data of the previous report, also the compare stage)."""
    warnings = root / "warnings.txt"
    options = DocsOptions(
        out=root / "html", lang=lang, conf=CONF, sources=root / "sources", warnings=warnings
    )
    run(
        "docs",
        data=data,
        previous=previous,
        out=None,
        docs_options=options,
        reference=collect(main),
        fail_on_violation=False,
    )
    return Site(root / "html", sorted(root.glob("warnings.*.txt")))


class LinkParser(HTMLParser):
    """Collects ``href``/``src`` values and element ids of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


class TextParser(HTMLParser):
    """The visible text of one HTML file (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


class HeadParser(HTMLParser):
    """What a page's ``<head>`` says about it: description, alternate links, JSON-LD."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.description: str | None = None
        self.alternates: dict[str, str] = {}
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("name") == "description":
            self.description = found.get("content")
        if tag == "link" and found.get("rel") == "alternate":
            self.alternates[found.get("type") or ""] = found.get("href") or ""
        if tag == "script" and found.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld[-1] += data


def parse_head(path: Path) -> HeadParser:
    """The head of one HTML file."""
    parser = HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@functools.cache
def parse_links(path: Path) -> LinkParser:
    """Links and ids of a file (cached: the crawler visits targets many times)."""
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_text(path: Path) -> str:
    """The visible text of a page, whitespace normalised."""
    parser = TextParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.text


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


def serve(root: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def all_blocks(blocks: tuple[b.Block, ...] | list[b.Block]) -> Iterator[b.Block]:
    """Every block of a page's content, sections and folded blocks opened."""
    for block in blocks:
        yield block
        if isinstance(block, b.Section | b.Details):
            yield from all_blocks(block.blocks)


def find_section(blocks: tuple[b.Block, ...] | list[b.Block], anchor: str) -> b.Section:
    """The one section with ``anchor``."""
    found = [x for x in all_blocks(blocks) if isinstance(x, b.Section) and x.anchor == anchor]
    assert len(found) == 1, anchor
    return found[0]
