"""The pages of agreements, needs, meetings, strategic goals and statistics tables."""

from __future__ import annotations

from integrationskonzept.model import Agreement, Dataset, Meeting, Need, StrategicGoal
from integrationskonzept.namespaces import IK, PREFIXES
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Items,
    Para,
    Quote,
    Section,
    Table,
    cell,
    joined,
)
from integrationskonzept.publish.site.figures import chart_block
from integrationskonzept.publish.site.site import Site

Rendered = tuple[list[tuple[str, Cell]], list[Block]]


def _statement(site: Site, de: str | None, en: str | None) -> Section:
    blocks: list[Block] = []
    if de:
        blocks += [Para(cell(site.ui("statement.de"))), Quote(de, "de")]
    if en:
        blocks += [Para(cell(site.ui("statement.en"))), Quote(en, "en")]
    return Section(site.ui("description"), "statement", tuple(blocks) or (Para(cell("–")),))


def _topics(site: Site, topics: tuple[str, ...]) -> Cell:
    return joined([(site.topic_ref(t, long=True),) for t in topics]) or cell("–")


def render_agreement(site: Site, agreement: Agreement) -> Rendered:
    """Facts and sections of an agreement page."""
    rows = [(site.ui("topics"), _topics(site, agreement.topics))]
    if agreement.meeting:
        rows.append((site.ui("meeting"), (site.ref(agreement.meeting),)))
    if agreement.concerns:
        rows.append((site.ui("concerns"), site.refs(agreement.concerns)))
    sections: list[Block] = [_statement(site, agreement.statement_de, agreement.statement_en)]
    found = site.kb.responsibilities_for(agreement.iri)
    if found:
        table = Table(
            (site.ui("actor"), site.ui("role")),
            tuple(((site.ref(r.actor),), cell(site.term(r.role))) for r in found),
        )
        sections.append(Section(site.ui("responsibilities"), "responsibilities", (table,)))
    return rows, sections


def render_need(site: Site, need: Need) -> Rendered:
    """Facts and sections of a need page."""
    rows = [(site.ui("topics"), _topics(site, need.topics))]
    return rows, [_statement(site, need.statement_de, need.statement_en)]


def render_meeting(site: Site, meeting: Meeting) -> Rendered:
    """Facts and sections of a meeting page: date, organisers, who came, what was agreed."""
    ui = site.ui
    rows: list[tuple[str, Cell]] = [
        (ui("date"), cell(meeting.date.isoformat() if meeting.date else "–")),
    ]
    kind = site.index.iris(meeting.iri, str(IK.meetingKind))
    if kind:
        rows.append((ui("kind") + " (ik:meetingKind)", cell(site.label(kind[0]))))
    rows.append((ui("organisers"), site.refs(meeting.organized_by)))
    if meeting.topics:
        rows.append((ui("discusses"), _topics(site, meeting.topics)))
    sections: list[Block] = []
    for key, actors in (("present", meeting.present), ("excused", meeting.excused)):
        items = tuple((site.ref(a),) for a in actors)
        sections.append(
            Section(
                f"{ui(key)} ({len(items)})", key, (Items(items),) if items else (Para(cell("–")),)
            )
        )
    agreements = tuple((site.ref(a.iri),) for a in site.kb.agreements if a.meeting == meeting.iri)
    if agreements:
        sections.append(Section(ui("agreements"), "agreements", (Items(agreements),)))
    return rows, sections


def render_strategic_goal(site: Site, goal: StrategicGoal) -> Rendered:
    """Facts and sections of a strategic goal page."""
    rows: list[tuple[str, Cell]] = []
    if goal.notation:
        rows.append((site.ui("notation"), cell(goal.notation)))
    if goal.broader:
        rows.append((site.ui("broader"), site.refs(goal.broader)))
    sections: list[Block] = []
    narrower = tuple((site.ref(g.iri),) for g in site.kb.strategic_goals if goal.iri in g.broader)
    if narrower:
        sections.append(Section(site.ui("narrower"), "items", (Items(narrower),)))
    topics = tuple(
        (site.topic_ref(t.iri, long=True),) for t in site.kb.topics if goal.iri in t.strategic_goals
    )
    if topics:
        sections.append(Section(site.ui("pointing_topics"), "topics", (Items(topics),)))
    definition = site.index.text(goal.iri, PREFIXES["skos"] + "definition", site.lang)
    if definition:
        sections.insert(
            0, Section(site.ui("description"), "definition", (Quote(definition, "de"),))
        )
    return rows, sections or [Para(cell(site.ui("none")))]


def render_dataset(site: Site, dataset: Dataset) -> Rendered:
    """Facts and sections of a statistics table page."""
    ui = site.ui
    rows: list[tuple[str, Cell]] = []
    if dataset.title:
        rows.append((site.label(PREFIXES["dcterms"] + "title"), cell(dataset.title)))
    if dataset.data_source:
        rows.append((ui("data_source"), cell(dataset.data_source)))
    if dataset.note:
        rows.append((ui("note"), cell(dataset.note)))
    table = Table(
        (ui("group"), ui("period"), ui("value"), ui("unit")),
        tuple(
            (
                cell(o.group or "–"),
                cell(o.period.isoformat() if o.period else "–"),
                cell(
                    "–"
                    if o.value is None
                    else f"{o.value:g}"
                    if isinstance(o.value, float)
                    else str(o.value)
                ),
                cell(site.term(o.unit) if o.unit else "–"),
            )
            for o in dataset.observations
        ),
    )
    sections: list[Block] = [Section(ui("observations"), "values", (table,))]
    if dataset.iri in site.charts:
        figure = chart_block(site, dataset)  # named for assistive technology
        sections.append(Section(ui("chart"), "chart", (figure,)))
    return rows, sections
