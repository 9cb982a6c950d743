"""The responsibility matrix: which actor leads how many networks in which field's table."""

from __future__ import annotations

from collections import Counter, defaultdict

from integrationskonzept.publish.site.blocks import Block, Cell, Page, Para, Table, cell
from integrationskonzept.publish.site.site import Site


def page(site: Site) -> Page:
    """The matrix of lead actors × fields, most networks led first."""
    networks = {n.iri for n in site.kb.networks}
    cells: dict[str, Counter[str]] = defaultdict(Counter)
    led: dict[str, set[str]] = defaultdict(set)
    for r in site.kb.responsibilities:
        if r.role == "Lead" and r.responsible_for in networks:
            led[r.actor].add(r.responsible_for)
            if r.topic:
                cells[r.actor][r.topic] += 1
    topics = [t for t in site.kb.topics if any(t.iri in c for c in cells.values())]
    order = sorted(led, key=lambda a: (-len(led[a]), site.label(a).casefold(), a))
    rows: list[tuple[Cell, ...]] = []
    for actor in order:
        counts = tuple(cell(str(cells[actor][t.iri] or "")) for t in topics)
        rows.append(((site.ref(actor),), *counts, cell(str(len(led[actor])))))
    header = (site.ui("actor"), *(t.code for t in topics), site.ui("total"))
    legend = "; ".join(f"{t.code} = {site.name(t)}" for t in topics)
    blocks: tuple[Block, ...] = (
        Para(cell(site.ui("matrix.intro"))),
        Table(header, tuple(rows)),
        Para(cell(legend)),
    )
    return Page("matrix", site.ui("page.matrix"), blocks)
