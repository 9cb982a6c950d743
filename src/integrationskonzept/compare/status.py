"""Measure status per topic on both sides of a comparison, and the :class:`Comparison` itself.

A :class:`~.changes.Diff` lists what changed; a reader of two reports also wants the shape
of the whole: how many measures of each field were implemented, ongoing, planned … before
and after. :func:`comparison` makes both from two knowledge bases at once, so that whoever
shows them (the site's Changes page) receives typed data and recomputes nothing.

>>> from integrationskonzept.model import KnowledgeBase
>>> kb = KnowledgeBase()
>>> same = comparison(kb, kb)
>>> same.diff.is_empty(), same.before == same.after
(True, True)
>>> [row.code for row in same.after][:3]
['A', 'B', 'C']
"""

from __future__ import annotations

import dataclasses

from integrationskonzept.compare.changes import Diff, Named
from integrationskonzept.compare.diff import compare, named
from integrationskonzept.model import STATUSES, KnowledgeBase

STATUS_CODES: tuple[str | None, ...] = (*STATUSES, None)
"""The status codes counted, in the order of the status scheme; ``None``: not stated."""


@dataclasses.dataclass(frozen=True)
class TopicStatus:
    """The measures of one topic counted by status (``counts[i]`` for ``STATUS_CODES[i]``).

    A measure listed under several topics counts in each of them, as on the topic pages.
    """

    topic: Named
    code: str
    counts: tuple[int, ...]

    def count(self, status: str | None) -> int:
        """The number of the topic's measures with ``status`` (``None``: not stated)."""
        return self.counts[STATUS_CODES.index(status)]

    @property
    def total(self) -> int:
        """The number of the topic's measures."""
        return sum(self.counts)


def status_by_topic(kb: KnowledgeBase) -> tuple[TopicStatus, ...]:
    """Every topic of ``kb``, in the model's order, with its status counts."""
    rows = []
    for topic in kb.topics:
        statuses = [m.status for m in kb.measures(topic.iri)]
        counts = tuple(statuses.count(code) for code in STATUS_CODES)
        rows.append(TopicStatus(named(topic), topic.code, counts))
    return tuple(rows)


@dataclasses.dataclass(frozen=True)
class Comparison:
    """Two versions compared: the :class:`~.changes.Diff` and the status counts per topic
    of each side (``before``: the old version, ``after``: the new one)."""

    diff: Diff
    before: tuple[TopicStatus, ...]
    after: tuple[TopicStatus, ...]

    def topics(self) -> tuple[tuple[str, Named, TopicStatus | None, TopicStatus | None], ...]:
        """Every topic of either side as ``(code, topic, before, after)``: the new side's
        topics in their order, then those only the old side has."""
        old = {row.topic.iri: row for row in self.before}
        new = {row.topic.iri: row for row in self.after}
        found: list[tuple[str, Named, TopicStatus | None, TopicStatus | None]] = [
            (row.code, row.topic, old.get(row.topic.iri), row) for row in self.after
        ]
        found += [
            (row.code, row.topic, row, None) for row in self.before if row.topic.iri not in new
        ]
        return tuple(found)


def comparison(
    old: KnowledgeBase, new: KnowledgeBase, *, old_source: str = "old", new_source: str = "new"
) -> Comparison:
    """The diff from ``old`` to ``new`` and the status counts per topic of both."""
    return Comparison(
        diff=compare(old, new, old_source=old_source, new_source=new_source),
        before=status_by_topic(old),
        after=status_by_topic(new),
    )
