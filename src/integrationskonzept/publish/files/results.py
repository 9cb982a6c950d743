"""Render SPARQL results as a table, CSV, TSV or SPARQL 1.1 Query Results JSON.

>>> from rdflib import Literal, URIRef
>>> from integrationskonzept.query import QueryResult
>>> r = QueryResult(("x", "n"), ((URIRef("http://example.org/a"), Literal(1)),))
>>> print(to_csv(r), end="")
x,n
http://example.org/a,1
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from rdflib import BNode, Literal, URIRef

from integrationskonzept.publish.files.csvcells import is_number, text_cell
from integrationskonzept.query.runner import QueryResult


def _term_json(term: Any) -> dict[str, str] | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def to_sparql_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON (``application/sparql-results+json``)."""
    if result.ask is not None:
        return json.dumps({"head": {}, "boolean": result.ask}, indent=2) + "\n"
    bindings = []
    for row in result.rows:
        binding = {}
        for var, term in zip(result.variables, row, strict=True):
            value = _term_json(term)
            if value is not None:
                binding[var] = value
        bindings.append(binding)
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def delimited(rows: Iterable[Sequence[str]], delimiter: str = ",") -> str:
    r"""Rows as CSV (or TSV) text, each line ended by ``"\n"``; values that hold a delimiter,
    a quote, a line feed *or a carriage return* are quoted, so a reader gets them back.

    (``csv.writer`` with ``lineterminator="\n"`` leaves a lone ``"\r"`` unquoted, and every
    reader then takes it for the end of the row.)

    >>> delimited([("a", "b"), ("x\ry", "z")])
    'a,b\n"x\ry",z\n'
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    lines = []
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        lines.append(buffer.getvalue()[:-2] + "\n")
    return "".join(lines)


def _cell(term: Any) -> str:
    """A term as a CSV cell: a valid number as written in the data, text neutralised."""
    if term is None:
        return ""
    if isinstance(term, Literal) and is_number(term.value):
        return str(term)  # its lexical form, which parsed as a number
    return text_cell(str(term))


def _delimited(result: QueryResult, delimiter: str) -> str:
    rows = [[_cell(term) for term in row] for row in result.rows]
    return delimited([result.variables, *rows], delimiter)


def to_csv(result: QueryResult) -> str:
    """Comma-separated values with a header row (plain values, no markup).

    A text cell that a spreadsheet would run as a formula gets a ``'`` in front (see
    :mod:`.csvcells`); numbers are written as they are.

    >>> from rdflib.namespace import XSD
    >>> n = Literal("-1.5", datatype=XSD.decimal)
    >>> r = QueryResult(("label", "n"), ((Literal("=1+1"), n),))
    >>> print(to_csv(r), end="")
    label,n
    '=1+1,-1.5
    """
    return _delimited(result, ",")


def to_tsv(result: QueryResult) -> str:
    """Tab-separated values with a header row (cells as in :func:`to_csv`)."""
    return _delimited(result, "\t")
