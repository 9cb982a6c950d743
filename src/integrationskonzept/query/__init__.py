"""Named SPARQL queries and a safe runner.

The library's questions live as ``*.rq`` files beside this module, each with a header::

    # title@de: Leitziele eines Handlungsfelds
    # title@en: Guiding goals of a field of action
    # description@de: …
    # description@en: …
    # param: field iri Das Handlungsfeld, z. B. lev:field/C

Parameters are *bound* (rdflib ``initBindings``, Oxigraph substitutions), never pasted into
the query text; IRI parameters are checked before binding. Queries that call ``SERVICE`` or
name remote graphs (``FROM``/``FROM NAMED``) are refused for the in-process engine.

>>> from integrationskonzept import load
>>> result = query("goals-of-topic", load(backend="oxigraph"), topic="lev:field/C")
>>> [row["number"] for row in result.to_dicts()]
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

from integrationskonzept.query.library import NamedQuery, Parameter, named_queries
from integrationskonzept.query.runner import QueryResult, query

__all__ = ["NamedQuery", "Parameter", "QueryResult", "named_queries", "query"]
