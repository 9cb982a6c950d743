"""Authoring: edit a city's knowledge base as a workbook, get it back as validated Turtle.

* :func:`export_city` writes the knowledge base as an Excel workbook (or a folder of CSV
  files with a CSVW description): one sheet per kind, one row per thing, one column per
  property, drop-down lists for closed vocabularies and keys.
* :func:`import_city` reads such a workbook (or folder), builds the graph, validates it
  against the shapes and writes the Turtle files in the layout of ``data/leverkusen/``.
  Every problem is reported at its cell (``Maßnahmen!C17``); nothing is written unless the
  result conforms.
* :func:`~integrationskonzept.authoring.init.init_city` starts a new city's folder.

Export followed by import gives the same graph (the tests check it on Leverkusen).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = export_city(None, folder / "leverkusen.xlsx")
>>> report = import_city(folder / "leverkusen.xlsx", folder / "out", write=False)
>>> report.failed, report.summary()  # Leverkusen's 14 warnings: measures without a goal
(False, '0 Verstöße, 14 Warnungen')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from integrationskonzept import resources
from integrationskonzept.authoring.assemble import Assembly, assemble, locate
from integrationskonzept.authoring.csvw import read_csv_folder, write_csv
from integrationskonzept.authoring.extract import Tables, extract, read_city
from integrationskonzept.authoring.problems import Problem, RawTable, Severity, sort_problems
from integrationskonzept.authoring.turtle import write_city
from integrationskonzept.authoring.workbook import write_workbook
from integrationskonzept.authoring.workbook_read import read_workbook
from integrationskonzept.errors import InputError
from integrationskonzept.load import load_files
from integrationskonzept.validation import Language, validate

Format = Literal["xlsx", "csv"]

__all__ = ["ImportReport", "export_city", "import_city", "read_tables", "tables_of"]


def tables_of(data: Path | str | None = None, *, lang: str = "de", codes: bool = False) -> Tables:
    """The tables of the city in ``data`` (default: the bundled Leverkusen data)."""
    folder = resources.data_dir() if data is None else Path(data)
    return extract(read_city(folder), lang=lang, codes=codes)


def export_city(
    data: Path | str | None,
    out: Path | str,
    *,
    fmt: Format = "xlsx",
    lang: str = "de",
) -> list[Path]:
    """Write the city's knowledge base as a workbook (``fmt="xlsx"``) or a CSV folder
    (``fmt="csv"``) to ``out``; return the files written. Same data, same bytes."""
    if fmt == "xlsx":
        return [write_workbook(tables_of(data, lang=lang), out, lang=lang)]
    if fmt == "csv":
        return write_csv(tables_of(data, lang=lang, codes=True), out, lang=lang)
    raise InputError(f"unknown format {fmt!r}; choose xlsx or csv")


def read_tables(source: Path | str) -> dict[str, RawTable]:
    """The raw tables of a workbook file or a folder of CSV files."""
    path = Path(source)
    if path.is_dir():
        return dict(read_csv_folder(path))
    return dict(read_workbook(path))


@dataclass
class ImportReport:
    """What an import found and did: the problems (sorted by cell), the files written."""

    problems: list[Problem]
    lang: str = "de"
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    assembly: Assembly | None = None

    @property
    def failed(self) -> bool:
        """Whether there is a violation (then nothing was written)."""
        return any(problem.severity == "violation" for problem in self.problems)

    def summary(self) -> str:
        """``"2 Verstöße, 1 Warnung"`` (or in English)."""
        violations = sum(p.severity == "violation" for p in self.problems)
        warnings = len(self.problems) - violations
        if self.lang == "de":
            return (
                f"{violations} {'Verstoß' if violations == 1 else 'Verstöße'}, "
                f"{warnings} {'Warnung' if warnings == 1 else 'Warnungen'}"
            )
        return (
            f"{violations} violation{'' if violations == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}"
        )

    def to_text(self) -> str:
        """One line per problem, then the summary."""
        lines = [problem.render(self.lang) for problem in self.problems]
        return "\n".join([*lines, self.summary()]) + "\n"


def _shacl_problems(assembly: Assembly, lang: Language) -> list[Problem]:
    graph = load_files(resources.ontology_files(), backend="oxigraph")
    for triple in assembly.graph:
        graph.add(triple)
    report = validate(graph, lang=lang)
    taken = {problem.place for problem in assembly.problems if problem.place is not None}
    found: list[Problem] = []
    seen: set[tuple[object, str]] = set()
    for result in report.results:
        if result.severity == "info":
            continue
        place = locate(result, assembly)
        if place is not None and place in taken:
            continue  # the cell's own problem says it already
        message = result.message
        if place is None:
            message = f"{result.focus_curie}: {message}"
        if (place, message) in seen:
            continue
        seen.add((place, message))
        severity: Severity = "warning" if result.severity == "warning" else "violation"
        found.append(Problem(place, severity, message, result.source_shape))
    return found


def import_city(
    source: Path | str,
    out: Path | str,
    *,
    lang: Language = "de",
    write: bool = True,
) -> ImportReport:
    """Read a workbook (or CSV folder), validate the result, write its Turtle files to ``out``.

    Nothing is written if there is a violation (a cell that cannot be read or a SHACL
    violation), or with ``write=False``. Raises
    :class:`~integrationskonzept.errors.InputError` if the workbook is unusable.
    """
    if lang not in ("de", "en"):
        raise InputError(f"unknown language {lang!r}; choose de or en")
    raw = read_tables(source)
    assembly = assemble(raw, lang=lang)
    problems = assembly.problems + _shacl_problems(assembly, lang)
    report = ImportReport(sort_problems(problems, assembly.order), lang, assembly=assembly)
    if write and not report.failed:
        report.written, report.removed = write_city(
            assembly.files, Path(out), assembly.base, assembly.prefix
        )
    return report
