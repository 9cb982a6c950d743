"""Synthetic cities for the benchmarks: copies of Leverkusen under other IRIs.

Every synthetic city is the bundled Leverkusen knowledge base (data only, without the
ontology) with each IRI under ``https://w3id.org/integrationskonzept/leverkusen/`` moved to
``https://w3id.org/integrationskonzept/<city>/`` (``city`` = ``stadt-001``, ``stadt-002`` …).
Every ``skos:prefLabel`` gets the city's display name appended (``„Ärztekammer (Stadt 007)“``),
because the shapes require German labels to be unique within a class across the whole graph.
Structure and class counts are therefore identical to Leverkusen's, text lengths nearly so
(labels are 12 characters longer), the IRIs of different cities never collide, and any number
of cities is valid against ``shapes/`` exactly when Leverkusen is (the shapes name no
instance IRIs).

Each city is one folder holding one Turtle file; ``N`` cities go into one folder, which
``integrationskonzept.load(data=…)`` reads recursively::

    out/stadt-001/stadt-001.ttl
    out/stadt-002/stadt-002.ttl
    …

The output is deterministic: the Leverkusen graph is rewritten once to a placeholder base
and serialised in canonical (sorted) order; each city's file is that text with the
placeholder replaced by the city's name. Files already holding the right bytes are not
rewritten, so regenerating is cheap.

Known limits: apart from their labels the cities are clones, so anything that depends on
variety between cities (the sizes of networks, the spread of statuses) sees N identical copies.

Usage::

    python benchmarks/generate.py OUT --cities 10
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from integrationskonzept import load
from integrationskonzept.namespaces import PREFIXES, bind_prefixes

BASE = "https://w3id.org/integrationskonzept/"
SOURCE_CITY = "leverkusen"
PLACEHOLDER = "__city_placeholder__"
"""Stands for the city's name in the template; cannot occur in the Leverkusen data."""
LABEL_PLACEHOLDER = "__city_label_placeholder__"
"""Stands for the city's display name in the template's labels."""


def city_name(index: int) -> str:
    """The name of the ``index``-th synthetic city (1-based).

    >>> city_name(1), city_name(100)
    ('stadt-001', 'stadt-100')
    """
    if index < 1:
        raise ValueError(f"city index must be ≥ 1, got {index}")
    return f"stadt-{index:03d}"


def city_base(city: str) -> str:
    """The IRI base of a city's instances.

    >>> city_base("stadt-007")
    'https://w3id.org/integrationskonzept/stadt-007/'
    """
    return f"{BASE}{city}/"


def city_label(city: str) -> str:
    """The display name of a synthetic city, appended to its labels.

    >>> city_label("stadt-007")
    'Stadt 007'
    """
    return city.replace("-", " ").capitalize()


def _rewrite(term: object, old: str, new: str) -> object:
    if isinstance(term, URIRef) and str(term).startswith(old):
        return URIRef(new + str(term)[len(old) :])
    return term


def rewrite_graph(
    source: Graph, old_base: str, new_base: str, label_suffix: str | None = None
) -> Graph:
    """A new memory graph: ``source`` with every IRI under ``old_base`` moved to ``new_base``.

    Literals (also those mentioning the old base in their text) are left untouched, except
    that with ``label_suffix`` every ``skos:prefLabel`` gets `` (label_suffix)`` appended.

    >>> g = Graph()
    >>> _ = g.add((URIRef("http://a/x/1"), URIRef("http://a/p"), Literal("http://a/x/1")))
    >>> _ = g.add((URIRef("http://a/x/1"), SKOS.prefLabel, Literal("Eins", lang="de")))
    >>> sorted(
    ...     tuple(t.n3() for t in tr) for tr in rewrite_graph(g, "http://a/x/", "http://b/", "B")
    ... )  # doctest: +NORMALIZE_WHITESPACE
    [('<http://b/1>', '<http://a/p>', '"http://a/x/1"'),
     ('<http://b/1>', '<http://www.w3.org/2004/02/skos/core#prefLabel>', '"Eins (B)"@de')]
    """
    target = bind_prefixes(Graph())
    for s, p, o in source:
        if p in _CITY_PREFIX_DECLARATION:
            continue  # a synthetic city declares no prefix: lev: is Leverkusen's
        if label_suffix is not None and p == SKOS.prefLabel and isinstance(o, Literal):
            o = Literal(f"{o} ({label_suffix})", lang=o.language, datatype=o.datatype)
        target.add(
            (
                _rewrite(s, old_base, new_base),  # type: ignore[arg-type]
                _rewrite(p, old_base, new_base),  # type: ignore[arg-type]
                _rewrite(o, old_base, new_base),  # type: ignore[arg-type]
            )
        )
    return target


# the city's own CURIE prefix (vann:), declared in Leverkusen's documents.ttl
_CITY_PREFIX_DECLARATION = (
    URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix"),
    URIRef("http://purl.org/vocab/vann/preferredNamespaceUri"),
)


@functools.cache
def template_turtle() -> str:
    """Leverkusen's data as canonical Turtle, its instance IRIs under the placeholder base."""
    source = load(ontology=False, backend="memory")
    rewritten = rewrite_graph(
        source, city_base(SOURCE_CITY), city_base(PLACEHOLDER), LABEL_PLACEHOLDER
    )
    canonical = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        if prefix != "lev":  # no Leverkusen prefix line in another city's file
            canonical.bind(prefix, namespace, override=True, replace=True)
    canonical.bind("city", city_base(PLACEHOLDER), override=True, replace=True)
    for triple in sorted(rewritten, key=lambda t: tuple(term.n3() for term in t)):
        canonical.add(triple)
    text = canonical.serialize(format="turtle")
    if PLACEHOLDER not in text or city_base(SOURCE_CITY) in text:
        raise RuntimeError("rewriting the Leverkusen IRIs failed: template looks wrong")
    return text


def city_turtle(city: str) -> str:
    """The Turtle text of one synthetic city."""
    text = template_turtle().replace(LABEL_PLACEHOLDER, city_label(city))
    return text.replace(PLACEHOLDER, city)


def _write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def write_city(folder: Path | str, city: str) -> Path:
    """Write one city as ``folder/<city>/<city>.ttl`` and return the file's path."""
    path = Path(folder) / city / f"{city}.ttl"
    _write_if_changed(path, city_turtle(city))
    return path


def generate(folder: Path | str, cities: int) -> list[Path]:
    """Write ``cities`` synthetic cities (``stadt-001`` …) into ``folder``; their files.

    Folders of other cities already in ``folder`` are removed, so that loading ``folder``
    reads exactly ``cities`` cities.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    wanted = {city_name(i) for i in range(1, cities + 1)}
    for stale in sorted(out.glob("stadt-*")):
        if stale.is_dir() and stale.name not in wanted:
            for file in stale.rglob("*"):
                if file.is_file():
                    file.unlink()
            stale.rmdir()
    return [write_city(out, city_name(i)) for i in range(1, cities + 1)]


def main(argv: list[str] | None = None) -> int:
    """Command line: ``generate.py OUT --cities N``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the cities into")
    parser.add_argument("--cities", "-n", type=int, default=1, help="number of cities")
    args = parser.parse_args(argv)
    files = generate(args.out, args.cities)
    print(f"{len(files)} cities in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
