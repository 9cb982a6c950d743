"""The user-interface strings of the generated pages, in German and English.

Labels of the data come from the graph (German fallback); only the words the site itself
says live here. A missing English string falls back to German, a missing key is an error.

>>> ui("de", "goals")
'Leitziele'
>>> ui("en", "goals")
'Guiding goals'
>>> ui("en", "status.ongoing")
'ongoing'
"""

from __future__ import annotations

LANGUAGES = ("de", "en")

_STRINGS: dict[str, tuple[str, str]] = {
    # kinds: index titles
    "kind.field": ("Handlungsfelder", "Fields of action"),
    "kind.topic": ("Querschnittsthemen", "Cross-cutting topics"),
    "kind.goal": ("Leitziele", "Guiding goals"),
    "kind.indicator": ("Wirkungsindikatoren", "Impact indicators"),
    "kind.network": ("Netzwerke und Gremien", "Networks and committees"),
    "kind.actor": ("Akteure", "Actors"),
    "kind.measure": ("Maßnahmen", "Measures"),
    "kind.agreement": ("Vereinbarungen", "Agreements"),
    "kind.need": ("Bedarfe", "Needs"),
    "kind.meeting": ("Sitzungen", "Meetings"),
    "kind.strategic-goal": ("Strategische Ziele", "Strategic goals"),
    "kind.dataset": ("Statistik-Tabellen", "Statistics tables"),
    # kinds: one item
    "one.field": ("Handlungsfeld", "Field of action"),
    "one.topic": ("Querschnittsthema", "Cross-cutting topic"),
    "one.goal": ("Leitziel", "Guiding goal"),
    "one.indicator": ("Wirkungsindikator", "Impact indicator"),
    "one.network": ("Netzwerk / Gremium", "Network / committee"),
    "one.actor": ("Akteur", "Actor"),
    "one.measure": ("Maßnahme", "Measure"),
    "one.agreement": ("Vereinbarung", "Agreement"),
    "one.need": ("Bedarf", "Need"),
    "one.meeting": ("Sitzung", "Meeting"),
    "one.strategic-goal": ("Strategisches Ziel", "Strategic goal"),
    "one.dataset": ("Statistik-Tabelle", "Statistics table"),
    # statuses
    "status.implemented": ("umgesetzt", "implemented"),
    "status.ongoing": ("laufend", "ongoing"),
    "status.planned": ("geplant", "planned"),
    "status.proposed": ("vorgeschlagen", "proposed"),
    "status.unclear": ("unklar", "unclear"),
    "status.no-remarks": ("keine Anmerkungen", "no remarks"),
    "status.none": ("ohne Angabe", "not stated"),
    # facts
    "iri": ("IRI", "IRI"),
    "source": ("Quelle im Bericht", "Source in the report"),
    "code": ("Kürzel", "Code"),
    "kind": ("Art", "Kind"),
    "prioritized": ("priorisiert", "prioritized"),
    "yes": ("ja", "yes"),
    "no": ("nein", "no"),
    "assessment": ("Einschätzung", "Assessment"),
    "topic": ("Thema", "Topic"),
    "topics": ("Themen", "Topics"),
    "statement.de": (
        "Wortlaut (Deutsch, wörtlich aus dem Bericht)",
        "Statement (German, verbatim from the report)",
    ),
    "statement.en": ("Übersetzung (Englisch)", "Translation (English)"),
    "statement.missing_en": (
        "Keine englische Übersetzung erfasst.",
        "No English translation recorded.",
    ),
    "status": ("Umsetzungsstand", "Status"),
    "evidence": ("Beleg (Zitat)", "Evidence (quote)"),
    "description": ("Beschreibung", "Description"),
    "start": ("Beginn", "Start"),
    "end": ("Ende", "End"),
    "quantities": ("Mengenangaben", "Quantities"),
    "aliases": ("Abkürzungen und Schreibweisen", "Abbreviations and variants"),
    "parent": ("Übergeordnete Einheit", "Parent unit"),
    "units": ("Untereinheiten", "Units"),
    "types": ("Klassen", "Classes"),
    "date": ("Datum", "Date"),
    "organisers": ("Veranstaltet von", "Organised by"),
    "discusses": ("Behandelte Themen", "Topics discussed"),
    "present": ("Anwesende Institutionen", "Institutions present"),
    "excused": ("Entschuldigte Institutionen", "Institutions excused"),
    "participation": ("Teilnahme", "Participation"),
    "meeting": ("Sitzung", "Meeting"),
    "concerns": ("Betrifft", "Concerns"),
    "notation": ("Notation", "Notation"),
    "broader": ("Übergeordnetes Ziel", "Broader goal"),
    "narrower": ("Unterziele", "Items"),
    "pointing_topics": ("Themen, die auf dieses Ziel verweisen", "Topics pointing to this goal"),
    "data_source": ("Datenquelle", "Data source"),
    "note": ("Hinweis", "Note"),
    "none": ("keine", "none"),
    "count": ("Anzahl", "Count"),
    "label": ("Bezeichnung", "Label"),
    "role": ("Rolle", "Role"),
    "as_printed": ("im Bericht gedruckt", "as printed in the report"),
    "actor": ("Akteur", "Actor"),
    "field": ("Handlungsfeld", "Field"),
    "total": ("gesamt", "total"),
    # sections of entity pages
    "goals": ("Leitziele", "Guiding goals"),
    "indicators": ("Wirkungsindikatoren", "Impact indicators"),
    "networks": ("Netzwerke und Gremien", "Networks and committees"),
    "networks_leads": (
        "Netzwerke und Gremien mit Federführung",
        "Networks and committees with their leads",
    ),
    "leads": ("Federführung", "Lead"),
    "no_lead": ("keine Federführung angegeben", "no lead stated"),
    "measures": ("Maßnahmen", "Measures"),
    "measures_by_status": ("Maßnahmen nach Umsetzungsstand", "Measures by status"),
    "agreements": ("Vereinbarungen", "Agreements"),
    "needs": ("Bedarfe", "Needs"),
    "strategic_goals": ("Strategische Ziele", "Strategic goals"),
    "contributing": ("Beitragende Maßnahmen", "Contributing measures"),
    "no_measures": (
        "Im Bericht trägt keine Maßnahme zu diesem Ziel bei.",
        "No measure of the report contributes to this goal.",
    ),
    "measures_of_topic": ("Maßnahmen desselben Themas", "Measures of the same topic"),
    "indicator_note": (
        "Die Daten verknüpfen Wirkungsindikatoren nicht direkt mit Maßnahmen. Hier stehen daher die Maßnahmen desselben Handlungsfelds; ob sie den Indikator bedienen, sagt der Bericht nicht.",  # noqa: E501
        "The data does not link impact indicators to measures directly. Listed here are the measures of the same field; the report does not say whether they address the indicator.",  # noqa: E501
    ),
    "responsibilities": ("Verantwortlichkeiten", "Responsibilities"),
    "networks_led": ("Federführung in Netzwerken", "Networks led"),
    "networks_joined": ("Weitere Rollen in Netzwerken", "Other roles in networks"),
    "memberships": ("Mitgliedschaften in Gremien", "Memberships in governance bodies"),
    "members": ("Mitglieder", "Members"),
    "meetings": ("Sitzungen", "Meetings"),
    "meetings_organised": ("Veranstaltete Sitzungen", "Meetings organised"),
    "metrics": ("Netzwerkkennzahlen", "Network metrics"),
    "metrics_note": ("Aus der Netzwerkanalyse (siehe", "From the network analysis (see"),
    "leads_per_field": ("Federführung je Handlungsfeld-Tabelle", "Leads per field table"),
    "observations": ("Werte", "Values"),
    "period": ("Stichtag", "Reference date"),
    "group": ("Gruppe", "Group"),
    "value": ("Wert", "Value"),
    "unit": ("Einheit", "Unit"),
    "measure_kind": ("Messgröße", "Measure"),
    "chart": ("Diagramm", "Chart"),
    # common footer
    "record": ("Datensatz", "Record"),
    "statements": ("Aussagen im Graphen", "Statements in the graph"),
    "direction": ("Richtung", "Direction"),
    "property": ("Eigenschaft", "Property"),
    "subject_value": ("Subjekt / Wert", "Subject / value"),
    "out": ("→ ausgehend", "→ outgoing"),
    "in": ("← eingehend", "← incoming"),
    "sparql": ("Abfragen mit SPARQL", "Query with SPARQL"),
    "sparql_intro": (
        "Alle Aussagen über diese Ressource; in Python mit integrationskonzept.query oder auf der Kommandozeile:",  # noqa: E501
        "Every statement about this resource; in Python with integrationskonzept.query or on the command line:",  # noqa: E501
    ),
    "download": ("Herunterladen", "Download"),
    "download_turtle": ("Turtle", "Turtle"),
    "download_jsonld": ("JSON-LD", "JSON-LD"),
    "download_intro": ("Die Aussagen dieser Seite als", "The statements of this page as"),
    # linked data on entity pages
    "copy_iri": ("IRI kopieren", "Copy IRI"),
    "copied": ("IRI kopiert", "IRI copied"),
    "cite": ("Zitieren", "Cite this"),
    "cite_intro": (
        "Diese Angaben stammen aus dem Bericht; bitte zitieren Sie ihn und den Datensatz:",
        "These facts come from the report; please cite it and the record:",
    ),
    "cite_section": ("Abschnitt", "section"),
    "cite_page": ("S.", "p."),
    "cite_record": ("Datensatz", "Record"),
    "cite_in": ("in", "in"),
    # long tables and lists
    "table": ("Tabelle", "Table"),
    "table_region": ("Tabelle: {}", "Table: {}"),
    "scroll_hint": (
        "⇆ Die Tabelle ist breiter als die Spalte: seitlich scrollen.",
        "⇆ The table is wider than the column: scroll sideways.",
    ),
    "show_all": ("Alle {} Einträge anzeigen", "Show all {} entries"),
    "responsibility_for": ("Verantwortung für", "Responsibility for"),
    "membership_in": ("Mitgliedschaft in", "Membership in"),
    # the SPARQL gallery
    "results_as_built": ("Ergebnis beim Bauen der Seite", "Results as built"),
    "run_endpoint": ("Auf dem eigenen Endpunkt ausführen", "Run on your endpoint"),
    "run_endpoint_note": (
        "braucht den lokalen Endpunkt: erst integrationskonzept serve starten",
        "needs the local endpoint: start integrationskonzept serve first",
    ),
    # navigation
    "site_title": ("Integrationskonzept", "Integration concept"),
    "nav_overview": ("Überblick", "Overview"),
    "nav_kinds": ("Wissensbasis", "Knowledge base"),
    "nav_reference": ("Referenz", "Reference"),
    "switch": ("English", "Deutsch"),
    "switch_title": ("Diese Seite auf Englisch", "This page in German"),
    "entries": ("Einträge", "entries"),
    "all_of_kind": ("Alle Einträge", "All entries"),
    # overview page titles
    "page.index": (
        "Integrationskonzept als Wissensgraph",
        "Integration concept as a knowledge graph",
    ),
    "page.matrix": ("Verantwortungsmatrix", "Responsibility matrix"),
    "page.gaps": ("Lückenanalyse", "Gap analysis"),
    "page.network": ("Netzwerkanalyse", "Network analysis"),
    "page.statistics": ("Statistik", "Statistics"),
    "page.validation": ("Prüfbericht (SHACL)", "Validation report (SHACL)"),
    "page.queries": ("SPARQL-Galerie", "SPARQL gallery"),
    "page.ontology": ("Ontologie", "Ontology"),
    "page.downloads": ("Downloads", "Downloads"),
    "page.cli": ("Kommandozeile", "Command line"),
    "page.errors": ("Fehlerbehandlung", "Error handling"),
    "page.api": ("Python-API", "Python API"),
    "page.maintaining": ("Den Umsetzungsstand pflegen", "Keeping the status up to date"),
    "page.tutorial": ("Die Bibliothek benutzen", "Using the library"),
    "page.architecture": ("Aufbau", "Architecture"),
    "page.benchmarks": ("Geschwindigkeit und Skalierung", "Speed and scale"),
}


def ui(lang: str, key: str) -> str:
    """The UI string ``key`` in ``lang`` (``"de"`` or ``"en"``), German as fallback."""
    german, english = _STRINGS[key]
    return english if lang == "en" and english else german


def has(key: str) -> bool:
    """Whether ``key`` is a known UI string."""
    return key in _STRINGS
