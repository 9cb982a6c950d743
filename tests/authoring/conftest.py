"""Shared pieces of the authoring tests: Leverkusen's workbook, exported once, and helpers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from integrationskonzept.authoring import export_city
from integrationskonzept.cli import main


@pytest.fixture(scope="session")
def leverkusen_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Leverkusen's knowledge base as a workbook (read only: copy it to edit it)."""
    target = tmp_path_factory.mktemp("workbook") / "leverkusen.xlsx"
    export_city(None, target)
    return target


@pytest.fixture
def workbook_copy(leverkusen_xlsx: Path, tmp_path: Path) -> Path:
    """A copy of Leverkusen's workbook to edit."""
    target = tmp_path / "leverkusen.xlsx"
    shutil.copy(leverkusen_xlsx, target)
    return target


def run(*args: str) -> Result:
    """The CLI with ``args``; stdout and stderr apart."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def find_row(sheet: Worksheet, key: str) -> int:
    """The row whose key (column A) is ``key``."""
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == key:
            return row
    raise KeyError(key)


def find_column(sheet: Worksheet, header: str) -> int:
    """The column whose German header (row 1) is ``header``."""
    for column in range(1, sheet.max_column + 1):
        if sheet.cell(row=1, column=column).value == header:
            return column
    raise KeyError(header)


def edit(path: Path, changes: list[tuple[str, str, str, object]]) -> list[str]:
    """Set cells (sheet, row key, column header, value) and save; return their A1 names."""
    book = load_workbook(path)
    names = []
    for sheet_name, key, header, value in changes:
        sheet = book[sheet_name]
        cell = sheet.cell(row=find_row(sheet, key), column=find_column(sheet, header))
        cell.value = value
        names.append(f"{sheet_name}!{cell.coordinate}")
    book.save(path)
    return names
