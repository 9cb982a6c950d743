"""Implementation over time: dated statuses of measures and assessments of goals and topics.

A report is one snapshot in a series. What it says about a measure's status is a
:class:`StatusAssertion` (``ik:StatusAssertion``: status, date, report, section, quote), one
per report; what it says about the state of a goal, indicator or topic is an
:class:`Assessment` (``ik:Assessment``). Dates are kept in their lexical form (``"2019-05"``,
``"2019"``, ``"2019-05-14"``): as precise as the report, and ordered by :func:`date_key`.

>>> from integrationskonzept.model import KnowledgeBase
>>> from integrationskonzept.namespaces import LEV
>>> kb = KnowledgeBase()
>>> fit_in_deutsch = kb.measure(str(LEV["measure/fit-in-deutsch"]))
>>> [(a.date, a.status) for a in fit_in_deutsch.status_history]
[('2019-05', 'implemented')]
>>> [a.iri.rsplit("/", 1)[-1] for a in kb.assessments_of("F-1")]
['F-2', 'F-3', 'F-4', 'F-5']
"""

from __future__ import annotations

import dataclasses
import re

from integrationskonzept.model.records import Entity

_DIGITS = re.compile(r"(\d+)")


def date_key(date: str | None) -> str:
    """The sort key of a date of any precision: its lexical form (``""`` for none).

    ISO dates of different precision order as expected by their text: a year before a month
    of that year before a day of that month.

    >>> sorted(["2019-05-14", "2019", "2021-03", "2019-05"], key=date_key)
    ['2019', '2019-05', '2019-05-14', '2021-03']
    """
    return date or ""


def natural_key(iri: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts ``…/F-2`` before ``…/F-10``.

    >>> sorted(["x/F-10", "x/F-2"], key=natural_key)
    ['x/F-2', 'x/F-10']
    """
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in _DIGITS.split(iri))


@dataclasses.dataclass(frozen=True)
class StatusAssertion(Entity):
    """A report's dated statement of a measure's status (``ik:StatusAssertion``).

    ``status`` is a code of the status scheme (``ongoing`` …), ``date`` the time the report
    describes (lexical form), ``report`` the report that states it, ``evidence`` the quote.
    """

    measure: str | None
    status: str | None
    date: str | None
    report: str | None
    evidence: str | None


@dataclasses.dataclass(frozen=True)
class Assessment(Entity):
    """What a report says about the state of a goal, indicator or topic (``ik:Assessment``).

    ``assesses``: the goals, indicators or topics it speaks about; ``topic``: the field or
    cross-cutting topic it belongs to; ``evidence_de``: the verbatim quote (``evidence_en``
    its translation); ``attributed_to``: the actors whose view it is, where the report says so.
    """

    topic: str | None
    assesses: tuple[str, ...]
    evidence_de: str | None
    evidence_en: str | None
    date: str | None
    report: str | None
    attributed_to: tuple[str, ...]
