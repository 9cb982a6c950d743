"""Render the measures sheet of Leverkusen's workbook as the picture on the page "Keeping the
implementation status up to date" (``pages/<lang>/maintaining.png``).

The picture is made from the real file: the workbook is exported as ``sheets export`` writes
it, read back with openpyxl, and its first rows and columns drawn as a spreadsheet (column
letters, row numbers, both header rows, the status column's drop-down list opened with the
values of its data validation), then photographed in Debian's chromium with playwright.

Usage::

    python scripts/workbook_screenshot.py            # both languages
"""

from __future__ import annotations

import html
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet
from playwright.sync_api import sync_playwright

from integrationskonzept import resources
from integrationskonzept.authoring import export_city

SHEET = {"de": "Maßnahmen", "en": "Measures"}
LISTS = {"de": "Listen", "en": "Lists"}
COLUMNS = 6  # key, labels, status, evidence, kind
ROWS = 9  # two header rows and seven measures
WIDTH = 42  # characters shown per cell
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
STYLE = """
body { font: 14px/1.3 "DejaVu Sans", sans-serif; margin: 12px; background: #fff; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; white-space: nowrap; text-align: left; }
th.letter, th.number { background: #eef0f3; color: #444; font-weight: normal; text-align: center; }
tr.header td { background: #dfe8f5; font-weight: bold; }
tr.header2 td { background: #edf2fa; font-style: italic; }
td.status { background: #fffbe6; position: relative; }
ul.dropdown { position: absolute; left: 0; top: 100%; margin: 0; padding: 2px 0; z-index: 2;
  list-style: none; background: #fff; border: 1px solid #888; box-shadow: 2px 2px 6px #0003; }
ul.dropdown li { padding: 2px 10px; }
ul.dropdown li.chosen { background: #1a5fb4; color: #fff; }
"""


def _short(value: object) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def _choices(sheet: Worksheet, column: int, lists: Worksheet) -> list[str]:
    """The values of the data validation that covers ``column`` (its list on the list sheet)."""
    letter = get_column_letter(column)
    for rule in sheet.data_validations.dataValidation:
        if any(str(ref).startswith(f"{letter}3") for ref in rule.sqref.ranges):
            target = str(rule.formula1).split("!")[-1].replace("$", "")
            low_col, low_row, _, high_row = range_boundaries(target)
            rows = lists.iter_rows(
                min_row=low_row, max_row=high_row, min_col=low_col, max_col=low_col
            )
            return [str(row[0].value) for row in rows if row[0].value is not None]
    return []


def page(workbook: Path, lang: str) -> str:
    """The HTML of the picture."""
    book = openpyxl.load_workbook(workbook)
    sheet, lists = book[SHEET[lang]], book[LISTS[lang]]
    status_column = 4
    choices = _choices(sheet, status_column, lists)
    letters = "".join(
        f'<th class="letter">{get_column_letter(c)}</th>' for c in range(1, COLUMNS + 1)
    )
    lines = [f'<table><tr><th class="number"></th>{letters}</tr>']
    for number, row in enumerate(sheet.iter_rows(max_row=ROWS, max_col=COLUMNS), start=1):
        kind = {1: ' class="header"', 2: ' class="header2"'}.get(number, "")
        cells = []
        for column, cell in enumerate(row, start=1):
            text = html.escape(_short(cell.value))
            if number == 3 and column == status_column:
                items = "".join(
                    f'<li class="chosen">{html.escape(c)}</li>'
                    if c == cell.value
                    else f"<li>{html.escape(c)}</li>"
                    for c in choices
                )
                cells.append(f'<td class="status">{text} ▾<ul class="dropdown">{items}</ul></td>')
            else:
                cells.append(f"<td>{text}</td>")
        lines.append(f'<tr{kind}><th class="number">{number}</th>{"".join(cells)}</tr>')
    lines.append("</table>")
    return f"<!doctype html><html lang={lang}><style>{STYLE}</style>{''.join(lines)}</html>"


def main() -> int:
    pages = resources.site_conf_dir() / "pages"
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for lang in ("de", "en"):
            workbook = Path(work) / f"leverkusen-{lang}.xlsx"
            export_city(None, workbook, lang=lang)
            source = Path(work) / f"{lang}.html"
            source.write_text(page(workbook, lang), encoding="utf-8")
            tab = browser.new_page(viewport={"width": 1200, "height": 400})
            tab.goto(source.as_uri())
            target = pages / lang / "maintaining.png"
            tab.locator("table").screenshot(path=str(target))
            tab.close()
            print(f"wrote {target}", file=sys.stderr)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
