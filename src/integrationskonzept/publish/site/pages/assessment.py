"""What a report says about the state of a goal, indicator or topic (``ik:Assessment``).

Goal, indicator and topic pages show their assessments as one section: each with its
statement (the verbatim German quote on German pages, the data's English translation on
English ones, the German quote where there is none), the section of the report it comes
from, its date and whose view it is. The gap analysis shows them as one table per topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integrationskonzept.model import Assessment
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Facts,
    Para,
    Quote,
    Section,
    Table,
    cell,
    joined,
)
from integrationskonzept.publish.site.site import Site


def quote(site: Site, item: Assessment) -> Quote:
    """The statement in the site's language: German verbatim, English where translated."""
    if site.lang == "en" and item.evidence_en:
        return Quote(item.evidence_en, "en")
    return Quote(item.evidence_de or site.name(item), "de")


def _anchor(item: Assessment, taken: set[str]) -> str:
    """``assessment-f-3`` for ``…/assessment/F-3``: ASCII, unique within the page."""
    tail = re.sub(r"[^a-z0-9]+", "-", item.iri.rstrip("/").rsplit("/", 1)[-1].lower())
    anchor = "assessment-" + (tail.strip("-") or "x")
    while anchor in taken:
        anchor += "-x"
    taken.add(anchor)
    return anchor


def _source(site: Site, item: Assessment) -> Cell:
    """The section (number and title) and, where known, the report."""
    if item.report is None:
        return site.source(item.source)
    return joined([site.source(item.source), (site.ref(item.report),)], ", ")


def facts(site: Site, item: Assessment, about: str | None = None) -> Facts:
    """Source, date, what it concerns (besides ``about``, the page's own subject) and
    whose view it is."""
    rows: list[tuple[str, Cell]] = [
        (site.ui("source"), _source(site, item)),
        (site.ui("as_of"), cell(item.date or "–")),
    ]
    others = [iri for iri in item.assesses if iri != about]
    if others:
        rows.append((site.ui("assessed"), site.refs(others)))
    if item.attributed_to:
        rows.append((site.ui("attributed_to"), site.refs(item.attributed_to)))
    return Facts(tuple(rows))


def section(site: Site, items: Sequence[Assessment], about: str | None = None) -> Section | None:
    """The page's assessments, one titled part each; ``None`` when it has none."""
    if not items:
        return None
    parts: list[Block] = [Para(cell(site.ui("assessments_intro")))]
    taken: set[str] = set()
    for item in items:
        anchor = _anchor(item, taken)
        parts.append(
            Section(site.name(item), anchor, (quote(site, item), facts(site, item, about)))
        )
    return Section(site.ui("assessments"), "assessments", tuple(parts))


def tables(site: Site) -> tuple[Block, ...]:
    """Every assessment of the knowledge base: one table per topic (the gap analysis)."""
    blocks: list[Block] = []
    header = (
        site.ui("assessed"),
        site.ui("assessments"),
        site.ui("source"),
        site.ui("as_of"),
    )
    for topic in site.kb.topics:
        found = site.kb.assessments_in(topic)
        if not found:
            continue
        rows = tuple(
            (
                site.refs(list(item.assesses)),
                (*cell(site.name(item) + ": "), *cell(quote(site, item).text)),
                _source(site, item),
                cell(item.date or "–"),
            )
            for item in found
        )
        title = f"{topic.code}: {site.name(topic)}"
        anchor = "assessments-" + re.sub(r"[^a-z0-9]+", "-", topic.code.lower()).strip("-")
        blocks.append(Section(title, anchor, (Table(header, rows),)))
    return tuple(blocks)
