"""Start a new city: its data folder, an empty workbook with the drop-downs, a README.

What every city shares (the vocabularies of status, roles, kinds of actors, networks,
measures and meetings, the units) lives in the ontology and comes with the workbook's
drop-down lists. What a city needs of its own before anything else validates is small: the
declaration of its prefix, its integration concept, the implementation report and one
section of it that the other entries can cite (``dcterms:source``). :func:`init_city` writes
exactly that, marked as a template (``skos:editorialNote``) for the office to adapt in the
workbook's sheets ``Dokumente`` and ``Abschnitte``. Fields of action, goals and actors are a
city's own (Leverkusen's A–H are not a standard): the office enters them.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "musterstadt"
>>> written = init_city(folder, city="Musterstadt", base_iri="https://example.org/musterstadt/")
>>> sorted(path.name for path in written)
['README.md', 'documents.ttl', 'musterstadt.xlsx']
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rdflib import DCTERMS, RDF, SKOS, Graph, Literal, URIRef

from integrationskonzept.atomic import write_text
from integrationskonzept.authoring.extract import extract, prefix_statements
from integrationskonzept.authoring.turtle import write_city
from integrationskonzept.authoring.values import ABSOLUTE_IRI
from integrationskonzept.authoring.workbook import write_workbook
from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import IK, PREFIXES

TEMPLATE_NOTE = "Vorlage von `integrationskonzept init`: bitte an den Bericht anpassen."
_PREFIX = re.compile(r"[a-z][a-z0-9]{0,19}")


def slug(text: str) -> str:
    """Lower-case ASCII with hyphens (ä→ae, ß→ss), as the IRIs use.

    >>> slug("Bad Münster-Straße")
    'bad-muenster-strasse'
    """
    text = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def default_prefix(city: str) -> str:
    """A prefix from the city's name: its letters and digits, at most 20.

    >>> default_prefix("Bad Münster")
    'badmuenster'
    """
    return slug(city).replace("-", "")[:20]


def template(city: str, base: str, prefix: str) -> Graph:
    """The statements a new city starts with (see the module)."""
    graph = Graph()
    concept = URIRef(base + "integrationskonzept")
    report = URIRef(base + "report-1")
    section = URIRef(base + "report-1/section/1")
    note = Literal(TEMPLATE_NOTE, lang="de")
    concept_title = f"Integrationskonzept {city}"
    report_title = f"1. Umsetzungsbericht zum Integrationskonzept {city}"
    report_title_en = f"1st implementation report on the integration concept {city}"
    for triple in (
        (concept, RDF.type, IK.IntegrationConcept),
        (concept, SKOS.prefLabel, Literal(concept_title, lang="de")),
        (concept, SKOS.prefLabel, Literal(f"Integration concept {city}", lang="en")),
        (concept, DCTERMS.title, Literal(concept_title, lang="de")),
        (concept, DCTERMS.source, section),
        (concept, SKOS.editorialNote, note),
        (report, RDF.type, IK.ImplementationReport),
        (report, SKOS.prefLabel, Literal(report_title, lang="de")),
        (report, SKOS.prefLabel, Literal(report_title_en, lang="en")),
        (report, DCTERMS.title, Literal(report_title, lang="de")),
        (report, IK.reportsOn, concept),
        (report, DCTERMS.source, section),
        (report, SKOS.editorialNote, note),
        (section, RDF.type, IK.ReportSection),
        (section, IK.sectionNumber, Literal("1")),
        (section, DCTERMS.title, Literal("Einleitung", lang="de")),
        (section, SKOS.prefLabel, Literal("1 Einleitung", lang="de")),
        (section, SKOS.prefLabel, Literal("1 Introduction", lang="en")),
        (section, DCTERMS.isPartOf, report),
        (section, DCTERMS.source, section),
        (section, SKOS.editorialNote, note),
        *prefix_statements(base, prefix),
    ):  # fmt: skip
        graph.add(triple)
    return graph


README = """\
# Wissensbasis: Integrationskonzept {city}

Dieser Ordner ist die Wissensbasis des Integrationskonzepts {city}: Turtle-Dateien (`.ttl`),
die das Programm `integrationskonzept` liest, prüft und als Website veröffentlicht.
Gepflegt wird sie in der Arbeitsmappe `{workbook}`.

## So pflegen Sie die Wissensbasis

1. Öffnen Sie `{workbook}` (Excel oder LibreOffice). Das Blatt „Lies mich“ erklärt jede
   Spalte. Passen Sie zuerst in „Dokumente“ und „Abschnitte“ die Vorlagen an (Titel des
   Konzepts und des Berichts, die Abschnitte laut Inhaltsverzeichnis).
2. Tragen Sie Handlungsfelder, Leitziele, Akteure, Netzwerke und Maßnahmen ein: eine Zeile je
   Eintrag, mit einem Schlüssel (Kleinbuchstaben, Ziffern, Bindestriche). Werte wie
   Umsetzungsstand, Rolle oder Art wählen Sie aus der Liste; jede Angabe nennt in „Quelle“
   den Berichtsabschnitt (z. B. `4.3`), jeder Umsetzungsstand in „Beleg“ den Satz, der ihn
   belegt.
3. Übernehmen Sie die Arbeitsmappe in die Turtle-Dateien und prüfen Sie sie:

   ```sh
   integrationskonzept sheets import {workbook} --out {folder}
   ```

   Jedes Problem wird mit seiner Zelle gemeldet (z. B. `Maßnahmen!C17`); dann wird nichts
   geschrieben. Ohne Probleme schreibt das Programm die Dateien in diesen Ordner.
4. Bauen Sie die Website: `integrationskonzept build --data {folder}`.

Eine neue Arbeitsmappe aus dem aktuellen Stand:
`integrationskonzept sheets export --data {folder} --out {workbook}`.

Basis-IRI: `{base}` · Präfix: `{prefix}:` (z. B.
`integrationskonzept query networks-led-by --data {folder} --param actor={prefix}:actor/…`)

---

# Knowledge base: integration concept {city}

This folder is the knowledge base of the integration concept of {city}: Turtle files that
`integrationskonzept` reads, validates and publishes as a website. It is maintained in the
workbook `{workbook}`: its sheet “Lies mich / Read me” explains every column. Adapt the
templates on “Dokumente” (documents) and “Abschnitte” (sections) first, enter fields of
action, guiding goals, actors, networks and measures (one row each, with a key), then run
`integrationskonzept sheets import {workbook} --out {folder}`: every problem is reported with
its cell, and nothing is written until there are none. `integrationskonzept build --data
{folder}` builds the site.
"""


def init_city(
    folder: Path | str,
    *,
    city: str,
    base_iri: str,
    prefix: str | None = None,
    lang: str = "de",
) -> list[Path]:
    """Create ``folder`` with a new city's ``documents.ttl``, workbook and README.

    Raises :class:`~integrationskonzept.errors.InputError` if the folder holds files, the
    base IRI is not an absolute IRI ending in ``/``, or the prefix is not usable.
    """
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InputError(
            "the folder exists and is not empty", path=target, hint="choose a new folder"
        )
    if not city.strip():
        raise InputError("the city's name is empty", hint='pass --city "Name"')
    if not (ABSOLUTE_IRI.fullmatch(base_iri) and "://" in base_iri and base_iri.endswith("/")):
        raise InputError(
            f"not a base IRI: {base_iri!r}",
            hint="give an absolute IRI ending in '/', e.g. https://w3id.org/integrationskonzept/musterstadt/",
        )
    chosen = prefix if prefix is not None else default_prefix(city)
    if not _PREFIX.fullmatch(chosen) or chosen in PREFIXES:
        raise InputError(
            f"not a usable prefix: {chosen!r}",
            hint="pass --prefix with lower-case letters and digits, not one of "
            + ", ".join(sorted(PREFIXES)),
        )
    files = {"documents.ttl": template(city.strip(), base_iri, chosen)}
    written, _ = write_city(files, target, base_iri, chosen)
    workbook = target / f"{slug(city) or 'stadt'}.xlsx"
    written.append(write_workbook(extract(files, lang=lang), workbook, lang=lang))
    readme = target / "README.md"
    write_text(readme, README.format(
        city=city.strip(), workbook=workbook.name, folder=target.as_posix(), base=base_iri,
        prefix=chosen,
    ))  # fmt: skip
    written.append(readme)
    return written
