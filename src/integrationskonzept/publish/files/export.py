"""Serialise the graph as Turtle, N-Triples, N-Quads or JSON-LD, deterministically.

The same graph gives byte-identical output whatever ``PYTHONHASHSEED`` is: triples are added
to a fresh graph in sorted order before Turtle serialisation, N-Triples/N-Quads lines are
sorted, and JSON-LD is emitted with its nodes sorted by ``@id`` and keys sorted.

>>> from rdflib import Graph, URIRef, Literal
>>> g = Graph()
>>> _ = g.add((URIRef("http://example.org/b"), URIRef("http://example.org/p"), Literal("x")))
>>> _ = g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("y")))
>>> print(serialize(g, "ntriples"), end="")
<http://example.org/a> <http://example.org/p> "y" .
<http://example.org/b> <http://example.org/p> "x" .
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.compare import to_canonical_graph
from rdflib.namespace import XSD
from rdflib.plugins.serializers.jsonld import Converter
from rdflib.plugins.serializers.turtle import VERB, TurtleSerializer
from rdflib.plugins.shared.jsonld.context import Context
from rdflib.term import Node

from integrationskonzept.atomic import write_text
from integrationskonzept.errors import InputError
from integrationskonzept.namespaces import PREFIXES, bind_prefixes

Format = Literal["turtle", "ntriples", "nquads", "json-ld"]
FORMATS: tuple[Format, ...] = ("turtle", "ntriples", "nquads", "json-ld")
SUFFIXES: dict[Format, str] = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "nquads": ".nq",
    "json-ld": ".jsonld",
}
DEFAULT_GRAPH_NAME = "https://w3id.org/integrationskonzept/graph/knowledge-base"


# Turtle's PN_LOCAL (https://www.w3.org/TR/turtle/#grammar-production-PN_LOCAL)
_PN_CHARS_U = (
    "A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS = _PN_CHARS_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_LOCAL = re.compile(
    f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
)


# Turtle's INTEGER, DECIMAL, DOUBLE and BooleanLiteral tokens
_SHORT_FORM = {
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.double: re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
    XSD.boolean: re.compile("true|false"),
}


class _TurtleSerializer(TurtleSerializer):
    """rdflib's Turtle writer, writing an IRI in full unless its prefixed name is valid.

    rdflib generates prefixes (``ns1:``) for predicates by cutting the IRI at any character,
    e.g. ``@prefix ns1: <…/leverkusen/%> .`` for ``…/leverkusen/%20``, which is not a valid
    IRI; and it accepts local names that Turtle does not (``lev:ªx``). Oxigraph refuses
    such files. No prefixes are generated, and a local name outside Turtle's grammar is
    written as a full IRI.
    """

    relative_base: str | None = None
    """Write IRIs below this base relative to it (``<field/C>``), after an ``@base``."""

    def label(self, node: Node, position: int) -> str:
        """A literal in Turtle's short form (``1``, ``2.5``, ``true``) only if that form *is*
        its lexical form; rdflib rewrites it (``"1"^^xsd:boolean`` as ``1``, an integer;
        a double to six digits, ``"1"^^xsd:decimal`` as ``1.0``). An IRI below
        :attr:`relative_base` that has no prefixed name is written relative to it."""
        if isinstance(node, RDFLiteral) and node.datatype in _SHORT_FORM:
            if not _SHORT_FORM[node.datatype].fullmatch(str(node)):
                return node._literal_n3(qname_callback=lambda dt: self.get_pname(dt, False))
            return str(node)
        if isinstance(node, URIRef) and self.relative_base and position != VERB:
            # (predicates are left to rdflib, which writes those below the base relative and
            # registers the prefixes of the others before the header is written)
            pname = self.get_pname(node, False)
            if pname:
                return pname
            relative = _relative(str(node), self.relative_base)
            return f"<{relative}>" if relative is not None else node.n3()
        return super().label(node, position)

    def sortProperties(self, properties: Any) -> list[Any]:  # noqa: N802 - rdflib's name
        """rdflib's order (objects in value space, then predicates), except that objects
        whose values cannot be compared (a ``NaN`` double beside a decimal raises
        ``decimal.InvalidOperation`` in rdflib) fall back to the order of their N3 text."""
        for objects in properties.values():
            try:
                objects.sort()
            except (TypeError, ArithmeticError):
                objects.sort(key=lambda node: (type(node).__name__, node.n3()))
        ordered = [p for p in dict.fromkeys(self.predicateOrder) if p in properties]
        ordered += sorted(p for p in properties if p not in set(ordered))
        return ordered

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        pname = super().get_pname(uri, gen_prefix=False)
        if pname is None:
            return None
        local = pname.split(":", 1)[1]
        return pname if local == "" or _PN_LOCAL.fullmatch(local) else None


_NATIVE_FORM = {XSD.integer: re.compile(r"0|-?[1-9][0-9]*"), XSD.boolean: re.compile("true|false")}


class _JsonLdContext(Context):
    """rdflib's JSON-LD context, not shortening an IRI to a compact IRI whose suffix begins
    with ``//``: JSON-LD reads ``ik://x`` as an absolute IRI of the scheme ``ik``."""

    def shrink_iri(self, iri: str) -> str:
        short = super().shrink_iri(iri)
        return str(iri) if _confusing(iri, short) else short

    def to_symbol(self, iri: str) -> str | None:
        short = super().to_symbol(iri)
        return str(iri) if short is not None and _confusing(iri, short) else short


def _confusing(iri: str, short: str) -> bool:
    return short != str(iri) and short.partition(":")[2].startswith("//")


class _JsonLdConverter(Converter):
    """rdflib's JSON-LD converter, writing a literal as a JSON number or boolean only when
    reading it back gives the same literal.

    rdflib writes every xsd:integer, xsd:boolean and xsd:double as a JSON value: a double
    ``NaN`` or ``INF`` became a bare ``NaN`` / ``Infinity`` (not JSON), ``"007"`` became
    ``7`` and ``"1"^^xsd:boolean`` ``true`` (other literals), ``2.5`` reads back as
    ``"2.5E0"``, and an ill-typed ``"eins"^^xsd:integer`` lost its datatype. Such literals
    are written as ``{"@type": …, "@value": "…"}`` instead.
    """

    def from_graph(self, graph: Graph) -> list[Any]:
        """rdflib's nodes, and then the blank nodes it never reached: it starts only from
        IRIs and unreferenced blank nodes, so blank nodes that only refer to each other
        (``_:a ex:p _:a``) were left out."""
        nodemap: dict[str, Any] = {}
        for s in set(graph.subjects()):
            if isinstance(s, URIRef) or (isinstance(s, BNode) and not any(graph.subjects(None, s))):
                self.process_subject(graph, s, nodemap)
        for s in set(graph.subjects()):
            if isinstance(s, BNode) and s.n3() not in nodemap:
                self.process_subject(graph, s, nodemap)
        return list(nodemap.values())

    def add_to_node(
        self, graph: Graph, s: Any, p: Any, o: Any, s_node: dict[str, Any], nodemap: Any
    ) -> None:
        """rdflib's, keeping an earlier value that is falsy (``0``, ``false``, ``""``): rdflib
        tests ``if value:`` and so replaced it by the next value of the same property."""
        falsy = {k: v for k, v in s_node.items() if not isinstance(v, dict | list) and not v}
        for key, value in falsy.items():
            s_node[key] = [value]
        super().add_to_node(graph, s, p, o, s_node, nodemap)
        for key, value in falsy.items():
            if s_node[key] == [value]:
                s_node[key] = value

    def to_raw_value(self, graph: Graph, s: Any, o: Any, nodemap: dict[str, Any]) -> Any:
        if isinstance(o, RDFLiteral) and o.datatype in (XSD.integer, XSD.boolean, XSD.double):
            form = _NATIVE_FORM.get(o.datatype)
            if form is None or o.ill_typed or not form.fullmatch(str(o)):
                return {"@type": self.context.to_symbol(o.datatype), "@value": str(o)}
        return super().to_raw_value(graph, s, o, nodemap)


# A relative reference resolves to base + itself unless its first segment looks like a
# scheme (``a:b``), it starts like an authority, path, query or fragment, or it holds dot
# segments (which resolution removes).
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)")


def _relative(iri: str, base: str) -> str | None:
    """``iri`` relative to ``base`` if it lies below it and resolves back to it, else ``None``.

    >>> _relative("https://x.org/city/field/C", "https://x.org/city/")
    'field/C'
    >>> _relative("https://x.org/city/a/../b", "https://x.org/city/") is None
    True
    """
    if not iri.startswith(base) or len(iri) == len(base):
        return None
    rest = iri[len(base) :]
    first = rest.split("/", 1)[0]
    if ":" in first or rest.startswith(("/", "?", "#")) or _DOT_SEGMENT.search(rest):
        return None
    return rest


def _turtle(
    graph: Graph, base: str | None = None, prefixes: Mapping[str, str] | None = None
) -> str:
    copy = canonical_copy(graph)
    for prefix, namespace in sorted((prefixes or {}).items()):
        copy.bind(prefix, namespace, override=True, replace=True)
    stream = io.BytesIO()
    serializer = _TurtleSerializer(copy)
    if base is None:
        serializer.serialize(stream, encoding="utf-8")
    else:
        serializer.relative_base = base
        serializer.serialize(stream, base=base, encoding="utf-8")
    return stream.getvalue().decode("utf-8")


def _sort_key(triple: tuple[Node, Node, Node]) -> tuple[str, ...]:
    return tuple(term.n3() for term in triple)


def canonical_copy(graph: Graph) -> Graph:
    """A memory graph with the same triples, inserted in sorted order, prefixes bound.

    Blank nodes get canonical labels (:func:`rdflib.compare.to_canonical_graph`): the labels
    a parser gives them are random, and the output would differ from run to run.
    """
    triples: Any = graph
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        triples = to_canonical_graph(graph)
    copy = bind_prefixes(Graph())
    for triple in sorted(triples, key=_sort_key):
        copy.add(triple)
    return copy


def _ntriples_lines(graph: Graph) -> list[str]:
    text = canonical_copy(graph).serialize(format="nt11")
    # Only a line feed ends a line: str.splitlines() also breaks at characters that a literal
    # may hold unescaped (U+2028, U+0085, form feed …) and so cut such a triple in pieces.
    return sorted(line for line in text.split("\n") if line.strip())


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context published with the exports (prefixes only)."""
    return {"@context": dict(sorted(PREFIXES.items()))}


def _canonical_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _canonical_json(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_canonical_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def serialize(
    graph: Graph,
    fmt: Format,
    *,
    graph_name: str = DEFAULT_GRAPH_NAME,
    base: str | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> str:
    """The graph serialised in ``fmt``, deterministic across runs and hash seeds.

    Turtle only: ``base`` writes an ``@base`` and the IRIs below it relative to it
    (``<field/C>``, as the hand-written data files do); ``prefixes`` binds more prefixes
    (a city's own, say) beside the project's.

    >>> g = Graph()
    >>> city = "https://example.org/city/"
    >>> _ = g.add((URIRef(city + "field/A"), XSD.anyURI, URIRef(city + "dataset")))
    >>> print(serialize(g, "turtle", base=city, prefixes={"city": city}), end="")
    @base <https://example.org/city/> .
    @prefix city: <https://example.org/city/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <BLANKLINE>
    <field/A> xsd:anyURI city:dataset .
    <BLANKLINE>
    """
    if fmt == "turtle":
        return _turtle(graph, base, prefixes)
    if fmt == "ntriples":
        return "".join(f"{line}\n" for line in _ntriples_lines(graph))
    if fmt == "nquads":
        return "".join(
            f"{line[:-1].rstrip()} <{graph_name}> .\n" for line in _ntriples_lines(graph)
        )
    if fmt == "json-ld":
        context = jsonld_context()["@context"]
        converter = _JsonLdConverter(_JsonLdContext(context), True, False)
        converted = converter.convert(canonical_copy(graph))
        raw = json.loads(json.dumps(converted, ensure_ascii=False))
        nodes = raw if isinstance(raw, list) else raw.get("@graph", [raw] if "@id" in raw else [])
        nodes = [{k: v for k, v in node.items() if k != "@context"} for node in nodes]
        document = {"@context": context, "@graph": _canonical_json(nodes)}
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export(graph: Graph, fmt: Format, target: Path | str) -> Path:
    """Write the serialisation atomically to ``target`` and return its path."""
    text = serialize(graph, fmt)
    write_text(target, text)
    return Path(target)
