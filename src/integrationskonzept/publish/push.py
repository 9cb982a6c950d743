"""Push the knowledge base into any SPARQL 1.1 Graph Store Protocol store.

An HTTP ``PUT`` of the whole graph to ``ENDPOINT?graph=IRI`` replaces the named graph in one
request, so readers see either the old or the new graph (the store applies it atomically).
A store that is down or refuses the write is reported; nothing is changed then.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from rdflib import Graph

from integrationskonzept.errors import InputError
from integrationskonzept.publish.export import DEFAULT_GRAPH_NAME, serialize


def graph_store_url(endpoint: str, graph_iri: str) -> str:
    """The Graph Store Protocol URL of a named graph.

    >>> graph_store_url("http://127.0.0.1:7878/store", "https://example.org/g")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fexample.org%2Fg'
    """
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"not an http(s) endpoint URL: {endpoint!r}")
    query = urllib.parse.urlencode({"graph": graph_iri})
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def push(
    graph: Graph, endpoint: str, graph_iri: str = DEFAULT_GRAPH_NAME, timeout: float = 60
) -> int:
    """Replace the named graph ``graph_iri`` at ``endpoint`` with ``graph``; return its size."""
    body = serialize(graph, "ntriples").encode("utf-8")
    request = urllib.request.Request(
        graph_store_url(endpoint, graph_iri),
        data=body,
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        raise InputError(
            f"the store refused the write: HTTP {exc.code} {exc.reason}",
            hint="check that the endpoint is the store's Graph Store Protocol URL and writable",
        ) from exc
    except OSError as exc:
        raise InputError(
            f"cannot reach the store at {endpoint}: {getattr(exc, 'reason', exc)}",
            hint="start the store or check the URL; nothing was changed",
        ) from exc
    if status not in (200, 201, 204):
        raise InputError(f"unexpected answer from the store: HTTP {status}")
    return len(graph)
