"""A small hand-built knowledge base whose analysis results are worked out by hand.

Fields A, B, C; networks n1 (A), n2 (A, B), n3 (C), n4 (B), n5 (C); one governance body.

==========  ==============================================  =================
actor       ties                                            kind
==========  ==============================================  =================
ki          Lead n1 (A), Lead n2 (A and B rows), Lead n4     CityUnitKind
            (B), member of the Fachgruppe ("Leitung")
schulamt    Lead n2 (A and B rows)                          StateAgencyKind
fb          Lead n3 (C); Lead of a measure (not a network)  CityDepartmentKind
verein      Management n3 (C); Lead n5 (no ik:topic → C)    NGOKind
caritas     Management n4 (B); member of the Fachgruppe     WelfareAssociationKind
==========  ==============================================  =================

Actor projection: ki–schulamt (1: n2), ki–caritas (2: n4 and the Fachgruppe), fb–verein
(1: n3). Two components.
"""

from __future__ import annotations

from rdflib import Graph

EX = "http://example.org/city/"
KI, SCHULAMT, FB, VEREIN, CARITAS = (
    f"{EX}actor/{slug}" for slug in ("ki", "schulamt", "fb", "verein", "caritas")
)
N1, N2, N3, N4, N5 = (f"{EX}network/n{i}" for i in range(1, 6))
FACHGRUPPE = f"{EX}body/fachgruppe"
FIELD_A, FIELD_B, FIELD_C = (f"{EX}field/{code}" for code in "ABC")

SMALL_TTL = """\
@base <http://example.org/city/> .
@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

<field/A> a ik:ActionField ; skos:notation "A" ; skos:prefLabel "Sprache"@de , "Language"@en .
<field/B> a ik:ActionField ; skos:notation "B" ; skos:prefLabel "Bildung"@de .
<field/C> a ik:ActionField ; skos:notation "C" ; skos:prefLabel "Arbeit"@de .

<actor/ki> a ik:Actor ; skos:prefLabel "Kommunales Integrationszentrum"@de ;
    ik:actorKind ik:CityUnitKind .
<actor/schulamt> a ik:Actor ; skos:prefLabel "Schulamt"@de ; ik:actorKind ik:StateAgencyKind .
<actor/fb> a ik:Actor ; skos:prefLabel "Fachbereich Soziales"@de ;
    ik:actorKind ik:CityDepartmentKind .
<actor/verein> a ik:Actor ; skos:prefLabel "Verein"@de ; ik:actorKind ik:NGOKind .
<actor/caritas> a ik:Actor ; skos:prefLabel "Caritas"@de ;
    ik:actorKind ik:WelfareAssociationKind .
<body/fachgruppe> a ik:GovernanceBody , ik:Actor ; skos:prefLabel "Fachgruppe"@de ;
    ik:actorKind ik:AdministrativeBodyKind .

<network/n1> a ik:Network ; skos:prefLabel "Runder Tisch"@de ; ik:topic <field/A> .
<network/n2> a ik:Network ; skos:prefLabel "Vernetzungstreffen"@de ;
    ik:topic <field/A> , <field/B> .
<network/n3> a ik:Network ; skos:prefLabel "AK Arbeit"@de ; ik:topic <field/C> .
<network/n4> a ik:Network ; skos:prefLabel "Jour fixe"@de ; ik:topic <field/B> .
<network/n5> a ik:Network ; skos:prefLabel "AG Beruf"@de ; ik:topic <field/C> .
<measure/m1> a ik:Measure ; skos:prefLabel "Kurs"@de .

<responsibility/n1/ki/A> a ik:Responsibility ; ik:actor <actor/ki> ;
    ik:responsibleFor <network/n1> ; ik:role ik:Lead ; ik:topic <field/A> .
<responsibility/n2/ki/A> a ik:Responsibility ; ik:actor <actor/ki> ;
    ik:responsibleFor <network/n2> ; ik:role ik:Lead ; ik:topic <field/A> .
<responsibility/n2/ki/B> a ik:Responsibility ; ik:actor <actor/ki> ;
    ik:responsibleFor <network/n2> ; ik:role ik:Lead ; ik:topic <field/B> .
<responsibility/n4/ki/B> a ik:Responsibility ; ik:actor <actor/ki> ;
    ik:responsibleFor <network/n4> ; ik:role ik:Lead ; ik:topic <field/B> .
<responsibility/n2/schulamt/A> a ik:Responsibility ; ik:actor <actor/schulamt> ;
    ik:responsibleFor <network/n2> ; ik:role ik:Lead ; ik:topic <field/A> .
<responsibility/n2/schulamt/B> a ik:Responsibility ; ik:actor <actor/schulamt> ;
    ik:responsibleFor <network/n2> ; ik:role ik:Lead ; ik:topic <field/B> .
<responsibility/n3/fb/C> a ik:Responsibility ; ik:actor <actor/fb> ;
    ik:responsibleFor <network/n3> ; ik:role ik:Lead ; ik:topic <field/C> .
<responsibility/n3/verein-management/C> a ik:Responsibility ; ik:actor <actor/verein> ;
    ik:responsibleFor <network/n3> ; ik:role ik:Management ; ik:topic <field/C> .
<responsibility/n5/verein> a ik:Responsibility ; ik:actor <actor/verein> ;
    ik:responsibleFor <network/n5> ; ik:role ik:Lead .
<responsibility/n4/caritas-management/B> a ik:Responsibility ; ik:actor <actor/caritas> ;
    ik:responsibleFor <network/n4> ; ik:role ik:Management ; ik:topic <field/B> .
<responsibility/m1/fb> a ik:Responsibility ; ik:actor <actor/fb> ;
    ik:responsibleFor <measure/m1> ; ik:role ik:Lead .

<membership/fachgruppe/ki> a org:Membership ; org:member <actor/ki> ;
    org:organization <body/fachgruppe> ; ik:roleLabel "Leitung"@de .
<membership/fachgruppe/caritas> a org:Membership ; org:member <actor/caritas> ;
    org:organization <body/fachgruppe> .
"""


def small_graph() -> Graph:
    """The small knowledge base as an rdflib graph (memory store)."""
    return Graph().parse(data=SMALL_TTL, format="turtle")
