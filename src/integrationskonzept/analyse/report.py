"""All analyses of one knowledge base in one frozen report, with a deterministic JSON form.

``analyse(graph)`` builds the graphs once and runs every analysis on them. Floats are
rounded to six decimals, undefined values (Burt's measures of an isolated actor) are
``None``, and every list is sorted, so :meth:`AnalysisReport.to_json` gives the same bytes
on every run and under every ``PYTHONHASHSEED``.

>>> from rdflib import Graph
>>> report = analyse(Graph())
>>> report.to_dict()["actors"]
[]
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from rdflib import Graph

from integrationskonzept.analyse import brokerage as gf
from integrationskonzept.analyse import centrality
from integrationskonzept.analyse._numbers import rounded, rounded_or_none
from integrationskonzept.analyse.communities import Communities, communities
from integrationskonzept.analyse.facts import Facts
from integrationskonzept.analyse.graphs import (
    BODY,
    FIELD,
    NETWORK,
    AnalysisGraphs,
    actor_nodes,
    build_graphs,
)
from integrationskonzept.analyse.matrix import ResponsibilityMatrix, responsibility_matrix
from integrationskonzept.analyse.structure import Structure, structure

GROUPINGS = ("field", "actor_kind")

METHOD = {
    "actor_projection": "actors joined by shared networks and governance bodies; weight = "
    "number shared",
    "betweenness": "normalised, unweighted, on the actor projection",
    "eigenvector": "weighted, per connected component (unit norm within each component)",
    "structural_holes": "Burt's constraint and effective size, weighted; null for isolates",
    "brokerage": "Gould-Fernandez roles on the symmetric directed actor projection; only "
    "open two-paths a->b->c (a->c absent) count; groups: primary field (most frequent lead "
    "field, ties by code; else most frequent field of any tie; else '(none)') or actor kind",
    "communities": "Louvain, weighted, seed 42; alignment with primary fields as NMI",
    "lead_concentration": "share of all networks led by the top 1/3/5 actors (ties by IRI)",
}


@dataclass(frozen=True)
class ActorRecord:
    """Every measure of one actor."""

    iri: str
    label: str
    actor_kind: str
    field: str
    leads: int
    networks: int
    bodies: int
    fields: tuple[str, ...]
    degree: int
    degree_centrality: float
    betweenness: float
    eigenvector: float
    constraint: float | None
    effective_size: float | None
    core: int
    component: int
    community: int


@dataclass(frozen=True)
class BrokerageRecord:
    """One actor's brokerage counts under one grouping (``"field"`` or ``"actor_kind"``)."""

    iri: str
    label: str
    grouping: str
    group: str
    coordinator: int
    gatekeeper: int
    representative: int
    liaison: int
    itinerant: int

    @property
    def total(self) -> int:
        """All brokerage two-paths through this actor."""
        return sum(getattr(self, role) for role in gf.ROLES)


@dataclass(frozen=True)
class Summary:
    """How big the analysed networks are."""

    actors: int
    networks: int
    bodies: int
    fields: int
    affiliations: int
    actor_ties: int
    components: int
    communities: int


@dataclass(frozen=True)
class AnalysisReport:
    """The results of every analysis of one knowledge base."""

    summary: Summary
    actors: tuple[ActorRecord, ...]
    brokerage: tuple[BrokerageRecord, ...]
    communities: Communities
    structure: Structure
    matrix: ResponsibilityMatrix

    def actor(self, iri: str) -> ActorRecord:
        """The record of the actor ``iri`` (``KeyError`` if it is not in the network)."""
        for record in self.actors:
            if record.iri == iri:
                return record
        raise KeyError(iri)

    def to_dict(self) -> dict[str, Any]:
        """One JSON-ready object (dicts, lists, strings, numbers, ``None``): summary, method,
        actors, brokerage, communities, structure, matrix."""
        data: dict[str, Any] = _lists(
            {
                "summary": asdict(self.summary),
                "method": dict(METHOD),
                "actors": [asdict(record) for record in self.actors],
                "brokerage": [{**asdict(r), "total": r.total} for r in self.brokerage],
                "communities": {
                    "modularity": self.communities.modularity,
                    "field_alignment_nmi": self.communities.field_alignment_nmi,
                    "items": [
                        {**asdict(c), "size": c.size, "fields": dict(c.fields)}
                        for c in self.communities.items
                    ],
                },
                "structure": asdict(self.structure),
                "matrix": {
                    "fields": list(self.matrix.fields),
                    "rows": [
                        {
                            "iri": row.iri,
                            "label": row.label,
                            "counts": dict(zip(self.matrix.fields, row.counts, strict=True)),
                            "networks_led": row.networks_led,
                        }
                        for row in self.matrix.rows
                    ],
                },
            }
        )
        return data

    def to_json(self) -> str:
        """The report as indented JSON with sorted keys and a final newline."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _lists(value: Any) -> Any:
    """``value`` with every tuple turned into a list, recursively."""
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(item) for item in value]
    return value


def _count(graph: Any, kind: str) -> int:
    return sum(1 for _, found in graph.nodes(data="kind") if found == kind)


def _brokerage(graphs: AnalysisGraphs, groups: dict[str, dict[str, str]]) -> list[BrokerageRecord]:
    directed = gf.symmetric(graphs.actors)
    records = []
    for grouping in GROUPINGS:
        counts = gf.brokerage_roles(directed, groups[grouping])
        for actor in sorted(counts):
            records.append(
                BrokerageRecord(
                    iri=str(actor),
                    label=graphs.actors.nodes[actor]["label"],
                    grouping=grouping,
                    group=groups[grouping][str(actor)],
                    **counts[actor],
                )
            )
    return records


def _actor_records(
    graphs: AnalysisGraphs, fields: dict[str, str], found: Communities, shape: Structure
) -> tuple[ActorRecord, ...]:
    affiliation, actors = graphs.affiliation, graphs.actors
    involvement = centrality.involvement(affiliation)
    degree = centrality.degree(actors)
    betweenness = centrality.betweenness(actors)
    eigenvector = centrality.eigenvector(actors)
    constraint = centrality.constraint(actors)
    effective_size = centrality.effective_size(actors)
    core = centrality.core_numbers(actors)
    others = max(len(degree) - 1, 1)
    component_of = {a: i for i, c in enumerate(shape.components) for a in c.actors}
    community_of = found.membership()
    return tuple(
        ActorRecord(
            iri=actor,
            label=affiliation.nodes[actor]["label"],
            actor_kind=affiliation.nodes[actor]["actor_kind"],
            field=fields[actor],
            leads=involvement[actor].leads,
            networks=involvement[actor].networks,
            bodies=involvement[actor].bodies,
            fields=involvement[actor].fields,
            degree=degree[actor],
            degree_centrality=rounded(degree[actor] / others),
            betweenness=rounded(betweenness[actor]),
            eigenvector=rounded(eigenvector[actor]),
            constraint=rounded_or_none(constraint[actor]),
            effective_size=rounded_or_none(effective_size[actor]),
            core=core[actor],
            component=component_of[actor],
            community=community_of[actor],
        )
        for actor in actor_nodes(affiliation)
    )


def analyse(source: Graph | Facts | AnalysisGraphs) -> AnalysisReport:
    """Run every analysis on a knowledge base (an rdflib graph) or on graphs built from one."""
    graphs = source if isinstance(source, AnalysisGraphs) else build_graphs(source)
    affiliation, actors = graphs.affiliation, graphs.actors
    groups = {"field": gf.primary_fields(affiliation), "actor_kind": gf.actor_kinds(affiliation)}
    found = communities(actors, groups["field"])
    shape = structure(affiliation, actors, graphs.network_fields)
    records = _actor_records(graphs, groups["field"], found, shape)
    summary = Summary(
        actors=len(records),
        networks=_count(affiliation, NETWORK),
        bodies=_count(affiliation, BODY),
        fields=_count(graphs.network_fields, FIELD),
        affiliations=affiliation.number_of_edges(),
        actor_ties=actors.number_of_edges(),
        components=len(shape.components),
        communities=len(found.items),
    )
    field_codes = [code for _, code in graphs.network_fields.nodes(data="code") if code]
    return AnalysisReport(
        summary=summary,
        actors=records,
        brokerage=tuple(_brokerage(graphs, groups)),
        communities=found,
        structure=shape,
        matrix=responsibility_matrix(affiliation, field_codes),
    )
