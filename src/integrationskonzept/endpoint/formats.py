"""Which answer format an ``Accept`` header asks for (RFC 9110, 12.5.1).

>>> choose("text/csv;q=0.5, application/sparql-results+xml", RESULTS)
'application/sparql-results+xml'
>>> choose("text/html, */*;q=0.1", GRAPHS)
'text/turtle'
>>> choose("image/png", RESULTS) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping

RESULTS: Mapping[str, str] = {
    "application/sparql-results+json": "application/sparql-results+json",
    "application/sparql-results+xml": "application/sparql-results+xml",
    "text/csv": "text/csv",
    "text/tab-separated-values": "text/tab-separated-values",
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
}
"""Media types a client may ask for the answer of SELECT or ASK, and the one it gets."""

GRAPHS: Mapping[str, str] = {
    "text/turtle": "text/turtle",
    "application/n-triples": "application/n-triples",
    "application/rdf+xml": "application/rdf+xml",
    "application/ld+json": "application/ld+json",
    "application/n-quads": "application/n-quads",
    "application/trig": "application/trig",
    "text/n3": "text/n3",
}
"""The same for the graph that CONSTRUCT or DESCRIBE answers; the first is the default."""


def _ranges(accept: str) -> list[tuple[float, int, str]]:
    """``(q, position, media range)`` of each range in the header, best first."""
    found = []
    for position, part in enumerate(accept.split(",")):
        media, *parameters = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            found.append((-quality, position, media.lower()))
    return [(-q, position, media) for q, position, media in sorted(found)]


def choose(accept: str, offered: Mapping[str, str]) -> str | None:
    """The media type to answer with, or ``None`` if the header accepts none offered.

    No header, or one that accepts anything, gets the first offered type.
    """
    if not accept.strip():
        return next(iter(offered.values()))
    for _, _, media in _ranges(accept):
        if media in offered:
            return offered[media]
        kind, _, sub = media.partition("/")
        for candidate, answer in offered.items():
            if kind == "*" or (sub == "*" and candidate.startswith(kind + "/")):
                return answer
    return None
