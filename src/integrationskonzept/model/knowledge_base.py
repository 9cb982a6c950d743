"""The knowledge base of one city as typed records, fetched with one query per kind.

The model is built with one SPARQL query per kind (every statement about every instance of the
kind), on the Oxigraph backend, and cached: no query per object. Every statement of the graph
is also indexed once (:attr:`KnowledgeBase.statements`) for what pages and reports show beyond
the records.
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rdflib import Graph, URIRef

from integrationskonzept.errors import UnknownKeyError
from integrationskonzept.load import load
from integrationskonzept.model.history import Assessment, StatusAssertion, date_key, natural_key
from integrationskonzept.model.records import (
    STATUSES,
    Actor,
    Agreement,
    Dataset,
    Entity,
    Goal,
    Indicator,
    Measure,
    Meeting,
    Membership,
    Need,
    Network,
    Observation,
    Responsibility,
    StrategicGoal,
    Topic,
    Values,
    _iri_tail,
    _Record,
    _status,
)
from integrationskonzept.model.statements import TripleIndex
from integrationskonzept.namespaces import IK, PREFIXES
from integrationskonzept.query import QueryResult, query
from integrationskonzept.query.parsing import graph_query
from integrationskonzept.terms import RDF_NAMESPACE

if TYPE_CHECKING:
    import pandas

SKOS = PREFIXES["skos"]
DCT = PREFIXES["dcterms"]
ORG = PREFIXES["org"]
PROV = PREFIXES["prov"]
QB = PREFIXES["qb"]
RDF_TYPE = RDF_NAMESPACE + "type"


E = TypeVar("E", bound=Entity)

# every collection of the model, in the order check() builds them
_KINDS = (
    "topics", "goals", "indicators", "networks", "actors", "responsibilities",
    "status_assertions", "_measures", "agreements", "needs", "meetings", "strategic_goals",
    "observations", "assessments",
)  # fmt: skip

# Oxigraph substitutes bound variables only if they are projected, hence ?class in SELECT.
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
    source:
        The same statements exactly as parsed (rdflib's own store), if ``graph`` is a copy
        on Oxigraph: :attr:`statements` (and what is published from them) come from it.
    """

    def __init__(
        self,
        data: Path | str | None = None,
        *,
        graph: Graph | None = None,
        source: Graph | None = None,
    ) -> None:
        if graph is None:
            graph = load(data, backend="oxigraph")
        self.graph = graph
        # the graph exactly as parsed (rdflib's store), when ``graph`` is a faster engine's
        # copy that gives some literals back in another form; the statements come from it
        self.source = source if source is not None else graph

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
            "kind_inferred": str(IK.Inferred) in record.iris(str(IK.kindBasis)),
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
                    description=record.text(str(IK.description), "de"),
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
    def status_assertions(self) -> tuple[StatusAssertion, ...]:
        """Every dated status of a measure, ordered by measure, date and IRI."""
        owners = {
            assertion: measure
            for measure, record in self._records(str(IK.Measure)).items()
            for assertion in record.iris(str(IK.statusAssertion))
        }
        found = []
        for iri, record in self._records(str(IK.StatusAssertion)).items():
            day = record.all(DCT + "date")
            found.append(
                StatusAssertion(
                    **self._entity_fields(record),
                    measure=owners.get(iri),
                    status=_status(record),
                    # the lexical form: a month or year stays as precise as the report
                    date=str(sorted(day, key=str)[0]) if day else None,
                    report=(record.iris(str(IK.statedIn)) or (None,))[0],
                    evidence=record.text(str(IK.evidence), "de"),
                )
            )
        return tuple(sorted(found, key=lambda a: (a.measure or "", date_key(a.date), a.iri)))

    @functools.cached_property
    def _measures(self) -> tuple[Measure, ...]:
        history: dict[str, list[StatusAssertion]] = defaultdict(list)
        for assertion in self.status_assertions:
            if assertion.measure is not None:
                history[assertion.measure].append(assertion)
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
                    status_history=tuple(history.get(record.iri, ())),
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

    @functools.cached_property
    def assessments(self) -> tuple[Assessment, ...]:
        """Every assessment of a goal, indicator or topic, by topic and then report order."""
        order = {t.iri: i for i, t in enumerate(self.topics)}
        found = []
        for record in self._records(str(IK.Assessment)).values():
            day = record.all(DCT + "date")
            found.append(
                Assessment(
                    **self._entity_fields(record),
                    topic=(record.iris(str(IK.topic)) or (None,))[0],
                    assesses=record.iris(str(IK.assesses)),
                    evidence_de=record.text(str(IK.evidence), "de"),
                    evidence_en=record.text(str(IK.evidence), "en"),
                    date=str(sorted(day, key=str)[0]) if day else None,
                    report=(record.iris(str(IK.statedIn)) or (None,))[0],
                    attributed_to=record.iris(PROV + "wasAttributedTo"),
                )
            )
        return tuple(
            sorted(found, key=lambda a: (order.get(a.topic or "", 99), natural_key(a.iri)))
        )

    # -- lookups --------------------------------------------------------------------------

    # -- beyond the records: every statement, data sets, memberships ----------------------

    @functools.cached_property
    def statements(self) -> TripleIndex:
        """Every statement of the graph (as parsed), indexed once by subject and IRI object."""
        return TripleIndex(self.source)

    @functools.cached_property
    def datasets(self) -> tuple[Dataset, ...]:
        """Every statistics table with its observations, ordered by IRI."""
        index = self.statements
        by_dataset: dict[str, list[Observation]] = {}
        for obs in self.observations:
            by_dataset.setdefault(obs.dataset, []).append(obs)
        return tuple(
            Dataset(
                iri=iri,
                label_de=index.label(iri, "de") or _iri_tail(iri),
                label_en=_english(index, iri),
                source=tuple(index.iris(iri, DCT + "source")),
                title=index.text(iri, DCT + "title", "de"),
                data_source=index.text(iri, str(IK.dataSource), "de"),
                note=index.text(iri, SKOS + "editorialNote", "de"),
                observations=tuple(sorted(by_dataset.get(iri, []), key=_observation_order)),
            )
            for iri in index.of_type(QB + "DataSet")
        )

    @functools.cached_property
    def memberships(self) -> tuple[Membership, ...]:
        """Every ``org:Membership`` with member, body and printed role; ordered by IRI."""
        index = self.statements
        found = []
        for iri in index.of_type(ORG + "Membership"):
            members, bodies = index.iris(iri, ORG + "member"), index.iris(iri, ORG + "organization")
            if members and bodies:
                found.append(
                    Membership(
                        iri=iri,
                        member=members[0],
                        organization=bodies[0],
                        role_label=index.text(iri, str(IK.roleLabel), "de"),
                        as_printed=index.text(iri, str(IK.asPrinted), "de"),
                    )
                )
        return tuple(found)

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

    def assessments_of(self, what: Entity | str) -> list[Assessment]:
        """The assessments that speak about a goal, indicator or topic (``ik:assesses``).

        ``what`` is a model object, an IRI, a topic code (``"F"``) or a goal code (``"F-1"``);
        for an indicator pass the object or its IRI (its code is that of a goal).
        """
        target = self._target(what)
        return [a for a in self.assessments if target in a.assesses]

    def assessments_in(self, topic: Topic | str) -> list[Assessment]:
        """Every assessment in a topic (``ik:topic``): of the topic and of its goals."""
        iri = topic.iri if isinstance(topic, Topic) else self.topic(topic).iri
        return [a for a in self.assessments if a.topic == iri]

    def _target(self, what: Entity | str) -> str:
        if isinstance(what, Entity):
            return what.iri
        if what.startswith(("http://", "https://", "urn:")):
            return what
        codes: dict[str, Entity] = {t.code: t for t in self.topics}
        codes |= {g.code: g for g in self.goals}
        return self._find("goal or topic", what, codes).iri

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


def _english(index: TripleIndex, iri: str) -> str | None:
    """The English ``skos:prefLabel`` of ``iri`` only (no fallback: ``label_en`` may be None)."""
    values = [v for v in index.values(iri, SKOS + "prefLabel") if getattr(v, "language", None)]
    return next((str(v) for v in values if v.language == "en"), None)  # type: ignore[attr-defined]


def _observation_order(obs: Observation) -> tuple[str, str, str]:
    tail = obs.iri.rsplit("/", 1)[-1]
    return (obs.group or "", str(obs.period or ""), tail.zfill(6))
