"""“Cite this”: the report section and page an entity comes from, and its record.

A source section (``dcterms:source``) is part of (``dcterms:isPartOf``) a larger section or
the report itself; the report gives publisher, title and year, the section its number,
title and first page (``ik:startPage``). Everything is read from the data.
"""

from __future__ import annotations

from integrationskonzept.model import Entity
from integrationskonzept.namespaces import IK, PREFIXES
from integrationskonzept.publish.site.blocks import Code, Items, Para, Section, Text
from integrationskonzept.publish.site.site import Site

_DCTERMS = PREFIXES["dcterms"]
_QUOTES = {"de": ("„", "“"), "en": ("“", "”")}


def report_of(site: Site, section: str) -> str:
    """The document a section belongs to: ``dcterms:isPartOf`` followed to its end."""
    seen = {section}
    current = section
    while True:
        parents = site.index.iris(current, _DCTERMS + "isPartOf")
        if not parents or parents[0] in seen:
            return current
        current = parents[0]
        seen.add(current)


def _quoted(site: Site, text: str) -> str:
    opening, closing = _QUOTES.get(site.lang, _QUOTES["en"])
    return f"{opening}{text}{closing}"


def reference(site: Site, section: str) -> str:
    """``Publisher (year): Title, section 4.3 “Title”, p. 17.`` of one source section."""
    report = report_of(site, section)
    publishers = site.index.iris(report, _DCTERMS + "publisher")
    year = site.index.text(report, _DCTERMS + "issued")
    title = site.index.text(report, _DCTERMS + "title", site.lang) or site.label(report)
    author = site.label(publishers[0]) if publishers else ""
    parts = [f"{author} ({year}): {title}" if author and year else author or title]
    if section != report:
        number = site.index.text(section, str(IK.sectionNumber))
        heading = site.index.text(section, _DCTERMS + "title", site.lang)
        shown = " ".join(p for p in (number, _quoted(site, heading) if heading else "") if p)
        parts.append(f"{site.ui('cite_section')} {shown or site.label(section)}")
    page = site.index.text(section, str(IK.startPage))
    if page:
        parts.append(f"{site.ui('cite_page')} {page}")
    return ", ".join(parts) + "."


def section(site: Site, entity: Entity) -> Section:
    """The citation of the report (one line per source section) and of the record."""
    sources = tuple((Text(reference(site, s)),) for s in entity.source)
    name = _quoted(site, site.name(entity))
    record = (Text(f"{site.ui('cite_record')} {name}: "), Code(entity.iri))
    blocks = (Para((Text(site.ui("cite_intro")),)), Items((*sources, record)))
    return Section(site.ui("cite"), "cite", blocks)
