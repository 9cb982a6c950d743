"""Every problem is reported at its cell; a workbook that cannot be read changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from integrationskonzept.authoring import import_city
from integrationskonzept.errors import InputError

from .conftest import edit, run


def test_five_planted_mistakes_are_reported_at_exactly_their_cells(
    workbook_copy: Path, tmp_path: Path
) -> None:
    cells = edit(
        workbook_copy,
        [
            # an unknown key
            ("Verantwortlichkeiten", "fit-in-deutsch/bildungsbuero", "Akteur", "bildungsbuero-x"),
            # a status not in the list
            ("Maßnahmen", "fit-in-deutsch", "Umsetzungsstand", "fertig"),
            # a missing required cell
            ("Maßnahmen", "griffbereit", "Art", None),
            # a malformed value
            ("Sitzungen", "2019-05-14-integrationsrat", "Datum", "14.5.2019"),
            # a SHACL violation: "no remarks" is a status for guiding goals only (and it is
            # not the status of the measure's latest dated assertion either)
            ("Maßnahmen", "rucksack", "Umsetzungsstand", "keine Anmerkungen"),
        ],
    )
    out = tmp_path / "out"
    report = import_city(workbook_copy, out)
    assert report.failed
    reported = [str(p.place) for p in report.problems if p.severity == "violation"]
    assert sorted(set(reported)) == sorted(cells)
    shacl = [p for p in report.problems if p.check]
    assert sorted(p.check for p in shacl if p.severity == "violation") == [
        "iksh:MeasureShape-status",
        "iksh:MeasureShape-statusLatest",
    ]
    assert {str(p.place) for p in shacl if p.severity == "violation"} == {cells[-1]}
    assert not out.exists()  # nothing written


def test_the_cli_reports_cells_in_the_chosen_language_and_exits_1(
    workbook_copy: Path, tmp_path: Path
) -> None:
    [cell] = edit(workbook_copy, [("Maßnahmen", "fit-in-deutsch", "Umsetzungsstand", "fertig")])
    result = run(
        "sheets", "import", str(workbook_copy), "--out", str(tmp_path / "out"), "--lang", "en"
    )
    assert result.exit_code == 1
    assert f"{cell}: violation: 'fertig' is not in the list; allowed: implemented" in result.output
    result = run("sheets", "import", str(workbook_copy), "--out", str(tmp_path / "out"))
    assert f"{cell}: Verstoß: 'fertig' steht nicht in der Auswahlliste" in result.output
    assert not (tmp_path / "out").exists()


def test_duplicate_keys_and_formulas_are_reported(workbook_copy: Path, tmp_path: Path) -> None:
    book = load_workbook(workbook_copy)
    sheet = book["Maßnahmen"]
    sheet.cell(row=4, column=1).value = sheet.cell(row=3, column=1).value  # same key twice
    sheet.cell(row=5, column=2).value = "=A3"  # a formula typed by hand
    book.save(workbook_copy)
    report = import_city(workbook_copy, tmp_path / "out", lang="en")
    messages = {str(p.place): p.message for p in report.problems if p.severity == "violation"}
    assert "already used in Maßnahmen!A3" in messages["Maßnahmen!A4"]
    assert "formula" in messages["Maßnahmen!B5"]


def test_an_unusable_workbook_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bogus = tmp_path / "city.xlsx"
    bogus.write_bytes(b"not a zip file")
    out = tmp_path / "out"
    result = run("sheets", "import", str(bogus), "--out", str(out))
    assert result.exit_code == 2
    assert "not an Excel workbook" in result.output
    assert not out.exists()


def test_a_missing_sheet_or_unknown_column_makes_the_workbook_unusable(
    workbook_copy: Path, tmp_path: Path
) -> None:
    book = load_workbook(workbook_copy)
    del book["Bedarfe"]
    book["Maßnahmen"].cell(row=1, column=2).value = "Irgendwas"
    book["Maßnahmen"].cell(row=2, column=2).value = None
    book.save(workbook_copy)
    with pytest.raises(InputError) as caught:
        import_city(workbook_copy, tmp_path / "out")
    assert "the sheet 'Bedarfe' (Needs) is missing" in str(caught.value)
    assert "Maßnahmen!B1: unknown column 'irgendwas'" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_a_csv_folder_reports_cells_by_file(tmp_path: Path) -> None:
    run("sheets", "export", "--format", "csv", "--out", str(tmp_path / "csv"))
    path = tmp_path / "csv" / "measures.csv"
    text = path.read_text(encoding="utf-8-sig")
    assert ",Implemented," in text
    path.write_text(text.replace(",Implemented,", ",Done,", 1), encoding="utf-8-sig")
    report = import_city(tmp_path / "csv", tmp_path / "out", lang="en")
    [problem] = [p for p in report.problems if p.severity == "violation"]
    assert str(problem.place).startswith("measures.csv!D")
    assert "'Done' is not in the list" in problem.message
