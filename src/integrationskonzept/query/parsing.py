"""rdflib's SPARQL parser behind one lock, so queries can be parsed from many threads.

rdflib parses SPARQL with pyparsing, whose parse actions are wrapped by ``_trim_arity``: on
its first call each wrapper finds out by trial (catching ``TypeError``) how many arguments
its action takes, and remembers the answer without a lock. Two threads making that first
call at the same time can leave it remembering a wrong count; from then on every parse that
reaches the action fails (``<lambda>() missing 1 required positional argument``) until the
process restarts. So every parse in this project goes through :func:`prepare`, which holds
:data:`PARSE_LOCK`; a parse takes milliseconds, evaluation is not serialised.

A prepared query is never shared between threads: rdflib's expressions keep the bindings of
the evaluation in progress on the query object itself (``Expr.ctx``).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.store import Store

from integrationskonzept.namespaces import PREFIXES

PARSE_LOCK = threading.Lock()
"""Held while rdflib parses and translates a query (pyparsing is not thread-safe)."""


def prepare(text: str) -> Query:
    """Parse and translate ``text`` (the project's prefixes known) under :data:`PARSE_LOCK`.

    >>> prepare("ASK { ?s a ik:ActionField }").algebra.name
    'AskQuery'
    """
    with PARSE_LOCK:
        return prepareQuery(text, initNs=PREFIXES)


def has_own_engine(graph: Graph) -> bool:
    """Whether ``graph``'s store answers SPARQL itself (Oxigraph) rather than with rdflib."""
    return type(graph.store).query is not Store.query


def graph_query(graph: Graph, text: str, bindings: Mapping[str, Any] | None = None) -> Result:
    """``graph.query(text)``, with rdflib's parse (if rdflib evaluates) under the lock.

    A store with its own engine gets the text; otherwise the query is prepared here, so
    rdflib's ``graph.query`` does not parse it again outside the lock.

    >>> from rdflib import URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:c")))
    >>> graph_query(g, "ASK { ?s ?p ?o }").askAnswer
    True
    """
    init = dict(bindings or {})
    if has_own_engine(graph):
        return graph.query(text, initNs=PREFIXES, initBindings=init)
    return graph.query(prepare(text), initBindings=init)
