"""The page of a field of action or a cross-cutting topic: goals, indicators, what the report
says about their state, networks and measures."""

from __future__ import annotations

from integrationskonzept.model import STATUSES, Measure, Responsibility, Topic
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Items,
    Para,
    Section,
    Table,
    Text,
    cell,
    joined,
)
from integrationskonzept.publish.site.pages import assessment
from integrationskonzept.publish.site.site import Site


def title(site: Site, topic: Topic) -> str:
    """``C: Qualifizierung, Ausbildung und Arbeit``."""
    return f"{topic.code}: {site.name(topic)}"


def facts(site: Site, topic: Topic) -> list[tuple[str, Cell]]:
    """Code, priority, assessment, strategic goals."""
    rows: list[tuple[str, Cell]] = [(site.ui("code"), cell(topic.code))]
    if topic.kind == "field":
        rows.append((site.ui("prioritized"), cell(site.ui("yes" if topic.prioritized else "no"))))
    if topic.assessment:
        rows.append((site.ui("assessment"), cell(topic.assessment)))
    if topic.strategic_goals:
        rows.append((site.ui("strategic_goals"), site.refs(topic.strategic_goals)))
    return rows


def statement_of(site: Site, de: str | None, en: str | None) -> str:
    """A statement in the site's language, German as fallback."""
    return (en if site.lang == "en" and en else de) or ""


def _leads_row(site: Site, network: str, found: list[Responsibility]) -> tuple[Cell, ...]:
    leads = [r for r in found if r.role == "Lead"]
    others = [r for r in found if r.role != "Lead"]
    lead_cell: Cell = joined([(site.ref(r.actor),) for r in leads]) if leads else cell("–")
    if others:
        extra = [(site.ref(r.actor), Text(f" ({site.term(r.role)})")) for r in others]
        lead_cell = joined([lead_cell, *extra], "; ")
    printed = "; ".join(sorted({r.as_printed for r in found if r.as_printed}))
    return ((site.ref(network),), lead_cell, cell(printed or "–"))


def networks(site: Site, topic: Topic) -> Section:
    """The topic's network table: every network with its leads for this topic."""
    rows = []
    for network in topic.networks(site.kb):
        found = [r for r in site.kb.responsibilities_for(network.iri) if r.topic == topic.iri]
        rows.append(_leads_row(site, network.iri, found))
    header = (site.ui("one.network"), site.ui("leads"), site.ui("as_printed"))
    body: tuple[Block, ...] = (Table(header, tuple(rows)),) if rows else (Para(cell("–")),)
    return Section(site.ui("networks_leads"), "networks", body)


def measures_by_status(site: Site, measures: list[Measure]) -> Section:
    """The topic's measures grouped by status, in the order of the status scheme."""
    parts: list[Block] = []
    for code in (*STATUSES, None):
        chosen = [m for m in measures if m.status == code]
        if not chosen:
            continue
        items = tuple((site.ref(m.iri),) for m in chosen)
        label = f"{site.status(code)} ({len(chosen)})"
        parts.append(Section(label, f"status-{code or 'none'}", (Items(items),)))
    return Section(site.ui("measures_by_status"), "measures", tuple(parts) or (Para(cell("–")),))


def render(site: Site, topic: Topic) -> tuple[list[tuple[str, Cell]], list[Block]]:
    """Facts and sections of a topic page."""
    goals = tuple(
        (site.ref(g.iri, g.code), Text(": " + statement_of(site, g.statement_de, g.statement_en)))
        for g in topic.goals(site.kb)
    )
    indicators = tuple(
        (site.ref(i.iri, i.code), Text(": " + statement_of(site, i.statement_de, i.statement_en)))
        for i in topic.indicators(site.kb)
    )
    agreements = tuple(
        (site.ref(a.iri), Text(": " + statement_of(site, a.statement_de, a.statement_en)))
        for a in site.kb.agreements
        if topic.iri in a.topics
    )
    needs = tuple(
        (site.ref(n.iri), Text(": " + statement_of(site, n.statement_de, n.statement_en)))
        for n in site.kb.needs
        if topic.iri in n.topics
    )
    strategic = tuple((site.ref(iri),) for iri in topic.strategic_goals)
    sections: list[Block] = [
        Section(site.ui("goals"), "goals", (Items(goals),) if goals else (Para(cell("–")),)),
        Section(
            site.ui("indicators"),
            "indicators",
            (Items(indicators),) if indicators else (Para(cell("–")),),
        ),
    ]
    assessed = assessment.section(site, topic.assessments(site.kb), about=topic.iri)
    if assessed is not None:
        sections.append(assessed)
    sections += [networks(site, topic), measures_by_status(site, site.kb.measures(topic.iri))]
    for key, items in (
        ("agreements", agreements),
        ("needs", needs),
        ("strategic_goals", strategic),
    ):
        if items:
            sections.append(Section(site.ui(key), key.replace("_", "-"), (Items(items),)))
    return facts(site, topic), sections
