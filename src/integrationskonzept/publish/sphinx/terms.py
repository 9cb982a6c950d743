"""Short names of IRIs for display: the project's CURIEs, plus ``rdf:``.

>>> short("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
'rdf:type'
>>> short("https://w3id.org/integrationskonzept/leverkusen/goal/C-1")
'lev:goal/C-1'
"""

from __future__ import annotations

from integrationskonzept.stats import curie

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def short(iri: str) -> str:
    """The CURIE of ``iri`` if a known prefix fits, else the IRI itself."""
    if iri.startswith(RDF):
        return "rdf:" + iri[len(RDF) :]
    return curie(iri)
