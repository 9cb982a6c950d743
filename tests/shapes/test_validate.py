"""The validate stage: the report's data, renderings and the bundled knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from integrationskonzept.errors import InputError
from integrationskonzept.pipeline import Artefacts, plan
from integrationskonzept.pipeline.stages import validate as validate_stage
from integrationskonzept.validation import (
    ValidationReport,
    ValidationResult,
    validate,
)

from .fixtures_lib import BASE, FIXTURES, fixture_graph, fixture_report

RESULT_KEYS = {
    "severity",
    "focus_node",
    "focus_label",
    "focus_curie",
    "path",
    "value",
    "message",
    "source_shape",
    "constraint_component",
}


def _result(
    severity: str, focus: str, message: str = "m", path: str | None = None
) -> ValidationResult:
    return ValidationResult(severity, focus, None, focus, path, None, message, "iksh:S", "C")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------- Leverkusen


def test_leverkusen_has_no_violations(kb_ox: Graph) -> None:
    """The bundled knowledge base conforms; on failure, every violation is listed."""
    report = validate(kb_ox, lang="en")
    violations = [r for r in report.results if r.severity == "violation"]
    assert not violations, f"{len(violations)} violations:\n" + "\n".join(
        f"  {r.focus_curie} {r.path or ''} [{r.source_shape}]: {r.message}" for r in violations
    )


def test_leverkusen_same_result_on_both_backends(kb: Graph, kb_ox: Graph) -> None:
    assert validate(kb) == validate(kb_ox)


def test_validate_loads_the_bundled_data_by_default(kb_ox: Graph) -> None:
    assert validate().counts == validate(kb_ox).counts


def test_validate_loads_a_folder(tmp_path: Path) -> None:
    (tmp_path / "city.ttl").write_bytes(BASE.read_bytes())
    assert validate(data=tmp_path).results == ()


def test_validate_rejects_an_unknown_language() -> None:
    with pytest.raises(InputError, match="unknown language"):
        validate(fixture_graph(BASE), lang="fr")  # type: ignore[arg-type]


def test_validate_leaves_the_graph_unchanged() -> None:
    graph = fixture_graph(FIXTURES / "GoalShape-numbers.ttl")
    before = len(graph)
    validate(graph)
    assert len(graph) == before


# ---------------------------------------------------------------------------------- results


def test_results_are_sorted_by_severity_focus_path_message() -> None:
    report = fixture_report(FIXTURES / "MeasureShape-classification.ttl")
    keys = [r.sort_key for r in report.results]
    assert keys == sorted(keys)
    severities = [r.severity for r in report.results]
    assert severities == sorted(severities, key=["violation", "warning", "info"].index)


def test_result_fields() -> None:
    report = fixture_report(FIXTURES / "GoalShape-iri-topic.ttl")
    result = next(
        r
        for r in report.results
        if r.source_shape == "iksh:GoalShape-topic" and r.focus_node.endswith("C-1")
    )
    assert result.severity == "violation"
    assert result.focus_node == "https://w3id.org/integrationskonzept/musterstadt/goal/C-1"
    assert result.focus_label == "Leitziel C-1"
    assert result.path == "ik:topic"
    assert result.value is not None and result.value.endswith("measure/sprachkurs")
    assert result.constraint_component == "ClassConstraintComponent"
    assert result.message.startswith("Ein Leitziel gehört zu genau einem")


def test_result_curie_for_leverkusen(kb_ox: Graph) -> None:
    assert all(r.focus_curie.startswith("lev:") for r in validate(kb_ox).results)


def test_inverse_path_is_shown_with_a_caret() -> None:
    report = fixture_report(FIXTURES / "NetworkShape.ttl")
    assert "^ik:responsibleFor" in {r.path for r in report.results}


def test_messages_fall_back_to_the_other_language() -> None:
    from rdflib import Literal

    from integrationskonzept.validation import message_in

    assert message_in([Literal("nur deutsch", lang="de")], [], "en") == "nur deutsch"
    assert message_in([Literal("plain")], [], "de") == "plain"


def test_iris_in_messages_become_curies() -> None:
    report = fixture_report(FIXTURES / "UniqueLabelShape.ttl", "en")
    assert all(
        "https://w3id.org/integrationskonzept/shapes" not in r.message for r in report.results
    )


# ---------------------------------------------------------------------------------- report


def test_counts_conforms_and_failed() -> None:
    report = ValidationReport((_result("warning", "urn:a"), _result("info", "urn:b")))
    assert report.counts == {"violation": 0, "warning": 1, "info": 1}
    assert report.conforms
    assert not report.failed()
    assert report.failed("warning")
    failing = ValidationReport((_result("violation", "urn:a"),))
    assert not failing.conforms and failing.failed() and failing.failed("warning")
    with pytest.raises(ValueError):
        failing.failed("info")  # type: ignore[arg-type]


def test_summary_in_both_languages() -> None:
    report = ValidationReport(
        (_result("violation", "urn:a"), _result("violation", "urn:b"), _result("warning", "urn:a")),
    )
    assert report.summary("de") == "2 Verstöße, 1 Warnung, 0 Hinweise"
    assert report.summary("en") == "2 violations, 1 warning, 0 infos"


def test_to_dict_and_json_schema() -> None:
    report = fixture_report(FIXTURES / "FieldShape.ttl")
    data = json.loads(report.to_json())
    assert set(data) == {"conforms", "counts", "lang", "results"}
    assert data["conforms"] is False
    assert set(data["counts"]) == {"violation", "warning", "info"}
    assert data["lang"] == "de"
    assert all(set(result) == RESULT_KEYS for result in data["results"])
    assert data == report.to_dict()


def test_json_is_deterministic() -> None:
    path = FIXTURES / "MeasureShape-details.ttl"
    first = validate(fixture_graph(path)).to_json()
    second = validate(fixture_graph(path)).to_json()
    assert first == second
    assert first.endswith("\n")
    assert (
        json.dumps(json.loads(first), indent=2, sort_keys=True, ensure_ascii=False) + "\n" == first
    )


def test_text_groups_results_by_focus_node() -> None:
    report = fixture_report(FIXTURES / "MeasureShape-classification.ttl")
    text = report.to_text()
    lines = text.splitlines()
    assert lines[-1] == report.summary() == "6 Verstöße, 1 Warnung, 1 Hinweis"
    header = "Lesepaten (https://w3id.org/integrationskonzept/musterstadt/measure/lesepaten)"
    assert lines.count(header) == 1
    block = text.split(header + "\n")[1].split("\n\n")[0]
    assert block.count("Verstoß") == 2 and "Warnung" in block and "Hinweis" in block
    english = report.to_text("en")
    assert english.splitlines()[-1] == "6 violations, 1 warning, 1 info"


def test_text_of_an_empty_report() -> None:
    assert ValidationReport((), lang="en").to_text() == "0 violations, 0 warnings, 0 infos\n"


# ---------------------------------------------------------------------------------- build stage


def test_stage_writes_json_and_text(tmp_path: Path) -> None:
    result = validate_stage(Artefacts(None, tmp_path, graph=fixture_graph(BASE)))
    assert result.name == "validate"
    assert result.summary.startswith("conforms")
    assert [p.name for p in result.outputs] == ["validation-report.json", "validation-report.txt"]
    assert json.loads((tmp_path / "validation-report.json").read_text(encoding="utf-8"))["conforms"]
    assert (
        (tmp_path / "validation-report.txt")
        .read_text(encoding="utf-8")
        .endswith("0 Verstöße, 0 Warnungen, 0 Hinweise\n")
    )


def test_stage_summary_names_violations(tmp_path: Path) -> None:
    graph = fixture_graph(FIXTURES / "FieldShape.ttl")
    result = validate_stage(Artefacts(None, tmp_path, graph=graph))
    assert not result.summary.startswith("conforms")
    assert "7 violations" in result.summary
    assert result.failed
    # the first violating nodes with property and message, how many more, and the report
    assert len(result.details) == 5 + 2, result.details
    assert result.details[0].startswith("https://") or ":" in result.details[0]
    assert "[" in result.details[0] and "]: " in result.details[0]
    assert result.details[-2] == "… and 2 more"
    assert result.details[-1].endswith("validation-report.txt")


def test_build_lists_the_validate_stage() -> None:
    assert plan("build")[:2] == ("load", "validate")
