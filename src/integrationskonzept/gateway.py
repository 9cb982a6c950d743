"""The checks a request to the endpoint passes before its query goes to a query worker.

The endpoint (:mod:`integrationskonzept.serve`) evaluates a request's query only if the
request leaves no doubt which query that is and on what data. A request that leaves any
doubt is refused with the reason: more than one ``Content-Type`` header, a body that is not
a query, text that is not UTF-8, more than one query, the dataset parameters
``default-graph-uri`` and ``named-graph-uri`` (queries run on the local graph only), any
other parameter than ``query``, a query larger than :data:`MAX_QUERY_BYTES` (413; 414 in the
URL). Malformed HTTP (a control character in the URL or a header, ``Content-Length: abc``
or two of them) is refused by the HTTP parser before it gets here.

What this module hands on is the query text it decoded, once: the worker that evaluates it
checks that very string for ``SERVICE`` and ``FROM`` (see
:func:`integrationskonzept.endpoint.worker.checked`) and runs the string it checked.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

MAX_QUERY_BYTES = 128 * 1024
"""Larger queries are refused: the named queries take 2 KB; a 30 KB property path already
crashed Oxigraph's parser, a 262 KB ``||`` chain kept rdflib's busy for minutes."""

_FORM = "application/x-www-form-urlencoded"
_SPARQL_QUERY = "application/sparql-query"
# They choose the graphs a query runs on; this endpoint has one.
_DATASET_PARAMETERS = (
    "default-graph-uri",
    "named-graph-uri",
    "using-graph-uri",
    "using-named-graph-uri",
    "union-default-graph",
)
_CONTENT_LENGTH = re.compile(r"[0-9]{1,18}")

Headers = Sequence[tuple[str, str]]
"""A request's header fields as ``(lower-case name, value)``, in order, repeats kept."""


class Refused(Exception):
    """A request the endpoint does not answer: the HTTP status and the reason to send."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class SparqlRequest:
    """What a checked request asks: its query (``None``: none, e.g. a plain ``GET``)."""

    query: str | None
    accept: str


def _all(headers: Headers, name: str) -> list[str]:
    return [value for key, value in headers if key == name]


def announced_length(headers: Headers, limit: int = MAX_QUERY_BYTES) -> None:
    """Refuse (413) a body whose ``Content-Length`` is over ``limit``, before reading it.

    >>> announced_length([("content-length", "999999999")])
    Traceback (most recent call last):
    ...
    integrationskonzept.gateway.Refused: the request body is larger than 131072 bytes
    """
    for value in _all(headers, "content-length"):
        if _CONTENT_LENGTH.fullmatch(value.strip()) and int(value) > limit:
            raise Refused(413, f"the request body is larger than {limit} bytes")


def _media_type(headers: Headers) -> str:
    """The one media type of the body (lower case), refusing any charset but UTF-8."""
    values = _all(headers, "content-type")
    if len(values) > 1:
        raise Refused(400, "more than one Content-Type header: send one")
    if not values:
        return ""
    media, *parameters = (part.strip() for part in values[0].split(";"))
    for parameter in filter(None, parameters):
        name, _, value = parameter.partition("=")
        if name.strip().lower() != "charset" or value.strip(' "').lower() not in ("utf-8", "utf8"):
            raise Refused(400, f"the Content-Type parameter {parameter!r} is not accepted")
    return media.lower()


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(400, f"{what} is not UTF-8 (byte {exc.start})") from None


def _parameters(encoded: str, what: str) -> list[tuple[str, str]]:
    """``name=value&…`` decoded, refusing percent-encoded bytes that are not UTF-8."""
    try:
        return urllib.parse.parse_qsl(encoded, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise Refused(400, f"{what} holds percent-encoded bytes that are not UTF-8") from None


def _check_parameters(pairs: list[tuple[str, str]]) -> None:
    for name, _ in pairs:
        if name in _DATASET_PARAMETERS:
            raise Refused(400, f"{name} is not allowed: queries run on the local graph only")
        if name != "query":
            raise Refused(400, f"the parameter {name!r} is not accepted by this endpoint")


def _read_body(method: str, media: str, body: bytes) -> tuple[list[tuple[str, str]], list[str]]:
    """The form parameters and the query text a body holds; any other body is refused."""
    if not body:
        return [], []
    if method != "POST":
        raise Refused(400, f"a {method} request has no body here")
    if media == _FORM:
        return _parameters(_utf8(body, "the form"), "the form"), []
    if media == _SPARQL_QUERY:
        return [], [_utf8(body, "the query")]
    raise Refused(415, f"send the query as {_SPARQL_QUERY} or as a form, not {media!r}")


def checked_request(
    method: str,
    query_string: str,
    headers: Headers,
    body: bytes,
    limit: int = MAX_QUERY_BYTES,
) -> SparqlRequest:
    """The query a request to ``/query`` asks for, or :class:`Refused`.

    ``query_string`` is the part of the URL after ``?``, still percent-encoded.

    >>> checked_request("GET", "query=ASK%7B%7D", [], b"")
    SparqlRequest(query='ASK{}', accept='')
    >>> checked_request("GET", "query=ASK%7B%7D&query=ASK%7B%7D", [], b"")
    Traceback (most recent call last):
    ...
    integrationskonzept.gateway.Refused: more than one query in the request: send one
    """
    if method not in ("GET", "POST"):
        raise Refused(405, f"{method} is not allowed here: this endpoint only answers queries")
    if len(query_string) > 3 * limit:  # each byte may take three characters encoded
        raise Refused(414, f"the URL is longer than {3 * limit} characters: POST the query")
    in_url = _parameters(query_string, "the URL")
    media = _media_type(headers)
    in_form, texts = _read_body(method, media, body)
    _check_parameters(in_url + in_form)
    texts += [value for name, value in in_url + in_form if name == "query"]
    if len(texts) > 1:
        raise Refused(400, "more than one query in the request: send one")
    if texts and len(texts[0].encode("utf-8")) > limit:
        raise Refused(413, f"the query is larger than {limit} bytes")
    return SparqlRequest(texts[0] if texts else None, ", ".join(_all(headers, "accept")))
