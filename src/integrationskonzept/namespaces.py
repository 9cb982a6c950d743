"""The project's namespaces as rdflib namespaces.

``IK`` (the ontology) is a closed :class:`rdflib.namespace.DefinedNamespace`: a misspelt term
raises ``AttributeError`` instead of silently minting a new IRI. This module is generated from
``ontology/`` by ``scripts/generate_namespaces.py``; a test checks the two agree.

>>> IK.GuidingGoal
rdflib.term.URIRef('https://w3id.org/integrationskonzept/ontology#GuidingGoal')
>>> IK.GuidingGoalz
Traceback (most recent call last):
...
AttributeError: term 'GuidingGoalz' not in namespace 'https://w3id.org/integrationskonzept/ontology#'
>>> LEV["field/C"]
rdflib.term.URIRef('https://w3id.org/integrationskonzept/leverkusen/field/C')
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

IKSH = Namespace("https://w3id.org/integrationskonzept/shapes#")
LEV = Namespace("https://w3id.org/integrationskonzept/leverkusen/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("http://schema.org/")
VANN = Namespace("http://purl.org/vocab/vann/")


class IK(DefinedNamespace):
    """Classes, properties and controlled values of the integrationskonzept ontology."""

    _NS = Namespace("https://w3id.org/integrationskonzept/ontology#")
    _fail = True

    Abbreviation: URIRef
    ActionField: URIRef
    Actor: URIRef
    ActorKind: URIRef
    ActorKindScheme: URIRef
    AdministrativeBodyKind: URIRef
    Agreement: URIRef
    Assessment: URIRef
    Attendance: URIRef
    AttendanceScheme: URIRef
    Building: URIRef
    CityAdministrationKind: URIRef
    CityDepartmentKind: URIRef
    CityDivisionKind: URIRef
    CityUnitKind: URIRef
    ClassificationBasis: URIRef
    ClassificationBasisScheme: URIRef
    Commissioning: URIRef
    CompanyKind: URIRef
    Concept: URIRef
    Conference: URIRef
    Conversation: URIRef
    Coordination: URIRef
    CoreGroup: URIRef
    Council: URIRef
    CouncilSession: URIRef
    Counselling: URIRef
    Course: URIRef
    CrossCuttingTopic: URIRef
    EducationProviderKind: URIRef
    Event: URIRef
    EventSeries: URIRef
    Excused: URIRef
    FederalAgencyKind: URIRef
    Figure: URIRef
    Forum: URIRef
    FoundationKind: URIRef
    Funding: URIRef
    GovernanceBody: URIRef
    GuidingGoal: URIRef
    HealthProviderKind: URIRef
    ImpactIndicator: URIRef
    Implementation: URIRef
    ImplementationReport: URIRef
    Implemented: URIRef
    Inferred: URIRef
    InformalGroupKind: URIRef
    IntegrationConcept: URIRef
    JourFixe: URIRef
    Lead: URIRef
    Management: URIRef
    Measure: URIRef
    MeasureKind: URIRef
    MeasureKindScheme: URIRef
    Meeting: URIRef
    MeetingKind: URIRef
    MeetingKindScheme: URIRef
    NGOKind: URIRef
    Need: URIRef
    Network: URIRef
    NetworkKind: URIRef
    NetworkKindActor: URIRef
    NetworkKindScheme: URIRef
    NetworkingMeeting: URIRef
    NoRemarks: URIRef
    Offer: URIRef
    Ongoing: URIRef
    OnlinePortal: URIRef
    Organizer: URIRef
    OverallResponsibility: URIRef
    Participant: URIRef
    Participation: URIRef
    Partner: URIRef
    Plan: URIRef
    Planned: URIRef
    PoliticalBodyKind: URIRef
    Present: URIRef
    ProfessionalBodyKind: URIRef
    Programme: URIRef
    Project: URIRef
    Proposed: URIRef
    PublicOfficeKind: URIRef
    Publication: URIRef
    ReligiousBodyKind: URIRef
    ReportSection: URIRef
    Responsibility: URIRef
    Role: URIRef
    RoleScheme: URIRef
    RoundTable: URIRef
    Service: URIRef
    Session: URIRef
    SourceDocument: URIRef
    StateAgencyKind: URIRef
    StatedInReport: URIRef
    Status: URIRef
    StatusAssertion: URIRef
    StatusScheme: URIRef
    Steering: URIRef
    StrategicGoal: URIRef
    Support: URIRef
    Survey: URIRef
    Topic: URIRef
    Training: URIRef
    Unclear: URIRef
    Unit: URIRef
    UnitBirthRate: URIRef
    UnitHouseholds: URIRef
    UnitPercent: URIRef
    UnitPersons: URIRef
    UnitPersonsPerHectare: URIRef
    UnitPersonsPerHousehold: URIRef
    UnitScheme: URIRef
    WelfareAssociationKind: URIRef
    WorkingCircle: URIRef
    WorkingGroup: URIRef
    Workshop: URIRef
    abbreviation: URIRef
    actor: URIRef
    actorKind: URIRef
    actsAs: URIRef
    adoptedBy: URIRef
    adoptedOn: URIRef
    agreedAt: URIRef
    asPrinted: URIRef
    assesses: URIRef
    assessment: URIRef
    attendance: URIRef
    betweennessCentrality: URIRef
    brokerageCoordinator: URIRef
    brokerageGatekeeper: URIRef
    brokerageItinerant: URIRef
    brokerageLiaison: URIRef
    brokerageRepresentative: URIRef
    burtConstraint: URIRef
    community: URIRef
    concerns: URIRef
    contributesTo: URIRef
    count: URIRef
    courseCount: URIRef
    dataSource: URIRef
    degreeCentrality: URIRef
    density: URIRef
    description: URIRef
    discusses: URIRef
    dwellingCount: URIRef
    editorialSupport: URIRef
    effectiveSize: URIRef
    eigenvectorCentrality: URIRef
    end: URIRef
    eventCount: URIRef
    evidence: URIRef
    expansion: URIRef
    fieldsReached: URIRef
    figureNumber: URIRef
    fundedBy: URIRef
    groupCount: URIRef
    kindBasis: URIRef
    measureKind: URIRef
    meetingKind: URIRef
    networkKind: URIRef
    networksInvolved: URIRef
    networksLed: URIRef
    number: URIRef
    numericValuesInText: URIRef
    organizedBy: URIRef
    partOf: URIRef
    participant: URIRef
    participantCount: URIRef
    participation: URIRef
    personCount: URIRef
    placeCount: URIRef
    populationGroup: URIRef
    prioritized: URIRef
    quantityNote: URIRef
    refPeriod: URIRef
    reportingPeriodEnd: URIRef
    reportingPeriodStart: URIRef
    reportsOn: URIRef
    representativeCount: URIRef
    responsibleFor: URIRef
    role: URIRef
    roleLabel: URIRef
    sectionNumber: URIRef
    sharePercent: URIRef
    staffCount: URIRef
    standsFor: URIRef
    start: URIRef
    startPage: URIRef
    statedIn: URIRef
    statement: URIRef
    statisticsComponentCount: URIRef
    statisticsComponentDataSource: URIRef
    statisticsComponentDensity: URIRef
    statisticsComponentPopulationGroup: URIRef
    statisticsComponentRefPeriod: URIRef
    statisticsComponentSharePercent: URIRef
    statisticsComponentUnit: URIRef
    statisticsComponentValue: URIRef
    statisticsStructure: URIRef
    status: URIRef
    statusAssertion: URIRef
    strategicGoal: URIRef
    targetGroup: URIRef
    timeNote: URIRef
    topic: URIRef
    unit: URIRef
    value: URIRef


PREFIXES: dict[str, str] = {
    "ik": str(IK),
    "iksh": str(IKSH),
    "lev": str(LEV),
    "org": str(ORG),
    "qb": str(QB),
    "schema": str(SCHEMA),
    "vann": str(VANN),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
