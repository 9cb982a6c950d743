"""What the pages need beyond the typed model: data sets and governance memberships.

Both are read from the :class:`~.triples.TripleIndex` (the graph fetched once), not by
further queries. Data sets reuse the model's :class:`~integrationskonzept.model.Entity`.
"""

from __future__ import annotations

import dataclasses

from integrationskonzept.model import Entity, KnowledgeBase, Observation
from integrationskonzept.namespaces import IK, PREFIXES
from integrationskonzept.publish.site.triples import TripleIndex

QB = PREFIXES["qb"]
ORG = PREFIXES["org"]
SKOS = PREFIXES["skos"]
DCT = PREFIXES["dcterms"]


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


def datasets(kb: KnowledgeBase, index: TripleIndex) -> tuple[Dataset, ...]:
    """Every data set with its observations (from the model), ordered by IRI."""
    by_dataset: dict[str, list[Observation]] = {}
    for obs in kb.observations:
        by_dataset.setdefault(obs.dataset, []).append(obs)
    found = []
    for iri in index.of_type(QB + "DataSet"):
        found.append(
            Dataset(
                iri=iri,
                label_de=index.label(iri, "de") or iri.rsplit("/", 1)[-1],
                label_en=_english(index, iri),
                source=tuple(index.iris(iri, DCT + "source")),
                title=index.text(iri, DCT + "title", "de"),
                data_source=index.text(iri, str(IK.dataSource), "de"),
                note=index.text(iri, SKOS + "editorialNote", "de"),
                observations=tuple(sorted(by_dataset.get(iri, []), key=_obs_key)),
            )
        )
    return tuple(found)


def _english(index: TripleIndex, iri: str) -> str | None:
    for value in index.values(iri, SKOS + "prefLabel"):
        if getattr(value, "language", None) == "en":
            return str(value)
    return None


def _obs_key(obs: Observation) -> tuple[str, str, str]:
    tail = obs.iri.rsplit("/", 1)[-1]
    return (obs.group or "", str(obs.period or ""), tail.zfill(6))


def memberships(index: TripleIndex) -> tuple[Membership, ...]:
    """Every ``org:Membership`` with member, body, printed role; ordered by IRI."""
    found = []
    for iri in index.of_type(ORG + "Membership"):
        members, bodies = index.iris(iri, ORG + "member"), index.iris(iri, ORG + "organization")
        if not members or not bodies:
            continue
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
