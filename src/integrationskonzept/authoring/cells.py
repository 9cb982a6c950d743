"""Cell text: how any text gets into a spreadsheet cell and back out unchanged.

Three things stand between a text and a cell:

* **Formulas.** A spreadsheet takes a cell that begins with ``=``, ``+``, ``-`` or ``@`` for a
  formula. The workbook writer stores every text as a string cell (never a formula); the CSV
  writer puts a ``'`` in front of such a text (and of a text that begins with ``'``, so that
  reading removes exactly one): :func:`to_csv_text`, :func:`from_csv_text`.
* **Characters XML cannot hold.** A workbook is XML, which has no control characters but tab
  and line feed (a carriage return would turn into a line feed). They are written as
  Office Open XML's ``_xHHHH_`` escapes, as Excel itself does, and a text that happens to
  contain such an escape has its underscore escaped (``_x005F_``): :func:`to_xlsx_text`,
  :func:`from_xlsx_text`.
* **Several values in one cell.** They are written one per line. Where a value is free text,
  a line break (or a backslash) inside it is written ``\\n`` (``\\\\``):
  :func:`join_values`, :func:`split_values`.

>>> from_xlsx_text(to_xlsx_text("a\\x01b_x0041_c\\r"))
'a\\x01b_x0041_c\\r'
>>> from_csv_text(to_csv_text("=1+1")), to_csv_text("=1+1")
('=1+1', "'=1+1")
>>> split_values(join_values(["a\\nb", "c\\\\"], escape=True), escape=True)
['a\\nb', 'c\\\\']
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal

from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

CellValue = str | int | float | bool | None
"""What the tables hold: text, a whole number, a truth value, or nothing."""

XLSX_MAX_LENGTH = 32767
"""The most characters a cell of Excel holds; a longer text cannot go into a workbook."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell of text that begins with one of these would be read as a formula."""

_OOXML_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_OOXML_UNESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _escape_match(found: re.Match[str]) -> str:
    text = found.group(0)
    if len(text) > 1:  # a literal "_xHHHH_": escape its underscore
        return "_x005F_" + text[1:]
    return f"_x{ord(text):04X}_"


def to_xlsx_text(text: str) -> str:
    """``text`` as a workbook stores it: control characters as ``_xHHHH_``.

    >>> to_xlsx_text("Zeile\\x0bumbruch"), to_xlsx_text("_x0041_")
    ('Zeile_x000B_umbruch', '_x005F_x0041_')
    """
    return _OOXML_ESCAPE.sub(_escape_match, text)


def from_xlsx_text(text: str) -> str:
    """The text a workbook cell stores, its ``_xHHHH_`` escapes undone (one pass, left to
    right, so ``_x005F_x0041_`` is the text ``_x0041_``).

    >>> from_xlsx_text("Zeile_x000B_umbruch"), from_xlsx_text("_x005F_x0041_")
    ('Zeile\\x0bumbruch', '_x0041_')
    """
    return _OOXML_UNESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text)


def to_csv_text(text: str) -> str:
    """``text`` for a CSV cell: a ``'`` in front if a spreadsheet would run it as a formula,
    or if it begins with ``'`` itself (so that :func:`from_csv_text` is exact).

    >>> to_csv_text("@SUM(A1)"), to_csv_text("'quoted"), to_csv_text("Stadt")
    ("'@SUM(A1)", "''quoted", 'Stadt')
    """
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


def from_csv_text(text: str) -> str:
    """The text of a CSV cell, one leading ``'`` (see :func:`to_csv_text`) removed."""
    return text[1:] if text.startswith("'") else text


_MULTI_ESCAPE = re.compile(r"[\\\n\r]")
_MULTI_UNESCAPE = re.compile(r"\\([\\nr])")
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "n": "\n", "r": "\r"}


def join_values(values: Iterable[str], *, escape: bool) -> str:
    """Several values in one cell, one per line; ``escape`` for free text (see module)."""
    if escape:
        values = (_MULTI_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], v) for v in values)
    return "\n".join(values)


def split_values(text: str, *, escape: bool) -> list[str]:
    """The values of a cell with one value per line (empty lines are skipped).

    Without ``escape`` (keys, codes, numbers) each value is stripped of surrounding blanks;
    a lone backslash in free text that starts no escape stays as it is.

    >>> split_values(" A \\r\\n\\nF", escape=False)
    ['A', 'F']
    >>> split_values("C:\\\\temp\\\\\\\\x", escape=True)
    ['C:\\\\temp\\\\x']
    """
    lines = text.replace("\r\n", "\n").split("\n")
    if escape:
        return [
            _MULTI_UNESCAPE.sub(lambda m: _UNESCAPES[m.group(1)], line)
            for line in lines
            if line.strip()
        ]
    return [line.strip() for line in lines if line.strip()]


def cell_text(value: object) -> str | None:
    """A cell's value as text, ``None`` for an empty cell (or one of blanks only).

    Spreadsheets turn what is typed into numbers, truth values and dates; each is given back
    in the form the knowledge base writes: ``2019`` (not ``2019.0``), ``true``,
    ``2019-02-22``.

    >>> [cell_text(v) for v in (None, "  ", 2019, 2019.0, 4.3, True, datetime.date(2019, 2, 22))]
    [None, None, '2019', '2019', '4.3', 'true', '2019-02-22']
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def cell_name(column: int, row: int) -> str:
    """The A1 name of a cell from 0-based column and 1-based row: ``cell_name(2, 17) == "C17"``.

    >>> cell_name(2, 17)
    'C17'
    """
    return f"{get_column_letter(column + 1)}{row}"
