"""The typed records of the read model: frozen dataclasses holding plain Python values.

Related records are referenced by IRI and resolved through the
:class:`~integrationskonzept.model.KnowledgeBase`, so navigation works both ways.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef

from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import IK, PREFIXES
from integrationskonzept.terms import curie

if TYPE_CHECKING:
    from integrationskonzept.model.history import Assessment, StatusAssertion
    from integrationskonzept.model.knowledge_base import KnowledgeBase

SKOS = PREFIXES["skos"]
DCT = PREFIXES["dcterms"]


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
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
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

    def assessments(self, kb: KnowledgeBase) -> list[Assessment]:
        """Every assessment in the topic (of the topic itself and of its goals), in order."""
        return kb.assessments_in(self.iri)


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

    def assessments(self, kb: KnowledgeBase) -> list[Assessment]:
        """The assessments of this goal's state, in order."""
        return kb.assessments_of(self.iri)


@dataclasses.dataclass(frozen=True)
class Indicator(Statement):
    """An impact indicator (Wirkungsindikator)."""

    def assessments(self, kb: KnowledgeBase) -> list[Assessment]:
        """The assessments that speak about this indicator, in order."""
        return kb.assessments_of(self.iri)


@dataclasses.dataclass(frozen=True)
class Actor(Entity):
    """An institution, unit, office or group (never a person).

    ``kind_inferred``: the kind rests on knowledge from outside the report
    (``ik:kindBasis ik:Inferred``; the actor's ``skos:editorialNote`` says why).
    """

    alt_labels: tuple[str, ...]
    kind: str | None
    parent: tuple[str, ...]
    types: tuple[str, ...]
    kind_inferred: bool


@dataclasses.dataclass(frozen=True)
class Network(Actor):
    """A network or committee, with the topics whose tables list it and its description."""

    topics: tuple[str, ...]
    network_kind: str | None
    description: str | None = None


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
    """A measure, offer, project, programme, publication or plan.

    ``status`` is the current status (that of the latest report); ``status_history`` every
    dated status the reports state, oldest first.
    """

    kind: str | None
    status: str | None
    evidence: str | None
    description: str | None
    topics: tuple[str, ...]
    goals: tuple[str, ...]
    start: str | None
    end: str | None
    quantities: dict[str, int]
    status_history: tuple[StatusAssertion, ...] = ()


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


@dataclasses.dataclass(frozen=True)
class Dataset(Entity):
    """A statistics table (``qb:DataSet``) with its observations."""

    title: str | None
    data_source: str | None
    note: str | None
    observations: tuple[Observation, ...]


@dataclasses.dataclass(frozen=True)
class Membership:
    """An actor's membership in a governance body (``org:Membership``)."""

    iri: str
    member: str
    organization: str
    role_label: str | None
    as_printed: str | None
