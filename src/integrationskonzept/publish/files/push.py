"""Push the knowledge base into any SPARQL 1.1 Graph Store Protocol store.

An HTTP ``PUT`` of the whole graph to ``ENDPOINT?graph=IRI`` replaces the named graph in one
request, so readers see either the old or the new graph (the store applies it atomically).
A store that is down or refuses the write is reported; nothing is changed then.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

from rdflib import Graph

from integrationskonzept.errors import InputError
from integrationskonzept.publish.files.export import DEFAULT_GRAPH_NAME, serialize
from integrationskonzept.query.runner import to_iri

# Printable ASCII without spaces: http.client refuses anything else with a ValueError.
_URL = re.compile(r"[!-~]+")


def graph_store_url(endpoint: str, graph_iri: str) -> str:
    """The Graph Store Protocol URL of a named graph.

    >>> graph_store_url("http://127.0.0.1:7878/store", "https://example.org/g")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fexample.org%2Fg'
    >>> graph_store_url("http://127.0.0.1:7878/store", "https://example.org/a b")
    Traceback (most recent call last):
    ...
    integrationskonzept.errors.QueryError: parameter --graph: not an IRI: 'https://example.org/a b'
      hint: give an absolute IRI (https://…) or a CURIE such as lev:field/C
    """
    iri = to_iri(graph_iri, "--graph")
    parts = urllib.parse.urlsplit(endpoint)
    try:
        parts.port  # noqa: B018 - reading it checks it
    except ValueError as exc:
        raise InputError(f"not a valid port in the endpoint URL: {endpoint!r}") from exc
    if parts.scheme not in ("http", "https") or not parts.netloc or not _URL.fullmatch(endpoint):
        raise InputError(
            f"not an http(s) endpoint URL: {endpoint!r}",
            hint="percent-encode spaces and other characters outside printable ASCII",
        )
    query = urllib.parse.urlencode({"graph": str(iri)})
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def push(
    graph: Graph, endpoint: str, graph_iri: str = DEFAULT_GRAPH_NAME, timeout: float = 60
) -> int:
    """Replace the named graph ``graph_iri`` at ``endpoint`` with ``graph``; return its size."""
    url = graph_store_url(endpoint, graph_iri)  # a bad URL or IRI fails before the work
    body = serialize(graph, "ntriples").encode("utf-8")
    request = urllib.request.Request(
        url,
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
