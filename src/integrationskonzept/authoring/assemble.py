"""From tables (as read from a workbook or CSV files) to a city's graph, file by file.

:func:`assemble` checks the structure first: every sheet there, every column known. A
workbook that fails this is unusable (:class:`~integrationskonzept.errors.InputError`, exit
code 2, nothing written). Then it reads every row: the key gives the IRI, each cell the
values of its column. A cell that cannot be read (an unknown key, a value not in the list,
an empty required cell, a formula) becomes a :class:`~.problems.Problem` at that cell; the
rest of the workbook is still read, so one import reports every mistake at once.

Each statement remembers its cell, so that :func:`locate` can place a SHACL result (focus
node and property) at the cell that holds the value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rdflib import DCTERMS, RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node
from rdflib.util import from_n3

from integrationskonzept.authoring import turtle
from integrationskonzept.authoring.cells import cell_text, split_values
from integrationskonzept.authoring.extract import prefix_statements, vocabularies
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
from integrationskonzept.authoring.problems import Place, Problem, RawTable
from integrationskonzept.authoring.values import (
    ABSOLUTE_IRI,
    KEY,
    CellProblem,
    Context,
    KeyIndex,
    UnknownKey,
)
from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.terms import curie
from integrationskonzept.validation import ValidationResult

Triple = tuple[Node, Node, Node]


@dataclass
class RowPlace:
    """Where a thing's row is: its sheet, the table's name, row number, column positions."""

    sheet: Sheet
    table: str
    row: int
    positions: dict[str, int]

    def place(self, column: str) -> Place:
        """The cell of ``column`` in this row."""
        return Place(self.table, self.positions[column], self.row)


@dataclass
class Assembly:
    """A city's graph made from tables: per file, with the cell of every statement."""

    base: str
    prefix: str | None
    files: dict[str, Graph] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rows: dict[URIRef, RowPlace] = field(default_factory=dict)
    places: dict[Triple, Place] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    """Table name -> position, to sort problems in the order of the sheets."""

    @property
    def graph(self) -> Graph:
        """Every file's statements in one graph."""
        union = Graph()
        for graph in self.files.values():
            for triple in graph:
                union.add(triple)
        return union


def _fold(text: object) -> str:
    return " ".join(str(text).split()).casefold() if text is not None else ""


def _find_tables(tables: Mapping[str, RawTable]) -> tuple[dict[str, RawTable], list[str]]:
    """Each known sheet's table (by German or English name, id, or ``<id>.csv``)."""
    wanted: dict[str, str] = {}
    named: list[tuple[str, str, str]] = [(s.id, s.de, s.en) for s in SHEETS]
    named += [(s.id, s.de, s.en) for s in (CITY, OTHER, README, LISTS)]
    for sheet_id, de, en in named:
        for name in (de, en, sheet_id, f"{sheet_id}.csv"):
            wanted[_fold(name)] = sheet_id
    found: dict[str, RawTable] = {}
    unknown: list[str] = []
    for name, table in tables.items():
        known = wanted.get(_fold(name))
        if known is None:
            unknown.append(name)
        elif known not in found:
            found[known] = table
    return found, unknown


def _positions(
    table: RawTable, columns: tuple[Column, ...], errors: list[str]
) -> dict[str, int] | None:
    """Column name -> position in ``table`` (by either header row), or ``None`` (errors)."""
    names = {}
    for column in columns:
        for text in (column.de, column.en, column.name):
            names[_fold(text)] = column.name
    positions: dict[str, int] = {}
    width = max(len(table.headers[0]), len(table.headers[1]))
    ok = True
    for index in range(width):
        texts = [
            _fold(row[index])
            for row in table.headers
            if index < len(row) and row[index] is not None
        ]
        texts = [text for text in texts if text]
        if not texts:
            continue
        matched = {names[text] for text in texts if text in names}
        if len(matched) != 1:
            errors.append(
                f"{Place(table.name, index, 1)}: unknown column {texts[0]!r} "
                "(rename it back to the header the export wrote, or delete the column)"
            )
            ok = False
            continue
        name = matched.pop()
        if name in positions:
            errors.append(f"{Place(table.name, index, 1)}: the column {name!r} appears twice")
            ok = False
        positions[name] = index
    for column in columns:
        if column.name not in positions:
            errors.append(
                f"{table.name}: the column {column.de!r} ({column.en}) is missing; "
                "export a new workbook to see the layout"
            )
            ok = False
    return positions if ok else None


def _city(table: RawTable | None, errors: list[str]) -> tuple[str, str | None]:
    values: dict[str, str | None] = {}
    if table is not None:
        names = {_fold(text): key for key, de, en in CITY_ROWS for text in (key, de, en)}
        for _, cells in table.rows:
            key = names.get(_fold(cells[0] if cells else None))
            if key is not None:
                values[key] = cell_text(cells[1]) if len(cells) > 1 else None
    base = (values.get("base") or "").strip()
    if not base or not ABSOLUTE_IRI.fullmatch(base) or not base.endswith(("/", "#")):
        errors.append(
            f"{CITY.de}/{CITY.en}: the base IRI is missing or not an IRI ending in '/' "
            f"(found {base!r}); it must be the IRI the export wrote there"
        )
    prefix = (values.get("prefix") or "").strip() or None
    return base, prefix


class _Assembler:
    def __init__(self, tables: Mapping[str, RawTable], lang: str) -> None:
        self.lang = lang
        found, unknown = _find_tables(tables)
        errors: list[str] = []
        missing = [sheet for sheet in SHEETS if sheet.id not in found]
        for sheet in missing:
            errors.append(f"the sheet {sheet.de!r} ({sheet.en}) is missing")
        if CITY.id not in found:
            errors.append(f"the sheet {CITY.de!r} ({CITY.en}) with the base IRI is missing")
        base, prefix = _city(found.get(CITY.id), errors)
        self.positions: dict[str, dict[str, int]] = {}
        for sheet in SHEETS:
            if sheet.id in found:
                positions = _positions(found[sheet.id], sheet.columns, errors)
                if positions is not None:
                    self.positions[sheet.id] = positions
        if OTHER.id in found:
            positions = _positions(found[OTHER.id], OTHER_COLUMNS, errors)
            if positions is not None:
                self.positions[OTHER.id] = positions
        if errors:
            raise InputError(
                "the workbook cannot be read:\n  " + "\n  ".join(errors),
                hint="start from a workbook that `integrationskonzept sheets export` or "
                "`integrationskonzept init` wrote, and keep its sheets and headers",
            )
        self.found = found
        self.cells = {sheet_id: dict(table.rows) for sheet_id, table in found.items()}
        prefixes = dict(PREFIXES)
        if prefix is not None:
            prefixes[prefix] = base
        self.ctx = Context(base=base, prefixes=prefixes, vocabularies=vocabularies(), lang=lang)
        self.assembly = Assembly(base, prefix)
        self.assembly.order = {
            found[sheet.id].name: i for i, sheet in enumerate(SHEETS) if sheet.id in found
        }
        if OTHER.id in found:
            self.assembly.order[found[OTHER.id].name] = len(SHEETS)
        self.warnings = [
            Problem(None, "warning", f"the sheet {name!r} is not known; it was not read")
            for name in unknown
        ]
        self.statements: list[tuple[Triple, Place, URIRef | None, bool]] = []

    def problem(self, place: Place, error: CellProblem) -> None:
        self.assembly.problems.append(Problem(place, "violation", error.message(self.lang)))

    def _keys(self) -> None:
        """First pass: every row's key and IRI, so that references can be resolved."""
        index = KeyIndex()
        for sheet in SHEETS:
            index.paths[sheet.id] = sheet.path
            table = self.found[sheet.id]
            positions = self.positions[sheet.id]
            for number, cells in table.rows:
                if all(cell_text(cell) is None for cell in cells):
                    continue
                row = RowPlace(sheet, table.name, number, positions)
                key = cell_text(self._cell(cells, positions["key"]))
                place = row.place("key")
                if key is None or (number, positions["key"]) in table.formulas:
                    self.problem(place, CellProblem(
                        "der Schlüssel fehlt: jede Zeile braucht einen (er wird Teil der IRI)",
                        "the key is missing: every row needs one (it becomes part of the IRI)",
                    ))  # fmt: skip
                    continue
                key = key.strip()
                if not KEY.fullmatch(key):
                    self.problem(place, CellProblem(
                        f"kein gültiger Schlüssel: {key!r} (keine Leerzeichen oder <>\"{{}}|^`\\)",
                        f"not a valid key: {key!r} (no blanks, no <>\"{{}}|^`\\)",
                    ))  # fmt: skip
                    continue
                iri = URIRef(self.ctx.base + sheet.path + key)
                if iri in self.assembly.rows:
                    first = self.assembly.rows[iri]
                    self.problem(place, CellProblem(
                        f"der Schlüssel {key!r} steht schon in {first.place('key')}",
                        f"the key {key!r} is already used in {first.place('key')}",
                    ))  # fmt: skip
                    continue
                self.assembly.rows[iri] = row
                code = None
                if sheet.code is not None:
                    code_column = next(c for c in sheet.columns if c.predicate == sheet.code)
                    code = cell_text(self._cell(cells, positions[code_column.name]))
                    code = code.strip() if code else None
                index.add(sheet.id, key, iri, code)
        self.ctx.index = index

    @staticmethod
    def _cell(cells: list[object], position: int) -> object:
        return cells[position] if position < len(cells) else None

    def _add(self, triple: Triple, place: Place, row: URIRef | None, follows: bool) -> None:
        self.statements.append((triple, place, row, follows))
        self.assembly.places.setdefault(triple, place)

    def _values(self, column: Column, text: str) -> list[str]:
        assert column.codec is not None
        if column.multiple:
            return split_values(text, escape=column.codec.escape)
        return [text if column.codec.escape else text.strip()]

    def _rows(self) -> None:
        """Second pass: every cell's values as statements."""
        for iri, row in self.assembly.rows.items():
            table = self.found[row.sheet.id]
            cells = self.cells[row.sheet.id][row.row]
            for column in row.sheet.columns:
                if column.role in ("key", "file"):
                    continue
                position = row.positions[column.name]
                place = Place(row.table, position, row.row)
                if (row.row, position) in table.formulas:
                    self.problem(place, CellProblem(
                        "die Zelle enthält eine Formel; tragen Sie den Wert als Text ein "
                        "(mit einem ' davor, wenn er mit = beginnt)",
                        "the cell holds a formula; enter the value as text (with a ' in "
                        "front if it starts with =)",
                    ))  # fmt: skip
                    continue
                text = cell_text(self._cell(cells, position))
                if text is None:
                    if column.required:
                        self.problem(place, CellProblem(
                            f"Pflichtangabe fehlt: {column.de}",
                            f"required value missing: {column.en}",
                        ))  # fmt: skip
                    continue
                self._cell_values(iri, row, column, text, place)
            if not any(column.role == "class" for column in row.sheet.columns):
                self._add((iri, RDF.type, row.sheet.classes[0]), row.place("key"), iri, False)

    def _cell_values(
        self, iri: URIRef, row: RowPlace, column: Column, text: str, place: Place
    ) -> None:
        assert column.codec is not None and column.predicate is not None
        for part in self._values(column, text):
            try:
                term = column.codec.decode(part, self.ctx)
            except UnknownKey as error:
                self.problem(place, error)
                if error.iri is None:
                    continue
                term = error.iri  # still stated, so that validation does not report more
            except CellProblem as error:
                self.problem(place, error)
                continue
            if column.role == "flag":
                if str(term) == "true" and column.flag is not None:
                    self._add((iri, RDF.type, column.flag), place, iri, False)
                continue
            if column.inverse:
                triple: Triple = (term, column.predicate, iri)
            else:
                triple = (iri, column.predicate, term)
            self._add(triple, place, iri, column.follows_target)

    def _other(self) -> None:
        if OTHER.id not in self.found:
            return
        table = self.found[OTHER.id]
        positions = self.positions[OTHER.id]
        manager = NamespaceManager(Graph(), bind_namespaces="none")
        for prefix, namespace in self.ctx.prefixes.items():
            manager.bind(prefix, namespace, override=True, replace=True)
        for number, cells in table.rows:
            texts = [cell_text(self._cell(cells, positions[c.name])) for c in OTHER_COLUMNS[:3]]
            if all(text is None for text in texts):
                continue
            terms: list[Node] = []
            for column, text in zip(OTHER_COLUMNS[:3], texts, strict=True):
                place = Place(table.name, positions[column.name], number)
                term = _term(text, manager)
                kinds: tuple[type, ...] = (URIRef, BNode, Literal)
                if column.name == "predicate":
                    kinds = (URIRef,)
                elif column.name == "subject":
                    kinds = (URIRef, BNode)
                if term is None or not isinstance(term, kinds):
                    self.problem(place, CellProblem(
                        f"kein gültiger Term in Turtle-Schreibweise: {text!r}",
                        f"not a valid term in Turtle syntax: {text!r}",
                    ))  # fmt: skip
                    break
                terms.append(term)
            else:
                subject, predicate, value = terms
                place = Place(table.name, positions["subject"], number)
                self._add((subject, predicate, value), place, None, False)
                file_text = cell_text(self._cell(cells, positions["file"]))
                self.other_files[(subject, predicate, value)] = (file_text or "").strip()

    def _files(self) -> None:
        """Each row's file (its file cell, else the conventions), then each statement's."""
        numbers = {iri: code for code, iri in self.ctx.index.codes.get("sections", {}).items()}
        graph = Graph()
        for triple, _, _, _ in self.statements:
            graph.add(triple)
        row_files: dict[URIRef, str] = {}
        for iri, row in self.assembly.rows.items():
            cells = self.cells[row.sheet.id][row.row]
            chosen = cell_text(self._cell(cells, row.positions["file"]))
            if chosen is not None and turtle.FILE_NAME.fullmatch(chosen.strip()):
                row_files[iri] = chosen.strip()
                continue
            if chosen is not None:
                self.problem(row.place("file"), CellProblem(
                    f"kein Dateiname einer Turtle-Datei: {chosen!r} (z. B. section-3-1.ttl; "
                    "leer lassen für die übliche Datei)",
                    f"not the name of a Turtle file: {chosen!r} (e.g. section-3-1.ttl; "
                    "leave it empty for the usual file)",
                ))  # fmt: skip
            sources = sorted(o for o in graph.objects(iri, DCTERMS.source) if isinstance(o, URIRef))
            row_files[iri] = turtle.rule_file(row.sheet, [numbers.get(s) for s in sources])
        files = self.assembly.files
        for triple, _, owner, follows in self.statements:
            if owner is None:
                subject = triple[0]
                name = self.other_files.get(triple) or (
                    row_files.get(subject) if isinstance(subject, URIRef) else None
                )
                if not name or not turtle.FILE_NAME.fullmatch(name):
                    name = "other.ttl"
            else:
                name = row_files[owner]
                target = triple[2] if triple[0] == owner else triple[0]
                if follows and isinstance(target, URIRef) and target in row_files:
                    name = row_files[target]
            files.setdefault(name, Graph()).add(triple)
        if self.assembly.prefix is not None:
            for triple in prefix_statements(self.assembly.base, self.assembly.prefix):
                files.setdefault("documents.ttl", Graph()).add(triple)

    def run(self) -> Assembly:
        self.other_files: dict[Triple, str] = {}
        self._keys()
        self._rows()
        self._other()
        self._files()
        self.assembly.problems.extend(self.warnings)
        return self.assembly


def _term(text: str | None, manager: NamespaceManager) -> Node | None:
    if text is None:
        return None
    text = text.strip()
    try:
        term = from_n3(text, nsm=manager)
    except Exception:  # rdflib raises several types for bad input
        return None
    if isinstance(term, URIRef) and not ABSOLUTE_IRI.fullmatch(str(term)):
        return None
    return term if isinstance(term, URIRef | BNode | Literal) else None


def assemble(tables: Mapping[str, RawTable], *, lang: str = "de") -> Assembly:
    """The city's graph from the tables of a workbook (or CSV folder), with every problem.

    Raises :class:`~integrationskonzept.errors.InputError` if the tables are not a workbook
    of this layout (a sheet or column missing or unknown, no base IRI).
    """
    return _Assembler(tables, lang).run()


def locate(result: ValidationResult, assembly: Assembly) -> Place | None:
    """The cell that holds what a SHACL result is about: the focus node's row and the
    column of the result's property (the English one for a check of English text), else
    the row's key cell; ``None`` if no row describes the focus node."""
    row = assembly.rows.get(URIRef(result.focus_node))
    if row is None:
        return None
    path = result.path or ""
    inverse = path.startswith("^")
    wanted = path.lstrip("^")
    columns = [
        column
        for column in row.sheet.columns
        if column.predicate is not None
        and column.inverse == inverse
        and curie(str(column.predicate)) == wanted
        and column.role == "property"
    ]
    if not columns:
        return row.place("key")
    if len(columns) > 1:
        english = "English" in result.source_shape or result.source_shape.endswith("En")
        lang = "en" if english else "de"
        columns = [c for c in columns if c.name.endswith(f"_{lang}")] or columns
    return row.place(columns[0].name)
