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
>>> [a.date for a in kb.measures("C")[0].status_history]
['2019-05']
>>> len(kb.goal("F-1").assessments(kb))
4
>>> kb.goal("C1")
Traceback (most recent call last):
...
integrationskonzept.errors.UnknownKeyError: "no goal 'C1'; close matches: C-1"

The one read model of the project: the site, the analysis pages and reports use it and its
records (``records``), with every statement indexed once (``statements``) for what the records
do not hold.

Known limits: the model covers the main kinds of the vocabulary; for anything else use
``kb.statements``, ``kb.graph`` or ``kb.query()``.
"""

from __future__ import annotations

# kept importable from here (it lived here before errors.py held every exception)
from integrationskonzept.errors import UnknownKeyError as UnknownKeyError
from integrationskonzept.model.history import Assessment, StatusAssertion
from integrationskonzept.model.knowledge_base import KnowledgeBase
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
    Statement,
    StrategicGoal,
    Topic,
)
from integrationskonzept.model.statements import TripleIndex

__all__ = [
    "STATUSES",
    "Actor",
    "Agreement",
    "Assessment",
    "Dataset",
    "Entity",
    "Goal",
    "Indicator",
    "KnowledgeBase",
    "Measure",
    "Meeting",
    "Membership",
    "Need",
    "Network",
    "Observation",
    "Responsibility",
    "Statement",
    "StatusAssertion",
    "StrategicGoal",
    "Topic",
    "TripleIndex",
]
