"""The home page: what the report says (fields, prioritised fields, status of the measures per
field, gaps), then the ways into the data (this site, downloads, SPARQL, Python)."""

from __future__ import annotations

from integrationskonzept.model import KnowledgeBase
from integrationskonzept.namespaces import IK
from integrationskonzept.publish.site.blocks import (
    Block,
    CodeBlock,
    Inline,
    Items,
    Link,
    Page,
    Para,
    Section,
    Table,
    Text,
    cell,
)
from integrationskonzept.publish.site.pages import findings
from integrationskonzept.publish.site.site import Site

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def documents(site: Site, cls: str) -> list[str]:
    """The labels of the data's documents of class ``ik:cls``, in the site's language."""
    found = sorted(s for s, p in site.index.incoming(str(IK[cls])) if p == _RDF_TYPE)
    return [site.label(iri) for iri in found]


def documents_phrase(site: Site) -> str:
    """„Integrationskonzept …“ und „1. Umsetzungsbericht …“ — from the data, not hard-coded."""
    names = documents(site, "IntegrationConcept") + documents(site, "ImplementationReport")
    quoted = [f"„{name}“" if site.lang == "de" else f"“{name}”" for name in names]
    if not quoted:
        return site.ui("page.index")
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + site.ui("home.and") + quoted[-1]


def title(site: Site) -> str:
    """The home page's title: the integration concept's name, as a knowledge graph."""
    concepts = documents(site, "IntegrationConcept")
    return site.ui("home.title").format(concepts[0]) if concepts else site.ui("page.index")


LIBRARY_EXAMPLE = """\
import integrationskonzept
from integrationskonzept.model import KnowledgeBase
from integrationskonzept.query import query

graph = integrationskonzept.load(backend="oxigraph")
kb = KnowledgeBase(graph=graph)
print(kb.field("C").label("en"))
for goal in kb.field("C").goals(kb):
    print(goal.code, goal.statement_de)
print(query("goals-of-topic", graph, topic="lev:field/C").to_dicts()[0])
"""

SPARQL_EXAMPLE = """\
PREFIX ik: <https://w3id.org/integrationskonzept/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?code ?title WHERE {
  ?field a ik:ActionField ; skos:notation ?code ; ik:prioritized true ;
         skos:prefLabel ?title .
  FILTER(lang(?title) = "de")
} ORDER BY ?code
"""


def kind_table(site: Site, kinds: list[tuple[str, str, int]]) -> Table:
    """Each kind with its number of pages, linking to its index page."""
    rows = tuple(
        ((Link(title, doc=f"{segment}/index"),), cell(str(count)))
        for segment, title, count in kinds
    )
    return Table((site.ui("label"), site.ui("count")), rows)


def figures(site: Site) -> dict[str, bytes]:
    """The home page's chart (path below the source folder → SVG), if there are measures;
    ``site.charts["index"]`` records it for the page."""
    svg = findings.chart(site)
    if svg is None:
        return {}
    site.charts["index"] = "/" + findings.CHART
    return {findings.CHART: svg}


def _links(site: Site, *docs: str) -> Para:
    parts: list[Inline] = []
    for i, doc in enumerate(docs):
        parts.extend([Text(" · ")] if i else [])
        parts.append(Link(site.ui(f"page.{doc}"), doc=doc))
    return Para(tuple(parts))


def ways_in(site: Site, kinds: list[tuple[str, str, int]]) -> Section:
    """How to reach the data: this site, the downloads, SPARQL and Python."""
    kb: KnowledgeBase = site.kb
    prioritized = tuple((site.topic_ref(f.iri, long=True),) for f in kb.fields if f.prioritized)
    use_items = tuple(cell(site.ui(f"home.use_{n}")) for n in range(1, 5))
    return Section(
        site.ui("home.ways_in"),
        "ways-in",
        (
            Section(
                site.ui("home.use"),
                "use",
                (Items(use_items), kind_table(site, kinds)),
            ),
            Section(
                site.ui("page.downloads"),
                "downloads",
                (Para(cell(site.ui("home.downloads_text"))), _links(site, "downloads")),
            ),
            Section(
                "SPARQL",
                "sparql",
                (
                    Para(
                        (
                            Text(site.ui("home.sparql_text") + " "),
                            Link(site.ui("page.queries"), doc="queries"),
                            Text("."),
                        )
                    ),
                    CodeBlock(SPARQL_EXAMPLE, "sparql"),
                    Para(cell(site.ui("home.prioritized") + ":")),
                    Items(prioritized) if prioritized else Para(cell("–")),
                ),
            ),
            Section(
                site.ui("home.library"),
                "library",
                (
                    Para(cell(site.ui("home.library_text"))),
                    CodeBlock(LIBRARY_EXAMPLE, "python"),
                    _links(site, "tutorial", "api", "cli"),
                ),
            ),
        ),
    )


def page(site: Site, kinds: list[tuple[str, str, int]], toctree: tuple[str, ...]) -> Page:
    """The root page of the site: what the report says first, then the ways into the data."""
    has_chart = "index" in site.charts
    blocks: list[Block] = [
        Para(cell(site.ui("home.what").format(documents=documents_phrase(site)))),
        Para(cell(site.ui("home.who"))),
        findings.section(site, has_chart),
        ways_in(site, kinds),
    ]
    return Page("index", title(site), tuple(blocks), toctree)
