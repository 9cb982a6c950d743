"""The gap analysis: goals without measures, measures by status per field, networks without
a lead, indicators beside the measures of their field, and what the report itself says
about the state of its goals and fields (assessments, one table per topic).

Indicators are not linked to measures in the data, so no page can say that a measure
"addresses" an indicator. The heuristic used here is stated on the page: an indicator is
flagged when its field has no measure that is implemented or ongoing.
"""

from __future__ import annotations

from integrationskonzept.model import STATUSES
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Page,
    Para,
    Section,
    Table,
    cell,
)
from integrationskonzept.publish.site.i18n import table
from integrationskonzept.publish.site.pages import assessment
from integrationskonzept.publish.site.site import Site


def _goals(site: Site, text: dict[str, str]) -> Section:
    rows = tuple(
        (
            (site.ref(g.iri, g.code),),
            cell((g.statement_en if site.lang == "en" else None) or g.statement_de),
            cell(g.evidence or "–"),
        )
        for g in site.kb.goals_without_measures()
    )
    header = (site.ui("one.goal"), site.ui("label"), text["note"])
    body: Block = Table(header, rows) if rows else Para(cell(text["none"]))
    return Section(text["goals"], "goals", (Para(cell(text["goals_intro"])), body))


def _status(site: Site, text: dict[str, str]) -> Section:
    codes = (*STATUSES[:-1], None)  # no-remarks is for goals only
    rows: list[tuple[Cell, ...]] = []
    for topic in site.kb.topics:
        measures = site.kb.measures(topic.iri)
        counts = [sum(1 for m in measures if m.status == c) for c in codes]
        rows.append(
            (
                (site.topic_ref(topic.iri, long=True),),
                *(cell(str(n)) for n in counts),
                cell(str(len(measures))),
            )
        )
    header = (site.ui("topic"), *(site.status(c) for c in codes), site.ui("total"))
    return Section(text["status"], "status", (Table(header, tuple(rows)),))


def _networks(site: Site, text: dict[str, str]) -> Section:
    rows: list[tuple[Cell, ...]] = []
    for network in site.kb.networks:
        found = site.kb.responsibilities_for(network.iri)
        for topic in network.topics:
            if not any(r.role == "Lead" and r.topic == topic for r in found):
                rows.append(((site.ref(network.iri),), (site.topic_ref(topic, long=True),)))
        if not network.topics and not any(r.role == "Lead" for r in found):
            rows.append(((site.ref(network.iri),), cell("–")))
    body: Block = (
        Table((site.ui("one.network"), site.ui("topic")), tuple(rows))
        if rows
        else Para(cell(text["none"]))
    )
    return Section(text["networks"], "networks", (Para(cell(text["networks_intro"])), body))


def _indicators(site: Site, text: dict[str, str]) -> Section:
    rows: list[tuple[Cell, ...]] = []
    for topic in site.kb.topics:
        measures = site.kb.measures(topic.iri)
        active = sum(1 for m in measures if m.status in ("implemented", "ongoing"))
        other = len(measures) - active
        for indicator in topic.indicators(site.kb):
            statement = (
                indicator.statement_en if site.lang == "en" else None
            ) or indicator.statement_de
            flag = cell(text["flag"]) if active == 0 else cell("")
            rows.append(
                (
                    (site.ref(indicator.iri, indicator.code),),
                    cell(statement),
                    cell(str(active)),
                    cell(str(other)),
                    flag,
                )
            )
    header = (
        site.ui("one.indicator"),
        site.ui("label"),
        text["active"],
        text["other"],
        site.ui("note"),
    )
    return Section(
        text["indicators"],
        "indicators",
        (Para(cell(text["indicators_intro"])), Table(header, tuple(rows))),
    )


def _assessments(site: Site) -> Section:
    tables = assessment.tables(site)
    body = (Para(cell(site.ui("assessments_intro"))), *tables) if tables else (Para(cell("–")),)
    return Section(site.ui("assessments"), "assessments", body)


def page(site: Site) -> Page:
    """The gap analysis page."""
    text = table(site.lang, "gaps")
    blocks = (
        _goals(site, text),
        _assessments(site),
        _status(site, text),
        _networks(site, text),
        _indicators(site, text),
    )
    return Page("gaps", site.ui("page.gaps"), blocks)
