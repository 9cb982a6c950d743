"""The typed read model: facts from the report, completeness, lookups, serialisation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

import integrationskonzept
from integrationskonzept import IK, KnowledgeBase, UnknownKeyError
from integrationskonzept.query import query

ROOT = Path(__file__).resolve().parents[1]
LEV = "https://w3id.org/integrationskonzept/leverkusen/"
QB_OBSERVATION = URIRef("http://purl.org/linked-data/cube#Observation")


@pytest.fixture(scope="module")
def model(kb_ox: Graph) -> KnowledgeBase:
    return KnowledgeBase(graph=kb_ox)


def test_field_c_has_five_goals_and_navigation_works_both_ways(model: KnowledgeBase) -> None:
    field = model.field("C")
    goals = field.goals(model)
    assert [g.code for g in goals] == ["C-1", "C-2", "C-3", "C-4", "C-5"]
    assert goals[0].topic_of(model) == field
    assert field.prioritized and field.label("en")


def test_goal_c5_carries_no_remarks(model: KnowledgeBase) -> None:
    goal = model.goal("C-5")
    assert goal.status == "no-remarks"
    assert goal.evidence == "Zu Leitziel 5 gab es keine Anmerkungen im laufenden Prozess."
    assert goal in model.goals_without_measures()


def test_the_ki_leads_the_networks_the_report_names(model: KnowledgeBase) -> None:
    led = {n.iri.rsplit("/", 1)[1] for n in model.networks_led_by("KI")}
    assert led == {
        "vernetzungstreffen-primarstufe-daz", "koordinierungstreffen-grundschulnetzwerke",
        "vernetzungstreffen-sek-i-ivk", "treffen-internationaler-klassen-am-bk",
        "jour-fixe-integration-und-fruehe-bildung", "buendnis-kerngruppe-gemeinsam-klappts",
        "ag-buergerschaftliches-engagement",
    }  # fmt: skip


def test_actor_lookup_by_abbreviation_label_and_iri(model: KnowledgeBase) -> None:
    ki = model.actor("KI")
    assert ki.iri == LEV + "actor/kommunales-integrationszentrum"
    assert model.actor(ki.iri) == ki == model.actor(ki.label_de)
    assert ki.parent == (LEV + "actor/dezernat-iii",)


def test_unknown_keys_suggest_close_matches(model: KnowledgeBase) -> None:
    with pytest.raises(UnknownKeyError, match="C-1"):
        model.goal("C1")
    with pytest.raises(KeyError):
        model.field("Z")
    with pytest.raises(UnknownKeyError, match="choose one of"):
        model.measures(status="done")


def test_measures_filter_by_field_and_status(model: KnowledgeBase) -> None:
    planned = model.measures(field="D", status="planned")
    assert planned and all(m.status == "planned" for m in planned)
    assert any("opladen" in m.iri for m in planned)
    assert model.measure(LEV + "measure/quartierslotsen").quantities["staffCount"] == 11


def test_meetings_know_who_was_excused(model: KnowledgeBase) -> None:
    workshop = next(
        m
        for m in model.meetings
        if m.iri.endswith("2019-02-22-workshop-controlling-gruppe-fachgruppe")
    )
    assert LEV + "actor/volkshochschule" in workshop.excused
    assert workshop.date is not None and workshop.date.isoformat() == "2019-02-22"


@pytest.mark.parametrize(
    ("cls", "collection"),
    [
        (IK.ActionField, "fields"),
        (IK.GuidingGoal, "goals"),
        (IK.ImpactIndicator, "indicators"),
        (IK.Network, "networks"),
        (IK.Responsibility, "responsibilities"),
        (IK.Measure, "_measures"),
        (IK.Agreement, "agreements"),
        (IK.Need, "needs"),
        (IK.Meeting, "meetings"),
        (IK.StrategicGoal, "strategic_goals"),
        (QB_OBSERVATION, "observations"),
    ],
)
def test_every_instance_appears_in_the_model(
    model: KnowledgeBase, kb_ox: Graph, cls: URIRef, collection: str
) -> None:
    in_graph = {str(s) for s in kb_ox.subjects(RDF.type, cls)}
    in_model = {o.iri for o in getattr(model, collection)}
    assert in_graph == in_model


def test_actors_and_networks_together_cover_every_actor(model: KnowledgeBase, kb_ox: Graph) -> None:
    in_graph = {str(s) for s in kb_ox.subjects(RDF.type, IK.Actor)}
    in_model = {a.iri for a in (*model.actors, *model.networks)}
    assert in_graph <= in_model


def test_every_object_serialises_to_json(model: KnowledgeBase) -> None:
    documents = [obj.to_dict() for obj in model]
    documents += [r.to_dict() for r in model.responsibilities]
    text = json.dumps(documents, ensure_ascii=False, sort_keys=True)
    assert "Leitziel C-1" in text


def test_dataframe_view(model: KnowledgeBase) -> None:
    frame = model.dataframe(model.measures(field="A"))
    assert {"iri", "status", "label_de"} <= set(frame.columns)
    assert len(frame) == len(model.measures(field="A"))


def test_model_and_named_queries_agree(model: KnowledgeBase, kb_ox: Graph) -> None:
    for topic in model.topics:
        rows = query("goals-of-topic", kb_ox, topic=topic.iri).to_dicts()
        assert [r["goal"] for r in rows] == [g.iri for g in topic.goals(model)]
    ki = model.actor("KI")
    from_query = {r["network"] for r in query("networks-led-by", kb_ox, actor=ki.iri).to_dicts()}
    assert from_query == {n.iri for n in model.networks_led_by(ki)}


def test_public_api_is_listed() -> None:
    for name in integrationskonzept.__all__:
        assert getattr(integrationskonzept, name) is not None


def test_example_script_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "examples" / "gap_report.py")],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    assert "C-5" in out.stdout
