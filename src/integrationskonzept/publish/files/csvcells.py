"""CSV cells a spreadsheet will not run as formulas (the OWASP rule against CSV injection).

A spreadsheet takes a cell that begins with ``=``, ``+``, ``-`` or ``@`` for a formula (a
tab or carriage return in front does not stop it), so a label such as
``=HYPERLINK("http://…")`` in a CSV the project writes would act when the file is opened.
Every CSV (and TSV) cell of text therefore goes through :func:`text_cell`, which puts a
single quote in front of such a cell; numbers are written as they are, ``-1.5`` stays a
number. A program that reads the CSV sees the quote: the price of a file that is safe to
open.
"""

from __future__ import annotations

from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell that begins with one of these is neutralised."""


def text_cell(text: str) -> str:
    """``text``, with a ``'`` in front if a spreadsheet would read it as a formula.

    >>> text_cell('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> text_cell("-1.5"), text_cell("Stadt Leverkusen")
    ("'-1.5", 'Stadt Leverkusen')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def is_number(value: object) -> bool:
    """Whether ``value`` is a Python number (``bool`` is not counted as one)."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def csv_cell(value: object) -> str:
    """A cell for ``value``: ``None`` empty, a number as Python writes it, anything else as
    text through :func:`text_cell`.

    >>> [csv_cell(v) for v in (None, -1.5, 3, "-3", "@SUM(A1)")]
    ['', '-1.5', '3', "'-3", "'@SUM(A1)"]
    """
    if value is None:
        return ""
    if is_number(value):
        return str(value)
    return text_cell(str(value))
