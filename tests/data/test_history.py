"""Implementation over time in the bundled data: dated statuses and assessments (issue 18).

Every measure's status is a dated, sourced assertion of the 1st implementation report; the
assessments the issue names are in the knowledge base, verbatim, attached to the right goal
or topic and sourced to the section that states them.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from integrationskonzept import IK
from integrationskonzept.model import KnowledgeBase

LEV = "https://w3id.org/integrationskonzept/leverkusen/"
PROV_ATTRIBUTED = URIRef("http://www.w3.org/ns/prov#wasAttributedTo")
REPORT = URIRef(LEV + "report-2019")
AS_OF = Literal("2019-05", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth"))


def _offenders(offenders: list[str], hint: str) -> None:
    assert not offenders, f"{len(offenders)} offender(s) — {hint}:\n" + "\n".join(offenders)


def test_every_measure_has_one_dated_status_from_the_2019_report(kb: Graph) -> None:
    """Same status, quote and section as the measure, dated at the end of the period."""
    offenders = []
    measures = sorted(kb.subjects(RDF.type, IK.Measure))
    assert len(measures) == 147
    for measure in measures:
        assertions = list(kb.objects(measure, IK.statusAssertion))
        if len(assertions) != 1:
            offenders.append(f"{measure}: {len(assertions)} status assertions")
            continue
        (assertion,) = assertions
        expected = {
            IK.status: kb.value(measure, IK.status),
            IK.evidence: kb.value(measure, IK.evidence),
            DCTERMS.source: kb.value(measure, DCTERMS.source),
            DCTERMS.date: AS_OF,
            IK.statedIn: REPORT,
        }
        for prop, value in expected.items():
            found = list(kb.objects(assertion, prop))
            if found != [value]:
                offenders.append(f"{assertion} {prop.n3(kb.namespace_manager)}: {found}")
        slug = str(measure).rsplit("/", 1)[1]
        if str(assertion) != f"{LEV}status-assertion/{slug}/report-2019":
            offenders.append(f"{assertion}: not the IRI of {measure}'s 2019 status")
    _offenders(offenders, "one ik:StatusAssertion per measure, agreeing with the measure")


def test_the_2019_reporting_period_ends_when_the_statuses_are_dated(kb: Graph) -> None:
    assert kb.value(REPORT, IK.reportingPeriodEnd) == AS_OF


# The statements issue 18 lists: a fragment of the quote, the section, what it assesses,
# whose view it is (where the report says so).
CF = {"actor/controlling-gruppe-integrationskonzept", "actor/fachgruppe-integration"}
AG_BE = {"network/ag-buergerschaftliches-engagement"}
ISSUE_STATEMENTS = [
    # 4.6: the AG BE does not (yet) see the conversion/renaming that goal F-1 asks for …
    ("vonseiten der AG BE (noch) nicht gesehen", "4.6", {"goal/F-1"}, AG_BE),
    # … it has grown beyond pure exchange, and its members do not want it enlarged further
    ("weit über den reinen Austausch hinausgewachsen", "4.6", {"goal/F-1"}, set()),
    ("ständige Vergrößerung der Arbeitsgruppe", "4.6", {"goal/F-1"}, AG_BE),
    # 4.6: outside sport no systematic intercultural opening yet (goal F-3)
    ("Außerhalb des Themas Sport existieren aber derzeit noch keine Ansätze", "4.6",
     {"goal/F-3"}, set()),
    # 4.7: the role of the Rat der Religionen and the Integrationsrat; mainly volunteers
    ("die Rolle vom Rat der Religionen und dem Integrationsrat", "4.7", {"field/G"}, set()),
    ("vor allem ein Tätigkeitsfeld von ehrenamtlich Aktiven", "4.7", {"field/G"}, set()),
    # 4.8: the topic is continuously present in the Integrationsrat's working circles …
    ("Thematik Altern in der Migrationsgesellschaft fortlaufend präsent", "4.8", {"field/H"},
     {"actor/integrationsrat"}),
    # … and the interim conclusion that it is unclear whether it stays in this context
    ("ob das Thema weiterhin im Integrationskontext", "4.8", {"goal/H-1", "field/H"}, CF),
    # section 2: the order of work – D from the end of 2018, C from early 2019, H later
    ("Begonnen wurde Ende des Jahres 2018", "2", {"field/D"}, set()),
    ("Anfang des Jahres 2019 wurde der Fokus", "2", {"field/C"}, set()),
    ("Im weiteren Prozess wird außerdem das Handlungsfeld Senioren", "2", {"field/H"}, set()),
]  # fmt: skip


@pytest.mark.parametrize(
    "fragment,section,targets,by", ISSUE_STATEMENTS, ids=[s[0] for s in ISSUE_STATEMENTS]
)
def test_the_assessments_of_issue_18_are_there(
    kb: Graph, fragment: str, section: str, targets: set[str], by: set[str]
) -> None:
    found = [
        s
        for s, o in kb.subject_objects(IK.evidence)
        if (s, RDF.type, IK.Assessment) in kb and isinstance(o, Literal) and fragment in str(o)
    ]
    assert len(found) == 1, found
    (assessment,) = found
    short = {str(o).removeprefix(LEV) for o in kb.objects(assessment, IK.assesses)}
    assert short == targets
    assert kb.value(assessment, DCTERMS.source) == URIRef(f"{LEV}report-2019/section/{section}")
    assert {str(o).removeprefix(LEV) for o in kb.objects(assessment, PROV_ATTRIBUTED)} == by
    assert kb.value(assessment, DCTERMS.date) == AS_OF
    assert kb.value(assessment, IK.statedIn) == REPORT
    languages = sorted(o.language or "" for o in kb.objects(assessment, IK.evidence))
    assert languages == ["de", "en"]


def test_every_assessment_belongs_to_the_topic_of_what_it_assesses(kb: Graph) -> None:
    offenders = []
    for assessment in sorted(kb.subjects(RDF.type, IK.Assessment)):
        topic = kb.value(assessment, IK.topic)
        for target in kb.objects(assessment, IK.assesses):
            own = target if (target, RDF.type, IK.GuidingGoal) not in kb else None
            own = own if (target, RDF.type, IK.ImpactIndicator) not in kb else None
            target_topic = kb.value(target, IK.topic) if own is None else target
            if target_topic != topic:
                offenders.append(f"{assessment}: assesses {target} of {target_topic}, not {topic}")
        code = str(kb.value(topic, SKOS.notation))
        if not str(assessment).removeprefix(f"{LEV}assessment/").startswith(f"{code}-"):
            offenders.append(f"{assessment}: IRI does not start with the topic code {code}")
    _offenders(offenders, "ik:topic is the topic of the assessed goal, indicator or topic")


def test_assessments_are_numbered_in_report_order_per_topic(kb: Graph) -> None:
    numbers: dict[str, list[int]] = {}
    for assessment in kb.subjects(RDF.type, IK.Assessment):
        code, number = str(assessment).rsplit("/", 1)[1].rsplit("-", 1)
        numbers.setdefault(code, []).append(int(number))
    assert {code: sorted(found) for code, found in numbers.items()} == {
        code: list(range(1, len(found) + 1)) for code, found in numbers.items()
    }
    assert sum(len(found) for found in numbers.values()) == 27


def test_the_networks_of_field_c_are_described(kb: Graph) -> None:
    # 4.3, Leitziel 1: the AK "Jugend und Arbeit" and the AG § 78 Jugendsozialarbeit
    ak = kb.value(URIRef(LEV + "network/ak-jugend-und-arbeit"), IK.description)
    ag = kb.value(URIRef(LEV + "network/ag-78-jugendsozialarbeit"), IK.description)
    assert "ein Zusammenschluss von Maßnahmeträgern, Stadt, Wohlfahrtsverbänden" in str(ak)
    assert "für Personen bis 27 Jahren" in str(ak)
    assert "die eine zentrale steuernde Funktion hat" in str(ag)


def test_the_starter_workshop_says_what_it_was_about(kb: Graph) -> None:
    # 4.3: its content and the invitation of the Fachgruppe as Bündnis-Kerngruppe
    meeting = URIRef(LEV + "meeting/2019-04-12-starter-workshop")
    (text,) = [o for o in kb.objects(meeting, IK.description) if o.language == "de"]  # type: ignore[attr-defined]
    assert "die quantitative Dimension der Zielgruppe" in text
    assert "18 – 27-jährigen Personen mit Duldung oder Aufenthaltsgestattung" in text
    assert (
        "eingeladen war die Fachgruppe Integration in der Funktion als Bündnis-Kerngruppe" in text
    )


def test_the_model_groups_assessments_by_goal_and_topic(kb_ox: Graph) -> None:
    model = KnowledgeBase(graph=kb_ox)
    assert [a.iri.removeprefix(LEV) for a in model.goal("F-1").assessments(model)] == [
        "assessment/F-2",
        "assessment/F-3",
        "assessment/F-4",
        "assessment/F-5",
    ]
    assert len(model.field("F").assessments(model)) == 7
    assert [a.iri.removeprefix(LEV) for a in model.assessments_of("H")] == [
        "assessment/H-1",
        "assessment/H-2",
        "assessment/H-3",
        "assessment/H-5",
    ]
    indicator = model.indicator("F-1")
    assert [a.iri.removeprefix(LEV) for a in indicator.assessments(model)] == ["assessment/F-2"]
