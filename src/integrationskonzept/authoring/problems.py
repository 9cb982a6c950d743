"""Where a value came from, and what is wrong with it: cells, problems, their report.

Every problem an import finds (an unknown key, a value not in a list, an empty required
cell, a SHACL violation) is reported at a cell: ``Maßnahmen!C17`` in a workbook,
``measures.csv!C17`` in a folder of CSV files (row 17 of the file, counting the two header
rows, as a spreadsheet numbers it).

>>> problem = Problem(Place("Maßnahmen", 2, 17), "violation", "fehlt")
>>> problem.render("de")
'Maßnahmen!C17: Verstoß: fehlt'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from integrationskonzept.authoring.cells import cell_name

Severity = Literal["violation", "warning"]
_WORDS = {
    "de": {"violation": "Verstoß", "warning": "Warnung"},
    "en": {"violation": "violation", "warning": "warning"},
}


@dataclass(frozen=True, order=True)
class Place:
    """A cell: the sheet's (or CSV file's) name, the 0-based column, the 1-based row."""

    table: str
    column: int
    row: int

    def __str__(self) -> str:
        return f"{self.table}!{cell_name(self.column, self.row)}"


@dataclass(frozen=True)
class Problem:
    """One problem at one cell (``place`` ``None`` if no cell holds the thing)."""

    place: Place | None
    severity: Severity
    message: str
    check: str = ""
    """The SHACL shape that found it, if one did."""

    def render(self, lang: str) -> str:
        """One line: the cell, the severity, the message (and the shape)."""
        where = str(self.place) if self.place is not None else "—"
        check = f" ({self.check})" if self.check else ""
        return f"{where}: {_WORDS.get(lang, _WORDS['en'])[self.severity]}: {self.message}{check}"


@dataclass
class RawTable:
    """A sheet (or CSV file) as read: its name, the two header rows, the data rows.

    ``rows`` are (row number, cell values); ``formulas`` the (row, column) of cells that
    hold a formula instead of a value.
    """

    name: str
    headers: tuple[list[str | None], list[str | None]]
    rows: list[tuple[int, list[object]]]
    formulas: set[tuple[int, int]] = field(default_factory=set)


def sort_problems(problems: list[Problem], order: dict[str, int]) -> list[Problem]:
    """Problems by sheet (in ``order``), row, column; those without a cell last."""

    def key(problem: Problem) -> tuple[int, int, int, str]:
        place = problem.place
        if place is None:
            return (len(order) + 1, 0, 0, problem.message)
        return (order.get(place.table, len(order)), place.row, place.column, problem.message)

    return sorted(problems, key=key)
