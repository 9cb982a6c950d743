"""What the site's search should find a page by: its code and its names.

Each entity page carries these as keywords; the Sphinx glue makes them index entries, which
Sphinx's search ranks above every title and full-text match (an entry that is the query
scores 100, a word in the text 5). So "C-1" finds goal C-1 first, "IKOE" the topic, and
"integration centre" the Kommunales Integrationszentrum, whose English label is longer but
whose abbreviation "KI" is expanded as "Municipal Integration Centre" in the data.

Keywords are the code (``skos:notation`` of topics and strategic goals, the code of goals and
indicators), the page title, the labels in both languages, the alternative labels, and the
abbreviations that stand for the entity with their expansions.

>>> clean(["C-1", " c-1 ", "Leitziel C-1", "a; b", ""])
('C-1', 'Leitziel C-1', 'a, b')
"""

from __future__ import annotations

from collections.abc import Iterable

from integrationskonzept.model import Entity
from integrationskonzept.namespaces import IK
from integrationskonzept.publish.site.site import Site

# keywords longer than this are never an index entry a query could match well
MAX_LENGTH = 120


def clean(words: Iterable[str]) -> tuple[str, ...]:
    """Whitespace normalised, ``;`` (which splits an index entry) replaced, duplicates
    (ignoring case) and empty words dropped, order kept."""
    seen: set[str] = set()
    found: list[str] = []
    for word in words:
        flat = " ".join(word.replace(";", ",").split())
        if flat and len(flat) <= MAX_LENGTH and flat.lower() not in seen:
            seen.add(flat.lower())
            found.append(flat)
    return tuple(found)


def _abbreviations(site: Site, iri: str) -> list[str]:
    """The abbreviations that stand for ``iri`` and their expansions (all languages)."""
    found: list[str] = []
    for subject, prop in site.index.incoming(iri):
        if prop != str(IK.standsFor):
            continue
        found += [str(v) for v in site.index.values(subject, str(IK.abbreviation))]
        found += [str(v) for v in site.index.values(subject, str(IK.expansion))]
    return found


def keywords(site: Site, entity: Entity, title: str) -> tuple[str, ...]:
    """The words the search finds ``entity``'s page by, its code first."""
    code = getattr(entity, "code", None) or getattr(entity, "notation", None)
    names = [title, site.name(entity), entity.label_de, entity.label_en or ""]
    names += list(getattr(entity, "alt_labels", ()))
    return clean([code or "", *names, *_abbreviations(site, entity.iri)])
