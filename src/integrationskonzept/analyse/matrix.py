"""The responsibility matrix: lead actors × fields → networks led in that field's table.

A network listed in several field tables counts once in each of them, so a row's cells can
add up to more than its ``networks_led`` (which counts distinct networks).

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("ki", bipartite=0, label="KI", kind="actor")
>>> g.add_node("net", bipartite=1, label="AK", kind="network")
>>> g.add_edge("ki", "net", roles=["Lead"], fields=["A", "B"], lead_fields=["A", "B"])
>>> m = responsibility_matrix(g)
>>> m.fields, m.rows[0].counts, m.rows[0].networks_led
(('A', 'B'), (1, 1), 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from integrationskonzept.analyse.graphs import NETWORK


@dataclass(frozen=True)
class MatrixRow:
    """One lead actor's row: networks led per field (in the matrix's field order)."""

    iri: str
    label: str
    counts: tuple[int, ...]
    networks_led: int


@dataclass(frozen=True)
class ResponsibilityMatrix:
    """Rows sorted by networks led (descending), then IRI; columns sorted by field code."""

    fields: tuple[str, ...]
    rows: tuple[MatrixRow, ...]

    def cell(self, iri: str, field: str) -> int:
        """The number of networks ``iri`` leads in ``field`` (0 where it leads none)."""
        column = self.fields.index(field)
        return next((row.counts[column] for row in self.rows if row.iri == iri), 0)


def responsibility_matrix(
    affiliation: nx.Graph, fields: Iterable[str] = ()
) -> ResponsibilityMatrix:
    """The matrix of the affiliation graph; ``fields`` adds columns that may stay empty."""
    per_actor: dict[str, Counter[str]] = {}
    led: Counter[str] = Counter()
    for actor, side in sorted(affiliation.nodes(data="bipartite")):
        if side != 0:
            continue
        counts: Counter[str] = Counter()
        for target in affiliation[actor]:
            data = affiliation.edges[actor, target]
            if "Lead" in data["roles"] and affiliation.nodes[target]["kind"] == NETWORK:
                led[actor] += 1
                counts.update(data["lead_fields"])
        if led[actor]:
            per_actor[actor] = counts
    columns = tuple(sorted(set(fields).union(*per_actor.values())))
    rows = [
        MatrixRow(
            iri=actor,
            label=affiliation.nodes[actor]["label"],
            counts=tuple(counts[code] for code in columns),
            networks_led=led[actor],
        )
        for actor, counts in per_actor.items()
    ]
    rows.sort(key=lambda row: (-row.networks_led, row.iri))
    return ResponsibilityMatrix(columns, tuple(rows))
