"""The home page: what this is, how to use the site, the library and SPARQL."""

from __future__ import annotations

from integrationskonzept.model import KnowledgeBase
from integrationskonzept.namespaces import IK
from integrationskonzept.publish.site.blocks import (
    Block,
    CodeBlock,
    Items,
    Link,
    Page,
    Para,
    Section,
    Table,
    Text,
    cell,
)
from integrationskonzept.publish.site.site import Site

_TEXT = {
    "de": {
        "what": "Diese Seiten veröffentlichen {documents} als Wissensgraph: jedes Handlungsfeld, jedes Leitziel, jeder Wirkungsindikator, jeder Akteur, jedes Netzwerk, jede Maßnahme und jede Sitzung hat eine eigene Seite, deren Adresse der IRI im Graphen entspricht (lev:goal/C-1 → goal/C-1.html).",  # noqa: E501
        "who": "Für das Integrationsbüro und die Steuerungsgruppen (was wurde umgesetzt, wo sind Lücken, wer ist verantwortlich), für Ratsmitglieder, Forschende zu lokalen Governance-Netzwerken und Open-Data-Entwickler.",  # noqa: E501
        "use": "So benutzen Sie die Seite",
        "use_items": (
            "Links in der Seitenleiste führen zu den Übersichten je Art (Handlungsfelder, Leitziele, Akteure …) und zu den Auswertungen.",  # noqa: E501
            "Die Suche (oben links) findet Seiten auf Deutsch und Englisch; der Sprachschalter oben auf jeder Seite führt zur selben Seite in der anderen Sprache.",  # noqa: E501
            "Jede Seite zeigt die IRI, den Abschnitt des Berichts als Quelle, alle Aussagen im Graphen, eine SPARQL-Abfrage und Downloads als Turtle und JSON-LD.",  # noqa: E501
            "Zitate (Wortlaut der Leitziele, Belege für einen Umsetzungsstand) stehen wörtlich wie im Bericht; englische Texte sind Übersetzungen.",  # noqa: E501
        ),
        "kb": "Die Wissensbasis",
        "library": "Die Python-Bibliothek",
        "library_text": "Die Bibliothek lädt den Graphen, beantwortet benannte SPARQL-Abfragen und bietet ein typisiertes Modell:",  # noqa: E501
        "sparql": "SPARQL",
        "sparql_text": "Welche Handlungsfelder sind priorisiert? Weitere Abfragen mit ihren Ergebnissen beim Bauen der Seite zeigt die",  # noqa: E501
        "prioritized": "Priorisierte Handlungsfelder",
    },
    "en": {
        "what": "These pages publish {documents} as a knowledge graph: every field of action, guiding goal, impact indicator, actor, network, measure and meeting has a page whose address mirrors its IRI in the graph (lev:goal/C-1 → goal/C-1.html).",  # noqa: E501
        "who": "For the integration office and its steering groups (what was implemented, where the gaps are, who is responsible), for council members, for researchers of local governance networks and for open-data developers.",  # noqa: E501
        "use": "How to use this site",
        "use_items": (
            "The sidebar links to the overview of each kind (fields, goals, actors …) and to the analyses.",  # noqa: E501
            "Search (top left) finds pages in German and English; the language switch at the top of every page leads to the same page in the other language.",  # noqa: E501
            "Every page shows its IRI, the report section it comes from, every statement in the graph, a SPARQL query and downloads as Turtle and JSON-LD.",  # noqa: E501
            "Quotations (statements of goals, evidence of a status) are verbatim German from the report; English texts are translations. Where no English label exists, the German one is shown.",  # noqa: E501
        ),
        "kb": "The knowledge base",
        "library": "The Python library",
        "library_text": "The library loads the graph, answers named SPARQL queries and offers a typed model:",  # noqa: E501
        "sparql": "SPARQL",
        "sparql_text": "Which fields of action are prioritized? More queries with their results as built are in the",  # noqa: E501
        "prioritized": "Prioritized fields of action",
    },
}

_AND = {"de": " und ", "en": " and "}
_TITLE = {"de": "{} als Wissensgraph", "en": "{} as a knowledge graph"}
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
    return ", ".join(quoted[:-1]) + _AND[site.lang] + quoted[-1] if len(quoted) > 1 else quoted[0]


def title(site: Site) -> str:
    """The home page's title: the integration concept's name, as a knowledge graph."""
    concepts = documents(site, "IntegrationConcept")
    return _TITLE[site.lang].format(concepts[0]) if concepts else site.ui("page.index")


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


def page(site: Site, kinds: list[tuple[str, str, int]], toctree: tuple[str, ...]) -> Page:
    """The root page of the site."""
    text = _TEXT[site.lang]
    kb: KnowledgeBase = site.kb
    prioritized = tuple((site.topic_ref(f.iri, long=True),) for f in kb.fields if f.prioritized)
    blocks: list[Block] = [
        Para(cell(str(text["what"]).format(documents=documents_phrase(site)))),
        Para(cell(str(text["who"]))),
        Section(str(text["use"]), "use", (Items(tuple(cell(t) for t in text["use_items"])),)),
        Section(str(text["kb"]), "knowledge-base", (kind_table(site, kinds),)),
        Section(
            str(text["library"]),
            "library",
            (
                Para(cell(str(text["library_text"]))),
                CodeBlock(LIBRARY_EXAMPLE, "python"),
                Para(
                    (
                        Link(site.ui("page.tutorial"), doc="tutorial"),
                        Text(" · "),
                        Link(site.ui("page.api"), doc="api"),
                        Text(" · "),
                        Link(site.ui("page.cli"), doc="cli"),
                    )
                ),
            ),
        ),
        Section(
            str(text["sparql"]),
            "sparql",
            (
                Para(
                    (
                        Text(str(text["sparql_text"])),
                        Text(" "),
                        Link(site.ui("page.queries"), doc="queries"),
                        Text("."),
                    )
                ),
                CodeBlock(SPARQL_EXAMPLE, "sparql"),
                Para(cell(str(text["prioritized"]) + ":")),
                Items(prioritized) if prioritized else Para(cell("–")),
            ),
        ),
    ]
    return Page("index", title(site), tuple(blocks), toctree)
