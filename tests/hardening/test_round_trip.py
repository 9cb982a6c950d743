"""Exports of generated graphs with unusual IRIs and literals re-parse to the same graph.

Property-based: hypothesis builds small graphs whose IRIs have Unicode, percent escapes,
fragments, queries, sub-delimiters and very long paths, many of them below the project's
own namespaces (so that the Turtle and JSON-LD writers abbreviate them with ``ik:``,
``lev:`` …), and whose literals carry language tags, datatypes (also non-canonical and
ill-typed lexical forms and unusual datatype IRIs), quotes, backslashes, line breaks,
control characters and very long words. Each export format is read back by two independent
parsers (rdflib and Oxigraph) and must give an isomorphic graph; exporting the same graph
twice (also inserted in another order) must give identical bytes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_canonical_graph
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from integrationskonzept import load
from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.pipeline import run
from integrationskonzept.publish.files.export import DEFAULT_GRAPH_NAME, FORMATS, export, serialize

from .hostile import FAST, SLOWER, hostile_text

# ---------------------------------------------------------------- strategies

_NAMESPACES = (
    PREFIXES["lev"],
    PREFIXES["ik"],
    PREFIXES["skos"],
    "http://example.org/",
    "https://example.org:8443/a/b",
    "urn:x-test:",
    "tag:example.org,2024:",
)
# Characters an IRI path may hold unescaped (RFC 3987 iunreserved without the private use
# area, sub-delims, ":" and "@"), and pieces that writers tend to get wrong. Unicode spaces
# (U+2000 …) are valid ucschar but left out: rdflib's N-Triples parser stops at them.
_UCS = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S"),
    exclude_characters='<>"{}|^`\\ []%#?/\u00a0\u3000',
).filter(lambda c: ord(c) < 0x7F or _ucschar(c))
_PATH_PIECES = (
    "%20", "%2F", "%00", "%C3%9F", "%25", ".", "..", "-", "_", "~", "'", "(", ")", "!", "$",
    "*", "+", ",", ";", "=", ":", "@", "/", "//", "ß", "漢字", "😀", "e\u0301", "\u00ad",
    "x" * 3000,
)  # fmt: skip


def _ucschar(c: str) -> bool:
    """RFC 3987 ucschar (the non-ASCII characters an IRI may hold unescaped)."""
    n = ord(c)
    return (
        0xA0 <= n <= 0xD7FF
        or 0xF900 <= n <= 0xFDCF
        or 0xFDF0 <= n <= 0xFFEF
        or (0x10000 <= n <= 0xDFFFD and (n & 0xFFFF) <= 0xFFFD)
        or 0xE1000 <= n <= 0xEFFFD
    )


def _iri() -> st.SearchStrategy[URIRef]:
    path = st.lists(
        st.one_of(st.sampled_from(_PATH_PIECES), st.text(_UCS, max_size=8)), max_size=5
    ).map("".join)
    query = st.one_of(st.just(""), path.map(lambda p: "?" + p.replace("#", "")))
    fragment = st.one_of(st.just(""), path.map(lambda p: "#" + p.replace("?", "")))
    return st.builds(
        # a namespace ending in "#" already opened the fragment: no "?" or "#" after it
        lambda ns, p, q, f: URIRef(ns + p if "#" in ns else ns + p + q + f),
        st.sampled_from(_NAMESPACES),
        path,
        query,
        fragment,
    )


_LANGUAGES = ("de", "en", "de-DE", "en-GB-oxendict", "zh-Hant-TW", "x-private", "sgn-BE-FR")
_TYPED = (
    ("1", XSD.integer),
    ("007", XSD.integer),
    ("-0", XSD.integer),
    ("eins", XSD.integer),
    ("1.0", XSD.decimal),
    ("1.", XSD.decimal),
    ("1e10", XSD.double),
    ("NaN", XSD.double),
    ("-INF", XSD.double),
    ("true", XSD.boolean),
    ("1", XSD.boolean),
    ("2017-12-18", XSD.date),
    ("2017-12-18T10:00:00+01:00", XSD.dateTime),
    ("P1Y2M", XSD.duration),
    ("x", XSD.string),
    ('{"a": [1, "<b>"]}', RDF.JSON),
)


def _literal() -> st.SearchStrategy[Literal]:
    text = hostile_text()
    return st.one_of(
        text.map(Literal),
        st.builds(lambda t, lang: Literal(t, lang=lang), text, st.sampled_from(_LANGUAGES)),
        st.sampled_from(_TYPED).map(lambda pair: Literal(pair[0], datatype=pair[1])),
        st.builds(lambda t, dt: Literal(t, datatype=dt), text, _iri()),
    )


@st.composite
def _graph(draw: st.DrawFn) -> Graph:
    blanks = [BNode(f"b{i}") for i in range(3)]
    subject = st.one_of(_iri(), st.sampled_from(blanks))
    obj = st.one_of(_iri(), st.sampled_from(blanks), _literal())
    graph = Graph()
    for s, p, o in draw(st.lists(st.tuples(subject, _iri(), obj), min_size=1, max_size=8)):
        graph.add((s, p, o))
    return graph


# ---------------------------------------------------------------- reading back

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "json-ld": ox.RdfFormat.JSON_LD,
}
_RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "json-ld": "json-ld"}


def _with_rdflib(text: str, fmt: str) -> Graph:
    if fmt == "nquads":
        dataset = Dataset()
        dataset.parse(data=text, format="nquads")
        named = dataset.graph(URIRef(DEFAULT_GRAPH_NAME))
        assert len(dataset) == len(named), "triples outside the named graph"
        return _copy(named)
    return _copy(Graph().parse(data=text, format=_RDFLIB_FORMATS[fmt]))


def _term(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal), term
    if term.language:
        return Literal(term.value, lang=term.language.lower())
    if term.datatype == ox.NamedNode(str(XSD.string)):
        return Literal(term.value)  # RDF 1.1: a simple literal is an xsd:string
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _with_oxigraph(text: str, fmt: str) -> Graph:
    graph = Graph()
    for quad in ox.parse(text.encode("utf-8"), format=_OX_FORMATS[fmt]):
        if fmt == "nquads":
            assert quad.graph_name == ox.NamedNode(DEFAULT_GRAPH_NAME)
        graph.add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))
    return graph


def _copy(graph: Graph) -> Graph:
    plain = Graph()
    for triple in graph:
        plain.add(triple)
    return plain


def _rdf11(graph: Graph) -> Graph:
    """``graph`` with ``"x"^^xsd:string`` as ``"x"`` and language tags in lower case: the
    same terms in RDF 1.1, which rdflib tells apart (and Oxigraph and JSON-LD do not)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        elif isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def _lexical(graph: Graph) -> set[tuple[str, ...]]:
    """The triples with literals as (lexical form, language, datatype), blank nodes named
    canonically: isomorphism that also compares lexical forms ("007" is not "7")."""

    def show(term: Node) -> str:
        if isinstance(term, Literal):
            return json.dumps([str(term), term.language, str(term.datatype or "")])
        return term.n3()

    return {tuple(show(t) for t in triple) for triple in to_canonical_graph(graph)}


# ---------------------------------------------------------------- the properties


@FAST
@given(graph=_graph())
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_reparses_to_the_same_graph(fmt: str, graph: Graph) -> None:
    text = serialize(graph, fmt)  # type: ignore[arg-type]
    expected = _rdf11(graph)
    for read in (_with_rdflib, _with_oxigraph):
        back = _rdf11(read(text, fmt))
        assert isomorphic(back, expected), (read.__name__, text[:3000])
        assert _lexical(back) == _lexical(expected), (read.__name__, text[:3000])


@FAST
@given(graph=_graph())
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_twice_gives_identical_bytes(tmp_path: Path, fmt: str, graph: Graph) -> None:
    reordered = Graph()
    for triple in sorted(graph, key=lambda t: tuple(x.n3() for x in t), reverse=True):
        reordered.add(triple)
    first, second = tmp_path / "first", tmp_path / "second"
    export(graph, fmt, first)  # type: ignore[arg-type]
    export(reordered, fmt, second)  # type: ignore[arg-type]
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == serialize(graph, fmt).encode("utf-8")  # type: ignore[arg-type]


@SLOWER
@given(graph=_graph())
def test_build_exports_keep_every_term_of_the_data(
    tmp_path_factory: pytest.TempPathFactory, graph: Graph
) -> None:
    """The build's export stage writes the statements of the data exactly as parsed: the same
    graph as loading the files, for hostile IRIs and literals of every kind."""
    data = tmp_path_factory.mktemp("city")
    (data / "city.ttl").write_text(serialize(graph, "turtle"), encoding="utf-8")
    # the report the dataset description is named after
    shutil.copy(Path(__file__).parent / "city" / "documents.ttl", data)
    try:
        exact = load(data)
    except InputError:
        assume(False)  # data the loader refuses (an IRI no syntax allows) has no build
    out = data.parent / f"{data.name}-out"
    run("export", data=data, out=out)
    built = Graph().parse(out / "knowledge-base.nt", format="nt")
    assert isomorphic(built, exact)
