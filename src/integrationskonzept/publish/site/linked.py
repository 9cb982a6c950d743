"""What an entity's page says about itself for machines: its statements as embedded JSON-LD
(with a schema.org type where one fits), its data files and a short description.

The schema.org type is added to the embedded JSON-LD only, for search engines and other
readers of web pages; it is not a statement of the knowledge base, and the data files
(``data/<page>.ttl|.jsonld``) hold exactly the statements about the entity.

>>> print(script_safe('{"a": "</script><!--"}'))
{"a": "\\u003c/script\\u003e\\u003c!--"}
>>> schema_type("meeting", None)
'http://schema.org/Event'
>>> schema_type("actor", "CityUnitKind"), schema_type("actor", "NGOKind")
('http://schema.org/GovernmentOrganization', 'http://schema.org/Organization')
>>> schema_type("goal", None) is None
True
"""

from __future__ import annotations

import json

from rdflib import RDF, Graph, URIRef

from integrationskonzept.model import Actor, Entity, TripleIndex
from integrationskonzept.namespaces import SCHEMA
from integrationskonzept.publish.files.export import serialize
from integrationskonzept.publish.site.blocks import Head
from integrationskonzept.publish.site.site import Site

# the schema.org class of each kind of page, where one fits
_SCHEMA_BY_KIND = {
    "measure": SCHEMA.Project,
    "meeting": SCHEMA.Event,
    "dataset": SCHEMA.Dataset,
    "network": SCHEMA.Organization,
    "actor": SCHEMA.Organization,
}
# actors of these kinds (ik:actorKind) are public bodies: the city, its units, offices and
# bodies, and state and federal agencies
_GOVERNMENT_KINDS = frozenset(
    {
        "CityAdministrationKind",
        "CityDivisionKind",
        "CityDepartmentKind",
        "CityUnitKind",
        "PublicOfficeKind",
        "PoliticalBodyKind",
        "AdministrativeBodyKind",
        "StateAgencyKind",
        "FederalAgencyKind",
    }
)
DESCRIPTION_LENGTH = 300
# characters that may not appear as themselves inside <script>: "<" could close it ("</script>")
# or open a comment ("<!--"); ">" and "&" are escaped too, as JSON allows
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def schema_type(kind: str, actor_kind: str | None) -> str | None:
    """The schema.org class (full IRI) of an entity of the page kind ``kind``, if one fits."""
    if kind == "actor" and actor_kind in _GOVERNMENT_KINDS:
        return str(SCHEMA.GovernmentOrganization)
    found = _SCHEMA_BY_KIND.get(kind)
    return str(found) if found is not None else None


def entity_graph(index: TripleIndex, iri: str) -> Graph:
    """The statements with ``iri`` as subject or object (those of its data files)."""
    graph = Graph()
    node = URIRef(iri)
    for prop, value in index.outgoing(iri):
        graph.add((node, URIRef(prop), value))
    for subject, prop in index.incoming(iri):
        graph.add((URIRef(subject), URIRef(prop), node))
    return graph


def script_safe(text: str) -> str:
    """JSON text that can stand inside ``<script>`` as it is: ``<``, ``>`` and ``&`` as
    ``\\u`` escapes (the same JSON value, read by any JSON parser)."""
    return "".join(_SCRIPT_ESCAPES.get(char, char) for char in text)


def embedded_jsonld(index: TripleIndex, head: Head) -> str:
    """The JSON-LD to embed in the page of ``head.iri``: its statements and the schema.org
    type, compact and safe inside ``<script>``."""
    graph = entity_graph(index, head.iri)
    if head.schema_type is not None:
        graph.add((URIRef(head.iri), RDF.type, URIRef(head.schema_type)))
    document = json.loads(serialize(graph, "json-ld"))
    compact = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return script_safe(compact)


def _shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.– ") + "…"


def _statement(site: Site, entity: Entity) -> str:
    """The entity's own words in the site's language: its statement, else its description
    or evidence (German as fallback)."""
    en = getattr(entity, "statement_en", None)
    for name in ("statement_de", "description", "evidence"):
        text = getattr(entity, name, None)
        if isinstance(text, str) and text:
            return en if name == "statement_de" and site.lang == "en" and en else text
    return ""


def description(site: Site, kind: str, entity: Entity, title: str) -> str:
    """``<title> – <kind>: <statement>``, at most :data:`DESCRIPTION_LENGTH` characters
    (plain text; the template escapes it)."""
    words = _statement(site, entity)
    text = f"{title} – {site.ui(f'one.{kind}')}"
    return _shorten(f"{text}: {words}" if words else text)


def head(site: Site, kind: str, entity: Entity, docname: str, title: str) -> Head:
    """The head of an entity's page: description, data files, the entity's schema.org type."""
    actor_kind = entity.kind if isinstance(entity, Actor) else None
    return Head(
        description=description(site, kind, entity, title),
        alternates=(
            ("text/turtle", f"data/{docname}.ttl"),
            ("application/ld+json", f"data/{docname}.jsonld"),
        ),
        iri=entity.iri,
        schema_type=schema_type(kind, actor_kind),
    )
