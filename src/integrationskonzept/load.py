"""Build the graph: the ontology plus one city's knowledge base, on a chosen store.

Two backends answer the same SPARQL:

* ``"memory"``: rdflib's in-memory store and query engine (pure Python, the reference);
* ``"oxigraph"``: the Oxigraph store through oxrdflib; the same rdflib ``Graph`` API, but
  queries run on Oxigraph's engine, which answers joins orders of magnitude faster.

Every input problem becomes an :class:`~integrationskonzept.errors.InputError` that names the
file and, for syntax errors, the line. Two limits keep hostile input from hanging a build,
with defaults far above any real city (Leverkusen's largest file is under 100 kB): a file
may hold at most :func:`max_file_bytes` (64 MiB; ``IK_MAX_FILE_MB`` raises it), and brackets
and parentheses may nest at most as deep as the parser can recurse (the error names the line).

>>> g = load()
>>> len(g) > 1000
True
"""

from __future__ import annotations

import os
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
    found = sorted(folder.rglob("*.ttl"))
    # a link that points nowhere (or to itself) would otherwise be skipped without a word
    broken = [p for p in found if p.is_symlink() and not p.exists()]
    if broken:
        more = f" (and {len(broken) - 1} more)" if len(broken) > 1 else ""
        raise InputError(
            f"a symbolic link points to no file{more}",
            path=broken[0],
            hint="remove the link or point it at a Turtle file",
        )
    files = [p for p in found if p.is_file()]
    if not files:
        raise InputError(
            "the folder contains no Turtle (.ttl) files",
            path=folder,
            hint="put the knowledge base's .ttl files into this folder",
        )
    return files


_BOM = b"\xef\xbb\xbf"


DEFAULT_MAX_FILE_MB = 64
MAX_FILE_VARIABLE = "IK_MAX_FILE_MB"


def max_file_bytes() -> int:
    """The largest Turtle file read: ``IK_MAX_FILE_MB`` megabytes (default 64).

    >>> max_file_bytes() == 64 * 1024 * 1024 or "IK_MAX_FILE_MB" in os.environ
    True
    """
    raw = os.environ.get(MAX_FILE_VARIABLE, str(DEFAULT_MAX_FILE_MB))
    try:
        megabytes = float(raw)
    except ValueError:
        raise InputError(
            f"{MAX_FILE_VARIABLE} must be a number of megabytes, not {raw!r}"
        ) from None
    return int(megabytes * 1024 * 1024)


def _read_text(path: Path) -> str:
    limit = max_file_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"the file is {size / 1024 / 1024:.0f} MB, more than the limit of "
                f"{limit / 1024 / 1024:.0f} MB",
                path=path,
                hint=f"a city's knowledge base is far smaller; if this file is meant to be this "
                f"large, raise the limit: {MAX_FILE_VARIABLE}=<megabytes>",
            )
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
# what is not structure in Turtle: strings (long and short), IRIs and comments
_NOT_STRUCTURE = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^>\s]*>|#[^\n]*"
)
_NESTING_SHOWN = 200


def _deep_nesting_line(text: str, depth: int = _NESTING_SHOWN) -> int | None:
    """The line where brackets and parentheses first nest ``depth`` levels deep.

    >>> _deep_nesting_line(chr(10).join(["<a> <b>", "(((1))) ."]), depth=3)
    2
    """
    # keep the line breaks of what is blanked out, so that offsets still give lines
    structure = _NOT_STRUCTURE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    level = 0
    for found in re.finditer(r"[\[(\])]", structure):
        level += 1 if found.group(0) in "[(" else -1
        if level >= depth:
            return structure.count("\n", 0, found.start()) + 1
    return None


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
        except RecursionError as exc:
            raise InputError(
                "brackets or parentheses nest deeper than the parser can follow",
                path=path,
                line=_deep_nesting_line(text),
                hint="write the nested lists or blank nodes flatter (with named nodes)",
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


def copy_graph(graph: Graph, backend: Backend) -> Graph:
    """A copy of ``graph`` on ``backend`` (one parse of the files, two stores).

    The pipeline parses the files once into rdflib's own store, which keeps every term as
    written, and queries a copy on Oxigraph, which is fast but gives some literals back in
    another form (``"46"^^xsd:positiveInteger`` as ``xsd:integer``, a plain literal as
    ``xsd:string``): exports are made from the first, queries run on the second.

    >>> copy = copy_graph(load(), "oxigraph")
    >>> len(copy) == len(load())
    True
    """
    copy = new_graph(backend)
    copy.addN((s, p, o, copy) for s, p, o in graph)
    return copy


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
