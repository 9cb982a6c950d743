"""What the read-me sheet and the CSVW description say about the workbook and each column.

A column is explained by the definition of its property in the ontology (German and
English), what its cells hold (text, a date, a key from another sheet …), whether it is
required and whether it takes several values.

>>> de, en = column_help(SHEET["measures"], SHEET["measures"].column("status"))
>>> en.split(" — ")[1]
'drop-down list ik:StatusScheme'
"""

from __future__ import annotations

import functools

from rdflib import SKOS, Literal, URIRef

from integrationskonzept import resources
from integrationskonzept.authoring.layout import SHEET, Column, Sheet  # noqa: F401 - doctest
from integrationskonzept.load import load_files

INTRO = {
    "de": [
        "Diese Arbeitsmappe enthält die Wissensbasis des Integrationskonzepts: eine Tabelle "
        "je Art (Maßnahmen, Verantwortlichkeiten, Leitziele …), eine Zeile je Eintrag, eine "
        "Spalte je Eigenschaft. Zeile 1 trägt die deutschen, Zeile 2 die englischen "
        "Überschriften.",
        "So pflegen Sie den Umsetzungsstand: In „Maßnahmen“ wählen Sie in der Spalte "
        "„Umsetzungsstand“ einen Wert aus der Liste und tragen in „Beleg“ den Satz des "
        "Berichts wörtlich ein, der ihn belegt. Neue Einträge bekommen eine neue Zeile mit "
        "einem neuen Schlüssel.",
        "Jeder Bericht stellt den Stand einer Maßnahme mit Datum fest: In „Datierte "
        "Umsetzungsstände“ hat jede Maßnahme eine Zeile je Bericht (Stand, Datum, Bericht, "
        "Beleg). Für einen neuen Bericht legen Sie neue Zeilen an, statt alte zu ändern, und "
        "setzen den Umsetzungsstand in „Maßnahmen“ auf den jüngsten.",
        "Verweise auf andere Tabellen (Thema, Leitziel, Akteur …) schreiben Sie als deren "
        "Schlüssel; mehrere Werte in einer Zelle stehen je in einer eigenen Zeile "
        "(Alt+Eingabe). Die Quelle ist die Nummer des Berichtsabschnitts (z. B. 4.3).",
        "Danach: integrationskonzept sheets import DIESE-DATEI.xlsx --out data/STADT/ – das "
        "Programm schreibt die Turtle-Dateien, prüft sie und nennt jedes Problem mit seiner "
        "Zelle (z. B. Maßnahmen!C17). Bei einem Problem wird nichts geschrieben.",
        "Ändern Sie keine Überschriften und Tabellennamen. Die Tabelle „Weitere Aussagen“ "
        "hält, wofür es keine Spalte gibt; die ausgeblendete Tabelle „Listen“ die "
        "Auswahllisten.",
    ],
    "en": [
        "This workbook holds the knowledge base of the integration concept: one sheet per "
        "kind (measures, responsibilities, guiding goals …), one row per entry, one column "
        "per property. Row 1 has the German, row 2 the English headers.",
        "To keep the implementation status up to date: on “Maßnahmen” (measures), choose a "
        "value from the list in the column “Umsetzungsstand” (status) and enter the "
        "report's sentence that supports it, verbatim, under “Beleg” (evidence). New "
        "entries get a new row with a new key.",
        "Every report states a measure's status with a date: on “Datierte Umsetzungsstände” "
        "(status assertions) each measure has one row per report (status, date, report, "
        "evidence). For a new report, add new rows instead of changing old ones, and set the "
        "status on “Maßnahmen” to the latest.",
        "References to other sheets (topic, goal, actor …) are written as their keys; several "
        "values in one cell go on separate lines (Alt+Enter). The source is the number of "
        "the report section (e.g. 4.3).",
        "Then: integrationskonzept sheets import THIS-FILE.xlsx --out data/CITY/ – it writes "
        "the Turtle files, validates them and names every problem with its cell (e.g. "
        "Maßnahmen!C17). If there is a problem, nothing is written.",
        "Do not change headers or sheet names. The sheet “Weitere Aussagen” (other "
        "statements) holds what has no column; the hidden sheet “Listen” (lists) the "
        "drop-down lists.",
    ],
}


@functools.cache
def _definitions() -> dict[URIRef, dict[str, str]]:
    graph = load_files(resources.ontology_files())
    found: dict[URIRef, dict[str, str]] = {}
    for term, text in graph.subject_objects(SKOS.definition):
        if isinstance(term, URIRef) and isinstance(text, Literal) and text.language:
            found.setdefault(term, {})[text.language] = " ".join(str(text).split())
    return found


def column_help(sheet: Sheet, column: Column) -> tuple[str, str]:
    """What a column holds, in German and English."""
    if column.help_de:
        return column.help_de, column.help_en
    term = column.flag if column.role == "flag" else column.predicate
    definition = _definitions().get(term, {}) if term is not None else {}
    parts = {}
    for lang in ("de", "en"):
        text = definition.get(lang, "")
        kind = column.codec.describe(lang) if column.codec is not None else ""
        extra = []
        if column.required:
            extra.append("Pflicht" if lang == "de" else "required")
        if column.multiple:
            extra.append(
                "mehrere Werte: je Zeile einer" if lang == "de" else "several values: one per line"
            )
        detail = f"{kind} ({', '.join(extra)})" if extra else kind
        parts[lang] = f"{text} — {detail}" if text else detail
    return parts["de"], parts["en"]


def property_name(column: Column) -> str:
    """The column's property as a CURIE (``ik:status``), ``^`` in front if inverse."""
    from integrationskonzept.terms import curie

    if column.predicate is None:
        return ""
    name = curie(str(column.predicate))
    if column.role == "flag" and column.flag is not None:
        return f"rdf:type {curie(str(column.flag))}"
    return f"^{name}" if column.inverse else name
