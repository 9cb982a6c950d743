"""Build the graph: the ontology plus one city's knowledge base, on a chosen store.

Two backends answer the same SPARQL:

* ``"memory"``: rdflib's in-memory store and query engine (pure Python, the reference);
* ``"oxigraph"``: the Oxigraph store through oxrdflib; the same rdflib ``Graph`` API, but
  queries run on Oxigraph's engine, which answers joins orders of magnitude faster.

Every input problem becomes an :class:`~integrationskonzept.errors.InputError` that names the
file and, for syntax errors, the line.

>>> g = load()
>>> len(g) > 1000
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from rdflib import Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.plugins.parsers.notation3 import BadSyntax

from integrationskonzept import resources
from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import bind_prefixes

Backend = Literal["memory", "oxigraph"]
BACKENDS: tuple[Backend, ...] = ("memory", "oxigraph")


def turtle_files(directory: Path | str) -> list[Path]:
    """The ``.ttl`` files below ``directory`` (recursively), sorted; an error if there are none.

    >>> [p.name for p in turtle_files(resources.ontology_dir())][:1]
    ['analysis.ttl']
    """
    folder = Path(directory)
    if not folder.exists():
        raise InputError(
            "the data folder does not exist",
            path=folder,
            hint="pass --data with a folder of Turtle (.ttl) files, or omit it for Leverkusen",
        )
    if not folder.is_dir():
        raise InputError("expected a folder of Turtle files, got a file", path=folder)
    files = sorted(p for p in folder.rglob("*.ttl") if p.is_file())
    if not files:
        raise InputError(
            "the folder contains no Turtle (.ttl) files",
            path=folder,
            hint="put the knowledge base's .ttl files into this folder",
        )
    return files


_BOM = b"\xef\xbb\xbf"


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", path=path) from exc
    # A byte order mark (as some Windows editors write) is not Turtle; drop it.
    body = raw[len(_BOM) :] if raw.startswith(_BOM) else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise InputError(
            f"the file is not valid UTF-8 (byte 0x{body[exc.start]:02x})",
            path=path,
            line=line,
            hint="save the file as UTF-8",
        ) from exc
    if not text.strip():
        raise InputError(
            "the file is empty", path=path, hint="add Turtle statements or delete the file"
        )
    return text


_OX_POSITION = re.compile(r"line (\d+)", re.IGNORECASE)


def _bad_syntax_line(text: str, exc: BadSyntax) -> int:
    """The 1-based line of an rdflib syntax error, counted from its offset in ``text``.

    rdflib's own count (``exc.lines``) drifts: it counts some line breaks twice (one after
    a language-tagged literal and a comma, for instance), so an error at the end of one of
    the bundled files was reported 40 lines below the end of the file.
    """
    offset = getattr(exc, "_i", None)
    if isinstance(offset, int) and 0 <= offset <= len(text):
        return text.count("\n", 0, offset) + 1
    return int(exc.lines) + 1


def _parse_into(graph: Graph, path: Path, backend: Backend) -> None:
    text = _read_text(path)
    public_id = path.resolve().as_uri()
    if backend == "memory":
        try:
            graph.parse(data=text, format="turtle", publicID=public_id)
        except BadSyntax as exc:
            raise InputError(
                f"Turtle syntax error: {exc._why}",
                path=path,
                line=_bad_syntax_line(text, exc),
                hint="fix the statement at that line (a missing '.', ';' or prefix is common)",
            ) from exc
        except Exception as exc:  # rdflib raises several exception types for bad input
            raise InputError(f"cannot parse the file: {exc}", path=path) from exc
        return
    try:
        graph.parse(data=text.encode("utf-8"), format="ox-turtle", publicID=public_id)
    except (SyntaxError, ValueError) as exc:
        message = str(exc)
        found = _OX_POSITION.search(message)
        raise InputError(
            f"Turtle syntax error: {message.splitlines()[0]}",
            path=path,
            line=int(found.group(1)) if found else None,
            hint="fix the statement at that line (a missing '.', ';' or prefix is common)",
        ) from exc


def new_graph(backend: Backend = "memory") -> Graph:
    """An empty graph on the chosen backend, with the project's prefixes bound."""
    if backend not in BACKENDS:
        raise InputError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    graph = Graph(store="Oxigraph") if backend == "oxigraph" else Graph()
    bind_prefixes(graph)
    return graph


# What an IRI cannot hold: controls and space, <>"{}|^`\ (IRIREF in Turtle and SPARQL), DEL
# and C1 controls (RFC 3987; Oxigraph refuses them too).
_NOT_IN_IRI = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|^`\\]')


def _invalid_iri(graph: Graph) -> str | None:
    """The first IRI in ``graph`` that no IRI syntax allows, or ``None``."""
    for triple in graph:
        for term in triple:
            iri = term.datatype if isinstance(term, RDFLiteral) else term
            if isinstance(iri, URIRef) and _NOT_IN_IRI.search(iri):
                return str(iri)
    return None


def _refuse_invalid_iris(graph: Graph, paths: list[Path]) -> None:
    """rdflib reads ``<a b>`` as an IRI (with a warning) and fails only when the graph is
    written (``export``, ``serve``); refuse it when loading, as the Oxigraph backend does.

    Oxigraph's strict parser finds the file and line; it is asked only when there is such an
    IRI, so a good knowledge base is not parsed twice.
    """
    bad = _invalid_iri(graph)
    if bad is None:
        return
    for path in paths:
        _parse_into(new_graph("oxigraph"), path, "oxigraph")  # raises with file and line
    raise InputError(
        f"not a valid IRI: {bad!r}", hint="percent-encode the character (a space is %20)"
    )


def load_files(paths: Iterable[Path], *, backend: Backend = "memory") -> Graph:
    """Parse the given Turtle files into one graph."""
    graph = new_graph(backend)
    files = list(paths)
    for path in files:
        _parse_into(graph, path, backend)
    if backend == "memory":
        _refuse_invalid_iris(graph, files)
    return graph


def load(
    data: Path | str | None = None,
    *,
    backend: Backend = "memory",
    ontology: bool = True,
) -> Graph:
    """The ontology and one city's knowledge base as one rdflib ``Graph``.

    Parameters
    ----------
    data:
        A folder of Turtle files (searched recursively). ``None`` loads the bundled
        Leverkusen knowledge base.
    backend:
        ``"memory"`` (rdflib) or ``"oxigraph"`` (faster SPARQL, same API).
    ontology:
        Include the ontology (TBox); the shapes refer to its class hierarchy.

    Raises
    ------
    InputError
        The folder is missing or empty, or a file is not UTF-8 or not valid Turtle.

    Examples
    --------
    >>> from integrationskonzept import load
    >>> g = load(backend="oxigraph")
    >>> ask = "ASK { ?f a <https://w3id.org/integrationskonzept/ontology#ActionField> }"
    >>> g.query(ask).askAnswer
    True
    """
    folder = resources.data_dir() if data is None else Path(data)
    files = turtle_files(folder)
    if ontology:
        files = resources.ontology_files() + files
    return load_files(files, backend=backend)


def load_shapes() -> Graph:
    """The SHACL shapes graph (``shapes/*.ttl``)."""
    return load_files(resources.shape_files())
