"""A small typed read API over the graph: frozen dataclasses and a ``KnowledgeBase``.

For users who do not write SPARQL: a reporting script, a dashboard, a notebook. Objects hold
plain Python values (``str``, ``int``, ``date``, ``bool``, tuples of IRIs); related objects are
referenced by IRI and resolved through the knowledge base, so navigation works both ways.

The model is built with one SPARQL query per kind (every statement about every instance of the
kind), on the Oxigraph backend, and cached: no query per object.

>>> kb = KnowledgeBase()
>>> kb.field("C").prioritized
True
>>> [g.code for g in kb.field("C").goals(kb)]
['C-1', 'C-2', 'C-3', 'C-4', 'C-5']
>>> kb.goal("C-5").status
'no-remarks'
>>> kb.goal("C1")
Traceback (most recent call last):
...
integrationskonzept.errors.UnknownKeyError: "no goal 'C1'; close matches: C-1"

Known limits: the model covers the main kinds of the vocabulary; for anything else use
``kb.graph`` or ``kb.query()``.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rdflib import Graph, Literal, URIRef

from integrationskonzept.errors import InputError, UnknownKeyError
from integrationskonzept.load import load
from integrationskonzept.namespaces import IK, PREFIXES
from integrationskonzept.query import QueryResult, query
from integrationskonzept.query.parsing import graph_query
from integrationskonzept.terms import curie

if TYPE_CHECKING:
    import pandas

SKOS = PREFIXES["skos"]
DCT = PREFIXES["dcterms"]
ORG = PREFIXES["org"]
QB = PREFIXES["qb"]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _iri_tail(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


Values = dict[str, list[Any]]


def _literal_value(term: Any) -> Any:
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


@dataclasses.dataclass(frozen=True)
class _Record:
    """Statements about one subject: property IRI → list of rdflib terms."""

    iri: str
    values: dict[str, list[Any]]

    def all(self, prop: str) -> list[Any]:
        return self.values.get(prop, [])

    def required_iri(self, prop: str) -> str:
        """The (first) IRI object of ``prop``; a clear error if there is none."""
        found = self.iris(prop)
        if not found:
            raise self._unusable(prop, "is missing (the model needs an IRI here)")
        return found[0]

    def integer(self, prop: str) -> int:
        """The integer object of ``prop``; a clear error if it is missing or not a number."""
        value = self.one(prop)
        if isinstance(value, bool) or not isinstance(value, int):
            shown = "is missing" if value is None else f"is {str(value)!r}, not an integer"
            raise self._unusable(prop, shown)
        return value

    def _unusable(self, prop: str, problem: str) -> InputError:
        return InputError(
            f"{curie(self.iri)} {curie(prop)} {problem}",
            hint="fix the data; `integrationskonzept validate --data DIR` lists every problem",
        )

    def one(self, prop: str) -> Any:
        found = self.all(prop)
        return _literal_value(sorted(found, key=str)[0]) if found else None

    def text(self, prop: str, lang: str) -> str | None:
        for term in sorted(self.all(prop), key=str):
            if isinstance(term, Literal) and term.language == lang:
                return str(term)
        return None

    def iris(self, prop: str) -> tuple[str, ...]:
        return tuple(sorted(str(t) for t in self.all(prop) if isinstance(t, URIRef)))

    def texts(self, prop: str, lang: str | None = None) -> tuple[str, ...]:
        return tuple(
            sorted(
                str(t)
                for t in self.all(prop)
                if isinstance(t, Literal) and (lang is None or t.language == lang)
            )
        )


def _status(record: _Record) -> str | None:
    status = record.one(str(IK.status))
    return _STATUS_CODES.get(status) if status else None


_STATUS_CODES = {
    str(IK.Implemented): "implemented",
    str(IK.Ongoing): "ongoing",
    str(IK.Planned): "planned",
    str(IK.Proposed): "proposed",
    str(IK.Unclear): "unclear",
    str(IK.NoRemarks): "no-remarks",
}
STATUSES = tuple(_STATUS_CODES.values())


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


@dataclasses.dataclass(frozen=True)
class Entity:
    """What every object has: its IRI, German and English labels, and its source section."""

    iri: str
    label_de: str
    label_en: str | None
    source: tuple[str, ...]

    def label(self, lang: str = "de") -> str:
        """The label in ``lang``, falling back to German."""
        return (self.label_en if lang == "en" else None) or self.label_de

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the object's fields (dates as ISO strings, tuples as lists)."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclasses.dataclass(frozen=True)
class Topic(Entity):
    """A field of action (``kind == "field"``) or a cross-cutting topic."""

    code: str
    kind: str
    prioritized: bool
    assessment: str | None
    strategic_goals: tuple[str, ...]

    def goals(self, kb: KnowledgeBase) -> list[Goal]:
        """The topic's guiding goals in report order."""
        return [g for g in kb.goals if g.topic == self.iri]

    def indicators(self, kb: KnowledgeBase) -> list[Indicator]:
        """The topic's impact indicators in report order."""
        return [i for i in kb.indicators if i.topic == self.iri]

    def networks(self, kb: KnowledgeBase) -> list[Network]:
        """The networks listed in the topic's network table."""
        return [n for n in kb.networks if self.iri in n.topics]


@dataclasses.dataclass(frozen=True)
class Statement(Entity):
    """A numbered statement of a topic: the base of goals and indicators."""

    code: str
    topic: str
    number: int
    statement_de: str
    statement_en: str | None

    def topic_of(self, kb: KnowledgeBase) -> Topic:
        """The field or topic this statement belongs to."""
        return kb.topic(self.topic)


@dataclasses.dataclass(frozen=True)
class Goal(Statement):
    """A guiding goal (Leitziel)."""

    status: str | None
    evidence: str | None

    def measures(self, kb: KnowledgeBase) -> list[Measure]:
        """The measures the report describes under this goal."""
        return [m for m in kb.measures() if self.iri in m.goals]


@dataclasses.dataclass(frozen=True)
class Indicator(Statement):
    """An impact indicator (Wirkungsindikator)."""


@dataclasses.dataclass(frozen=True)
class Actor(Entity):
    """An institution, unit, office or group (never a person)."""

    alt_labels: tuple[str, ...]
    kind: str | None
    parent: tuple[str, ...]
    types: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Network(Actor):
    """A network or committee, with the topics whose tables list it."""

    topics: tuple[str, ...]
    network_kind: str | None


@dataclasses.dataclass(frozen=True)
class Responsibility:
    """Who is responsible for what, in which role, stated where."""

    iri: str
    actor: str
    responsible_for: str
    role: str
    topic: str | None
    as_printed: str | None
    evidence: str | None
    source: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclasses.dataclass(frozen=True)
class Measure(Entity):
    """A measure, offer, project, programme, publication or plan."""

    kind: str | None
    status: str | None
    evidence: str | None
    description: str | None
    topics: tuple[str, ...]
    goals: tuple[str, ...]
    start: str | None
    end: str | None
    quantities: dict[str, int]


@dataclasses.dataclass(frozen=True)
class Agreement(Entity):
    """An agreement or next step, made at a meeting."""

    topics: tuple[str, ...]
    meeting: str | None
    statement_de: str | None
    statement_en: str | None
    concerns: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Need(Entity):
    """A need named in the report."""

    topics: tuple[str, ...]
    statement_de: str | None
    statement_en: str | None


@dataclasses.dataclass(frozen=True)
class Meeting(Entity):
    """A dated meeting or workshop."""

    date: date | None
    organized_by: tuple[str, ...]
    topics: tuple[str, ...]
    present: tuple[str, ...]
    excused: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class StrategicGoal(Entity):
    """A strategic administration goal (e.g. LEV-GEMEINSAM) or one of its items."""

    notation: str | None
    broader: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Observation(Entity):
    """One value of a statistics table (RDF Data Cube observation)."""

    dataset: str
    period: date | None
    group: str | None
    value: float | int | None
    measure: str | None
    unit: str | None


E = TypeVar("E", bound=Entity)

# Oxigraph substitutes bound variables only if they are projected, hence ?class in SELECT.
# every collection of the model, in the order check() builds them
_KINDS = (
    "topics", "goals", "indicators", "networks", "actors", "responsibilities",
    "_measures", "agreements", "needs", "meetings", "strategic_goals", "observations",
)  # fmt: skip

_KIND_QUERY = """
SELECT ?class ?s ?p ?o WHERE {
  ?s a ?class ; ?p ?o .
  FILTER(isIRI(?s))
}
"""


class KnowledgeBase:
    """The knowledge base of one city as typed objects.

    Parameters
    ----------
    data:
        A folder of Turtle files; ``None`` for the bundled Leverkusen data.
    graph:
        An already loaded graph (``data`` is then ignored).
    """

    def __init__(self, data: Path | str | None = None, *, graph: Graph | None = None) -> None:
        if graph is None:
            graph = load(data, backend="oxigraph")
        self.graph = graph

    # -- fetching -------------------------------------------------------------------------

    @functools.cache  # noqa: B019 - one cache per knowledge base is the point
    def _records(self, class_iri: str) -> dict[str, _Record]:
        values: dict[str, Values] = defaultdict(lambda: defaultdict(list))
        rows = graph_query(self.graph, _KIND_QUERY, {"class": URIRef(class_iri)})
        for _, s, p, o in rows:  # type: ignore[misc]
            values[str(s)][str(p)].append(o)
        return {iri: _Record(iri, dict(v)) for iri, v in sorted(values.items())}

    @staticmethod
    def _entity_fields(record: _Record) -> dict[str, Any]:
        return {
            "iri": record.iri,
            "label_de": record.text(SKOS + "prefLabel", "de") or _iri_tail(record.iri),
            "label_en": record.text(SKOS + "prefLabel", "en"),
            "source": record.iris(DCT + "source"),
        }

    # -- collections ----------------------------------------------------------------------

    @functools.cached_property
    def topics(self) -> tuple[Topic, ...]:
        """Fields of action (A–H) then cross-cutting topics, ordered by code."""
        found = []
        for kind, cls in (("field", "ActionField"), ("cross-cutting", "CrossCuttingTopic")):
            for record in self._records(str(IK[cls])).values():
                found.append(
                    Topic(
                        **self._entity_fields(record),
                        code=record.one(SKOS + "notation") or _iri_tail(record.iri),
                        kind=kind,
                        prioritized=bool(record.one(str(IK.prioritized))),
                        assessment=record.text(str(IK.assessment), "de"),
                        strategic_goals=record.iris(str(IK.strategicGoal)),
                    )
                )
        return tuple(sorted(found, key=lambda t: (t.kind != "field", t.code)))

    @property
    def fields(self) -> tuple[Topic, ...]:
        """The fields of action A–H."""
        return tuple(t for t in self.topics if t.kind == "field")

    def _statements(self, cls: str, make: Any) -> tuple[Any, ...]:
        topics = {t.iri: t.code for t in self.topics}
        found = []
        for record in self._records(str(IK[cls])).values():
            topic = record.required_iri(str(IK.topic))
            number = record.integer(str(IK.number))
            found.append(
                make(
                    record,
                    **self._entity_fields(record),
                    code=f"{topics.get(topic, _iri_tail(topic))}-{number}",
                    topic=topic,
                    number=number,
                    statement_de=record.text(str(IK.statement), "de") or "",
                    statement_en=record.text(str(IK.statement), "en"),
                )
            )
        order = {t.iri: i for i, t in enumerate(self.topics)}
        return tuple(sorted(found, key=lambda s: (order.get(s.topic, 99), s.number)))

    @functools.cached_property
    def goals(self) -> tuple[Goal, ...]:
        """Every guiding goal, ordered by topic and number."""

        def make(record: _Record, **kw: Any) -> Goal:
            return Goal(**kw, status=_status(record), evidence=record.text(str(IK.evidence), "de"))

        return self._statements("GuidingGoal", make)

    @functools.cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every impact indicator, ordered by topic and number."""
        return self._statements("ImpactIndicator", lambda record, **kw: Indicator(**kw))

    def _actor_fields(self, record: _Record) -> dict[str, Any]:
        kind = record.one(str(IK.actorKind))
        return {
            **self._entity_fields(record),
            "alt_labels": record.texts(SKOS + "altLabel"),
            "kind": _iri_tail(kind) if kind else None,
            "parent": record.iris(ORG + "unitOf"),
            "types": tuple(sorted(_iri_tail(t) for t in record.iris(RDF_TYPE))),
        }

    @functools.cached_property
    def networks(self) -> tuple[Network, ...]:
        """Every network or committee, ordered by German label."""
        found = []
        for record in self._records(str(IK.Network)).values():
            kind = record.one(str(IK.networkKind))
            found.append(
                Network(
                    **self._actor_fields(record),
                    topics=record.iris(str(IK.topic)),
                    network_kind=_iri_tail(kind) if kind else None,
                )
            )
        return tuple(sorted(found, key=lambda n: n.label_de.casefold()))

    @functools.cached_property
    def actors(self) -> tuple[Actor, ...]:
        """Every actor that is not a network, ordered by German label."""
        networks = {n.iri for n in self.networks}
        found = [
            Actor(**self._actor_fields(record))
            for iri, record in self._records(str(IK.Actor)).items()
            if iri not in networks
        ]
        return tuple(sorted(found, key=lambda a: a.label_de.casefold()))

    @functools.cached_property
    def responsibilities(self) -> tuple[Responsibility, ...]:
        """Every typed responsibility (lead, management, implementation …)."""
        found = []
        for record in self._records(str(IK.Responsibility)).values():
            topics = record.iris(str(IK.topic))
            found.append(
                Responsibility(
                    iri=record.iri,
                    actor=record.required_iri(str(IK.actor)),
                    responsible_for=record.required_iri(str(IK.responsibleFor)),
                    role=_iri_tail(record.required_iri(str(IK.role))),
                    topic=topics[0] if topics else None,
                    as_printed=record.text(str(IK.asPrinted), "de"),
                    evidence=record.text(str(IK.evidence), "de"),
                    source=record.iris(DCT + "source"),
                )
            )
        return tuple(found)

    @functools.cached_property
    def _measures(self) -> tuple[Measure, ...]:
        quantity_props = [
            "participantCount", "groupCount", "eventCount", "courseCount",
            "staffCount", "placeCount", "dwellingCount", "personCount",
        ]  # fmt: skip
        found = []
        for record in self._records(str(IK.Measure)).values():
            kind = record.one(str(IK.measureKind))
            start, end = record.one(str(IK.start)), record.one(str(IK.end))
            found.append(
                Measure(
                    **self._entity_fields(record),
                    kind=_iri_tail(kind) if kind else None,
                    status=_status(record),
                    evidence=record.text(str(IK.evidence), "de"),
                    description=record.text(str(IK.description), "de"),
                    topics=record.iris(str(IK.topic)),
                    goals=record.iris(str(IK.contributesTo)),
                    start=str(start) if start is not None else None,
                    end=str(end) if end is not None else None,
                    quantities={
                        q: record.integer(str(IK[q]))
                        for q in quantity_props
                        if record.all(str(IK[q]))
                    },
                )
            )
        return tuple(sorted(found, key=lambda m: m.label_de.casefold()))

    @functools.cached_property
    def agreements(self) -> tuple[Agreement, ...]:
        """Every agreement, ordered by IRI (topic code and number)."""
        return tuple(
            Agreement(
                **self._entity_fields(r),
                topics=r.iris(str(IK.topic)),
                meeting=(r.iris(str(IK.agreedAt)) or (None,))[0],
                statement_de=r.text(str(IK.statement), "de"),
                statement_en=r.text(str(IK.statement), "en"),
                concerns=r.iris(str(IK.concerns)),
            )
            for r in self._records(str(IK.Agreement)).values()
        )

    @functools.cached_property
    def needs(self) -> tuple[Need, ...]:
        """Every named need, ordered by IRI."""
        return tuple(
            Need(
                **self._entity_fields(r),
                topics=r.iris(str(IK.topic)),
                statement_de=r.text(str(IK.statement), "de"),
                statement_en=r.text(str(IK.statement), "en"),
            )
            for r in self._records(str(IK.Need)).values()
        )

    @functools.cached_property
    def meetings(self) -> tuple[Meeting, ...]:
        """Every dated meeting, ordered by date."""
        participations = self._records(str(IK.Participation))
        found = []
        for record in self._records(str(IK.Meeting)).values():
            present: list[str] = []
            excused: list[str] = []
            for part_iri in record.iris(str(IK.participation)):
                part = participations.get(part_iri)
                if part is None:
                    continue
                actor = part.required_iri(str(IK.participant))
                attendance = part.iris(str(IK.attendance))
                (excused if attendance == (str(IK.Excused),) else present).append(actor)
            day = record.one(DCT + "date")
            found.append(
                Meeting(
                    **self._entity_fields(record),
                    date=day if isinstance(day, date) else None,
                    organized_by=record.iris(str(IK.organizedBy)),
                    topics=record.iris(str(IK.discusses)),
                    present=tuple(sorted(present)),
                    excused=tuple(sorted(excused)),
                )
            )
        return tuple(sorted(found, key=lambda m: (m.date or date.min, m.iri)))

    @functools.cached_property
    def strategic_goals(self) -> tuple[StrategicGoal, ...]:
        """Every strategic administration goal and item, ordered by IRI."""
        return tuple(
            StrategicGoal(
                **self._entity_fields(r),
                notation=r.one(SKOS + "notation"),
                broader=r.iris(SKOS + "broader"),
            )
            for r in self._records(str(IK.StrategicGoal)).values()
        )

    @functools.cached_property
    def observations(self) -> tuple[Observation, ...]:
        """Every statistics observation, ordered by IRI."""
        found = []
        for r in self._records(QB + "Observation").values():
            measure = next(
                (m for m in ("count", "sharePercent", "density", "value") if r.all(str(IK[m]))),
                None,
            )
            value = r.one(str(IK[measure])) if measure else None
            period = r.one(str(IK.refPeriod))
            unit = r.one(str(IK.unit))
            found.append(
                Observation(
                    **self._entity_fields(r),
                    dataset=r.required_iri(QB + "dataSet"),
                    period=period if isinstance(period, date) else None,
                    group=r.text(str(IK.populationGroup), "de"),
                    value=float(value)
                    if value is not None and measure in ("sharePercent", "density", "value")
                    else value,
                    measure=measure,
                    unit=_iri_tail(unit) if unit else None,
                )
            )
        return tuple(found)

    # -- lookups --------------------------------------------------------------------------

    @staticmethod
    def _find(kind: str, key: str, candidates: dict[str, E]) -> E:
        if key in candidates:
            return candidates[key]
        close = difflib.get_close_matches(key, list(candidates), n=3, cutoff=0.5)
        hint = f"; close matches: {', '.join(close)}" if close else ""
        raise UnknownKeyError(f"no {kind} {key!r}{hint}")

    def topic(self, code_or_iri: str) -> Topic:
        """A field or cross-cutting topic by code (``"C"``, ``"IKOE"``) or IRI."""
        index = {t.code: t for t in self.topics} | {t.iri: t for t in self.topics}
        return self._find("topic", code_or_iri, index)

    def field(self, code: str) -> Topic:
        """A field of action by its code ``"A"`` … ``"H"`` (or IRI)."""
        index = {t.code: t for t in self.fields} | {t.iri: t for t in self.fields}
        return self._find("field", code, index)

    def goal(self, code_or_iri: str) -> Goal:
        """A guiding goal by code (``"C-1"``, ``"IKOE-2"``) or IRI."""
        return self._find(
            "goal", code_or_iri, {g.code: g for g in self.goals} | {g.iri: g for g in self.goals}
        )

    def indicator(self, code_or_iri: str) -> Indicator:
        """An impact indicator by code (``"A-3"``) or IRI."""
        index = {i.code: i for i in self.indicators} | {i.iri: i for i in self.indicators}
        return self._find("indicator", code_or_iri, index)

    def _actor_index(self) -> dict[str, Actor]:
        index: dict[str, Actor] = {}
        for actor in (*self.actors, *self.networks):
            for key in (*actor.alt_labels, actor.label_de, actor.label_en, actor.iri):
                if key:
                    index.setdefault(key, actor)
        return index

    def actor(self, iri_or_label: str) -> Actor:
        """An actor or network by IRI, German or English label, or abbreviation (``"KI"``)."""
        return self._find("actor", iri_or_label, self._actor_index())

    def network(self, iri_or_label: str) -> Network:
        """A network by IRI or label."""
        found = self.actor(iri_or_label)
        if not isinstance(found, Network):
            raise UnknownKeyError(f"{iri_or_label!r} is an actor, not a network")
        return found

    def responsibilities_for(self, iri: str) -> list[Responsibility]:
        """The responsibilities for a network, measure, agreement or other thing."""
        return [r for r in self.responsibilities if r.responsible_for == iri]

    def networks_led_by(self, actor: Actor | str) -> list[Network]:
        """The networks in which ``actor`` (object, IRI or label) holds a lead responsibility."""
        who = actor if isinstance(actor, Actor) else self.actor(actor)
        led = {
            r.responsible_for
            for r in self.responsibilities
            if r.actor == who.iri and r.role == "Lead"
        }
        return [n for n in self.networks if n.iri in led]

    def leads_of(self, network: Network | str) -> list[Actor]:
        """The actors holding a lead responsibility for ``network``."""
        target = network if isinstance(network, Network) else self.network(network)
        iris = {r.actor for r in self.responsibilities_for(target.iri) if r.role == "Lead"}
        return [a for a in (*self.actors, *self.networks) if a.iri in iris]

    def measures(self, field: str | None = None, status: str | None = None) -> list[Measure]:
        """Measures, optionally of one field/topic (code or IRI) and one status.

        ``status`` is one of ``implemented``, ``ongoing``, ``planned``, ``proposed``,
        ``unclear``.
        """
        if status is not None and status not in STATUSES:
            raise UnknownKeyError(f"no status {status!r}; choose one of {', '.join(STATUSES)}")
        topic = self.topic(field).iri if field is not None else None
        return [
            m
            for m in self._measures
            if (topic is None or topic in m.topics) and (status is None or m.status == status)
        ]

    def measure(self, iri_or_label: str) -> Measure:
        """A measure by IRI or German label."""
        index = {m.iri: m for m in self._measures} | {m.label_de: m for m in self._measures}
        return self._find("measure", iri_or_label, index)

    def goals_without_measures(self) -> list[Goal]:
        """Guiding goals to which no measure contributes (the gap analysis)."""
        covered = {g for m in self._measures for g in m.goals}
        return [g for g in self.goals if g.iri not in covered]

    def query(self, name_or_text: str, **params: Any) -> QueryResult:
        """Run a named query or a SPARQL text on this knowledge base's graph."""
        return query(name_or_text, self.graph, **params)

    def check(self) -> KnowledgeBase:
        """Build every kind of object once and return the knowledge base.

        Data the model cannot use (a goal without a field, a number that is not a number)
        raises :class:`~integrationskonzept.errors.InputError` here, naming the node and
        property, instead of in whatever later asks for that object.
        """
        for kind in _KINDS:
            getattr(self, kind)
        return self

    def dataframe(self, objects: Iterable[Any]) -> pandas.DataFrame:
        """Any collection of model objects as a pandas DataFrame (needs pandas)."""
        import pandas

        return pandas.DataFrame([o.to_dict() for o in objects])

    def __iter__(self) -> Iterator[Entity]:
        yield from (*self.topics, *self.goals, *self.indicators, *self.actors, *self.networks)
        yield from (*self._measures, *self.agreements, *self.needs, *self.meetings)
        yield from (*self.strategic_goals, *self.observations)
