"""The pages of a guiding goal and an impact indicator: the verbatim statement first, then
what the report says about its state (assessments)."""

from __future__ import annotations

from integrationskonzept.model import Goal, Indicator, Statement
from integrationskonzept.publish.site.blocks import Block, Cell, Para, Quote, Section, Table, cell
from integrationskonzept.publish.site.pages import assessment
from integrationskonzept.publish.site.site import Site


def facts(site: Site, item: Statement) -> list[tuple[str, Cell]]:
    """Code and topic."""
    return [
        (site.ui("code"), cell(item.code)),
        (site.ui("topic"), (site.topic_ref(item.topic, long=True),)),
    ]


def statement_section(site: Site, item: Statement) -> Section:
    """The German statement (verbatim) and its English translation."""
    blocks: list[Block] = [Para(cell(site.ui("statement.de"))), Quote(item.statement_de, "de")]
    blocks.append(Para(cell(site.ui("statement.en"))))
    if item.statement_en:
        blocks.append(Quote(item.statement_en, "en"))
    else:
        blocks.append(Para(cell(site.ui("statement.missing_en"))))
    return Section(
        site.ui("one.goal" if isinstance(item, Goal) else "one.indicator"),
        "statement",
        tuple(blocks),
    )


def render_goal(site: Site, goal: Goal) -> tuple[list[tuple[str, Cell]], list[Block]]:
    """Facts and sections of a goal page."""
    rows = facts(site, goal)
    if goal.status:
        rows.append((site.ui("status"), cell(site.status(goal.status))))
    if goal.evidence:
        rows.append((site.ui("evidence"), cell(goal.evidence)))
    measures = goal.measures(site.kb)
    header = (site.ui("one.measure"), site.ui("status"), site.ui("evidence"))
    body: tuple[Block, ...] = (
        (
            Table(
                header,
                tuple(
                    ((site.ref(m.iri),), cell(site.status(m.status)), cell(m.evidence or "–"))
                    for m in measures
                ),
            ),
        )
        if measures
        else (Para(cell(site.ui("no_measures"))),)
    )
    sections: list[Block] = [statement_section(site, goal)]
    assessed = assessment.section(site, goal.assessments(site.kb), about=goal.iri)
    if assessed is not None:
        sections.append(assessed)
    sections.append(Section(site.ui("contributing"), "measures", body))
    return rows, sections


def render_indicator(
    site: Site, indicator: Indicator
) -> tuple[list[tuple[str, Cell]], list[Block]]:
    """Facts and sections of an indicator page."""
    measures = site.kb.measures(indicator.topic)
    header = (site.ui("one.measure"), site.ui("status"))
    rows = tuple(((site.ref(m.iri),), cell(site.status(m.status))) for m in measures)
    body: list[Block] = [Para(cell(site.ui("indicator_note")))]
    body.append(Table(header, rows) if rows else Para(cell("–")))
    sections: list[Block] = [statement_section(site, indicator)]
    assessed = assessment.section(site, indicator.assessments(site.kb), about=indicator.iri)
    if assessed is not None:
        sections.append(assessed)
    sections.append(Section(site.ui("measures_of_topic"), "measures", tuple(body)))
    return facts(site, indicator), sections
