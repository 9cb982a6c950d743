"""Reading the SHACL fixtures: Turtle files whose comments state the expected results.

A fixture is a small data graph in Turtle, validated together with the ontology and the
base city ``fixtures/base.ttl``. Its comments list every result the validation must give,
one line each (DASH-test style, but in comments so that the file stays plain data)::

    # expect: violation <goal/A-9> ik:topic MinCountConstraintComponent iksh:GoalShape-topic

The fields are: severity, focus node (relative to the base IRI of the fixture city, a CURIE,
or ``[]`` for a blank node), path (a CURIE, ``^`` for an inverse path, ``-`` for none), constraint component and
source shape. A fixture whose comments say ``# expect: nothing`` must give no result at all.
The file name starts with the local name of the node shape it is about
(``GoalShape-numbers.ttl``), which the coverage test relies on.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from integrationskonzept import resources
from integrationskonzept.load import load_files
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.validation import ValidationReport, validate

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base.ttl"
CITY = "https://w3id.org/integrationskonzept/musterstadt/"
BLANK = "[]"  # stands for any blank node: their identifiers change from run to run


@dataclass(frozen=True, order=True)
class Expected:
    """One expected result: what a :class:`ValidationResult` must match."""

    severity: str
    focus_node: str
    path: str | None
    constraint_component: str
    source_shape: str

    def __str__(self) -> str:
        return (
            f"{self.severity} {self.focus_node} {self.path or '-'} "
            f"{self.constraint_component} {self.source_shape}"
        )


def _expand(token: str) -> str:
    if token == "[]":
        return BLANK
    if token.startswith("<") and token.endswith(">"):
        return CITY + token[1:-1]
    prefix, _, local = token.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES else token


def expectations(path: Path) -> set[Expected]:
    """The expected results stated in the comments of ``path``."""
    found: set[Expected] = set()
    explicit_nothing = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if not text.startswith("# expect:"):
            continue
        fields = text.removeprefix("# expect:").split()
        if fields == ["nothing"]:
            explicit_nothing = True
            continue
        if len(fields) != 5:
            raise ValueError(f"{path.name}:{number}: expected 5 fields, got {fields}")
        severity, focus, result_path, component, shape = fields
        found.add(
            Expected(
                severity,
                _expand(focus),
                None if result_path == "-" else result_path,
                component,
                shape,
            )
        )
    if not found and not explicit_nothing:
        raise ValueError(f"{path.name}: no '# expect:' line")
    if found and explicit_nothing:
        raise ValueError(f"{path.name}: '# expect: nothing' together with expected results")
    return found


def actual(report: ValidationReport) -> set[Expected]:
    """The results of ``report`` in the form of :class:`Expected`."""
    return {
        Expected(
            r.severity,
            r.focus_node if r.focus_node.startswith(("http://", "https://", "urn:")) else BLANK,
            r.path,
            r.constraint_component,
            r.source_shape,
        )
        for r in report.results
    }


def fixture_files() -> list[Path]:
    """Every fixture except the base city, sorted."""
    return sorted(p for p in FIXTURES.glob("*.ttl") if p != BASE)


@functools.cache
def fixture_graph(path: Path) -> Graph:
    """The ontology, the base city and the fixture as one (Oxigraph) graph."""
    files = [*resources.ontology_files(), BASE] + ([path] if path != BASE else [])
    return load_files(files, backend="oxigraph")


@functools.cache
def fixture_report(path: Path, lang: str = "de") -> ValidationReport:
    """The validation report of a fixture (cached: several tests look at it)."""
    return validate(fixture_graph(path), lang=lang)  # type: ignore[arg-type]
