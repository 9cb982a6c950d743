"""From a city's Turtle files to tables: one row per thing, one cell per property.

:func:`extract` claims every resource for the first sheet whose class it has (and whose IRI
follows the sheet's pattern), fills a row's cells through the columns' codecs, and keeps
every statement that no cell can carry exactly (a label in French, a second status, an
ill-typed number) for the sheet of other statements. A value goes into a cell only if
reading the cell back gives the same RDF term, so writing the tables and reading them again
loses nothing.

>>> from integrationskonzept import resources
>>> tables = extract(read_city(resources.data_dir()))
>>> tables.prefix, len(tables.rows["measures"]), tables.other
('lev', 147, [])
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import DCTERMS, RDF, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from integrationskonzept import resources
from integrationskonzept.authoring import turtle
from integrationskonzept.authoring.cells import CellValue, cell_text, join_values, split_values
from integrationskonzept.authoring.layout import SHEETS, Column, Sheet
from integrationskonzept.authoring.values import (
    KEY,
    Concept,
    Context,
    KeyIndex,
    NotRepresentable,
)
from integrationskonzept.errors import InputError
from integrationskonzept.load import load_files, turtle_files
from integrationskonzept.namespaces import IK, PREFIXES, VANN
from integrationskonzept.terms import declared_prefixes

Triple = tuple[Node, Node, Node]


@dataclass
class Tables:
    """A city's knowledge base as tables, ready for a workbook or CSV files.

    ``rows[sheet_id]`` are the rows of one sheet, each a list of cell values aligned with
    the sheet's columns; ``other`` the rows of the sheet of other statements (subject,
    property, value, file); ``ctx`` what the codecs know (keys, vocabularies), for the
    drop-down lists.
    """

    base: str
    prefix: str | None
    ctx: Context
    rows: dict[str, list[list[CellValue]]] = field(default_factory=dict)
    other: list[list[CellValue]] = field(default_factory=list)


def read_city(folder: Path | str) -> dict[str, Graph]:
    """The Turtle files of a city's folder, one graph per file (named relative to it)."""
    root = Path(folder)
    files = turtle_files(root)
    return {path.relative_to(root).as_posix(): load_files([path]) for path in files}


def vocabularies(ontology: Graph | None = None) -> dict[URIRef, tuple[Concept, ...]]:
    """The concepts of every SKOS scheme of the ontology, by scheme, sorted by code."""
    graph = ontology if ontology is not None else load_files(resources.ontology_files())
    found: dict[URIRef, list[Concept]] = {}
    for concept, scheme in graph.subject_objects(SKOS.inScheme):
        if not (isinstance(concept, URIRef) and isinstance(scheme, URIRef)):
            continue
        labels = {
            label.language: str(label)
            for label in graph.objects(concept, SKOS.prefLabel)
            if isinstance(label, Literal)
        }
        code = str(graph.value(concept, SKOS.notation) or str(concept).rsplit("#", 1)[-1])
        local = str(concept).rsplit("#", 1)[-1]
        found.setdefault(scheme, []).append(
            Concept(concept, code, labels.get("de", local), labels.get("en", local))
        )
    return {scheme: tuple(sorted(cs, key=lambda c: c.code)) for scheme, cs in found.items()}


def city_base(graph: Graph) -> tuple[str, str | None]:
    """The city's base IRI and prefix: from its prefix declaration, else from the IRI of its
    integration concept or report (``…/leverkusen/integrationskonzept-2017``), prefix ``None``.
    """
    own = {prefix: ns for prefix, ns in declared_prefixes(graph).items() if prefix not in PREFIXES}
    declared = declared_prefixes(graph)
    if len(own) == 1:
        prefix, namespace = next(iter(own.items()))
        return namespace, prefix
    if "lev" in declared and declared["lev"] == PREFIXES["lev"]:
        return PREFIXES["lev"], "lev"
    documents = sorted(
        str(s)
        for cls in (IK.IntegrationConcept, IK.ImplementationReport)
        for s in graph.subjects(RDF.type, cls)
        if isinstance(s, URIRef)
    )
    if documents:
        return documents[0].rsplit("/", 1)[0] + "/", None
    raise InputError(
        "cannot tell the city's base IRI: the data declares no prefix and names no "
        "integration concept or report",
        hint="add the declaration to documents.ttl (see data/leverkusen/documents.ttl)",
    )


def prefix_statements(base: str, prefix: str) -> list[Triple]:
    """The two statements that declare the city's prefix (on ``<base>dataset``)."""
    subject = URIRef(base + "dataset")
    return [
        (subject, VANN.preferredNamespacePrefix, Literal(prefix)),
        (subject, VANN.preferredNamespaceUri, Literal(base, datatype=XSD.anyURI)),
    ]


_DIGITS = re.compile(r"(\d+)")


def natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts ``A-2`` before ``A-10`` and ``4.3`` before ``4.10``.

    >>> sorted(["A-10", "A-2", "B-1"], key=natural)
    ['A-2', 'A-10', 'B-1']
    """
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(text))


def _claim(graph: Graph, base: str) -> dict[str, list[tuple[URIRef, str]]]:
    """Rows per sheet: (IRI, key) of every resource the sheet claims, first sheet first."""
    claimed: set[URIRef] = set()
    rows: dict[str, list[tuple[URIRef, str]]] = {}
    for sheet in SHEETS:
        found = []
        for cls in sheet.classes:
            for subject in graph.subjects(RDF.type, cls):
                if not isinstance(subject, URIRef) or subject in claimed:
                    continue
                if any((subject, RDF.type, other) in graph for other in sheet.exclude):
                    continue
                prefix = base + sheet.path
                key = str(subject)[len(prefix) :]
                if str(subject).startswith(prefix) and key and KEY.fullmatch(key):
                    claimed.add(subject)
                    found.append((subject, key))
        rows[sheet.id] = found
    return rows


def _file_of(
    triples_files: Mapping[Triple, str], subject: URIRef, sheet: Sheet, graph: Graph
) -> str | None:
    for cls in sheet.classes:
        if (subject, RDF.type, cls) in graph:
            return triples_files.get((subject, RDF.type, cls))
    return None


class _Extractor:
    def __init__(self, files: Mapping[str, Graph], lang: str, codes: bool) -> None:
        self.graph = Graph()
        self.file_of: dict[Triple, str] = {}
        for name in sorted(files):
            for triple in files[name]:
                self.graph.add(triple)
                self.file_of.setdefault(triple, name)
        self.base, self.prefix = city_base(self.graph)
        prefixes = dict(PREFIXES)
        if self.prefix is not None:
            prefixes[self.prefix] = self.base
        self.consumed: set[Triple] = set()
        if self.prefix is not None:
            declaration = prefix_statements(self.base, self.prefix)
            if all(triple in self.graph for triple in declaration):
                self.consumed.update(declaration)
            else:
                self.prefix = None
        self.claimed = _claim(self.graph, self.base)
        index = KeyIndex()
        for sheet in SHEETS:
            index.paths[sheet.id] = sheet.path
            for subject, key in self.claimed[sheet.id]:
                code = None
                if sheet.code is not None:
                    values = list(self.graph.objects(subject, sheet.code))
                    code = str(values[0]) if len(values) == 1 else None
                index.add(sheet.id, key, subject, code)
        self.ctx = Context(
            base=self.base,
            prefixes=prefixes,
            vocabularies=vocabularies(),
            index=index,
            lang=lang,
            codes=codes,
        )

    def _exact(self, column: Column, term: Node) -> CellValue:
        """The cell value of ``term`` if reading it back gives ``term``; else raise."""
        assert column.codec is not None
        value = column.codec.encode(term, self.ctx)
        text = cell_text(value)
        if text is None:
            raise NotRepresentable
        if column.multiple:
            parts = split_values(
                join_values([text], escape=column.codec.escape), escape=column.codec.escape
            )
            if parts != [text]:
                raise NotRepresentable
        elif not column.codec.escape and text != text.strip():
            raise NotRepresentable
        if column.codec.decode(text, self.ctx) != term:
            raise NotRepresentable
        return value

    def _property(self, subject: URIRef, column: Column) -> CellValue:
        assert column.predicate is not None
        terms: list[tuple[Node, Triple]]
        if column.inverse:
            terms = [
                (s, (s, column.predicate, subject))
                for s in self.graph.subjects(column.predicate, subject)
            ]
        else:
            terms = [
                (o, (subject, column.predicate, o))
                for o in self.graph.objects(subject, column.predicate)
            ]
        accepted: list[tuple[CellValue, Triple]] = []
        for term, triple in sorted(terms, key=lambda pair: pair[0].n3()):
            if triple in self.consumed:
                continue
            try:
                accepted.append((self._exact(column, term), triple))
            except NotRepresentable:
                continue
        if not accepted:
            return None
        if not column.multiple:
            value, triple = accepted[0]
            self.consumed.add(triple)
            return value
        self.consumed.update(triple for _, triple in accepted)
        texts = sorted((cell_text(value) or "" for value, _ in accepted), key=natural)
        assert column.codec is not None
        return join_values(texts, escape=column.codec.escape)

    def _row(self, sheet: Sheet, subject: URIRef, key: str) -> list[CellValue]:
        cells: list[CellValue] = []
        for column in sheet.columns:
            if column.role == "key":
                cells.append(key)
            elif column.role == "file":
                cells.append(None)  # filled in by the caller
            elif column.role == "class":
                chosen = next(c for c in sheet.classes if (subject, RDF.type, c) in self.graph)
                self.consumed.add((subject, RDF.type, chosen))
                cells.append(column.codec.encode(chosen, self.ctx))
            elif column.role == "flag":
                assert column.flag is not None
                flagged = (subject, RDF.type, column.flag) in self.graph
                if flagged:
                    self.consumed.add((subject, RDF.type, column.flag))
                cells.append(True if flagged else None)
            else:
                cells.append(self._property(subject, column))
        if not any(column.role == "class" for column in sheet.columns):
            self.consumed.add((subject, RDF.type, sheet.classes[0]))
        return cells

    def tables(self) -> Tables:
        tables = Tables(self.base, self.prefix, self.ctx)
        section_numbers = {
            iri: code for code, iri in self.ctx.index.codes.get("sections", {}).items()
        }
        for sheet in SHEETS:
            rows = []
            for subject, key in self.claimed[sheet.id]:
                row = self._row(sheet, subject, key)
                sources = sorted(
                    o for o in self.graph.objects(subject, DCTERMS.source) if isinstance(o, URIRef)
                )
                rule = turtle.rule_file(sheet, [section_numbers.get(s) for s in sources])
                actual = _file_of(self.file_of, subject, sheet, self.graph)
                if actual is not None and actual != rule:
                    row[-1] = actual
                rows.append((natural(actual or rule), natural(key), row))
            tables.rows[sheet.id] = [row for _, _, row in sorted(rows, key=lambda r: (r[0], r[1]))]
        tables.other = self._other()
        return tables

    def _other(self) -> list[list[CellValue]]:
        manager = NamespaceManager(Graph(), bind_namespaces="none")
        for prefix, namespace in self.ctx.prefixes.items():
            manager.bind(prefix, namespace, override=True, replace=True)
        rows: list[list[CellValue]] = []
        for triple in self.graph:
            if triple in self.consumed:
                continue
            s, p, o = (term_text(term, manager) for term in triple)
            rows.append([s, p, o, self.file_of[triple]])
        return sorted(rows, key=lambda row: tuple(str(cell) for cell in row))


def term_text(term: Node, manager: NamespaceManager) -> str:
    """A term in Turtle's syntax as the sheet of other statements holds it.

    >>> manager = NamespaceManager(Graph(), bind_namespaces="none")
    >>> manager.bind("ik", IK._NS)
    >>> term_text(IK.Lead, manager), term_text(Literal("ja", lang="de"), manager)
    ('ik:Lead', '"ja"@de')
    """
    if isinstance(term, URIRef):
        for prefix, namespace in sorted(manager.namespaces(), key=lambda p: -len(p[1])):
            local = str(term)[len(namespace) :]
            if (
                str(term).startswith(str(namespace))
                and re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.\-/]*", local)
                and not local.endswith(".")
            ):
                return f"{prefix}:{local}"
        return term.n3()
    return term.n3(manager)


def extract(files: Mapping[str, Graph], *, lang: str = "de", codes: bool = False) -> Tables:
    """The tables of a city's knowledge base (``files``: graph per Turtle file name).

    ``lang``: the language of vocabulary labels in the cells; ``codes``: write vocabulary
    values as their IRIs' local names (``Implemented``) instead, as the CSV files do.
    """
    return _Extractor(files, lang, codes).tables()
