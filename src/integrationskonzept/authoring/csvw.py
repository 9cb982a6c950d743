"""The tables as a folder of CSV files with a W3C CSVW description (``metadata.json``).

One file per sheet (``measures.csv`` …, plus ``other.csv`` and ``city.csv``), UTF-8 with a
byte order mark (so that Excel reads umlauts right), two header rows (German and English;
the dialect says ``headerRowCount: 2``). Vocabulary values are the IRIs' local names
(``Implemented``), so a CSVW processor maps them to IRIs with the column's ``valueUrl``;
keys map the same way (``{+key}`` keeps the slashes of a key such as
``runder-tisch-deutsch/bamf/A``). A text that a spreadsheet would take for a formula gets a
``'`` in front (:func:`~.cells.to_csv_text`), which reading removes.

CSVW cannot say everything: a column that refers to rows of several sheets (an actor or a
network) or by a code (a section number) has a ``propertyUrl`` but no ``valueUrl``, and its
``dc:description`` says how to read it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from integrationskonzept.atomic import write_text
from integrationskonzept.authoring.cells import CellValue, from_csv_text, to_csv_text
from integrationskonzept.authoring.extract import Tables
from integrationskonzept.authoring.layout import (
    CITY,
    CITY_ROWS,
    OTHER,
    OTHER_COLUMNS,
    SHEETS,
    Column,
    Sheet,
)
from integrationskonzept.authoring.problems import RawTable
from integrationskonzept.authoring.readme import column_help
from integrationskonzept.authoring.values import Boolean, Choice, Iri, Ref, Text, Time, Typed, Vocab
from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import IK

METADATA = "metadata.json"


def _csv_cell(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return to_csv_text(value)


def csv_text(rows: list[list[CellValue]]) -> str:
    """Rows as CSV text (CRLF line ends, RFC 4180 quoting)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return stream.getvalue()


def _headers(columns: tuple[Column, ...], lang: str) -> list[list[CellValue]]:
    other = "en" if lang == "de" else "de"
    return [[c.header(lang) for c in columns], [c.header(other) for c in columns]]


def _datatype(column: Column) -> Any:
    codec = column.codec
    if isinstance(codec, Typed):
        return str(codec.datatype).rsplit("#", 1)[-1]
    if isinstance(codec, Boolean):
        return "boolean"
    if isinstance(codec, Time):
        return {"base": "string", "format": r"\d{4}(-\d{2}(-\d{2})?)?"}
    if isinstance(codec, Ref | Vocab | Choice | Iri):
        return "string"
    return "string"


def _column_description(sheet: Sheet, column: Column, tables: Tables) -> dict[str, Any]:
    help_de, help_en = column_help(sheet, column)
    described: dict[str, Any] = {
        "name": column.name,
        "titles": {"de": column.de, "en": column.en},
        "dc:description": {"de": help_de, "en": help_en},
        "datatype": _datatype(column),
    }
    if column.required:
        described["required"] = True
    if column.multiple:
        described["separator"] = "\n"
    codec = column.codec
    if isinstance(codec, Text):
        described["lang"] = codec.lang
    if column.role == "key":
        described["suppressOutput"] = True
        return described
    if column.role == "file":
        described["suppressOutput"] = True
        return described
    if column.predicate is not None:
        described["propertyUrl"] = str(column.predicate)
    if column.inverse:  # the statement is about the row named in the cell
        target = codec.targets[0] if isinstance(codec, Ref) else ""
        path = tables.ctx.index.paths.get(target, "")
        described["aboutUrl"] = tables.base + path + "{+" + column.name + "}"
        described["valueUrl"] = tables.base + sheet.path + "{+key}"
    elif isinstance(codec, Vocab | Choice):
        described["valueUrl"] = str(IK._NS) + "{" + column.name + "}"
    elif isinstance(codec, Ref) and len(codec.targets) == 1 and codec.targets[0] != "sections":
        path = tables.ctx.index.paths.get(codec.targets[0], "")
        described["valueUrl"] = tables.base + path + "{+" + column.name + "}"
    if column.role == "flag" and column.flag is not None:
        described["propertyUrl"] = "rdf:type"
        described["dc:description"]["en"] += f" (true: the row is also a {column.flag})"
    return described


def metadata(tables: Tables) -> dict[str, Any]:
    """The CSVW table group describing the CSV files of ``tables``."""
    described_tables: list[dict[str, Any]] = []
    for sheet in SHEETS:
        columns = [_column_description(sheet, column, tables) for column in sheet.columns]
        if not any(column.role == "class" for column in sheet.columns):
            columns.append({
                "name": "type", "virtual": True, "propertyUrl": "rdf:type",
                "valueUrl": str(sheet.classes[0]),
            })  # fmt: skip
        described_tables.append({
            "url": f"{sheet.id}.csv",
            "dc:title": {"de": sheet.de, "en": sheet.en},
            "tableSchema": {
                "columns": columns,
                "primaryKey": "key",
                "aboutUrl": tables.base + sheet.path + "{+key}",
            },
        })  # fmt: skip
    described_tables.append({
        "url": f"{OTHER.id}.csv",
        "dc:title": {"de": OTHER.de, "en": OTHER.en},
        "dc:description": {
            "de": "Aussagen, für die keine andere Tabelle eine Spalte hat; Terme in "
            "Turtle-Schreibweise.",
            "en": "Statements no other table has a column for; terms in Turtle syntax.",
        },
        "suppressOutput": True,
        "tableSchema": {"columns": [
            {"name": c.name, "titles": {"de": c.de, "en": c.en}} for c in OTHER_COLUMNS
        ]},
    })  # fmt: skip
    described_tables.append({
        "url": f"{CITY.id}.csv",
        "dc:title": {"de": CITY.de, "en": CITY.en},
        "suppressOutput": True,
        "tableSchema": {"columns": [
            {"name": "setting", "titles": {"de": "Einstellung", "en": "Setting"}},
            {"name": "value", "titles": {"de": "Wert", "en": "Value"}},
        ]},
    })  # fmt: skip
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "de"}],
        "dc:title": {
            "de": "Wissensbasis des Integrationskonzepts",
            "en": "Knowledge base of the integration concept",
        },
        "dialect": {"encoding": "utf-8", "headerRowCount": 2, "lineTerminators": ["\r\n", "\n"]},
        "tables": described_tables,
    }  # fmt: skip


def csv_files(tables: Tables, *, lang: str = "de") -> dict[str, str]:
    """File name -> text of every file of the CSV folder (``metadata.json`` included)."""
    files = {}
    for sheet in SHEETS:
        rows = _headers(sheet.columns, lang) + tables.rows.get(sheet.id, [])
        files[f"{sheet.id}.csv"] = csv_text(rows)
    files[f"{OTHER.id}.csv"] = csv_text(_headers(OTHER_COLUMNS, lang) + tables.other)
    values = {"base": tables.base, "prefix": tables.prefix}
    city_rows: list[list[CellValue]] = [["Einstellung", "Wert"], ["Setting", "Value"]]
    if lang == "en":
        city_rows = [city_rows[1], city_rows[0]]
    city_rows += [[key, values[key]] for key, _, _ in CITY_ROWS]
    files[f"{CITY.id}.csv"] = csv_text(city_rows)
    files[METADATA] = (
        json.dumps(metadata(tables), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )
    return files


def write_csv(tables: Tables, folder: Path | str, *, lang: str = "de") -> list[Path]:
    """Write the CSV folder (each file atomically); return the files written."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise InputError("the output for --format csv must be a folder", path=target)
    written = []
    for name, text in csv_files(tables, lang=lang).items():
        # the BOM makes Excel read the CSV as UTF-8; readers of CSVW skip it
        write_text(target / name, ("\ufeff" + text) if name.endswith(".csv") else text)
        written.append(target / name)
    return written


def read_csv_folder(folder: Path | str) -> dict[str, RawTable]:
    """The CSV files of ``folder`` as raw tables (name: the file's name)."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError("no such folder of CSV files", path=root)
    tables = {}
    for path in sorted(root.glob("*.csv")):
        try:
            # newline="": a carriage return inside a quoted cell is part of the text
            with path.open(encoding="utf-8-sig", newline="") as handle:
                text = handle.read()
        except UnicodeDecodeError as exc:
            raise InputError(
                "the CSV file is not UTF-8", path=path, hint="save it as UTF-8"
            ) from exc
        except OSError as exc:
            raise InputError(f"cannot read the file: {exc.strerror}", path=path) from exc
        try:
            rows = list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as exc:
            raise InputError(f"not a valid CSV file: {exc}", path=path) from exc
        headers = [[cell or None for cell in row] for row in rows[:2]]
        while len(headers) < 2:
            headers.append([])
        data: list[tuple[int, list[object]]] = []
        for number, row in enumerate(rows[2:], start=3):
            data.append((number, [from_csv_text(cell) if cell != "" else None for cell in row]))
        tables[path.name] = RawTable(path.name, (headers[0], headers[1]), data)
    if not tables:
        raise InputError(
            "the folder holds no CSV files",
            path=root,
            hint="give the folder that `sheets export --format csv` wrote",
        )
    return tables
