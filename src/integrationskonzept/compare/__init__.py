"""What changed between two versions of a knowledge base (two reports, two folders, two commits).

Identity is by IRI: a measure whose label changed is renamed, not removed and added. The
comparison works on the typed model (:class:`~integrationskonzept.model.KnowledgeBase`):

=================  ==========================================================
module             what it does
=================  ==========================================================
``changes``        the changes as frozen records and the :class:`Diff` (JSON-ready)
``diff``           :func:`compare`: two knowledge bases in, one :class:`Diff` out
``render``         the diff as text, Markdown or JSON
``status``         measure status per topic on both sides; the :class:`Comparison`
``revisions``      a folder of the data as it was in a git revision (``git show``)
=================  ==========================================================

>>> from integrationskonzept.model import KnowledgeBase
>>> kb = KnowledgeBase()
>>> compare(kb, kb).is_empty()
True
"""

from __future__ import annotations

from integrationskonzept.compare.changes import (
    Diff,
    GoalChange,
    MeasureEntry,
    Named,
    Rename,
    ResponsibilityChange,
    Side,
    StatusChange,
)
from integrationskonzept.compare.diff import compare
from integrationskonzept.compare.render import render
from integrationskonzept.compare.status import Comparison, TopicStatus, comparison, status_by_topic

__all__ = [
    "Comparison",
    "Diff",
    "GoalChange",
    "MeasureEntry",
    "Named",
    "Rename",
    "ResponsibilityChange",
    "Side",
    "StatusChange",
    "TopicStatus",
    "compare",
    "comparison",
    "render",
    "status_by_topic",
]
