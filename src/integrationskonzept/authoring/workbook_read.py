"""Read a workbook (``.xlsx``) into raw tables: values as typed, formulas marked.

openpyxl's own reader deletes every ``x005F_`` from shared strings (a shortcut for the
escaped underscore), which changes a text that contains those characters, and leaves the
other ``_xHHHH_`` escapes undone (in inline strings, which openpyxl writes, all of them).
Here the shared strings are read as stored, and every text of a cell, shared or inline, has
the escapes of Office Open XML undone once (:func:`~.cells.from_xlsx_text`), so a text comes
back exactly as it was written, control characters included.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from openpyxl.cell.text import Text  # type: ignore[import-untyped]
from openpyxl.reader.excel import ExcelReader  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS  # type: ignore[import-untyped]
from openpyxl.xml.functions import iterparse  # type: ignore[import-untyped]

from integrationskonzept.authoring.cells import cell_text, from_xlsx_text
from integrationskonzept.authoring.problems import RawTable
from integrationskonzept.errors import InputError

_STRING_TAG = f"{{{SHEET_MAIN_NS}}}si"


def _shared_strings(source: Any) -> list[str]:
    strings = []
    for _, node in iterparse(source):
        if node.tag == _STRING_TAG:
            strings.append(Text.from_tree(node).content)
            node.clear()
    return strings


class _Reader(ExcelReader):  # type: ignore[misc]
    """openpyxl's reader, keeping shared strings as stored (see the module)."""

    def read_strings(self) -> None:
        found = self.package.find(SHARED_STRINGS)
        if found is not None:
            with self.archive.open(found.PartName[1:]) as source:
                self.shared_strings = _shared_strings(source)


def read_workbook(path: Path | str) -> dict[str, RawTable]:
    """The sheets of the workbook at ``path``: name -> table (two header rows, then data).

    Raises :class:`~integrationskonzept.errors.InputError` if the file is missing or not an
    ``.xlsx`` workbook.
    """
    source = Path(path)
    if not source.is_file():
        raise InputError(
            "no such workbook", path=source, hint="give the .xlsx file that `sheets export` wrote"
        )
    try:
        reader = _Reader(
            str(source), read_only=True, keep_vba=False, data_only=False, keep_links=False
        )
        reader.read()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise InputError(
            f"not an Excel workbook (.xlsx): {exc}",
            path=source,
            hint="save the file as .xlsx (Excel workbook), or give the folder of CSV files",
        ) from exc
    book = reader.wb
    tables: dict[str, RawTable] = {}
    try:
        for sheet in book.worksheets:
            headers: list[list[str | None]] = [[], []]
            rows: list[tuple[int, list[object]]] = []
            formulas: set[tuple[int, int]] = set()
            for number, cells in enumerate(sheet.iter_rows(), start=1):
                values: list[object] = []
                for index, cell in enumerate(cells):
                    if getattr(cell, "data_type", None) == "f":
                        formulas.add((number, index))
                    value = getattr(cell, "value", None)
                    values.append(from_xlsx_text(value) if isinstance(value, str) else value)
                if number <= 2:
                    headers[number - 1] = [cell_text(value) for value in values]
                else:
                    rows.append((number, values))
            tables[sheet.title] = RawTable(sheet.title, (headers[0], headers[1]), rows, formulas)
    finally:
        book.close()
    return tables
