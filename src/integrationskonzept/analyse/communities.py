"""Communities of the actor projection (Louvain) and how well they align with the fields.

Louvain (``networkx.community.louvain_communities``, edge weights, ``seed=42``) runs on the
integer-relabelled projection, so the partition does not depend on the hash seed.
Communities are numbered by size (largest first), ties by their smallest IRI.

Alignment with the fields: for each community, the distribution of its members' primary
fields (:func:`~integrationskonzept.analyse.brokerage.primary_fields`, ``"(none)"`` counted
too), the dominant field and its share among the members that have a field; for the whole
partition, the normalised mutual information (NMI, arithmetic mean) between communities and
primary fields over the actors that have a field: 1 if the communities are exactly the
fields, 0 if they are independent of them. Actors without a field (members of governance
bodies only) are left out of both, as they say nothing about alignment.

>>> normalised_mutual_information(["a", "a", "b"], ["x", "x", "y"])
1.0
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from integrationskonzept.analyse._numbers import rounded
from integrationskonzept.analyse.brokerage import NO_GROUP
from integrationskonzept.analyse.graphs import indexed

SEED = 42


@dataclass(frozen=True)
class Community:
    """One community: its members and their primary fields."""

    id: int
    members: tuple[str, ...]
    fields: tuple[tuple[str, int], ...]
    dominant_field: str | None
    dominant_share: float

    @property
    def size(self) -> int:
        """The number of members."""
        return len(self.members)


@dataclass(frozen=True)
class Communities:
    """The partition, its modularity and its alignment with the fields."""

    items: tuple[Community, ...]
    modularity: float
    field_alignment_nmi: float

    def membership(self) -> dict[str, int]:
        """member → community id."""
        return {member: c.id for c in self.items for member in c.members}


def detect(graph: nx.Graph, seed: int = SEED) -> list[tuple[str, ...]]:
    """Louvain communities as sorted member tuples, largest first (ties by first member)."""
    if graph.number_of_nodes() == 0:
        return []
    g, nodes = indexed(graph)
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    groups = [tuple(sorted(nodes[i] for i in members)) for members in found]
    return sorted(groups, key=lambda members: (-len(members), members[0]))


def _entropy(counts: Sequence[int], total: int) -> float:
    return -sum(n / total * math.log(n / total) for n in counts if n)


def normalised_mutual_information(first: Sequence[str], second: Sequence[str]) -> float:
    """NMI (arithmetic normalisation) of two labellings of the same items, in [0, 1].

    Two labellings that each put everything into one group agree perfectly (1.0).

    >>> normalised_mutual_information(["a", "a", "b", "b"], ["x", "y", "x", "y"])
    0.0
    """
    total = len(first)
    if total == 0:
        return 1.0
    joint = Counter(zip(first, second, strict=True))
    left, right = Counter(first), Counter(second)
    h_left = _entropy(list(left.values()), total)
    h_right = _entropy(list(right.values()), total)
    if h_left + h_right == 0:
        return 1.0
    mutual = sum(
        n / total * math.log(n * total / (left[a] * right[b])) for (a, b), n in joint.items()
    )
    return rounded(2 * mutual / (h_left + h_right))


def _community(number: int, members: tuple[str, ...], fields: Mapping[str, str]) -> Community:
    counts = Counter(fields[m] for m in members)
    with_field = {code: n for code, n in counts.items() if code != NO_GROUP}
    top = min(with_field, key=lambda code: (-with_field[code], code), default=None)
    share = with_field[top] / sum(with_field.values()) if top is not None else 0.0
    return Community(
        id=number,
        members=members,
        fields=tuple(sorted(counts.items())),
        dominant_field=top,
        dominant_share=rounded(share),
    )


def communities(graph: nx.Graph, fields: Mapping[str, str], seed: int = SEED) -> Communities:
    """Detect communities in the actor projection and compare them with ``fields``.

    ``fields`` maps every actor to its primary field (:data:`NO_GROUP` for none).
    """
    groups = detect(graph, seed)
    items = tuple(_community(number, members, fields) for number, members in enumerate(groups))
    g, nodes = indexed(graph)
    index = {node: i for i, node in enumerate(nodes)}
    partition = [{index[m] for m in members} for members in groups]
    quality = nx.community.modularity(g, partition, weight="weight") if g.size() else 0.0
    labels = {member: str(c.id) for c in items for member in c.members}
    order = sorted(m for m in labels if fields[m] != NO_GROUP)
    return Communities(
        items=items,
        modularity=rounded(quality),
        field_alignment_nmi=normalised_mutual_information(
            [labels[m] for m in order], [fields[m] for m in order]
        ),
    )
