"""The page of a measure: status with its evidence, its status over time (one row per dated
status assertion), description, responsibilities, goals."""

from __future__ import annotations

from integrationskonzept.model import Measure
from integrationskonzept.namespaces import IK
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Para,
    Quote,
    Section,
    Table,
    cell,
    joined,
)
from integrationskonzept.publish.site.site import Site


def facts(site: Site, measure: Measure) -> list[tuple[str, Cell]]:
    """Kind, status, topics, goals, times, quantities, target group."""
    rows: list[tuple[str, Cell]] = []
    if measure.kind:
        rows.append((site.ui("kind") + " (ik:measureKind)", cell(site.term(measure.kind))))
    rows.append((site.ui("status"), cell(site.status(measure.status))))
    rows.append(
        (
            site.ui("topics"),
            joined([(site.topic_ref(t, long=True),) for t in measure.topics]) or cell("–"),
        )
    )
    if measure.goals:
        rows.append((site.ui("goals"), site.refs(measure.goals)))
    for key, value in (("start", measure.start), ("end", measure.end)):
        if value:
            rows.append((site.ui(key), cell(value)))
    if measure.quantities:
        shown = ", ".join(
            f"{site.label(str(IK[k]))}: {v}" for k, v in sorted(measure.quantities.items())
        )
        rows.append((site.ui("quantities"), cell(shown)))
    for prop in ("targetGroup", "timeNote", "quantityNote"):
        text = site.index.text(measure.iri, str(IK[prop]), "de")
        if text:
            rows.append((site.label(str(IK[prop])), cell(text)))
    parts = [
        *site.index.iris(measure.iri, str(IK.partOf)),
    ]
    if parts:
        rows.append((site.label(str(IK.partOf)), site.refs(parts)))
    wholes = [s for s, p in site.index.incoming(measure.iri) if p == str(IK.partOf)]
    if wholes:
        rows.append((site.ui("units"), site.refs(wholes)))
    return rows


def status_history(site: Site, measure: Measure) -> Section | None:
    """The measure's dated statuses, oldest first: date, status and the report and section
    that state it; ``None`` when the data has none."""
    if not measure.status_history:
        return None
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (
            cell(item.date or "–"),
            cell(site.status(item.status)),
            joined([(site.ref(item.report),), site.source(item.source)], ", ")
            if item.report is not None
            else site.source(item.source),
        )
        for item in measure.status_history
    )
    header = (site.ui("as_of"), site.ui("status"), site.ui("source"))
    return Section(site.ui("status_history"), "status-history", (Table(header, rows),))


def render(site: Site, measure: Measure) -> tuple[list[tuple[str, Cell]], list[Block]]:
    """Facts and sections of a measure page."""
    ui = site.ui
    sections: list[Block] = []
    if measure.evidence:
        sections.append(Section(ui("evidence"), "evidence", (Quote(measure.evidence, "de"),)))
    history = status_history(site, measure)
    if history is not None:
        sections.append(history)
    if measure.description:
        sections.append(
            Section(ui("description"), "description", (Quote(measure.description, "de"),))
        )
    found = site.kb.responsibilities_for(measure.iri)
    if found:
        rows = tuple(
            ((site.ref(r.actor),), cell(site.term(r.role)), cell(r.as_printed or r.evidence or "–"))
            for r in found
        )
        header = (ui("actor"), ui("role"), ui("evidence"))
        sections.append(Section(ui("responsibilities"), "responsibilities", (Table(header, rows),)))
    goals = [g for g in site.kb.goals if g.iri in measure.goals]
    if goals:
        goal_rows: tuple[tuple[Cell, ...], ...] = tuple(
            (
                (site.ref(g.iri, g.code),),
                cell((g.statement_en if site.lang == "en" else None) or g.statement_de),
            )
            for g in goals
        )
        sections.append(
            Section(ui("goals"), "goals", (Table((ui("one.goal"), ui("label")), goal_rows),))
        )
    agreements = [a for a in site.kb.agreements if measure.iri in a.concerns]
    if agreements:
        agreement_rows: tuple[tuple[Cell, ...], ...] = tuple(
            ((site.ref(a.iri),), cell(a.statement_de or "–")) for a in agreements
        )
        sections.append(
            Section(
                ui("agreements"),
                "agreements",
                (Table((ui("one.agreement"), ui("label")), agreement_rows),),
            )
        )
    if not sections:
        sections.append(Para(cell(ui("none"))))
    return facts(site, measure), sections
