"""The table layout: one sheet per kind of thing, one column per property.

Every sheet starts with the key column (the part of the IRI after the city's base and the
sheet's path: ``fit-in-deutsch`` for ``…/measure/fit-in-deutsch``) and ends with the file
column (empty where the row's Turtle file follows the conventions of ``data/leverkusen/``;
see :mod:`integrationskonzept.authoring.turtle`). Between them, each column holds the values
of one property (in one language, for texts).

The layout is data: adding a property to a sheet is adding a :class:`Column` here; the
writers, the reader, the CSVW description and the read-me sheet follow.

>>> [sheet.de for sheet in SHEETS][:3]
['Maßnahmen', 'Verantwortlichkeiten', 'Vereinbarungen']
>>> SHEET["measures"].column("status").predicate
rdflib.term.URIRef('https://w3id.org/integrationskonzept/ontology#status')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rdflib import DCTERMS, PROV, RDF, SKOS, XSD, URIRef

from integrationskonzept.authoring import values as v
from integrationskonzept.namespaces import IK, ORG, QB

Role = Literal["key", "file", "property", "class", "flag"]


@dataclass(frozen=True)
class Column:
    """One column: its name (CSV, CSVW), headers, property and how its cells are read.

    ``inverse``: the row is the *object* of the property (a participation names the meeting
    that lists it). ``follows_target``: the statement goes into the Turtle file of the row
    it refers to (a network listed in a field's table is written into that field's file).
    ``flag``: the column says whether the row also has the class ``flag`` (yes/no).
    """

    name: str
    de: str
    en: str
    predicate: URIRef | None = None
    codec: v.Codec = field(default_factory=v.Codec)
    role: Role = "property"
    multiple: bool = False
    required: bool = False
    inverse: bool = False
    follows_target: bool = False
    flag: URIRef | None = None
    help_de: str = ""
    help_en: str = ""

    def header(self, lang: str) -> str:
        """The header in ``lang`` (German unless ``lang`` is ``en``)."""
        return self.en if lang == "en" else self.de


@dataclass(frozen=True)
class Sheet:
    """One kind of thing: its sheet names, classes, IRI path, columns and Turtle file.

    ``classes``: the rows' class (a sheet with a ``class`` column chooses one per row).
    ``exclude``: instances of these classes belong to another sheet. ``file``: the Turtle
    file of every row, or ``None`` for the file of the row's source section
    (``section-4-3.ttl``). ``code``: a property whose value names a row in references
    instead of its key (a section's number).
    """

    id: str
    de: str
    en: str
    classes: tuple[URIRef, ...]
    path: str
    body: tuple[Column, ...]
    file: str | None = None
    exclude: tuple[URIRef, ...] = ()
    code: URIRef | None = None
    help_de: str = ""
    help_en: str = ""

    @property
    def columns(self) -> tuple[Column, ...]:
        """Key column, the sheet's own columns, file column."""
        return (KEY_COLUMN, *self.body, FILE_COLUMN)

    def title(self, lang: str) -> str:
        """The sheet's name in ``lang``."""
        return self.en if lang == "en" else self.de

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


KEY_COLUMN = Column(
    "key",
    "Schlüssel",
    "Key",
    role="key",
    required=True,
    help_de="Der Teil der IRI nach Basis-IRI und Pfad der Tabelle; eindeutig, ohne Leerzeichen "
    "(Kleinbuchstaben, Ziffern, Bindestriche; ä→ae, ö→oe, ü→ue, ß→ss). Andere Tabellen "
    "verweisen mit ihm auf diese Zeile. Ändern Sie ihn nicht: er ist Teil der IRI.",
    help_en="The part of the IRI after the base IRI and the sheet's path; unique, no blanks "
    "(lower-case letters, digits, hyphens). Other sheets refer to this row by it. Do not "
    "change it: it is part of the IRI.",
)
FILE_COLUMN = Column(
    "file",
    "Datei",
    "File",
    role="file",
    help_de="Leer lassen: die Zeile kommt in die übliche Turtle-Datei (je Berichtsabschnitt "
    "bzw. je Art). Nur ausfüllen, wenn sie in eine andere Datei gehört (z. B. section-3-1.ttl).",
    help_en="Leave empty: the row goes into the usual Turtle file (per report section or per "
    "kind). Fill in only if it belongs into another file (e.g. section-3-1.ttl).",
)

# The sheets' names, for messages about references ("no row of Actors/Networks has it").
_TITLES: dict[str, tuple[str, str]] = {}


def _ref(*targets: str) -> v.Ref:
    de = "/".join(_TITLES.get(t, (t, t))[0] for t in targets)
    en = "/".join(_TITLES.get(t, (t, t))[1] for t in targets)
    return v.Ref(*targets, names=(de, en))


def _col(
    name: str,
    de: str,
    en: str,
    predicate: URIRef,
    codec: v.Codec | None = None,
    *,
    multiple: bool = False,
    required: bool = False,
    inverse: bool = False,
    follows_target: bool = False,
) -> Column:
    return Column(
        name,
        de,
        en,
        predicate,
        codec if codec is not None else v.Codec(),
        multiple=multiple,
        required=required,
        inverse=inverse,
        follows_target=follows_target,
    )


def _text(
    name: str,
    de: str,
    en: str,
    predicate: URIRef,
    lang: str,
    *,
    multiple: bool = False,
    required: bool = False,
) -> Column:
    return _col(
        f"{name}_{lang}",
        f"{de} ({lang})",
        f"{en} ({lang})",
        predicate,
        v.Text(lang),
        multiple=multiple,
        required=required,
    )


def _labels(*, en_required: bool = False) -> tuple[Column, ...]:
    return (
        _text("prefLabel", "Bezeichnung", "Label", SKOS.prefLabel, "de", required=True),
        _text("prefLabel", "Bezeichnung", "Label", SKOS.prefLabel, "en", required=en_required),
    )


def _alt() -> Column:
    return _text("altLabel", "Kurz- und Nebenbezeichnungen", "Short and other labels",
                 SKOS.altLabel, "de", multiple=True)  # fmt: skip


def _note(lang: str = "de") -> Column:
    return _text("editorialNote", "Redaktionelle Notiz", "Editorial note", SKOS.editorialNote, lang)


def _statement(en: bool = True) -> tuple[Column, ...]:
    german = _text("statement", "Aussage", "Statement", IK.statement, "de", required=True)
    return (
        (german, _text("statement", "Aussage", "Statement", IK.statement, "en"))
        if en
        else (german,)
    )


def _source() -> Column:
    return _col("source", "Quelle (Abschnitt)", "Source (section)", DCTERMS.source,
                _ref("sections"), multiple=True, required=True)  # fmt: skip


def _title(required: bool = True) -> Column:
    return _text("title", "Titel", "Title", DCTERMS.title, "de", required=required)


DOCUMENT_CLASSES: dict[URIRef, tuple[str, str]] = {
    IK.IntegrationConcept: ("Integrationskonzept", "Integration concept"),
    IK.ImplementationReport: ("Umsetzungsbericht", "Implementation report"),
}
TOPICS = ("fields", "topics")
ACTORS = ("actors", "networks")

_TITLES.update(
    {
        "documents": ("Dokumente", "Documents"),
        "sections": ("Abschnitte", "Sections"),
        "sources": ("Quellen", "Sources"),
        "figures": ("Abbildungen", "Figures"),
        "fields": ("Handlungsfelder", "Fields"),
        "topics": ("Querschnittsthemen", "Cross-cutting topics"),
        "strategic-goals": ("Strategische Ziele", "Strategic goals"),
        "goals": ("Leitziele", "Goals"),
        "indicators": ("Wirkungsindikatoren", "Indicators"),
        "actors": ("Akteure", "Actors"),
        "networks": ("Netzwerke", "Networks"),
        "memberships": ("Mitgliedschaften", "Memberships"),
        "responsibilities": ("Verantwortlichkeiten", "Responsibilities"),
        "measures": ("Maßnahmen", "Measures"),
        "agreements": ("Vereinbarungen", "Agreements"),
        "needs": ("Bedarfe", "Needs"),
        "status-assertions": ("Datierte Umsetzungsstände", "Status assertions"),
        "assessments": ("Lageeinschätzungen", "Assessments"),
        "meetings": ("Sitzungen", "Meetings"),
        "participations": ("Teilnahmen", "Participations"),
        "datasets": ("Statistiktabellen", "Statistics tables"),
        "statistics": ("Statistik", "Statistics"),
        "abbreviations": ("Abkürzungen", "Abbreviations"),
    }
)


def _sheet(
    sheet_id: str,
    classes: tuple[URIRef, ...],
    path: str,
    body: tuple[Column, ...],
    file: str | None = None,
    *,
    exclude: tuple[URIRef, ...] = (),
    code: URIRef | None = None,
) -> Sheet:
    de, en = _TITLES[sheet_id]
    return Sheet(sheet_id, de, en, classes, path, body, file, exclude=exclude, code=code)


_TOPIC_COLUMNS = (
    _col("notation", "Kürzel", "Code", SKOS.notation, required=True),
    _col("prioritized", "Priorität", "Prioritized", IK.prioritized, v.Boolean()),
    *_labels(en_required=True),
    _alt(),
    _text("assessment", "Einschätzung", "Assessment", IK.assessment, "de"),
    _text("assessment", "Einschätzung", "Assessment", IK.assessment, "en"),
    _text("description", "Beschreibung", "Description", IK.description, "de"),
    _text("description", "Beschreibung", "Description", IK.description, "en"),
    _col("strategicGoal", "Strategische Ziele", "Strategic goals", IK.strategicGoal,
         _ref("strategic-goals"), multiple=True, follows_target=True),
    _col("personCount", "Anzahl Personen", "Number of persons", IK.personCount,
         v.Typed(XSD.integer)),
    _text("quantityNote", "Zahlenangabe (Wortlaut)", "Quantity note", IK.quantityNote, "de",
          multiple=True),
    _note(),
    _source(),
)  # fmt: skip

_COUNTS = (
    ("participantCount", "Teilnehmende", "Participants"),
    ("groupCount", "Gruppen", "Groups"),
    ("eventCount", "Veranstaltungen", "Events"),
    ("courseCount", "Kurse", "Courses"),
    ("staffCount", "Personal", "Staff"),
    ("placeCount", "Orte/Einrichtungen", "Places"),
    ("dwellingCount", "Wohnungen", "Dwellings"),
    ("personCount", "Personen", "Persons"),
)

SHEETS: tuple[Sheet, ...] = (
    _sheet("measures", (IK.Measure,), "measure/", (
        *_labels(),
        _col("status", "Umsetzungsstand", "Status", IK.status, v.STATUS),
        _text("evidence", "Beleg, wörtliches Zitat", "Evidence, verbatim quote", IK.evidence, "de"),
        _col("measureKind", "Art", "Kind", IK.measureKind, v.MEASURE_KIND, required=True),
        _col("topic", "Themen", "Topics", IK.topic, _ref(*TOPICS), multiple=True, required=True,
             follows_target=True),
        _col("contributesTo", "Leitziele", "Goals", IK.contributesTo, _ref("goals"), multiple=True,
             follows_target=True),
        _text("description", "Beschreibung", "Description", IK.description, "de"),
        _text("description", "Beschreibung", "Description", IK.description, "en"),
        _col("start", "Beginn", "Start", IK.start, v.Time()),
        _col("end", "Ende", "End", IK.end, v.Time()),
        _text("timeNote", "Zeitangabe (Wortlaut)", "Time note", IK.timeNote, "de"),
        _text("targetGroup", "Zielgruppe", "Target group", IK.targetGroup, "de"),
        *(_col(name, f"Anzahl {de}", f"Number: {en}", IK[name], v.Typed(XSD.integer))
          for name, de, en in _COUNTS),
        _text("quantityNote", "Zahlenangabe (Wortlaut)", "Quantity note", IK.quantityNote, "de",
              multiple=True),
        _col("fundedBy", "Gefördert von", "Funded by", IK.fundedBy, _ref(*ACTORS), multiple=True),
        _col("partOf", "Teil von (Maßnahme)", "Part of (measure)", IK.partOf, _ref("measures")),
        _col("concerns", "Betrifft", "Concerns", IK.concerns,
             _ref("measures", "networks", "actors"), multiple=True),
        _alt(),
        _note(),
        _source(),
    )),
    _sheet("responsibilities", (IK.Responsibility,), "responsibility/", (
        _col("actor", "Akteur", "Actor", IK.actor, _ref(*ACTORS), required=True),
        _col("role", "Rolle", "Role", IK.role, v.ROLE, required=True),
        _col("responsibleFor", "Verantwortlich für", "Responsible for", IK.responsibleFor,
             _ref("networks", "measures", "agreements", "actors", "documents", *TOPICS, "needs",
                  "meetings"), required=True),
        _col("topic", "Thema (Tabelle)", "Topic (table)", IK.topic, _ref(*TOPICS)),
        _text("asPrinted", "Wie gedruckt", "As printed", IK.asPrinted, "de"),
        _text("evidence", "Beleg, wörtliches Zitat", "Evidence, verbatim quote", IK.evidence, "de",
              multiple=True),
        *_labels(),
        _note(),
        _source(),
    )),
    _sheet("agreements", (IK.Agreement,), "agreement/", (
        _col("topic", "Thema", "Topic", IK.topic, _ref(*TOPICS), required=True),
        _col("agreedAt", "Vereinbart in (Sitzung)", "Agreed at (meeting)", IK.agreedAt,
             _ref("meetings"), required=True),
        *_labels(),
        *_statement(),
        _col("concerns", "Betrifft", "Concerns", IK.concerns,
             _ref("measures", "networks", "actors"), multiple=True),
        _note(),
        _source(),
    )),
    _sheet("needs", (IK.Need,), "need/", (
        _col("topic", "Thema", "Topic", IK.topic, _ref(*TOPICS), required=True),
        *_labels(),
        *_statement(),
        _col("concerns", "Betrifft", "Concerns", IK.concerns,
             _ref("measures", "networks", "actors"), multiple=True),
        _note(),
        _source(),
    )),
    # A measure's status as each report states it; the measure's own status (sheet Maßnahmen)
    # is that of the latest row here.
    _sheet("status-assertions", (IK.StatusAssertion,), "status-assertion/", (
        _col("measure", "Maßnahme", "Measure", IK.statusAssertion, _ref("measures"),
             required=True, inverse=True),
        _col("status", "Umsetzungsstand", "Status", IK.status, v.STATUS, required=True),
        _col("date", "Stand", "As of", DCTERMS.date, v.Time(), required=True),
        _col("statedIn", "Festgestellt in (Bericht)", "Stated in (report)", IK.statedIn,
             _ref("documents"), required=True),
        _text("evidence", "Beleg, wörtliches Zitat", "Evidence, verbatim quote", IK.evidence, "de",
              required=True),
        *_labels(),
        _note(),
        _source(),
    ), file="status-assertions.ttl"),
    _sheet("assessments", (IK.Assessment,), "assessment/", (
        _col("topic", "Thema", "Topic", IK.topic, _ref(*TOPICS), required=True),
        _col("assesses", "Schätzt ein", "Assesses", IK.assesses,
             _ref("goals", "indicators", *TOPICS), multiple=True, required=True),
        *_labels(),
        _text("evidence", "Beleg, wörtliches Zitat", "Evidence, verbatim quote", IK.evidence, "de",
              required=True),
        _text("evidence", "Beleg, wörtliches Zitat", "Evidence, verbatim quote", IK.evidence, "en"),
        _col("date", "Stand", "As of", DCTERMS.date, v.Time(), required=True),
        _col("statedIn", "Festgestellt in (Bericht)", "Stated in (report)", IK.statedIn,
             _ref("documents"), required=True),
        _col("attributedTo", "Einschätzung von", "Assessment by", PROV.wasAttributedTo,
             _ref(*ACTORS), multiple=True),
        _note(),
        _source(),
    ), file="assessments.ttl"),
    _sheet("fields", (IK.ActionField,), "field/", _TOPIC_COLUMNS),
    _sheet("topics", (IK.CrossCuttingTopic,), "topic/", _TOPIC_COLUMNS),
    _sheet("goals", (IK.GuidingGoal,), "goal/", (
        _col("topic", "Thema", "Topic", IK.topic, _ref(*TOPICS), required=True),
        _col("number", "Nummer", "Number", IK.number, v.Typed(XSD.integer), required=True),
        *_labels(en_required=True),
        *_statement(),
        _col("status", "Umsetzungsstand", "Status", IK.status, v.STATUS),
        _text("evidence", "Beleg, wörtliches Zitat", "Evidence, verbatim quote", IK.evidence, "de"),
        _note(),
        _source(),
    )),
    _sheet("indicators", (IK.ImpactIndicator,), "indicator/", (
        _col("topic", "Thema", "Topic", IK.topic, _ref(*TOPICS), required=True),
        _col("number", "Nummer", "Number", IK.number, v.Typed(XSD.integer), required=True),
        *_labels(en_required=True),
        *_statement(),
        _note(),
        _source(),
    )),
    _sheet("actors", (IK.Actor,), "actor/", (
        *_labels(),
        _alt(),
        _col("actorKind", "Art", "Kind", IK.actorKind, v.ACTOR_KIND),
        Column("formal", "Formale Organisation", "Formal organisation", RDF.type, v.Boolean(),
               role="flag", flag=ORG.FormalOrganization),
        Column("unit", "Organisationseinheit", "Organisational unit", RDF.type, v.Boolean(),
               role="flag", flag=ORG.OrganizationalUnit),
        Column("governanceBody", "Steuerungsgremium", "Governance body", RDF.type, v.Boolean(),
               role="flag", flag=IK.GovernanceBody),
        _col("unitOf", "Einheit von", "Unit of", ORG.unitOf, _ref(*ACTORS), multiple=True),
        _col("actsAs", "Tritt auf als (Netzwerk)", "Acts as (network)", IK.actsAs,
             _ref("networks")),
        _col("kindBasis", "Art beruht auf", "Kind rests on", IK.kindBasis, v.KIND_BASIS),
        _note(),
        _note("en"),
        _source(),
    ), file="actors.ttl", exclude=(IK.Network,)),
    _sheet("networks", (IK.Network,), "network/", (
        *_labels(),
        _alt(),
        _col("networkKind", "Art", "Kind", IK.networkKind, v.NETWORK_KIND, required=True),
        _col("topic", "Themen (Netzwerktabellen)", "Topics (network tables)", IK.topic,
             _ref(*TOPICS), multiple=True, follows_target=True),
        _text("description", "Beschreibung", "Description", IK.description, "de"),
        _text("description", "Beschreibung", "Description", IK.description, "en"),
        _note(),
        _source(),
    ), file="actors.ttl"),
    _sheet("memberships", (ORG.Membership,), "membership/", (
        _col("organization", "Gremium", "Body", ORG.organization, _ref(*ACTORS), required=True),
        _col("member", "Mitglied", "Member", ORG.member, _ref(*ACTORS), required=True),
        _text("roleLabel", "Funktion", "Role", IK.roleLabel, "de"),
        _text("asPrinted", "Wie gedruckt", "As printed", IK.asPrinted, "de", multiple=True),
        *_labels(),
        _note(),
        _source(),
    )),
    _sheet("meetings", (IK.Meeting,), "meeting/", (
        _col("date", "Datum", "Date", DCTERMS.date, v.Typed(XSD.date), required=True),
        _col("meetingKind", "Art", "Kind", IK.meetingKind, v.MEETING_KIND, required=True),
        *_labels(),
        _text("description", "Beschreibung", "Description", IK.description, "de"),
        _text("description", "Beschreibung", "Description", IK.description, "en"),
        _col("organizedBy", "Veranstaltet von", "Organised by", IK.organizedBy, _ref(*ACTORS),
             multiple=True),
        _col("discusses", "Themen", "Topics", IK.discusses, _ref(*TOPICS), multiple=True),
        _note(),
        _source(),
    ), file="meetings.ttl"),
    _sheet("participations", (IK.Participation,), "participation/", (
        _col("meeting", "Sitzung", "Meeting", IK.participation, _ref("meetings"), required=True,
             inverse=True),
        _col("participant", "Institution", "Institution", IK.participant, _ref(*ACTORS),
             required=True),
        _col("attendance", "Anwesenheit", "Attendance", IK.attendance, v.ATTENDANCE, required=True),
        _col("representativeCount", "Anzahl Vertretende", "Representatives",
             IK.representativeCount, v.Typed(XSD.integer)),
        _text("asPrinted", "Wie gedruckt", "As printed", IK.asPrinted, "de", multiple=True),
        *_labels(),
        _note(),
        _source(),
    ), file="meetings.ttl"),
    _sheet("datasets", (QB.DataSet,), "dataset/", (
        _title(),
        *_labels(),
        _col("structure", "Struktur", "Structure", QB.structure, v.Iri(), required=True),
        _text("dataSource", "Datenquelle", "Data source", IK.dataSource, "de"),
        _note(),
        _source(),
    ), file="statistics.ttl"),
    _sheet("statistics", (QB.Observation,), "dataset/", (
        _col("dataSet", "Tabelle", "Table", QB.dataSet, _ref("datasets"), required=True),
        _col("refPeriod", "Stichtag", "Reference date", IK.refPeriod, v.Time(), required=True),
        _text("populationGroup", "Bevölkerungsgruppe", "Population group", IK.populationGroup, "de",
              required=True),
        _col("count", "Anzahl", "Count", IK.count, v.Typed(XSD.integer)),
        _col("sharePercent", "Anteil (%)", "Share (%)", IK.sharePercent, v.Typed(XSD.decimal)),
        _col("density", "Dichte", "Density", IK.density, v.Typed(XSD.decimal)),
        _col("value", "Wert", "Value", IK.value, v.Typed(XSD.decimal)),
        _col("unit", "Einheit", "Unit", IK.unit, v.UNIT, required=True),
        *_labels(),
        _note(),
        _source(),
    ), file="statistics.ttl"),
    _sheet("documents", (IK.IntegrationConcept, IK.ImplementationReport), "", (
        Column("class", "Art", "Kind", RDF.type, v.Choice(DOCUMENT_CLASSES), role="class",
               required=True),
        _title(),
        *_labels(),
        _col("adoptedOn", "Beschlossen am", "Adopted on", IK.adoptedOn, v.Typed(XSD.date)),
        _col("adoptedBy", "Beschlossen von", "Adopted by", IK.adoptedBy, _ref(*ACTORS)),
        _col("reportsOn", "Berichtet über", "Reports on", IK.reportsOn, _ref("documents")),
        _col("periodStart", "Berichtszeitraum von", "Reporting period from",
             IK.reportingPeriodStart, v.Time()),
        _col("periodEnd", "Berichtszeitraum bis", "Reporting period to", IK.reportingPeriodEnd,
             v.Time()),
        _col("issued", "Erschienen", "Issued", DCTERMS.issued, v.Time()),
        _col("publisher", "Herausgeber", "Publisher", DCTERMS.publisher, _ref(*ACTORS)),
        _col("editorialSupport", "Redaktionelle Begleitung", "Editorial support",
             IK.editorialSupport, _ref(*ACTORS)),
        _note(),
        _source(),
    ), file="documents.ttl"),
    _sheet("sections", (IK.ReportSection,), "", (
        _col("sectionNumber", "Nummer", "Number", IK.sectionNumber, required=True),
        _title(),
        *_labels(),
        _col("startPage", "Seite", "Page", IK.startPage, v.Typed(XSD.positiveInteger)),
        _col("isPartOf", "Teil von", "Part of", DCTERMS.isPartOf, _ref("documents", "sections"),
             required=True),
        _note(),
        _source(),
    ), file="documents.ttl", code=IK.sectionNumber),
    _sheet("sources", (IK.SourceDocument,), "source/", (
        _col("number", "Nummer", "Number", IK.number, v.Typed(XSD.integer), required=True),
        _title(),
        *_labels(),
        _col("date", "Datum", "Date", DCTERMS.date, v.Typed(XSD.date), multiple=True),
        _note(),
        _source(),
    ), file="documents.ttl"),
    _sheet("figures", (IK.Figure,), "figure/", (
        _col("figureNumber", "Nummer", "Number", IK.figureNumber, v.Typed(XSD.integer),
             required=True),
        _title(),
        *_labels(),
        _text("dataSource", "Datenquelle", "Data source", IK.dataSource, "de"),
        _col("numericValuesInText", "Zahlen im Text", "Numbers in the text",
             IK.numericValuesInText, v.Boolean(), required=True),
        _note(),
        _source(),
    ), file="documents.ttl"),
    _sheet("abbreviations", (IK.Abbreviation,), "abbreviation/", (
        _col("abbreviation", "Abkürzung", "Abbreviation", IK.abbreviation, required=True),
        _text("expansion", "Ausgeschrieben", "Expansion", IK.expansion, "de"),
        _text("expansion", "Ausgeschrieben", "Expansion", IK.expansion, "en"),
        _col("standsFor", "Steht für", "Stands for", IK.standsFor,
             _ref(*ACTORS, "measures", *TOPICS, "documents"), multiple=True),
        *_labels(),
        _note(),
        _source(),
    ), file="abbreviations.ttl"),
    _sheet("strategic-goals", (IK.StrategicGoal,), "strategic-goal/", (
        _col("notation", "Kürzel", "Code", SKOS.notation),
        *_labels(),
        _alt(),
        _col("broader", "Gehört zu", "Part of", SKOS.broader, _ref("strategic-goals")),
        _text("description", "Beschreibung", "Description", IK.description, "de", multiple=True),
        _text("description", "Beschreibung", "Description", IK.description, "en", multiple=True),
        _note(),
        _source(),
    ), file="strategic-goals.ttl"),
)  # fmt: skip

SHEET: dict[str, Sheet] = {sheet.id: sheet for sheet in SHEETS}


@dataclass(frozen=True)
class Special:
    """A sheet that is not a kind of thing: its id and names."""

    id: str
    de: str
    en: str

    def title(self, lang: str) -> str:
        """The sheet's name in ``lang``."""
        return self.en if lang == "en" else self.de


README = Special("readme", "Lies mich", "Read me")
CITY = Special("city", "Stadt", "City")
OTHER = Special("other", "Weitere Aussagen", "Other statements")
LISTS = Special("lists", "Listen", "Lists")

OTHER_COLUMNS = (
    Column("subject", "Subjekt", "Subject", role="key"),
    Column("predicate", "Eigenschaft", "Property"),
    Column("object", "Wert (Turtle)", "Value (Turtle)"),
    FILE_COLUMN,
)
"""The sheet of statements no other sheet has a column for: one statement per row, the
terms in Turtle's syntax (``lev:measure/x``, ``"Text"@fr``, ``"5"^^xsd:integer``)."""

CITY_ROWS = (
    ("base", "Basis-IRI", "Base IRI"),
    ("prefix", "Präfix", "Prefix"),
)
"""The settings on the city sheet, one per row: the key, then the German and English name."""
