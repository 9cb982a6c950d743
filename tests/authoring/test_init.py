"""A new city: `init`, fill the workbook's minimum, `sheets import`, `build`; its own prefix."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from rdflib import URIRef

from integrationskonzept.errors import UnmatchedParameterWarning
from integrationskonzept.load import load
from integrationskonzept.query import query
from integrationskonzept.query.runner import to_iri

from .conftest import run

BASE = "https://w3id.org/integrationskonzept/musterstadt/"


@pytest.fixture
def city(tmp_path: Path) -> Path:
    folder = tmp_path / "musterstadt"
    result = run("init", "--city", "Musterstadt", "--base-iri", BASE, "--prefix", "ms", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def _append(book: object, sheet: str, values: dict[str, object]) -> None:
    ws = book[sheet]  # type: ignore[index]
    headers = {ws.cell(row=1, column=c).value: c for c in range(1, ws.max_column + 1)}
    row = ws.max_row + 1
    for header, value in values.items():
        ws.cell(row=row, column=headers[header]).value = value


def test_an_empty_city_validates_and_builds(city: Path, tmp_path: Path) -> None:
    assert sorted(p.name for p in city.iterdir()) == [
        "README.md",
        "documents.ttl",
        "musterstadt.xlsx",
    ]
    assert "So pflegen Sie die Wissensbasis" in (city / "README.md").read_text(encoding="utf-8")
    assert run("validate", "--data", str(city)).exit_code == 0
    result = run("build", "--data", str(city), "--no-docs", "--out", str(tmp_path / "build"))
    assert result.exit_code == 0, result.output


def test_the_new_workbook_has_the_drop_downs(city: Path) -> None:
    book = load_workbook(city / "musterstadt.xlsx")
    assert book["Listen"].sheet_state == "hidden"
    measures = book["Maßnahmen"]
    lists = {dv.formula1: str(dv.sqref) for dv in measures.data_validations.dataValidation}
    status = next(formula for formula, cells in lists.items() if cells.startswith("D3"))
    column = status.split("!")[1].split(":")[0].replace("$", "")[0]
    values = [c.value for c in book["Listen"][column][1:] if c.value]
    assert values == [
        "umgesetzt",
        "keine Anmerkungen",
        "laufend",
        "geplant",
        "vorgeschlagen",
        "unklar",
    ]


def test_fill_the_minimum_import_and_build(city: Path, tmp_path: Path) -> None:
    book = load_workbook(city / "musterstadt.xlsx")
    _append(book, "Abschnitte", {"Schlüssel": "report-1/section/4.1", "Nummer": "4.1",
             "Titel (de)": "Handlungsfeld A: Sprache", "Bezeichnung (de)": "4.1 Sprache",
             "Teil von": "report-1", "Quelle (Abschnitt)": "4.1"})  # fmt: skip
    _append(book, "Handlungsfelder", {"Schlüssel": "A", "Kürzel": "A", "Priorität": True,
             "Bezeichnung (de)": "Sprache", "Bezeichnung (en)": "Language",
             "Quelle (Abschnitt)": "4.1"})  # fmt: skip
    _append(book, "Leitziele", {"Schlüssel": "A-1", "Thema": "A", "Nummer": 1,
             "Bezeichnung (de)": "Leitziel A-1", "Bezeichnung (en)": "Guiding goal A-1",
             "Aussage (de)": "Alle lernen Deutsch.", "Quelle (Abschnitt)": "4.1"})  # fmt: skip
    _append(book, "Akteure", {"Schlüssel": "vhs", "Bezeichnung (de)": "Volkshochschule",
             "Bezeichnung (en)": "Adult education centre", "Art": "Bildungsträger",
             "Quelle (Abschnitt)": "4.1"})  # fmt: skip
    _append(book, "Netzwerke", {"Schlüssel": "runder-tisch-sprache",
             "Bezeichnung (de)": "Runder Tisch Sprache", "Bezeichnung (en)": "Round table language",
             "Art": "Runder Tisch", "Themen (Netzwerktabellen)": "A",
             "Quelle (Abschnitt)": "4.1"})  # fmt: skip
    _append(book, "Maßnahmen", {"Schlüssel": "sprachkurs", "Bezeichnung (de)": "Sprachkurs",
             "Bezeichnung (en)": "Language course", "Umsetzungsstand": "laufend",
             "Beleg, wörtliches Zitat (de)": "Der Sprachkurs läuft.", "Art": "Kurs",
             "Themen": "A", "Leitziele": "A-1", "Quelle (Abschnitt)": "4.1"})  # fmt: skip
    for key, actor, role, what in (
        ("runder-tisch-sprache/vhs/A", "vhs", "Federführung", "runder-tisch-sprache"),
        ("sprachkurs/vhs", "vhs", "Durchführung", "sprachkurs"),
    ):
        _append(book, "Verantwortlichkeiten", {"Schlüssel": key, "Akteur": actor, "Rolle": role,
                 "Verantwortlich für": what, "Wie gedruckt (de)": "VHS",
                 "Bezeichnung (de)": f"VHS: {role}", "Quelle (Abschnitt)": "4.1"})  # fmt: skip
    book.save(city / "musterstadt.xlsx")

    result = run("sheets", "import", str(city / "musterstadt.xlsx"), "--out", str(city))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in city.glob("*.ttl")) == [
        "actors.ttl",
        "documents.ttl",
        "section-4-1.ttl",
    ]
    result = run("build", "--data", str(city), "--no-docs", "--out", str(tmp_path / "build"))
    assert result.exit_code == 0, result.output

    # the city's own prefix works on the command line ...
    result = run("query", "networks-led-by", "--data", str(city), "--param", "actor=ms:actor/vhs",
                 "--format", "csv")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"{BASE}network/runder-tisch-sprache" in result.output
    assert "warning" not in result.output
    # ... and in the API
    graph = load(city, backend="oxigraph")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rows = query("networks-led-by", graph, actor="ms:actor/vhs").to_dicts()
    assert [row["network"] for row in rows] == [f"{BASE}network/runder-tisch-sprache"]


def test_init_refuses_a_folder_with_files_and_a_bad_base(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.ttl").write_text("", encoding="utf-8")
    result = run("init", "--city", "X", "--base-iri", BASE, str(tmp_path / "x"))
    assert result.exit_code == 2 and "not empty" in result.output
    result = run("init", "--city", "X", "--base-iri", "musterstadt", str(tmp_path / "y"))
    assert result.exit_code == 2 and "not a base IRI" in result.output
    result = run("init", "--city", "X", "--base-iri", BASE, "--prefix", "ik", str(tmp_path / "z"))
    assert result.exit_code == 2 and "not a usable prefix" in result.output


def test_leverkusen_declares_its_prefix() -> None:
    from integrationskonzept.terms import declared_prefixes

    assert declared_prefixes(load(ontology=False)) == {
        "lev": "https://w3id.org/integrationskonzept/leverkusen/"
    }


def test_a_city_prefix_resolves_only_where_declared() -> None:
    assert to_iri("ms:actor/x", prefixes={"ms": BASE}) == URIRef(BASE + "actor/x")
    # without the declaration "ms:actor/x" is an IRI of the scheme "ms:" (as before), which
    # matches nothing: the query then warns (next test)
    assert to_iri("ms:actor/x") == URIRef("ms:actor/x")


def test_a_parameter_that_matches_nothing_is_named_in_a_warning() -> None:
    result = run(
        "query", "networks-led-by", "--param", "actor=lev:actor/kommunales-integrationszentrumm"
    )
    assert result.exit_code == 0
    assert "warning: parameter actor=lev:actor/kommunales-integrationszentrumm" in result.output
    assert "occurs nowhere in the graph" in result.output
    with pytest.warns(UnmatchedParameterWarning, match="parameter actor="):
        query("networks-led-by", actor="lev:actor/gibt-es-nicht")
