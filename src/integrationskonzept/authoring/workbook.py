"""Write the tables as an Excel workbook (``.xlsx``): safe, with drop-downs, deterministic.

* Every text is a string cell, never a formula, whatever it starts with (``=``, ``+``,
  ``-``, ``@``); control characters are escaped as Office Open XML ``_xHHHH_``
  (:mod:`.cells`). A text longer than a cell can hold (32,767 characters) is refused with
  the row and column; the CSV format has no such limit.
* Closed vocabularies (status, role, kinds …) and single keys (topic, goal, actor …) are
  drop-down lists (data validation) whose values stand on the hidden sheet ``Listen``:
  a value not in a vocabulary is refused, a new key is allowed after a warning.
* The same tables give the same bytes: the document's dates are fixed and the zip entries
  carry a fixed time stamp.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter, quote_sheetname  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from integrationskonzept.atomic import write_bytes
from integrationskonzept.authoring.cells import (
    FORMULA_STARTS,
    XLSX_MAX_LENGTH,
    CellValue,
    cell_name,
    to_xlsx_text,
)
from integrationskonzept.authoring.extract import Tables
from integrationskonzept.authoring.layout import (
    CITY,
    CITY_ROWS,
    LISTS,
    OTHER,
    OTHER_COLUMNS,
    README,
    SHEETS,
    Column,
    Sheet,
)
from integrationskonzept.authoring.readme import INTRO, column_help, property_name
from integrationskonzept.authoring.values import Boolean, Choice, Ref, Vocab
from integrationskonzept.errors import InputError

FIXED_TIME = datetime.datetime(2017, 12, 18, 0, 0, 0)
"""The document's creation and modification time (the day the concept was adopted): a real
time would make every export differ."""
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
LAST_ROW = 1048576
_HEADER = Font(bold=True)
_SECOND = Font(italic=True, color="666666")
_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _other_lang(lang: str) -> str:
    return "en" if lang == "de" else "de"


def put(sheet: Worksheet, row: int, column: int, value: CellValue) -> None:
    """Write ``value`` into a cell: numbers and truth values as such, text as a string cell
    (never a formula) with control characters escaped.

    >>> from openpyxl import Workbook  # type: ignore[import-untyped]
    >>> ws = Workbook().active
    >>> put(ws, 1, 1, "=HYPERLINK(1)")
    >>> ws["A1"].value, ws["A1"].data_type
    ('=HYPERLINK(1)', 's')
    """
    if value is None:
        return
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, bool | int | float):
        cell.value = value
        return
    text = to_xlsx_text(value)
    if len(text) > XLSX_MAX_LENGTH:
        raise InputError(
            f"{sheet.title}!{cell_name(column - 1, row)}: the text has {len(text):,} "
            f"characters; a spreadsheet cell holds at most {XLSX_MAX_LENGTH:,}",
            hint="export with --format csv, which has no such limit, or shorten the text",
        )
    cell.value = text
    cell.data_type = "s"  # openpyxl makes a text that starts with "=" a formula
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


class _Lists:
    """The hidden sheet of drop-down values: one column per distinct list."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.columns: dict[tuple[str, tuple[str, ...]], int] = {}

    def range_of(self, name: str, values: Sequence[str]) -> str:
        key = (name, tuple(values))
        if key not in self.columns:
            index = len(self.columns) + 1
            self.columns[key] = index
            put(self.sheet, 1, index, name)
            for row, value in enumerate(values, start=2):
                put(self.sheet, row, index, value)
        letter = get_column_letter(self.columns[key])
        last = max(2, len(values) + 1)
        return f"{quote_sheetname(self.sheet.title)}!${letter}$2:${letter}${last}"


def _drop_down(column: Column, tables: Tables) -> tuple[str, list[str], bool] | None:
    """(list name, values, strict) for a single-valued column with a closed set of values."""
    codec = column.codec
    ctx = tables.ctx
    if column.multiple or codec is None:
        return None
    if isinstance(codec, Vocab):
        name = str(codec.scheme).rsplit("#", 1)[-1]
        return name, [codec.cell_for(concept, ctx) for concept in codec.concepts(ctx)], True
    if isinstance(codec, Choice):
        return "classes", [str(codec.encode(iri, ctx)) for iri in codec.options], True
    if isinstance(codec, Ref):
        values = []
        for target in codec.targets:
            for iri in ctx.index.keys.get(target, {}).values():
                try:
                    values.append(str(codec.encode(iri, ctx)))
                except Exception:  # a key that has no short form is left out of the list
                    continue
        return "/".join(codec.targets), sorted(set(values)), False
    if isinstance(codec, Boolean):
        return None
    return None


def _headers(sheet: Worksheet, columns: Sequence[tuple[str, str]], lang: str) -> None:
    for index, (first, second) in enumerate(columns, start=1):
        put(sheet, 1, index, first)
        put(sheet, 2, index, second)
        sheet.cell(row=1, column=index).font = _HEADER
        sheet.cell(row=1, column=index).fill = _FILL
        sheet.cell(row=2, column=index).font = _SECOND
    sheet.freeze_panes = "B3"


def _width(column: Column) -> float:
    if column.codec is not None and column.codec.escape:
        return 45.0
    return float(min(40, max(12, len(column.de) + 4)))


def _data_sheet(
    ws: Worksheet,
    sheet: Sheet,
    rows: list[list[CellValue]],
    tables: Tables,
    lists: _Lists,
    lang: str,
) -> None:
    other = _other_lang(lang)
    _headers(ws, [(c.header(lang), c.header(other)) for c in sheet.columns], lang)
    validations: dict[tuple[str, bool], tuple[DataValidation, list[str]]] = {}
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        dimension = ws.column_dimensions[letter]
        dimension.width = _width(column)
        if column.codec is None or not (column.codec.numeric or isinstance(column.codec, Boolean)):
            dimension.number_format = "@"  # typed text stays text (2018-03 is no date)
        drop = _drop_down(column, tables)
        if drop is None:
            continue
        name, values, strict = drop
        formula = lists.range_of(name, values)
        key = (formula, strict)
        if key not in validations:
            validation = DataValidation(
                type="list",
                formula1=formula,
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop" if strict else "warning",
                errorTitle="Wert nicht in der Liste / value not in the list",
                error=(
                    "Bitte einen Wert aus der Liste wählen. / Please choose a value from the list."
                    if strict
                    else "Dieser Schlüssel ist (noch) unbekannt; legen Sie die Zeile in der "
                    "anderen Tabelle an. / This key is not known (yet); add its row on the "
                    "other sheet."
                ),
            )
            validations[key] = (validation, [])
        validations[key][1].append(f"{letter}3:{letter}{LAST_ROW}")
    for (_, _), (validation, ranges) in sorted(validations.items()):
        for sqref in ranges:
            validation.add(sqref)
        ws.add_data_validation(validation)
    for row_number, row in enumerate(rows, start=3):
        for index, value in enumerate(row, start=1):
            put(ws, row_number, index, value)


def _readme(ws: Worksheet, lang: str) -> None:
    other = _other_lang(lang)
    row = 1
    put(ws, row, 1, "Lies mich / Read me")
    ws.cell(row=row, column=1).font = Font(bold=True, size=14)
    row += 2
    for paragraph in (*INTRO[lang], *INTRO[other]):
        put(ws, row, 1, paragraph)
        ws.cell(row=row, column=1).alignment = _WRAP
        row += 1
    row += 1
    headers = (
        ("Tabelle", "Sheet"),
        ("Spalte", "Column"),
        ("Überschrift", "Header"),
        ("Header", "Überschrift"),
        ("Eigenschaft", "Property"),
        ("Erklärung", "Explanation"),
        ("Explanation", "Erklärung"),
    )
    for index, (de, en) in enumerate(headers, start=1):
        put(ws, row, index, de if lang == "de" else en)
        ws.cell(row=row, column=index).font = _HEADER
        ws.cell(row=row, column=index).fill = _FILL
    row += 1
    for sheet in SHEETS:
        for index, column in enumerate(sheet.columns):
            help_de, help_en = column_help(sheet, column)
            first, second = (help_de, help_en) if lang == "de" else (help_en, help_de)
            for col, value in enumerate((
                sheet.title(lang), get_column_letter(index + 1), column.header(lang),
                column.header(other), property_name(column), first, second,
            ), start=1):  # fmt: skip
                put(ws, row, col, value)
            row += 1
    ws.column_dimensions["A"].width = 100
    for letter in "BCDEFG":
        ws.column_dimensions[letter].width = 28 if letter in "CDE" else 14
    ws.column_dimensions["F"].width = 60
    ws.column_dimensions["G"].width = 60


def _city(ws: Worksheet, tables: Tables, lang: str) -> None:
    other = _other_lang(lang)
    names = {"de": ("Einstellung", "Wert", "Erklärung"), "en": ("Setting", "Value", "Explanation")}
    _headers(ws, list(zip(names[lang], names[other], strict=True)), lang)
    explanations = {
        "base": (
            "Der Anfang jeder IRI dieser Stadt. Nicht ändern.",
            "The start of every IRI of this city. Do not change.",
        ),
        "prefix": (
            "Das Präfix der IRIs (lev:measure/…); leer: keines erklärt.",
            "The prefix of the IRIs (lev:measure/…); empty: none declared.",
        ),
    }
    values = {"base": tables.base, "prefix": tables.prefix}
    for row, (key, de, en) in enumerate(CITY_ROWS, start=3):
        put(ws, row, 1, de if lang == "de" else en)
        put(ws, row, 2, values[key])
        put(ws, row, 3, explanations[key][0 if lang == "de" else 1])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 60


def normalise_zip(data: bytes) -> bytes:
    """The same zip archive with fixed time stamps, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return target_buffer.getvalue()


def workbook_bytes(tables: Tables, *, lang: str = "de") -> bytes:
    """The ``.xlsx`` file of ``tables`` (headers, sheet names and list values in ``lang``)."""
    book = Workbook()
    book.remove(book.active)
    _readme(book.create_sheet(README.title(lang)), lang)
    lists = _Lists(book.create_sheet(LISTS.title(lang)))
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.title(lang))
        _data_sheet(ws, sheet, tables.rows.get(sheet.id, []), tables, lists, lang)
    other_ws = book.create_sheet(OTHER.title(lang))
    _headers(other_ws, [(c.header(lang), c.header(_other_lang(lang))) for c in OTHER_COLUMNS], lang)
    for row_number, row in enumerate(tables.other, start=3):
        for index, value in enumerate(row, start=1):
            put(other_ws, row_number, index, value)
    for letter, width in zip("ABCD", (50, 30, 60, 20), strict=True):
        other_ws.column_dimensions[letter].width = width
    _city(book.create_sheet(CITY.title(lang)), tables, lang)
    # the lists sheet after the data sheets, hidden
    book.move_sheet(lists.sheet, offset=len(book.sheetnames) - 1 - book.index(lists.sheet))
    lists.sheet.sheet_state = "hidden"
    book.active = 0  # the read-me sheet opens first
    properties = book.properties
    properties.creator = "integrationskonzept"
    properties.lastModifiedBy = "integrationskonzept"
    properties.title = "Integrationskonzept – Arbeitsmappe / workbook"
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    stream = io.BytesIO()
    _save(book, stream)
    return normalise_zip(stream.getvalue())


def _save(book: Workbook, stream: io.BytesIO) -> None:
    """Save like ``Workbook.save``, but keep the fixed modification time (openpyxl's own
    save sets it to now)."""
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

    archive = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(book, archive).save()


def write_workbook(tables: Tables, target: Path | str, *, lang: str = "de") -> Path:
    """Write ``tables`` as a workbook to ``target`` (atomically) and return its path."""
    write_bytes(target, workbook_bytes(tables, lang=lang))
    return Path(target)
