"""The table of kinds: which objects get pages, where, and which template renders them.

Each row names a kind, the IRI path segment its pages live under (so that URLs mirror the
IRIs: ``goal/C-1.html``), the model collection it lists and the render function of its
page. :func:`entity_pages` and :func:`index_pages` loop over this table; adding a kind of
page is adding a row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from integrationskonzept.model import Entity
from integrationskonzept.publish.site import linked, search
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Facts,
    Page,
    Para,
    Section,
    Table,
    cell,
)
from integrationskonzept.publish.site.pages import actor, common, measure, other, statement, topic
from integrationskonzept.publish.site.site import Site, docname_for

Render = Callable[[Site, Any], tuple[list[tuple[str, Cell]], list[Block]]]


@dataclass(frozen=True)
class Kind:
    """One kind of entity page."""

    name: str
    segment: str
    collection: Callable[[Site], Sequence[Entity]]
    render: Render
    title: Callable[[Site, Any], str]
    summary: Callable[[Site, Any], Cell]


def _label(site: Site, entity: Entity) -> str:
    return site.name(entity)


def _statement_summary(site: Site, item: Any) -> Cell:
    return cell(topic.statement_of(site, item.statement_de, item.statement_en))


def _topic_summary(site: Site, item: Any) -> Cell:
    goals, measures = len(item.goals(site.kb)), len(site.kb.measures(item.iri))
    prio = f"{site.ui('prioritized')}; " if item.prioritized else ""
    return cell(f"{prio}{goals} {site.ui('goals')}, {measures} {site.ui('measures')}")


def _actor_summary(site: Site, item: Any) -> Cell:
    return cell(site.term(item.kind) if item.kind else "–")


def _network_summary(site: Site, item: Any) -> Cell:
    return (
        *cell(site.term(item.network_kind) + ": " if item.network_kind else ""),
        *site.refs(list(item.topics)),
    )


KINDS: tuple[Kind, ...] = (
    Kind("field", "field", lambda s: s.kb.fields, topic.render, topic.title, _topic_summary),
    Kind(
        "topic",
        "topic",
        lambda s: [t for t in s.kb.topics if t.kind != "field"],
        topic.render,
        topic.title,
        _topic_summary,
    ),
    Kind("goal", "goal", lambda s: s.kb.goals, statement.render_goal, _label, _statement_summary),
    Kind(
        "indicator",
        "indicator",
        lambda s: s.kb.indicators,
        statement.render_indicator,
        _label,
        _statement_summary,
    ),
    Kind(
        "network",
        "network",
        lambda s: s.kb.networks,
        actor.render_network,
        _label,
        _network_summary,
    ),
    Kind("actor", "actor", lambda s: s.kb.actors, actor.render_actor, _label, _actor_summary),
    Kind(
        "measure",
        "measure",
        lambda s: s.kb.measures(),
        measure.render,
        _label,
        lambda s, m: cell(s.status(m.status)),
    ),
    Kind(
        "agreement",
        "agreement",
        lambda s: s.kb.agreements,
        other.render_agreement,
        _label,
        _statement_summary,
    ),
    Kind("need", "need", lambda s: s.kb.needs, other.render_need, _label, _statement_summary),
    Kind(
        "meeting",
        "meeting",
        lambda s: s.kb.meetings,
        other.render_meeting,
        _label,
        lambda s, m: cell(m.date.isoformat() if m.date else "–"),
    ),
    Kind(
        "strategic-goal",
        "strategic-goal",
        lambda s: s.kb.strategic_goals,
        other.render_strategic_goal,
        _label,
        lambda s, g: cell(g.notation or ""),
    ),
    Kind(
        "dataset",
        "dataset",
        lambda s: s.datasets,
        other.render_dataset,
        _label,
        lambda s, d: cell(f"{len(d.observations)} {s.ui('observations')}"),
    ),
)


def assign_docnames(site: Site) -> None:
    """Give every entity of every kind its page name (unique; IRIs decide)."""
    taken: set[str] = set()
    for kind in KINDS:
        for entity in kind.collection(site):
            name = docname_for(entity.iri, kind.segment)
            while name in taken:
                name += "-x"
            taken.add(name)
            site.docnames.setdefault(entity.iri, name)


def entity_page(site: Site, kind: Kind, entity: Entity) -> Page:
    """The page of one entity: facts on top, the kind's sections, the common footer; its
    head describes it and points to its data."""
    docname = site.docnames[entity.iri]
    rows, sections = kind.render(site, entity)
    body: list[Block] = [common.header(site, entity, kind.name, rows), *sections]
    body.extend(common.footer(site, entity, docname))
    title = kind.title(site, entity)
    return Page(
        docname,
        title,
        tuple(body),
        head=linked.head(site, kind.name, entity, docname, title),
        keywords=search.keywords(site, entity, title),
    )


def index_page(site: Site, kind: Kind) -> Page:
    """A kind's index page: a table of its entries and a hidden toctree of their pages."""
    entities = kind.collection(site)
    rows = tuple(((site.ref(e.iri, kind.title(site, e)),), kind.summary(site, e)) for e in entities)
    count = Para(cell(f"{len(entities)} {site.ui('entries')}"))
    blocks: tuple[Block, ...] = (count, Table((site.ui("label"), site.ui("description")), rows))
    toctree = tuple(site.docnames[e.iri] for e in entities)
    return Page(f"{kind.segment}/index", site.ui(f"kind.{kind.name}"), blocks, toctree)


def entity_pages(site: Site) -> list[Page]:
    """The index page and the entity pages of every kind."""
    pages: list[Page] = []
    for kind in KINDS:
        pages.append(index_page(site, kind))
        pages.extend(entity_page(site, kind, e) for e in kind.collection(site))
    return pages


__all__ = ["KINDS", "Facts", "Kind", "Section", "assign_docnames", "entity_pages"]
