"""The network analysis page: figures and tables from ``integrationskonzept.analyse``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from integrationskonzept.analyse.brokerage import NO_GROUP
from integrationskonzept.analyse.report import METHOD, AnalysisReport
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Facts,
    Link,
    Note,
    Page,
    Para,
    Section,
    Table,
    cell,
    joined,
)
from integrationskonzept.publish.site.figures import figure_blocks
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


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "–"
    return "–" if value is None else str(value)


def field_cell(site: Site, code: str | None) -> Cell:
    """A field given by its code as a link to its page; "no field" for the analysis's
    ``(none)`` group, a dash for nothing."""
    if code is None:
        return cell("–")
    if code == NO_GROUP:
        return cell(site.ui("analysis.no_field"))
    for topic in site.kb.topics:
        if topic.code == code:
            return (site.topic_ref(topic.iri),)
    return cell(code)


def _actors(site: Site, report: AnalysisReport) -> Section:
    records = sorted(report.actors, key=lambda r: (-r.betweenness, r.label))
    rows = tuple(
        (
            (site.ref(r.iri, r.label),),
            *(cell(_value(getattr(r, c))) for c in ACTOR_COLUMNS),
        )
        for r in records
    )
    header = (site.ui("actor"), *(site.ui(f"metric.{c}") for c in ACTOR_COLUMNS))
    return Section(site.ui("analysis.actors"), "actors", (Table(header, rows),))


def _brokerage(site: Site, report: AnalysisReport) -> Section:
    records = [r for r in report.brokerage if r.grouping == "field" and r.total]
    records.sort(key=lambda r: (-r.total, r.label))
    rows = tuple(
        (
            (site.ref(r.iri, r.label),),
            field_cell(site, r.group),
            *(cell(_value(getattr(r, c))) for c in BROKER_COLUMNS),
        )
        for r in records
    )
    roles = (site.ui("total") if c == "total" else site.ui(f"broker.{c}") for c in BROKER_COLUMNS)
    header = (site.ui("actor"), site.ui("metric.field"), *roles)
    return Section(site.ui("analysis.brokerage"), "brokerage", (Table(header, rows),))


def _communities(site: Site, report: AnalysisReport) -> Section:
    found = report.communities
    facts = Facts(
        (
            (site.ui("analysis.modularity"), cell(_value(found.modularity))),
            (site.ui("analysis.nmi"), cell(_value(found.field_alignment_nmi))),
        )
    )
    rows = tuple(
        (
            cell(_value(c.id)),
            cell(_value(c.size)),
            field_cell(site, c.dominant_field),
            site.refs(list(c.members)),
        )
        for c in found.items
    )
    table = Table(
        ("#", site.ui("analysis.size"), site.ui("analysis.dominant"), site.ui("analysis.members")),
        rows,
    )
    return Section(site.ui("analysis.communities"), "communities", (facts, table))


def _structure(site: Site, report: AnalysisReport) -> Section:
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
            site.ui("analysis.components"),
            "components",
            (Table(("#", site.ui("analysis.size"), site.ui("networks")), components),),
        ),
        Section(
            site.ui("analysis.cut"),
            "cut-points",
            (Para(site.refs(list(found.articulation_points))),),
        ),
        Section(
            site.ui("analysis.concentration"),
            "concentration",
            (
                Table(
                    (
                        site.ui("analysis.top"),
                        site.ui("networks"),
                        site.ui("analysis.share"),
                        site.ui("actor"),
                    ),
                    concentration,
                ),
            ),
        ),
        Section(
            site.ui("analysis.field_links"),
            "field-links",
            (Table((site.ui("topics"), site.ui("networks")), links),),
        ),
        Section(
            site.ui("analysis.isolated"), "isolated", (Para(cell(_value(found.isolated_fields))),)
        ),
    ]
    return Section(site.ui("analysis.structure"), "structure", tuple(blocks))


def page(site: Site) -> Page:
    """The network analysis page, or a note if the analysis is unavailable."""
    report = site.analysis
    title = site.ui("page.network")
    if report is None:
        return Page("network-analysis", title, (Note(cell(site.ui("analysis.missing"))),))
    summary = Facts(
        tuple(
            (site.ui(f"summary.{key}"), cell(_value(v)))
            for key, v in asdict(report.summary).items()
        )
    )
    figures: list[Block] = []
    for name, caption in (
        ("affiliation", site.ui("analysis.affiliation")),
        ("actors", site.ui("analysis.actors_fig")),
    ):
        if f"{name}.svg" in site.analysis_files:
            figures += figure_blocks(site, name, caption)  # with its data as words
    files: list[Cell] = [
        (Link(name, file=f"analysis/{name}"),) for name in DOWNLOADS if name in site.analysis_files
    ]
    # the method in the page's language: each of the analysis's METHOD entries, labelled
    method = Facts(
        tuple((site.ui(f"method.{k}"), cell(site.ui(f"method_text.{k}"))) for k in METHOD)
    )
    blocks: list[Block] = [
        Para(cell(site.ui("analysis.intro"))),
        Section(site.ui("analysis.summary"), "summary", (summary,)),
    ]
    if figures:
        blocks.append(Section(site.ui("analysis.figures"), "figures", tuple(figures)))
    blocks += [
        _actors(site, report),
        _brokerage(site, report),
        _communities(site, report),
        _structure(site, report),
        Section(site.ui("analysis.method"), "method", (method,)),
    ]
    if files:
        blocks.append(Section(site.ui("analysis.files"), "files", (Para(joined(files, " · ")),)))
    return Page("network-analysis", title, tuple(blocks))
