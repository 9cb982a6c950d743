"""The network analysis page: figures and tables from ``integrationskonzept.analyse``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from integrationskonzept.analyse.report import METHOD, AnalysisReport
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Facts,
    Figure,
    Link,
    Note,
    Page,
    Para,
    Section,
    Table,
    cell,
    joined,
)
from integrationskonzept.publish.site.site import Site

FIGURES = ("affiliation", "actors")
DOWNLOADS = (
    "analysis.json", "analysis.ttl", "actors.csv", "brokerage.csv", "communities.csv",
    "matrix.csv", "affiliation.graphml", "affiliation.gexf", "actors.graphml", "actors.gexf",
)  # fmt: skip
ACTOR_COLUMNS = (
    "leads",
    "networks",
    "bodies",
    "degree",
    "betweenness",
    "eigenvector",
    "constraint",
    "community",
)
BROKER_COLUMNS = ("coordinator", "gatekeeper", "representative", "liaison", "itinerant", "total")

_TEXT = {
    "de": {
        "intro": "Die Akteure als Netzwerk: zwei Akteure sind verbunden, wenn sie gemeinsam in einem Netzwerk oder Steuerungsgremium Verantwortung tragen oder Mitglied sind. Die Kennzahlen berechnet integrationskonzept.analyse mit networkx; die Methode steht unten.",  # noqa: E501
        "missing": "Die Netzwerkanalyse (integrationskonzept.analyse) ist in dieser Installation nicht verfügbar.",  # noqa: E501
        "summary": "Umfang", "figures": "Abbildungen", "actors": "Akteure nach Zwischenzentralität",
        "brokerage": "Vermittlerrollen (Gould–Fernandez, Gruppen: Handlungsfelder)",
        "communities": "Gemeinschaften (Louvain)", "structure": "Struktur",
        "method": "Methode", "files": "Dateien der Analyse",
        "affiliation": "Akteure und die Netzwerke und Gremien, mit denen sie verbunden sind, nach Handlungsfeld.",  # noqa: E501
        "actors_fig": "Akteurs-Projektion: Akteure, die gemeinsame Netzwerke haben, nach Handlungsfeld.",  # noqa: E501
        "components": "Zusammenhangskomponenten", "cut": "Schnittpunkte (Akteure, deren Wegfall das Netz zerteilt)",  # noqa: E501
        "concentration": "Konzentration der Federführung", "field_links": "Verbindungen zwischen Handlungsfeldern über gemeinsame Netzwerke",  # noqa: E501
        "isolated": "Handlungsfelder ohne Verbindung", "size": "Größe", "members": "Mitglieder",
        "dominant": "vorherrschendes Feld", "top": "Spitze", "share": "Anteil",
        "modularity": "Modularität", "nmi": "Übereinstimmung mit den Feldern (NMI)",
    },
    "en": {
        "intro": "The actors as a network: two actors are tied when they share a responsibility or membership in a network or governance body. integrationskonzept.analyse computes the measures with networkx; the method is given below.",  # noqa: E501
        "missing": "The network analysis (integrationskonzept.analyse) is not available in this installation.",  # noqa: E501
        "summary": "Size", "figures": "Figures", "actors": "Actors by betweenness",
        "brokerage": "Brokerage roles (Gould–Fernandez, groups: fields of action)",
        "communities": "Communities (Louvain)", "structure": "Structure",
        "method": "Method", "files": "Files of the analysis",
        "affiliation": "Actors and the networks and bodies they are tied to, by field.",
        "actors_fig": "Actor projection: actors sharing networks, by field.",
        "components": "Connected components", "cut": "Cut points (actors whose removal splits the network)",  # noqa: E501
        "concentration": "Concentration of leads", "field_links": "Links between fields through shared networks",  # noqa: E501
        "isolated": "Fields without links", "size": "Size", "members": "Members",
        "dominant": "dominant field", "top": "top", "share": "share",
        "modularity": "Modularity", "nmi": "Alignment with fields (NMI)",
    },
}  # fmt: skip


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "–"
    return "–" if value is None else str(value)


def _actors(site: Site, report: AnalysisReport, text: dict[str, str]) -> Section:
    records = sorted(report.actors, key=lambda r: (-r.betweenness, r.label))
    rows = tuple(
        (
            (site.ref(r.iri, r.label),),
            *(cell(_value(getattr(r, c))) for c in ACTOR_COLUMNS),
        )
        for r in records
    )
    return Section(text["actors"], "actors", (Table((site.ui("actor"), *ACTOR_COLUMNS), rows),))


def _brokerage(site: Site, report: AnalysisReport, text: dict[str, str]) -> Section:
    records = [r for r in report.brokerage if r.grouping == "field" and r.total]
    records.sort(key=lambda r: (-r.total, r.label))
    rows = tuple(
        (
            (site.ref(r.iri, r.label),),
            cell(_value(r.group)),
            *(cell(_value(getattr(r, c))) for c in BROKER_COLUMNS),
        )
        for r in records
    )
    header = (site.ui("actor"), site.ui("field"), *BROKER_COLUMNS)
    return Section(text["brokerage"], "brokerage", (Table(header, rows),))


def _communities(site: Site, report: AnalysisReport, text: dict[str, str]) -> Section:
    found = report.communities
    facts = Facts(
        (
            (text["modularity"], cell(_value(found.modularity))),
            (text["nmi"], cell(_value(found.field_alignment_nmi))),
        )
    )
    rows = tuple(
        (
            cell(_value(c.id)),
            cell(_value(c.size)),
            cell(_value(c.dominant_field)),
            site.refs(list(c.members)),
        )
        for c in found.items
    )
    table = Table(("#", text["size"], text["dominant"], text["members"]), rows)
    return Section(text["communities"], "communities", (facts, table))


def _structure(site: Site, report: AnalysisReport, text: dict[str, str]) -> Section:
    found = report.structure
    # a component's groups are the networks and bodies that tie its actors: labelled links
    components = tuple(
        (cell(str(i)), cell(str(len(c.actors))), site.refs(list(c.groups)))
        for i, c in enumerate(found.components)
    )
    concentration = tuple(
        (
            cell(_value(s.top)),
            cell(_value(s.networks)),
            cell(_value(s.share)),
            site.refs(list(s.actors)),
        )
        for s in found.lead_concentration
    )
    links = tuple(
        (cell(" – ".join(link.fields)), site.refs(list(link.networks)))
        for link in found.field_links
    )
    blocks: list[Block] = [
        Section(
            text["components"],
            "components",
            (Table(("#", text["size"], site.ui("networks")), components),),
        ),
        Section(text["cut"], "cut-points", (Para(site.refs(list(found.articulation_points))),)),
        Section(
            text["concentration"],
            "concentration",
            (
                Table(
                    (text["top"], site.ui("networks"), text["share"], site.ui("actor")),
                    concentration,
                ),
            ),
        ),
        Section(
            text["field_links"],
            "field-links",
            (Table((site.ui("topics"), site.ui("networks")), links),),
        ),
        Section(text["isolated"], "isolated", (Para(cell(_value(found.isolated_fields))),)),
    ]
    return Section(text["structure"], "structure", tuple(blocks))


def page(site: Site) -> Page:
    """The network analysis page, or a note if the analysis is unavailable."""
    text = _TEXT[site.lang]
    report = site.analysis
    title = site.ui("page.network")
    if report is None:
        return Page("network-analysis", title, (Note(cell(text["missing"])),))
    summary = Facts(
        tuple((key, cell(_value(v))) for key, v in sorted(asdict(report.summary).items()))
    )
    figures: list[Block] = []
    for name, caption in (("affiliation", text["affiliation"]), ("actors", text["actors_fig"])):
        if f"{name}.svg" in site.analysis_files:
            figures += [Figure(f"/_figures/analysis-{name}.svg", caption), Para(cell(caption))]
    files: list[Cell] = [
        (Link(name, file=f"analysis/{name}"),) for name in DOWNLOADS if name in site.analysis_files
    ]
    method = Facts(tuple((k, cell(_value(v))) for k, v in sorted(METHOD.items())))
    blocks: list[Block] = [
        Para(cell(text["intro"])),
        Section(text["summary"], "summary", (summary,)),
    ]
    if figures:
        blocks.append(Section(text["figures"], "figures", tuple(figures)))
    blocks += [
        _actors(site, report, text),
        _brokerage(site, report, text),
        _communities(site, report, text),
        _structure(site, report, text),
        Section(text["method"], "method", (method,)),
    ]
    if files:
        blocks.append(Section(text["files"], "files", (Para(joined(files, " · ")),)))
    return Page("network-analysis", title, tuple(blocks))
