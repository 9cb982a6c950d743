"""The SHACL shapes: every shape fires on a fixture, every fixture gives exactly its results.

Fixtures live in ``fixtures/``: ``base.ttl`` is a small city that conforms without a single
result; every other file adds data that breaks it and lists the expected results in its
comments (see ``fixtures_lib``). A shape counts as covered when a fixture named after its node
shape expects a result from it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from integrationskonzept import resources
from integrationskonzept.load import load_files, load_shapes
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.validation import check_shapes, hoist_property_shapes, validate

from .fixtures_lib import (
    BASE,
    FIXTURES,
    Expected,
    actual,
    expectations,
    fixture_files,
    fixture_graph,
    fixture_report,
)

IK = PREFIXES["ik"]
IKSH = PREFIXES["iksh"]
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
NODE_CONSTRAINTS = {
    SH[name]
    for name in [
        *("class", "datatype", "nodeKind", "pattern", "languageIn", "in", "hasValue", "closed"),
        *("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"),
        *("not", "and", "or", "xone", "node", "sparql"),
    ]
}
LOGICAL = (SH["or"], SH.xone, SH["and"])


@pytest.fixture(scope="module")
def shapes() -> Graph:
    """The shapes as written (not hoisted)."""
    return load_shapes()


def local(iri: object) -> str:
    return str(iri).removeprefix(IKSH)


def targeted_node_shapes(shapes: Graph) -> list[URIRef]:
    return sorted(
        s
        for s in set(shapes.subjects(RDF.type, SH.NodeShape))
        if isinstance(s, URIRef) and any(shapes.value(s, p) is not None for p in TARGETS)
    )


def property_shapes(shapes: Graph, node_shape: URIRef) -> list[URIRef]:
    found = list(shapes.objects(node_shape, SH.property))
    assert all(isinstance(p, URIRef) for p in found), f"{node_shape}: blank property shape"
    return sorted(p for p in found if isinstance(p, URIRef))


def has_node_constraints(shapes: Graph, node_shape: URIRef) -> bool:
    return any(p in NODE_CONSTRAINTS for p in shapes.predicates(node_shape, None))


def value_shape_references(shapes: Graph) -> dict[URIRef, set[URIRef]]:
    """Value shape -> the shapes that use it in sh:or / sh:xone / sh:and / sh:qualifiedValueShape."""
    used: dict[URIRef, set[URIRef]] = defaultdict(set)
    for logical in LOGICAL:
        for user, head in shapes.subject_objects(logical):
            for item in Collection(shapes, head):
                assert isinstance(item, URIRef) and isinstance(user, URIRef)
                used[item].add(user)
    for user, item in shapes.subject_objects(SH.qualifiedValueShape):
        assert isinstance(item, URIRef) and isinstance(user, URIRef)
        used[item].add(user)
    for user, item in shapes.subject_objects(SH.node):
        assert isinstance(item, URIRef) and isinstance(user, URIRef)
        used[item].add(user)
    return used


# ---------------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_fixture_gives_exactly_its_expected_results(path: Path) -> None:
    expected = expectations(path)
    found = actual(fixture_report(path))
    missing = sorted(expected - found)
    extra = sorted(found - expected)
    assert not missing and not extra, (
        f"{path.name}:\n"
        + "".join(f"  expected, not found: {e}\n" for e in missing)
        + "".join(f"  found, not expected: {e}\n" for e in extra)
    )


def test_base_city_conforms_without_any_result() -> None:
    report = fixture_report(BASE)
    assert not report.results, report.to_text("en")
    assert expectations(BASE) == set()


def test_base_city_has_a_passing_case_for_every_class_target(shapes: Graph) -> None:
    graph = fixture_graph(BASE)
    missing = []
    for shape in targeted_node_shapes(shapes):
        for cls in shapes.objects(shape, SH.targetClass):
            query = f"ASK {{ ?x a/<{RDFS.subClassOf}>* <{cls}> }}"
            if not graph.query(query).askAnswer:
                missing.append(f"{local(shape)}: no instance of {cls}")
        for prop in shapes.objects(shape, SH.targetSubjectsOf):
            if next(graph.subjects(prop, None), None) is None:
                missing.append(f"{local(shape)}: no subject of {prop}")
    assert not missing, "\n".join(missing)


def test_expectations_name_existing_shapes(shapes: Graph) -> None:
    known = {f"iksh:{local(s)}" for s in shapes.subjects() if str(s).startswith(IKSH)}
    unknown = [
        f"{path.name}: {e.source_shape}"
        for path in fixture_files()
        for e in expectations(path)
        if e.source_shape not in known
    ]
    assert not unknown, "\n".join(unknown)


def test_fixtures_cover_every_shape(shapes: Graph) -> None:
    """Every check fires in a fixture named after its node shape; value shapes are used."""
    expected_by_file = {path.name: expectations(path) for path in fixture_files()}
    missing: list[str] = []
    covered: set[URIRef] = set()
    for node_shape in targeted_node_shapes(shapes):
        name = local(node_shape)
        files = [f for f in expected_by_file if f == f"{name}.ttl" or f.startswith(f"{name}-")]
        fired = {e.source_shape for f in files for e in expected_by_file[f]}
        if not files:
            missing.append(f"{name}: no fixture file {name}.ttl or {name}-*.ttl")
            continue
        checks = property_shapes(shapes, node_shape)
        if has_node_constraints(shapes, node_shape):
            checks.append(node_shape)
        for check in checks:
            if f"iksh:{local(check)}" in fired:
                covered.add(check)
            else:
                missing.append(f"{local(check)}: no expected result in {', '.join(files)}")
    for value_shape, users in sorted(value_shape_references(shapes).items()):
        if not users & covered:
            missing.append(f"{local(value_shape)}: not used by any covered check")
    untargeted = {
        s
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if s not in targeted_node_shapes(shapes) and s not in value_shape_references(shapes)
    }
    missing += [f"{local(s)}: neither targeted nor used" for s in sorted(untargeted, key=str)]
    assert not missing, "\n".join(missing)


def test_every_property_shape_belongs_to_a_shape(shapes: Graph) -> None:
    owned = set(shapes.objects(None, SH.property))
    orphans = sorted(
        local(p) for p in shapes.subjects(RDF.type, SH.PropertyShape) if p not in owned
    )
    assert not orphans, orphans


# ---------------------------------------------------------------------------------- writing


def _languages(graph: Graph, node: URIRef, prop: URIRef) -> list[str | None]:
    return sorted(
        (o.language for o in graph.objects(node, prop) if isinstance(o, Literal)), key=str
    )


def test_node_shapes_have_name_and_description_in_german_and_english(shapes: Graph) -> None:
    offenders = [
        f"{local(s)} {prop.n3()}: {_languages(shapes, s, prop)}"
        for s in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str)
        if isinstance(s, URIRef)
        for prop in (SH.name, SH.description)
        if _languages(shapes, s, prop) != ["de", "en"]
    ]
    assert not offenders, "\n".join(offenders)


def test_every_check_has_a_message_in_german_and_english(shapes: Graph) -> None:
    """Property shapes (or their SPARQL constraints) and node shapes with node-level checks."""
    offenders = []
    for node_shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        assert isinstance(node_shape, URIRef)
        checks = property_shapes(shapes, node_shape)
        if has_node_constraints(shapes, node_shape) and not any(
            shapes.objects(node_shape, SH.sparql)
        ):
            checks.append(node_shape)
        for constraint in shapes.objects(node_shape, SH.sparql):
            assert isinstance(constraint, URIRef)
            checks.append(constraint)
        for check in checks:
            carriers = [check]
            sparql = [c for c in shapes.objects(check, SH.sparql) if isinstance(c, URIRef)]
            if sparql:
                carriers = sparql
                if any(shapes.objects(check, SH.message)):
                    offenders.append(f"{local(check)}: message on the shape and on its query")
            for carrier in carriers:
                if _languages(shapes, carrier, SH.message) != ["de", "en"]:
                    langs = _languages(shapes, carrier, SH.message)
                    offenders.append(f"{local(carrier)}: sh:message languages {langs}")
    assert not offenders, "\n".join(offenders)


def test_severities_are_deliberate(shapes: Graph) -> None:
    """Only the three SHACL severities; the table below is the documented choice."""
    severities = {
        local(s): str(o).removeprefix(str(SH)) for s, o in shapes.subject_objects(SH.severity)
    }
    assert set(severities.values()) <= {"Warning", "Info"}
    assert severities == {
        "GoalShape-statementEn": "Warning",
        "GoalShape-measure": "Warning",
        "IndicatorShape-statementEn": "Warning",
        "ActorKindShape-actorKind": "Warning",
        "NetworkShape-topicPresent": "Warning",
        "GovernanceBodyShape-actorKind": "Warning",
        "ResponsibilityTextShape": "Warning",
        "MeasureShape-contributesToPresent": "Warning",
        "MeasureShape-responsibility": "Info",
        "MeasureShape-statusDated": "Warning",
        "AssessmentShape-evidenceEn": "Warning",
        "ActorShape-kindBasisNote": "Warning",
        "AgreementShape-statementEn": "Warning",
        "NeedShape-statementEn": "Warning",
        "DataSetShape-observation": "Warning",
        "AltLabelShape-altLabelLang": "Warning",
        "LabelWhitespaceShape-prefLabel": "Warning",
        "LabelWhitespaceShape-altLabel": "Warning",
        "EnglishLabelRecommendedShape-prefLabel": "Warning",
    }


def test_no_blank_nodes_except_lists_and_inverse_paths(shapes: Graph) -> None:
    offenders = []
    for node in {t for triple in shapes for t in triple if isinstance(t, BNode)}:
        predicates = set(shapes.predicates(node, None))
        if predicates <= {RDF.first, RDF.rest} or predicates == {SH.inversePath}:
            continue
        offenders.append(f"blank node with {sorted(predicates, key=str)}")
    assert not offenders, "\n".join(offenders)


def test_shape_iris_follow_the_naming_convention(shapes: Graph) -> None:
    """iksh:<Kind>Shape, iksh:<Kind>Shape-<check>, iksh:<Kind>Shape-<check>-query."""
    offenders = []
    for node_shape in targeted_node_shapes(shapes):
        for prop in property_shapes(shapes, node_shape):
            if not local(prop).startswith(local(node_shape) + "-"):
                offenders.append(f"{local(prop)} in {local(node_shape)}")
    for check, query in shapes.subject_objects(SH.sparql):
        if local(query) != f"{local(check)}-query":
            offenders.append(f"{local(query)} of {local(check)}")
    assert not offenders, offenders


def test_shapes_conform_to_shacl_shacl() -> None:
    report = check_shapes()
    assert report.conforms and not report.results, report.to_text("en")


def test_shape_files_parse_and_use_only_declared_ik_terms() -> None:
    ontology = load_files(resources.ontology_files())
    declared = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(IK)}
    used = set()
    for path in resources.shape_files():
        graph = Graph().parse(path, format="turtle")
        used |= {
            t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(IK)
        }
    assert used - declared == set()


# Each sh:in list is the whole concept scheme of its property's range, except where noted.
_PARTIAL_LISTS = {
    "MeasureShape-status": {URIRef(IK + "NoRemarks")},  # "no remarks" is for goals only
    "StatusAssertionShape-status": {URIRef(IK + "NoRemarks")},  # the same for dated statuses
}
_SUBSET_LISTS = {"GovernanceBodyShape-actorKind"}


def test_controlled_value_lists_match_the_ontology(shapes: Graph) -> None:
    ontology = load_files(resources.ontology_files())
    offenders = []
    for shape, head in sorted(shapes.subject_objects(SH["in"])):
        values = set(Collection(shapes, head))
        path = shapes.value(shape, SH.path)
        value_class = ontology.value(path, RDFS.range)
        members = set(ontology.subjects(RDF.type, value_class))
        name = local(shape)
        if name in _SUBSET_LISTS:
            ok = values <= members
        else:
            ok = values == members - _PARTIAL_LISTS.get(name, set())
        if not ok:
            offenders.append(
                f"{name} ({path} → {value_class}): only in shape {sorted(values - members, key=str)}, "
                f"only in ontology {sorted(members - values, key=str)}"
            )
    assert not offenders, "\n".join(offenders)


# ---------------------------------------------------------------------------------- running


def test_hoisting_gives_the_same_results_as_the_shapes_as_written(shapes: Graph) -> None:
    """validate() moves property shapes next to their targets; pyshacl on the files agrees."""
    import pyshacl

    # Both on Oxigraph: rdflib's own SPARQL engine differs in corner cases ("1" > 1 is true).
    graph = load_files([*resources.ontology_files(), BASE, *fixture_files()], backend="oxigraph")
    _, report_graph, _ = pyshacl.validate(
        graph, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    as_written = set()
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(node, SH.focusNode)
        as_written.add(
            (
                str(focus) if isinstance(focus, URIRef) else "[]",
                local(report_graph.value(node, SH.sourceShape)),
                str(report_graph.value(node, SH.sourceConstraintComponent)).split("#")[-1],
            )
        )
    hoisted = {
        (
            r.focus_node if r.focus_node.startswith("http") else "[]",
            r.source_shape[5:],
            r.constraint_component,
        )
        for r in validate(graph).results
    }
    assert as_written == hoisted
    assert len(hoisted) > 200


def test_hoisting_moves_targets_to_property_shapes(shapes: Graph) -> None:
    hoisted = hoist_property_shapes(shapes)
    goal_topic = URIRef(IKSH + "GoalShape-topic")
    assert (goal_topic, SH.targetClass, URIRef(IK + "GuidingGoal")) in hoisted
    assert not any(hoisted.objects(URIRef(IKSH + "GoalShape"), SH.property))
    assert (URIRef(IKSH + "GoalShape"), SH.targetClass, URIRef(IK + "GuidingGoal")) in hoisted
    # value shapes keep their property shapes
    assert (URIRef(IKSH + "HasCount"), SH.property, URIRef(IKSH + "HasCount-count")) in hoisted
    # a node shape without node-level constraints loses its now useless target
    assert hoisted.value(URIRef(IKSH + "TopicShape"), SH.targetClass) is None


_PLACEHOLDER = re.compile(r"\{[?$]\w+\}")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_message_is_in_the_chosen_language(shapes: Graph, lang: str) -> None:
    """Messages come from the shape's sh:message in that language, placeholders filled in."""
    for path in fixture_files():
        for result in fixture_report(path, lang).results:
            shape = URIRef(IKSH + result.source_shape.removeprefix("iksh:"))
            carriers = [shape, *shapes.objects(shape, SH.sparql)]
            templates = [
                str(m)
                for c in carriers
                for m in shapes.objects(c, SH.message)
                if isinstance(m, Literal) and m.language == lang
            ]
            assert templates, result
            assert "{?" not in result.message and "{$" not in result.message, result.message
            patterns = [
                re.compile(".*?".join(re.escape(part) for part in _PLACEHOLDER.split(t)), re.DOTALL)
                for t in templates
            ]
            assert any(p.fullmatch(result.message) for p in patterns), (
                path.name,
                result.message,
                templates,
            )


def test_sparql_messages_name_the_values() -> None:
    report = fixture_report(FIXTURES / "GoalShape-numbers.ttl", "de")
    messages = {r.focus_curie.rsplit("/", 1)[-1]: r.message for r in report.results}
    assert "Nummer 5" in messages["A-5"] and "Nummer 4" in messages["A-5"]
    english = fixture_report(FIXTURES / "GoalShape-numbers.ttl", "en")
    assert any("number 4" in r.message for r in english.results)


def test_focus_labels_follow_the_language() -> None:
    de = fixture_report(FIXTURES / "MeasureShape-classification.ttl", "de")
    en = fixture_report(FIXTURES / "MeasureShape-classification.ttl", "en")
    assert {r.focus_label for r in de.results} >= {"Lesepaten", "Elterncafé"}
    assert {r.focus_label for r in en.results} >= {"Reading mentors", "Parents' café"}


def test_expected_results_are_unique_per_file() -> None:
    """A fixture states each expected result once (sets would hide a copy-paste slip)."""
    for path in fixture_files():
        lines = [
            line.strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith("# expect:")
        ]
        assert len(lines) == len(set(lines)), path.name


def test_expected_results_print_like_the_comment_lines() -> None:
    one = Expected("violation", "x", None, "C", "iksh:S")
    assert str(one) == "violation x - C iksh:S"
