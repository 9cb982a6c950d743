"""Run a named query or a query text with bound parameters, on any backend."""

from __future__ import annotations

import functools
import gc
import re
import threading
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result

from integrationskonzept.errors import QueryError, UnmatchedParameterWarning
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.query.library import NamedQuery, Parameter, named_queries
from integrationskonzept.query.parsing import has_own_engine, prepare
from integrationskonzept.terms import known_prefixes

if TYPE_CHECKING:
    import pandas

# An absolute IRI: a scheme, then no characters that the SPARQL/Turtle IRI grammar forbids
# (controls and space, <>"{}|^`\ ; IRIREF in both grammars), nor other whitespace.
_IRI_CHARACTERS = r"[^\x00-\x20\s<>\"{}|\\^`]"
_IRI = re.compile(rf"^[A-Za-z][A-Za-z0-9+.-]*:{_IRI_CHARACTERS}+$")
_CURIE = re.compile(rf"^(?P<prefix>[a-z][a-z0-9]*):(?P<local>{_IRI_CHARACTERS}*)$")


def to_iri(value: str, name: str = "iri", prefixes: Mapping[str, str] | None = None) -> URIRef:
    """Check ``value`` is an IRI (or a CURIE with a known prefix) and return it.

    ``prefixes`` are the known prefixes (default: the project's; :func:`query` passes those
    of the graph it runs on, so a city's own prefix works too).

    >>> to_iri("lev:field/C")
    rdflib.term.URIRef('https://w3id.org/integrationskonzept/leverkusen/field/C')
    >>> to_iri("ms:field/C", prefixes={"ms": "https://example.org/musterstadt/"})
    rdflib.term.URIRef('https://example.org/musterstadt/field/C')
    >>> to_iri('x> } ; DROP ALL #')
    Traceback (most recent call last):
    ...
    integrationskonzept.errors.QueryError: parameter iri: not an IRI: 'x> } ; DROP ALL #'
      hint: give an absolute IRI (https://…) or a CURIE such as lev:field/C
    """
    known = PREFIXES if prefixes is None else prefixes
    found = _CURIE.fullmatch(value)
    if found and found.group("prefix") in known:
        return URIRef(known[found.group("prefix")] + found.group("local"))
    if _IRI.fullmatch(value):
        return URIRef(value)
    example = next((p for p in known if p not in PREFIXES), "lev")
    raise QueryError(
        f"parameter {name}: not an IRI: {value!r}",
        hint=f"give an absolute IRI (https://…) or a CURIE such as {example}:field/C",
    )


def _bind(
    parameter: Parameter, value: Any, prefixes: Mapping[str, str] | None = None
) -> URIRef | Literal:
    if parameter.type == "iri":
        if isinstance(value, URIRef) and _IRI.fullmatch(value):
            return value
        # a URIRef with a space or NUL fails here
        return to_iri(str(value), parameter.name, prefixes)
    if parameter.type == "integer":
        try:
            return Literal(int(value))
        except (TypeError, ValueError) as exc:
            raise QueryError(f"parameter {parameter.name}: not an integer: {value!r}") from exc
    return Literal(str(value))


def _walk(node: Any) -> Any:
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _walk(item)


# rdflib expands \uXXXX and \UXXXXXXXX everywhere in the text before parsing, and reads up
# to 8 digits after either letter; Oxigraph expands them only inside strings and IRIs.
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9a-f]{4}(?:[0-9a-f]{4})?)", re.IGNORECASE)
# C0 controls and DEL, except tab and line feed (carriage returns are made line feeds first).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _refuse_ascii_escapes(text: str) -> None:
    for found in _CODEPOINT_ESCAPE.finditer(text):
        code = int(found.group(1), 16)
        if code < 0x80 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise QueryError(
                f"the escape {found.group(0)} is not accepted here",
                hint="write the character itself (escapes of non-ASCII letters are fine)",
            )


def normalise(text: str) -> str:
    r"""The text that rdflib (which checks) and Oxigraph (which runs) read alike, or an error.

    The two parsers disagree on a few things, and each disagreement could hide ``SERVICE``
    from the check while Oxigraph runs it: a comment ends at a carriage return for Oxigraph
    but not for rdflib (so line endings become ``"\n"``); rdflib turns ``\u0022`` into a
    quote before it parses, Oxigraph only inside a string, as a character of it (so an
    escape of an ASCII character is refused: only non-ASCII characters can be written so,
    and they are never syntax); control characters are refused.

    >>> normalise("ASK {\r\n# x\r?s ?p ?o }")
    'ASK {\n# x\n?s ?p ?o }'
    >>> normalise('ASK { FILTER("\\u00e4" != "\\u0022") }')
    Traceback (most recent call last):
    ...
    integrationskonzept.errors.QueryError: the escape \u0022 is not accepted here
      hint: write the character itself (escapes of non-ASCII letters are fine)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        raise QueryError(
            f"the query holds the control character U+{ord(control.group(0)):04X}",
            hint="remove it (no query needs one)",
        )
    _refuse_ascii_escapes(text)
    return text


def check_safe(text: str) -> str:
    """Refuse queries that reach outside the graph (``SERVICE``, ``FROM``) or do not parse.

    Returns the text that was checked (see :func:`normalise`): run that one, not ``text``.
    A text found safe is remembered (the last 256), so a named query run again costs no
    second parse by rdflib (~8 ms, more than Oxigraph takes to answer it).
    """
    checked = normalise(text)
    _checked_safe(checked)
    return checked


@functools.lru_cache(maxsize=256)
def _checked_safe(text: str) -> bool:
    """``True``, or :class:`QueryError` (never cached) if ``text`` is not safe."""
    try:
        prepared = prepare(text)
    except Exception as exc:  # pyparsing raises several types
        raise QueryError(f"the query does not parse: {str(exc).splitlines()[0]}") from exc
    for node in _walk(prepared.algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryError("SERVICE is not allowed: queries run on the local graph only")
    if prepared.algebra.get("datasetClause"):
        raise QueryError("FROM / FROM NAMED is not allowed: queries run on the local graph only")
    return True


def _python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        return value if not isinstance(value, Literal) else str(value)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


@dataclass(frozen=True)
class QueryResult:
    """The rows of a SELECT (variables in order, rdflib terms), or an ASK answer."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    ask: bool | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Rows as plain dicts of Python values (IRIs as strings, literals converted)."""
        return [
            {var: _python(term) for var, term in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]

    def to_dataframe(self) -> pandas.DataFrame:
        """Rows as a pandas DataFrame (needs pandas installed)."""
        try:
            import pandas
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_dataframe() needs pandas: pip install pandas") from exc
        return pandas.DataFrame(self.to_dicts(), columns=list(self.variables))


def resolve(name_or_text: str) -> tuple[str, NamedQuery | None]:
    """The query text for a library name, a ``.rq`` file path, or a query text itself."""
    library = named_queries()
    if name_or_text in library:
        return library[name_or_text].text, library[name_or_text]
    if name_or_text.endswith(".rq") and "\n" not in name_or_text:
        path = Path(name_or_text)
        if not path.is_file():
            raise QueryError("no such query file", path=path)
        return path.read_text(encoding="utf-8"), None
    if re.fullmatch(r"[a-z0-9-]+", name_or_text):
        raise QueryError(
            f"no named query {name_or_text!r}",
            hint="list them with: integrationskonzept queries",
        )
    return name_or_text, None


# A SPARQL variable name (VARNAME, without the rarer characters): a letter or underscore,
# then letters, digits and underscores (Unicode letters included).
_VARIABLE = re.compile(r"^[^\W\d]\w*$")

T = TypeVar("T")


def _within(timeout: float, work: Callable[[threading.Event], T]) -> T:
    """Run ``work`` in a daemon thread; raise :class:`QueryError` if it is not done in time.

    ``work`` gets an event that is set when the time is up, so it can stop early.
    """
    outcome: dict[str, Any] = {}
    cancelled = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = work(cancelled)
        except BaseException as exc:  # handed to the caller below
            outcome["error"] = exc
        if cancelled.is_set():
            # Nobody waits for the outcome. Oxigraph's result objects must be freed on the
            # thread that made them, and an abandoned one sits in reference cycles (via the
            # traceback) that the garbage collector would otherwise free on any thread.
            outcome.clear()
            gc.collect()

    worker = threading.Thread(target=target, name="integrationskonzept-query", daemon=True)
    worker.start()
    worker.join(min(timeout, threading.TIMEOUT_MAX))
    if worker.is_alive():
        cancelled.set()
        raise QueryError(
            f"the query took longer than {timeout:g} s",
            hint="narrow the query (more specific patterns, LIMIT) or allow more time",
        )
    if "error" in outcome:
        raise outcome["error"]
    return cast(T, outcome["value"])


def _rdflib_result(graph: Graph, text: str, init: dict[str, Any]) -> Result:
    """Evaluate ``text`` with rdflib's engine; parsed here, under the lock (see .parsing)."""
    from rdflib.plugins.sparql.processor import SPARQLProcessor, SPARQLResult

    processor = SPARQLProcessor(graph)  # type: ignore[no-untyped-call]
    return SPARQLResult(processor.query(prepare(text), initBindings=init))


def _evaluate(
    graph: Graph,
    text: str,
    bindings: dict[str, URIRef | Literal],
    cancelled: threading.Event | None = None,
) -> QueryResult:
    """Evaluate a checked query with its bindings and read every row.

    Both engines produce rows lazily: once ``cancelled`` is set, reading stops at the next
    row, so a query that streams rows stops working when its time is up. (One that must
    finish before its first row, such as a ``COUNT`` or ``ORDER BY`` over a huge join, runs
    on until then.)
    """
    # rdflib's stubs say str keys; it accepts Variables, which the Oxigraph store needs.
    init: dict[str, Any] = {Variable(k): v for k, v in bindings.items()}
    if has_own_engine(graph):
        try:
            result = graph.query(text, initNs=PREFIXES, initBindings=init)
        except RuntimeError as exc:
            # Oxigraph substitutes only projected variables; evaluate such a query with
            # rdflib's engine over the same store instead (slower, same answer).
            if "projection" not in str(exc):
                raise QueryError(f"the query failed: {exc}") from exc
            result = _rdflib_result(graph, text, init)
    else:
        result = _rdflib_result(graph, text, init)
    if result.type == "ASK":
        return QueryResult((), (), ask=bool(result.askAnswer))
    if result.type != "SELECT":
        raise QueryError("only SELECT and ASK queries are supported here")
    # Bound parameters are projected only because Oxigraph substitutes projected variables;
    # they are constant, so they are dropped from the result.
    all_vars = [str(v) for v in (result.vars or [])]
    keep = [i for i, v in enumerate(all_vars) if v not in bindings]
    rows = []
    for row in result:
        if cancelled is not None and cancelled.is_set():
            raise QueryError("the query was cancelled: its time was up")
        rows.append(tuple(row[i] for i in keep))  # type: ignore[index]
    return QueryResult(tuple(all_vars[i] for i in keep), tuple(rows))


def _in_graph(graph: Graph, iri: URIRef) -> bool:
    return (iri, None, None) in graph or (None, None, iri) in graph or (None, iri, None) in graph


def _warn_unmatched(
    graph: Graph, bindings: dict[str, URIRef | Literal], given: dict[str, Any]
) -> None:
    """Warn (:class:`UnmatchedParameterWarning`) about each IRI parameter that occurs nowhere
    in ``graph``: the query would silently answer with zero rows."""
    for name, term in bindings.items():
        if isinstance(term, URIRef) and not _in_graph(graph, term):
            shown = given.get(name, term)
            warnings.warn(
                f"parameter {name}={shown}: the IRI <{term}> occurs nowhere in the graph, so "
                "nothing can match it (a typo in the key? the prefix of another city?)",
                UnmatchedParameterWarning,
                stacklevel=3,
            )


DEFAULT_TIMEOUT = 30.0
"""Seconds an in-process query may run before :func:`query` gives up (``None``: no limit)."""


def query(
    name_or_text: str,
    graph: Graph | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    **params: Any,
) -> QueryResult:
    """Run a named query (or a query text / ``.rq`` file) on ``graph`` with bound parameters.

    ``graph`` defaults to the bundled knowledge base on the Oxigraph backend. For a named
    query, every declared parameter must be given; for a free text, each keyword becomes a
    binding of the variable of that name (strings as plain literals; pass an rdflib
    ``URIRef`` or ``Literal`` for other terms). ``timeout`` is therefore not available as a
    parameter name. An IRI parameter may be a CURIE with a project prefix or with the prefix
    that the graph's city declares (``vann:preferredNamespacePrefix``, see
    :func:`~integrationskonzept.terms.known_prefixes`). An IRI that occurs nowhere in the graph
    is still bound (the answer is then empty), with an
    :class:`~integrationskonzept.errors.UnmatchedParameterWarning` that names the parameter.

    ``timeout`` (seconds, default 30; ``None`` for no limit) bounds the evaluation: the query
    runs in a worker thread, and if it has not finished in time :class:`QueryError` is
    raised. A query that streams its rows stops at the next row; neither engine can be
    interrupted before its first row, so a query that must finish before it (``COUNT`` or
    ``ORDER BY`` over a huge join) keeps its worker (a daemon thread) running in the
    background until then or until the process exits. The worker only reads the graph, but
    do not change the graph while it may still run.

    >>> from rdflib import Graph, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:c")))
    >>> query("ASK { ?s ?p ?o }", g, timeout=10).ask
    True
    """
    if timeout is not None and not timeout > 0:
        raise QueryError(f"the timeout must be a positive number of seconds, not {timeout!r}")
    original, named = resolve(name_or_text)
    text = check_safe(original)  # the text that was checked is the one that runs
    if graph is None:
        from integrationskonzept.load import load

        graph = load(backend="oxigraph")
    bindings: dict[str, URIRef | Literal] = {}
    prefixes = known_prefixes(graph)
    if named is not None:
        declared = {p.name: p for p in named.parameters}
        unknown = sorted(set(params) - set(declared))
        if unknown:
            raise QueryError(f"{named.name}: unknown parameter(s) {', '.join(unknown)}")
        for parameter in named.parameters:
            if parameter.name not in params:
                raise QueryError(
                    f"{named.name}: missing parameter {parameter.name!r} ({parameter.type})",
                    hint=parameter.description,
                )
            bindings[parameter.name] = _bind(parameter, params[parameter.name], prefixes)
    else:
        for key, value in params.items():
            if not _VARIABLE.match(key):
                raise QueryError(f"not a SPARQL variable name: {key!r}")
            if isinstance(value, URIRef | Literal):
                bindings[key] = value
            else:
                bindings[key] = Literal(value)
    _warn_unmatched(graph, bindings, params)
    target = graph
    if timeout is None:
        return _evaluate(target, text, bindings)
    return _within(timeout, lambda cancelled: _evaluate(target, text, bindings, cancelled))
