"""The pages of an actor (including governance bodies) and of a network.

A network an actor leads in several fields is one row with those fields; long tables are
folded behind a summary line (:func:`.common.folded`).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rdflib import URIRef

from integrationskonzept.analyse.brokerage import NO_GROUP
from integrationskonzept.model import Actor, Network, Responsibility
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Link,
    Para,
    Section,
    Table,
    Text,
    cell,
    joined,
)
from integrationskonzept.publish.site.pages.analysis import field_cell
from integrationskonzept.publish.site.pages.common import folded
from integrationskonzept.publish.site.site import Site

_HIDDEN_METRICS = {"iri", "label"}


def facts(site: Site, actor: Actor) -> list[tuple[str, Cell]]:
    """Kind, aliases, parent unit, units, classes."""
    rows: list[tuple[str, Cell]] = []
    if actor.kind:
        rows.append((site.ui("kind") + " (ik:actorKind)", cell(site.term(actor.kind))))
    if actor.alt_labels:
        rows.append((site.ui("aliases"), cell(", ".join(actor.alt_labels))))
    if actor.parent:
        rows.append((site.ui("parent"), site.refs(actor.parent)))
    units = [a.iri for a in (*site.kb.actors, *site.kb.networks) if actor.iri in a.parent]
    if units:
        rows.append((site.ui("units"), site.refs(units)))
    # each class by its label in the page's language with its CURIE (as code)
    classes = [site.value(URIRef(t)) for t in sorted(site.index.types(actor.iri))]
    rows.append((site.ui("types"), joined(classes) or cell(", ".join(actor.types))))
    return rows


def _topic_cell(site: Site, topic: str | None) -> Cell:
    return (site.topic_ref(topic),) if topic else cell("–")


def _table(
    site: Site, key: str, anchor: str, header: tuple[str, ...], rows: list[tuple[Cell, ...]]
) -> Section | None:
    if not rows:
        return None
    return Section(site.ui(key), anchor, (folded(site, Table(header, tuple(rows))),))


def _grouped(site: Site, found: list[Responsibility], with_role: bool) -> list[tuple[Cell, ...]]:
    """One row per network (and role): the network, its role, the fields it is listed in,
    and how the report printed the actor there."""
    order = {t.iri: i for i, t in enumerate(site.kb.topics)}
    groups: dict[tuple[str, str], list[Responsibility]] = {}
    for r in found:
        groups.setdefault((r.responsible_for, r.role if with_role else ""), []).append(r)
    rows: list[tuple[Cell, ...]] = []
    for (network, role), items in groups.items():
        topics = sorted({r.topic for r in items if r.topic}, key=lambda t: order.get(t, 99))
        fields = joined([(site.topic_ref(t),) for t in topics]) or cell("–")
        printed = "; ".join(dict.fromkeys(p for r in items if (p := r.as_printed or r.evidence)))
        rows.append(
            (
                (site.ref(network),),
                *((cell(site.term(role)),) if with_role else ()),
                fields,
                cell(printed or "–"),
            )
        )
    return rows


def responsibilities(site: Site, actor: Actor) -> list[Section | None]:
    """Networks led, other roles in networks, measures and other responsibilities."""
    networks = {n.iri for n in site.kb.networks}
    measures = {m.iri: m for m in site.kb.measures()}
    own = [r for r in site.kb.responsibilities if r.actor == actor.iri]
    led = [r for r in own if r.role == "Lead" and r.responsible_for in networks]
    other_roles = [r for r in own if r.role != "Lead" and r.responsible_for in networks]
    on_measures = [r for r in own if r.responsible_for in measures]
    rest = [
        r for r in own if r.responsible_for not in networks and r.responsible_for not in measures
    ]

    def row(r: Responsibility) -> tuple[Cell, ...]:
        return ((site.ref(r.responsible_for),), cell(site.term(r.role)), _topic_cell(site, r.topic))

    ui = site.ui
    return [
        _table(
            site,
            "networks_led",
            "networks-led",
            (ui("one.network"), ui("field"), ui("as_printed")),
            _grouped(site, led, with_role=False),
        ),
        _table(
            site,
            "networks_joined",
            "networks-joined",
            (ui("one.network"), ui("role"), ui("field"), ui("as_printed")),
            _grouped(site, other_roles, with_role=True),
        ),
        _table(
            site,
            "measures",
            "measures",
            (ui("one.measure"), ui("role"), ui("status")),
            [
                (
                    (site.ref(r.responsible_for),),
                    cell(site.term(r.role)),
                    cell(site.status(measures[r.responsible_for].status)),
                )
                for r in on_measures
            ],
        ),
        _table(
            site,
            "responsibilities",
            "responsibilities",
            (ui("label"), ui("role"), ui("field")),
            [row(r) for r in rest],
        ),
    ]


def memberships(site: Site, actor: Actor) -> list[Section | None]:
    """Bodies the actor belongs to, and members if the actor is a body."""
    ui = site.ui
    header = (ui("label"), ui("role"), ui("as_printed"))
    mine = [m for m in site.memberships if m.member == actor.iri]
    members = [m for m in site.memberships if m.organization == actor.iri]
    return [
        _table(
            site,
            "memberships",
            "memberships",
            header,
            [
                ((site.ref(m.organization),), cell(m.role_label or "–"), cell(m.as_printed or "–"))
                for m in mine
            ],
        ),
        _table(
            site,
            "members",
            "members",
            header,
            [
                ((site.ref(m.member),), cell(m.role_label or "–"), cell(m.as_printed or "–"))
                for m in members
            ],
        ),
    ]


def meetings(site: Site, actor: Actor) -> Section | None:
    """Meetings the actor organised, attended or was excused from."""
    rows: list[tuple[Cell, ...]] = []
    for meeting in site.kb.meetings:
        roles = []
        if actor.iri in meeting.organized_by:
            roles.append(site.ui("organisers"))
        if actor.iri in meeting.present:
            roles.append(site.ui("present"))
        if actor.iri in meeting.excused:
            roles.append(site.ui("excused"))
        if roles:
            day = meeting.date.isoformat() if meeting.date else "–"
            rows.append(((site.ref(meeting.iri),), cell(day), cell("; ".join(roles))))
    ui = site.ui
    return _table(
        site, "meetings", "meetings", (ui("one.meeting"), ui("date"), ui("participation")), rows
    )


def _metric(site: Site, key: str, value: Any) -> Cell:
    """One measure's value: fields as links, the kind of actor by its label, numbers."""
    if key == "field":
        return field_cell(site, value)
    if key == "fields":
        return joined([field_cell(site, code) for code in value]) or cell("–")
    if key == "actor_kind":
        return cell(site.term(value) if value and value != NO_GROUP else "–")
    if isinstance(value, float):
        return cell(f"{value:.4f}")
    return cell("–" if value is None else str(value))


def metrics(site: Site, actor: Actor) -> Section | None:
    """The actor's measures from the network analysis, if the analysis ran."""
    record = site.analysis_by_actor.get(actor.iri)
    if record is None:
        return None
    # in the order of the record, each measure under its label in the page's language
    rows = tuple(
        (cell(site.ui(f"metric.{key}")), _metric(site, key, value))
        for key, value in asdict(record).items()
        if key not in _HIDDEN_METRICS
    )
    intro = (
        Text(site.ui("metrics_note") + " "),
        Link(site.ui("page.network"), doc="network-analysis"),
        Text(")."),
    )
    return Section(
        site.ui("metrics"),
        "metrics",
        (Para(intro), Table((site.ui("label"), site.ui("value")), rows)),
    )


def _sections(site: Site, actor: Actor) -> list[Block]:
    """The sections an actor has; none if the data says nothing more about it."""
    found = [
        *responsibilities(site, actor),
        *memberships(site, actor),
        meetings(site, actor),
        metrics(site, actor),
    ]
    return [s for s in found if s is not None]


def render_actor(site: Site, actor: Actor) -> tuple[list[tuple[str, Cell]], list[Block]]:
    """Facts and sections of an actor page."""
    sections = _sections(site, actor)
    # an actor the report only names: say so in a sentence, not with a bare "none"
    return facts(site, actor), sections or [Para(cell(site.ui("actor_nothing_more")))]


def leads_per_field(site: Site, network: Network) -> Section:
    """Every responsibility for the network, per field table."""
    order = {t.iri: i for i, t in enumerate(site.kb.topics)}
    found = sorted(
        site.kb.responsibilities_for(network.iri),
        key=lambda r: (order.get(r.topic or "", 99), r.role != "Lead", r.actor),
    )
    rows = tuple(
        (
            _topic_cell(site, r.topic),
            (site.ref(r.actor),),
            cell(site.term(r.role)),
            cell(r.as_printed or r.evidence or "–"),
        )
        for r in found
    )
    ui = site.ui
    header = (ui("field"), ui("actor"), ui("role"), ui("as_printed"))
    body: Block = folded(site, Table(header, rows)) if rows else Para(cell(ui("no_lead")))
    return Section(ui("leads_per_field"), "leads", (body,))


def render_network(site: Site, network: Network) -> tuple[list[tuple[str, Cell]], list[Block]]:
    """Facts and sections of a network page: leads per field first, then the actor view."""
    rows = facts(site, network)
    if network.network_kind:
        rows.insert(
            0, (site.ui("kind") + " (ik:networkKind)", cell(site.term(network.network_kind)))
        )
    topics = joined([(site.topic_ref(t),) for t in network.topics])
    rows.append((site.ui("topics"), topics or cell("–")))
    # (the actor view without its "none": the leads section always stands first)
    keep = [
        s
        for s in _sections(site, network)
        if not (isinstance(s, Section) and s.anchor == "networks-led")
    ]
    return rows, [leads_per_field(site, network), *keep]
