"""Curation rules for the bundled knowledge base, one test per rule.

Every test collects *all* offenders and reports them with a hint, so one run shows everything
a curator has to fix (the bioregistry pattern).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from integrationskonzept import IK, resources

LEV = "https://w3id.org/integrationskonzept/leverkusen/"
ORG = "http://www.w3.org/ns/org#"
QB = "http://purl.org/linked-data/cube#"
REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "report-2019.txt"

EXPECTED_COUNTS = {  # topic code: (Leitziele, Wirkungsindikatoren), from the report
    "A": (3, 5), "B": (4, 3), "C": (5, 4), "D": (4, 5), "E": (4, 4),
    "F": (4, 4), "G": (3, 3), "H": (2, 2), "IKOE": (3, 5),
}  # fmt: skip

IRI_PATTERNS = {
    IK.ActionField: r"field/[A-H]",
    IK.CrossCuttingTopic: r"topic/(Q|IKOE)",
    IK.GuidingGoal: r"goal/(?:[A-H]|IKOE)-[1-9][0-9]*",
    IK.ImpactIndicator: r"indicator/(?:[A-H]|IKOE)-[1-9][0-9]*",
    IK.Network: r"network/[a-z0-9]+(?:-[a-z0-9]+)*",
    IK.Measure: r"measure/[a-z0-9]+(?:-[a-z0-9]+)*",
    IK.Meeting: r"meeting/\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*",
    IK.ReportSection: r"report-2019/section/\d(?:\.\d)?",
    IK.Agreement: r"agreement/(?:[A-H]|Q|IKOE)-[1-9][0-9]*",
    IK.Need: r"need/(?:[A-H]|Q|IKOE)-[1-9][0-9]*",
    IK.StrategicGoal: r"strategic-goal/[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*",
    IK.StatusAssertion: r"status-assertion/[a-z0-9]+(?:-[a-z0-9]+)*/report-2019",
    IK.Assessment: r"assessment/(?:[A-H]|Q|IKOE)-[1-9][0-9]*",
}
ACTOR_PATTERN = r"actor/[a-z0-9]+(?:-[a-z0-9]+)*"

SOURCED = [
    IK.GuidingGoal, IK.ImpactIndicator, IK.Network, IK.Responsibility, IK.Measure,
    IK.Agreement, IK.Need, URIRef(QB + "Observation"), IK.Actor, IK.Meeting,
    IK.StrategicGoal, URIRef(ORG + "Membership"), IK.Participation, IK.StatusAssertion,
    IK.Assessment,
]  # fmt: skip
VERBATIM = [IK.statement, IK.evidence, IK.asPrinted, IK.description, IK.quantityNote,
            IK.timeNote, IK.assessment]  # fmt: skip


def _instances(kb: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(s for s in kb.subjects(RDF.type, cls) if isinstance(s, URIRef))


def _code(kb: Graph, topic: URIRef) -> str:
    return str(kb.value(topic, SKOS.notation) or topic)


def _report(offenders: list[str], hint: str) -> None:
    assert not offenders, f"{len(offenders)} offender(s) — {hint}:\n" + "\n".join(
        f"  {o}" for o in offenders
    )


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[*☑➔→]", "", text)).strip()


@pytest.fixture(scope="module")
def report_text() -> str:
    return _normalise(REPORT.read_text(encoding="utf-8"))


def test_goal_and_indicator_counts_match_the_report(kb: Graph) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for index, cls in enumerate((IK.GuidingGoal, IK.ImpactIndicator)):
        for item in _instances(kb, cls):
            topic = kb.value(item, IK.topic)
            counts[_code(kb, topic)][index] += 1  # type: ignore[arg-type]
    offenders = [
        f"{code}: {tuple(counts[code])} goals/indicators, the report has {expected}"
        for code, expected in EXPECTED_COUNTS.items()
        if tuple(counts[code]) != expected
    ]
    _report(offenders, "curate every Leitziel and Wirkungsindikator of the section")
    assert sum(g for g, _ in EXPECTED_COUNTS.values()) == 32
    assert sum(i for _, i in EXPECTED_COUNTS.values()) == 35


def test_goal_and_indicator_numbers_are_consecutive(kb: Graph) -> None:
    offenders = []
    for cls in (IK.GuidingGoal, IK.ImpactIndicator):
        numbers: dict[str, list[int]] = defaultdict(list)
        for item in _instances(kb, cls):
            numbers[_code(kb, kb.value(item, IK.topic))].append(int(kb.value(item, IK.number)))  # type: ignore[arg-type]
            code = f"{_code(kb, kb.value(item, IK.topic))}-{kb.value(item, IK.number)}"  # type: ignore[arg-type]
            if not str(item).endswith("/" + code):
                offenders.append(f"{item}: IRI does not match its topic and number ({code})")
        for topic, found in numbers.items():
            if sorted(found) != list(range(1, len(found) + 1)):
                offenders.append(f"{cls.n3()} of {topic}: numbers {sorted(found)}")
    _report(offenders, "number goals and indicators 1..n in report order")


@pytest.mark.parametrize("cls", [IK.GuidingGoal, IK.ImpactIndicator])
def test_statements_in_german_and_english(kb: Graph, cls: URIRef) -> None:
    offenders = []
    for item in _instances(kb, cls):
        langs = Counter(
            o.language for o in kb.objects(item, IK.statement) if isinstance(o, Literal)
        )
        if langs["de"] != 1 or langs["en"] != 1:
            offenders.append(f"{item}: statements {dict(langs)}")
    _report(offenders, "give exactly one ik:statement @de (verbatim) and one @en")


def test_every_network_has_a_lead(kb: Graph) -> None:
    led = {
        kb.value(r, IK.responsibleFor)
        for r in _instances(kb, IK.Responsibility)
        if kb.value(r, IK.role) == IK.Lead
    }
    offenders = [str(n) for n in _instances(kb, IK.Network) if n not in led]
    _report(offenders, "add an ik:Responsibility with ik:role ik:Lead from the network table")


def test_every_network_is_listed_in_a_field_table(kb: Graph) -> None:
    offenders = [str(n) for n in _instances(kb, IK.Network) if kb.value(n, IK.topic) is None]
    _report(offenders, "add ik:topic for every field table that lists the network")


def test_every_responsibility_is_complete(kb: Graph) -> None:
    offenders = []
    for r in _instances(kb, IK.Responsibility):
        for prop in (IK.actor, IK.role, IK.responsibleFor, DCTERMS.source):
            if kb.value(r, prop) is None:
                offenders.append(f"{r}: no {prop.n3(kb.namespace_manager)}")
        actor = kb.value(r, IK.actor)
        # ik:Network is a subclass of ik:Actor; the graph is not inferred, so accept both.
        if actor is not None and not {IK.Actor, IK.Network} & set(kb.objects(actor, RDF.type)):
            offenders.append(f"{r}: actor {actor} is not described as ik:Actor")
    _report(offenders, "every responsibility names an actor, a role, what and a source")


def test_no_two_actors_share_a_preferred_label(kb: Graph) -> None:
    labels: dict[str, list[str]] = defaultdict(list)
    for actor in _instances(kb, IK.Actor):
        for label in kb.objects(actor, SKOS.prefLabel):
            if isinstance(label, Literal) and label.language == "de":
                labels[str(label)].append(str(actor))
    offenders = [f"{label!r}: {iris}" for label, iris in labels.items() if len(iris) > 1]
    _report(offenders, "merge duplicates or make the labels distinct")


def test_iris_follow_the_patterns(kb: Graph) -> None:
    offenders = []
    for cls, pattern in {
        **IRI_PATTERNS,
        IK.Actor: f"(?:{ACTOR_PATTERN}|{IRI_PATTERNS[IK.Network]})",
    }.items():
        for item in _instances(kb, cls):
            if not re.fullmatch(re.escape(LEV) + pattern, str(item)):
                offenders.append(f"{cls.n3()} {item}")
    _report(offenders, "follow the IRI patterns of DESIGN.md (lower-case ASCII slugs)")


def test_every_instance_is_sourced_to_a_report_section(kb: Graph) -> None:
    sections = set(kb.subjects(RDF.type, IK.ReportSection))
    offenders = []
    for cls in SOURCED:
        for item in _instances(kb, cls):
            sources = set(kb.objects(item, DCTERMS.source))
            if not sources:
                offenders.append(f"{item}: no dcterms:source")
            elif not sources <= sections:
                offenders.append(f"{item}: source {sorted(sources - sections)} is not a section")
    _report(offenders, "point dcterms:source to the lev:report-2019/section/<n.n> it comes from")


def test_german_preferred_label_on_every_instance(kb: Graph) -> None:
    offenders = []
    for cls in [*SOURCED, IK.ActionField, IK.CrossCuttingTopic, IK.ReportSection]:
        for item in _instances(kb, cls):
            if not any(
                isinstance(o, Literal) and o.language == "de"
                for o in kb.objects(item, SKOS.prefLabel)
            ):
                offenders.append(str(item))
    _report(offenders, 'add skos:prefLabel "…"@de')


def test_verbatim_literals_are_found_in_the_report(kb: Graph, report_text: str) -> None:
    offenders = []
    for prop in VERBATIM:
        for s, o in kb.subject_objects(prop):
            if (
                isinstance(o, Literal)
                and o.language == "de"
                and _normalise(str(o)) not in report_text
            ):
                offenders.append(f"{s} {prop.n3(kb.namespace_manager)}: {str(o)[:90]!r}")
    _report(offenders, "quote the report verbatim (only whitespace and ** may differ)")


def test_no_personal_names_or_contact_details(kb: Graph) -> None:
    patterns = {
        "e-mail": r"[\w.+-]+@[\w-]+\.\w+",
        "telephone": r"\b0\d{3,4}\s*/\s*\d{3}",
        "Herr/Frau + name": r"\b(?:Herr|Frau)\s+[A-ZÄÖÜ][a-zäöüß]+",
        "doctor + name": r"\bDr\.\s+[A-ZÄÖÜ]",
    }
    offenders = [
        f"{s} {kind}: {str(o)[:80]!r}"
        for s, _, o in kb
        if isinstance(o, Literal)
        for kind, pattern in patterns.items()
        if re.search(pattern, str(o))
    ]
    _report(offenders, "keep institutions and roles only; redact names as […]")


def test_no_blank_nodes_in_the_data() -> None:
    offenders = []
    for path in sorted(resources.data_dir().glob("*.ttl")):
        graph = Graph().parse(path, format="turtle")
        if any(isinstance(term, BNode) for triple in graph for term in triple):
            offenders.append(path.name)
    _report(offenders, "give every node an IRI (deterministic exports, stable links)")


def test_measures_have_topic_status_evidence_and_source(kb: Graph) -> None:
    offenders = []
    for measure in _instances(kb, IK.Measure):
        if kb.value(measure, IK.topic) is None:
            offenders.append(f"{measure}: no ik:topic")
        statuses = list(kb.objects(measure, IK.status))
        if len(statuses) != 1:
            offenders.append(f"{measure}: {len(statuses)} ik:status")
        if len(list(kb.objects(measure, IK.evidence))) != 1:
            offenders.append(f"{measure}: needs exactly one ik:evidence quote")
        if kb.value(measure, DCTERMS.source) is None:
            offenders.append(f"{measure}: no dcterms:source")
    _report(offenders, "every measure: topic, one status with one evidence quote, source")


def test_agreements_have_meeting_and_topic(kb: Graph) -> None:
    offenders = []
    for agreement in _instances(kb, IK.Agreement):
        meeting = kb.value(agreement, IK.agreedAt)
        if meeting is None or (meeting, RDF.type, IK.Meeting) not in kb:
            offenders.append(f"{agreement}: no ik:agreedAt meeting")
        if kb.value(agreement, IK.topic) is None:
            offenders.append(f"{agreement}: no ik:topic")
    _report(offenders, "link every agreement to the meeting where it was made and its topic")


def test_observations_are_complete(kb: Graph) -> None:
    measures = (IK["count"], IK.sharePercent, IK.density, IK.value)
    offenders = []
    for obs in _instances(kb, URIRef(QB + "Observation")):
        if kb.value(obs, URIRef(QB + "dataSet")) is None:
            offenders.append(f"{obs}: no qb:dataSet")
        if kb.value(obs, IK.refPeriod) is None:
            offenders.append(f"{obs}: no ik:refPeriod")
        if sum(1 for m in measures if kb.value(obs, m) is not None) != 1:
            offenders.append(f"{obs}: needs exactly one measure value")
        if kb.value(obs, IK.unit) is None:
            offenders.append(f"{obs}: no ik:unit")
    _report(offenders, "every observation: data set, date, one value, unit")


def test_meetings_have_a_date(kb: Graph) -> None:
    offenders = [str(m) for m in _instances(kb, IK.Meeting) if kb.value(m, DCTERMS.date) is None]
    _report(offenders, "give every meeting dcterms:date")


def test_needs_have_topic_and_statement(kb: Graph) -> None:
    offenders = []
    for need in _instances(kb, IK.Need):
        if kb.value(need, IK.topic) is None:
            offenders.append(f"{need}: no ik:topic")
        if not any(
            isinstance(o, Literal) and o.language == "de" for o in kb.objects(need, IK.statement)
        ):
            offenders.append(f"{need}: no ik:statement @de")
    _report(offenders, "every need: topic and verbatim statement")
