"""The read model of implementation over time: dated statuses, assessments, marked kinds."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph

from integrationskonzept.errors import UnknownKeyError
from integrationskonzept.model import Assessment, KnowledgeBase, StatusAssertion

LEV = "https://w3id.org/integrationskonzept/leverkusen/"


@pytest.fixture(scope="module")
def model(kb_ox: Graph) -> KnowledgeBase:
    return KnowledgeBase(graph=kb_ox).check()


def test_every_measure_keeps_its_status_and_gains_a_history(model: KnowledgeBase) -> None:
    for measure in model.measures():
        [assertion] = measure.status_history
        assert isinstance(assertion, StatusAssertion)
        assert (assertion.measure, assertion.status) == (measure.iri, measure.status)
        assert (assertion.date, assertion.report) == ("2019-05", LEV + "report-2019")
        assert assertion.evidence == measure.evidence
    assert len(model.status_assertions) == len(model.measures()) == 147


def test_a_measure_with_its_history_is_json_ready(model: KnowledgeBase) -> None:
    data = model.measure(LEV + "measure/fit-in-deutsch").to_dict()
    history = json.loads(json.dumps(data))["status_history"]
    assert [(h["status"], h["date"]) for h in history] == [("implemented", "2019-05")]


def test_assessments_by_goal_topic_and_indicator(model: KnowledgeBase) -> None:
    assert all(isinstance(a, Assessment) for a in model.assessments)
    codes = [a.iri.rsplit("/", 1)[1] for a in model.assessments]
    # fields A–H first, then the cross-cutting topics (by code), each in report order
    assert codes[:2] == ["A-1", "B-1"]
    assert codes[-3:] == ["IKOE-1", "Q-1", "Q-2"]
    assert [a.iri.rsplit("/", 1)[1] for a in model.assessments_in("G")] == ["G-1", "G-2", "G-3"]
    field_h = model.field("H")
    assert [a.iri.rsplit("/", 1)[1] for a in model.assessments_of(field_h)] == [
        "H-1", "H-2", "H-3", "H-5",
    ]  # fmt: skip
    assert model.assessments_of("B-3") == model.assessments_of(LEV + "goal/B-3")
    [f3] = model.assessments_of("F-3")  # the goal F-3 (IKÖ of associations)
    assert f3.evidence_de is not None and "Außerhalb des Themas Sport" in f3.evidence_de
    assert f3.evidence_en is not None and f3.date == "2019-05"


def test_who_an_assessment_comes_from(model: KnowledgeBase) -> None:
    [conversion] = [a for a in model.assessments if a.iri.endswith("/F-3")]
    assert conversion.attributed_to == (LEV + "network/ag-buergerschaftliches-engagement",)
    assert conversion.topic == LEV + "field/F"


def test_an_unknown_goal_code_names_close_matches(model: KnowledgeBase) -> None:
    with pytest.raises(UnknownKeyError, match="F-1"):
        model.assessments_of("F1")


def test_inferred_actor_kinds_and_network_descriptions(model: KnowledgeBase) -> None:
    assert model.actor("JobCenter").kind_inferred
    assert not model.actor("Fachbereich Soziales").kind_inferred
    network = model.network(LEV + "network/ag-78-jugendsozialarbeit")
    assert network.description is not None and "zentrale steuernde Funktion" in network.description
