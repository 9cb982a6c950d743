"""Questions a reader of the report would ask, answered from the graph with SPARQL.

Each expected answer is taken from the report; the comment names the section.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rdflib import Graph

from integrationskonzept.query import query

PREFIXES = """
PREFIX ik: <https://w3id.org/integrationskonzept/ontology#>
PREFIX lev: <https://w3id.org/integrationskonzept/leverkusen/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX qb: <http://purl.org/linked-data/cube#>
"""


def ask(graph: Graph, text: str) -> list[dict[str, Any]]:
    return query(PREFIXES + text, graph).to_dicts()


def tails(rows: list[dict[str, Any]], key: str) -> set[str]:
    return {str(r[key]).rsplit("/", 1)[1] for r in rows}


# -- Knowledge base I: structure, actors, networks ---------------------------------------


def test_which_fields_are_prioritized(kb_ox: Graph) -> None:  # section 4
    rows = ask(kb_ox, "SELECT ?c WHERE { ?f ik:prioritized true ; skos:notation ?c } ORDER BY ?c")
    assert [r["c"] for r in rows] == ["C", "D", "H"]


def test_how_many_goals_field_c_has(kb_ox: Graph) -> None:  # 4.3
    rows = ask(
        kb_ox, "SELECT (COUNT(?g) AS ?n) WHERE { ?g a ik:GuidingGoal ; ik:topic lev:field\\/C }"
    )
    assert rows[0]["n"] == 5


def test_how_many_goals_and_indicators_in_all(kb_ox: Graph) -> None:  # 3.2 and 4.1-4.8
    rows = ask(kb_ox, "SELECT (COUNT(DISTINCT ?g) AS ?g_n) (COUNT(DISTINCT ?i) AS ?i_n) WHERE "
                      "{ { ?g a ik:GuidingGoal } UNION { ?i a ik:ImpactIndicator } }")  # fmt: skip
    assert (rows[0]["g_n"], rows[0]["i_n"]) == (32, 35)


def test_which_networks_the_ki_leads(kb_ox: Graph) -> None:  # tables 4.1, 4.2, 4.3, 4.6, 4.7
    rows = ask(kb_ox, "SELECT DISTINCT ?n WHERE { ?r ik:actor lev:actor\\/kommunales-integrationszentrum ;"
                      " ik:role ik:Lead ; ik:responsibleFor ?n . ?n a ik:Network }")  # fmt: skip
    assert len(rows) == 7
    assert "ag-buergerschaftliches-engagement" in tails(rows, "n")


def test_which_fields_list_the_ak_jugend_schule(kb_ox: Graph) -> None:  # 4.2, 4.6, 4.7
    rows = ask(kb_ox, "SELECT ?c WHERE { lev:network\\/ak-jugend-schule-familie-soziales-und-erwachsenenbildung"
                      " ik:topic/skos:notation ?c } ORDER BY ?c")  # fmt: skip
    assert [r["c"] for r in rows] == ["B", "F", "G"]


def test_who_leads_the_runder_tisch_deutsch(kb_ox: Graph) -> None:  # 4.1
    rows = ask(kb_ox, "SELECT ?a WHERE { ?r ik:responsibleFor lev:network\\/runder-tisch-deutsch ;"
                      " ik:role ik:Lead ; ik:actor ?a }")  # fmt: skip
    assert tails(rows, "a") == {"bamf-regionalkoordination", "bildungskoordination-neuzugewanderte"}


def test_when_and_by_whom_the_concept_was_adopted(kb_ox: Graph) -> None:  # 2, 6.1
    rows = ask(
        kb_ox,
        "SELECT ?d ?by WHERE { ?c a ik:IntegrationConcept ; ik:adoptedOn ?d ; ik:adoptedBy ?by }",
    )
    assert rows[0]["d"] == date(2017, 12, 18)
    assert rows[0]["by"].endswith("actor/rat-der-stadt-leverkusen")


def test_the_reporting_period(kb_ox: Graph) -> None:  # title page
    rows = ask(kb_ox, "SELECT ?s ?e WHERE { ?r a ik:ImplementationReport ;"
                      " ik:reportingPeriodStart ?s ; ik:reportingPeriodEnd ?e }")  # fmt: skip
    assert (str(rows[0]["s"]), str(rows[0]["e"])) == ("2018-01", "2019-05")


def test_the_table_of_contents(kb_ox: Graph) -> None:  # Inhaltsverzeichnis
    rows = ask(
        kb_ox,
        "SELECT ?n ?p WHERE { ?s a ik:ReportSection ; ik:sectionNumber ?n ; ik:startPage ?p }",
    )
    pages = {r["n"]: r["p"] for r in rows}
    assert len(pages) == 21
    assert pages["4.4"] == 22 and pages["6.5"] == 46


def test_members_of_the_steering_groups(kb_ox: Graph) -> None:  # Abbildung 3
    rows = ask(kb_ox, "SELECT ?body (COUNT(?m) AS ?n) WHERE { ?m a org:Membership ;"
                      " org:organization ?body } GROUP BY ?body")  # fmt: skip
    counts = {r["body"].rsplit("/", 1)[1]: r["n"] for r in rows}
    assert counts == {"controlling-gruppe-integrationskonzept": 12, "fachgruppe-integration": 20}


def test_who_manages_the_controlling_gruppe(kb_ox: Graph) -> None:  # Abbildung 3
    # "Beigeordneter für das Dezernat für Bürger, Umwelt und Soziales (Geschäftsführung)"
    rows = ask(kb_ox, "SELECT ?a WHERE { ?r ik:responsibleFor lev:actor\\/controlling-gruppe-integrationskonzept ;"
                      " ik:role ik:Management ; ik:actor ?a }")  # fmt: skip
    assert tails(rows, "a") == {"beigeordneter-dezernat-iii"}


def test_the_ki_is_a_staff_unit_of_dezernat_iii(kb_ox: Graph) -> None:  # Vorwort
    rows = ask(
        kb_ox, "SELECT ?p WHERE { lev:actor\\/kommunales-integrationszentrum org:unitOf ?p }"
    )
    assert tails(rows, "p") == {"dezernat-iii"}


def test_fim_is_a_unit_of_the_caritasverband(kb_ox: Graph) -> None:  # 4.1, 6.2
    rows = ask(kb_ox, 'SELECT ?p WHERE { ?a skos:altLabel "FIM"@de ; org:unitOf ?p }')
    assert tails(rows, "p") == {"caritasverband"}


def test_abbreviation_fb_soziales_names_one_actor(kb_ox: Graph) -> None:  # 3.1, 4.4
    rows = ask(kb_ox, "SELECT DISTINCT ?a WHERE { ?a a ik:Actor ; skos:altLabel|skos:prefLabel ?l ."
                      " FILTER(str(?l) IN (\"FB Soziales\", \"Fachbereich Soziales\")) }")  # fmt: skip
    assert tails(rows, "a") == {"fb-soziales"}


def test_strategic_goals_of_field_d(kb_ox: Graph) -> None:  # 4.4
    rows = ask(kb_ox, "SELECT ?l WHERE { lev:field\\/D ik:strategicGoal ?g . ?g skos:prefLabel ?l ."
                      " FILTER(lang(?l) = \"de\") }")  # fmt: skip
    labels = {r["l"] for r in rows}
    assert {"Wohnungsbauprogramm", "Baulückenkataster", "Seveso-Konzept"} <= labels


def test_who_leads_the_rat_der_religionen(kb_ox: Graph) -> None:  # 4.7
    rows = ask(kb_ox, "SELECT ?a WHERE { ?r ik:responsibleFor lev:network\\/rat-der-religionen ;"
                      " ik:role ik:Lead ; ik:actor ?a }")  # fmt: skip
    assert tails(rows, "a") == {"katholisches-stadtdekanat"}


def test_the_fachgruppe_acts_as_buendnis_kerngruppe(kb_ox: Graph) -> None:  # 4.3
    rows = ask(kb_ox, "SELECT ?n WHERE { lev:actor\\/fachgruppe-integration ik:actsAs ?n }")
    assert tails(rows, "n") == {"buendnis-kerngruppe-gemeinsam-klappts"}


def test_overall_responsibility_lies_with_dezernat_iii(kb_ox: Graph) -> None:  # 5
    rows = ask(kb_ox, "SELECT ?a WHERE { ?r ik:role ik:OverallResponsibility ; ik:actor ?a }")
    assert "dezernat-iii" in tails(rows, "a")


# -- Knowledge base II: implementation --------------------------------------------------


def test_refugees_on_31_12_2018(kb_ox: Graph) -> None:  # 6.3
    rows = ask(kb_ox, "SELECT ?v WHERE { ?o qb:dataSet lev:dataset\\/gefluechtete-2017-2018 ;"
                      " ik:refPeriod \"2018-12-31\"^^<http://www.w3.org/2001/XMLSchema#date> ;"
                      " ik:populationGroup ?g ; ik:count ?v . FILTER(STRSTARTS(?g, \"Personen\")) }")  # fmt: skip
    assert [r["v"] for r in rows] == [4850]


def test_who_implements_willkommen_im_quartier_and_since_when(kb_ox: Graph) -> None:  # 4.4
    rows = ask(kb_ox, "SELECT ?a ?start WHERE { lev:measure\\/willkommen-im-quartier ik:start ?start ."
                      " ?r ik:responsibleFor lev:measure\\/willkommen-im-quartier ;"
                      " ik:role ik:Implementation ; ik:actor ?a }")  # fmt: skip
    assert tails(rows, "a") == {"jobservice"}
    assert str(rows[0]["start"]) == "2019-03"


def test_who_was_excused_at_the_workshop_of_22_02_2019(kb_ox: Graph) -> None:  # 6.4
    rows = ask(kb_ox, "SELECT ?a WHERE { lev:meeting\\/2019-02-22-workshop-controlling-gruppe-fachgruppe"
                      " ik:participation ?p . ?p ik:attendance ik:Excused ; ik:participant ?a }")  # fmt: skip
    assert tails(rows, "a") == {
        "geschaeftsstelle-integrationsrat", "integrationsrat", "katholisches-bildungswerk",
        "dezernat-iii", "volkshochschule", "frauenbuero", "jobservice",
        "fb-kinder-und-jugend", "kolpingbildungswerk", "arbeiterwohlfahrt",
    }  # fmt: skip


def test_institutions_at_the_entscheider_workshop(kb_ox: Graph) -> None:  # 6.5
    rows = ask(kb_ox, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { lev:meeting\\/2019-05-07-entscheider-workshop"
                      " ik:participation/ik:participant ?a }")  # fmt: skip
    assert rows[0]["n"] == 17


def test_how_many_quartierslotsen(kb_ox: Graph) -> None:  # 4.4
    rows = ask(kb_ox, "SELECT ?n WHERE { lev:measure\\/quartierslotsen ik:staffCount ?n }")
    assert [r["n"] for r in rows] == [11]


def test_intercultural_trainings_2016_2017(kb_ox: Graph) -> None:  # 3.2
    rows = ask(kb_ox, "SELECT ?e ?p WHERE { lev:measure\\/fortbildungen-interkulturelle-kompetenz"
                      " ik:eventCount ?e ; ik:participantCount ?p }")  # fmt: skip
    assert (rows[0]["e"], rows[0]["p"]) == (7, 93)


def test_population_on_31_12_2017(kb_ox: Graph) -> None:  # 6.3
    rows = ask(kb_ox, "SELECT ?v WHERE { ?o qb:dataSet lev:dataset\\/basisdaten-2016-2017 ;"
                      " ik:populationGroup \"Bevölkerung in Personen\"@de ; ik:refPeriod ?d ; ik:count ?v }"
                      " ORDER BY ?d")  # fmt: skip
    assert [r["v"] for r in rows] == [166081, 166737]


def test_census_2011_migration_background(kb_ox: Graph) -> None:  # 6.3
    rows = ask(kb_ox, "SELECT ?v WHERE { ?o qb:dataSet lev:dataset\\/zensus-2011 ;"
                      " ik:count|ik:sharePercent ?v }")  # fmt: skip
    assert {float(r["v"]) for r in rows} == {50940, 32.1, 24810, 26130}


def test_young_refugees_18_to_28(kb_ox: Graph) -> None:  # 4.3, Abbildung 4
    rows = ask(kb_ox, "SELECT ?v WHERE { ?o qb:dataSet lev:dataset\\/azr-gefluechtete-18-bis-unter-28-2018 ;"
                      " ik:populationGroup ?g ; ik:count ?v . FILTER(CONTAINS(?g, \"GESAMT\")) }")  # fmt: skip
    assert {r["v"] for r in rows} == {1048, 4850}


def test_fit_in_deutsch_was_funded_by_the_land(kb_ox: Graph) -> None:  # 4.1
    rows = ask(kb_ox, "SELECT ?a WHERE { ?r ik:responsibleFor lev:measure\\/fit-in-deutsch ;"
                      " ik:role ik:Funding ; ik:actor ?a }")  # fmt: skip
    assert tails(rows, "a") == {"land-nrw"}


def test_the_new_accommodation_in_opladen_is_planned(kb_ox: Graph) -> None:  # 4.4
    rows = ask(
        kb_ox,
        "SELECT ?s WHERE { lev:measure\\/neubau-gemeinschaftseinrichtung-opladen ik:status ?s }",
    )
    assert tails(rows, "s") == {["ontology#Planned"][-1]} or rows[0]["s"].endswith("#Planned")


def test_goal_c5_had_no_remarks(kb_ox: Graph) -> None:  # 4.3
    rows = ask(kb_ox, "SELECT ?e WHERE { lev:goal\\/C-5 ik:status ik:NoRemarks ; ik:evidence ?e }")
    assert rows[0]["e"] == "Zu Leitziel 5 gab es keine Anmerkungen im laufenden Prozess."


def test_fim_language_courses_2018(kb_ox: Graph) -> None:  # 4.1
    rows = ask(kb_ox, "SELECT ?n WHERE { ?m ik:courseCount ?n ; ik:topic lev:field\\/A }")
    assert [r["n"] for r in rows] == [8]


def test_keep_the_leverkusener_modell(kb_ox: Graph) -> None:  # 4.4, Vereinbarungen VV/CG
    rows = ask(kb_ox, "SELECT ?a WHERE { ?a a ik:Agreement ; ik:agreedAt lev:meeting\\/2019-05-07-entscheider-workshop ;"
                      " ik:concerns lev:measure\\/leverkusener-modell }")  # fmt: skip
    assert rows


def test_need_for_large_family_homes(kb_ox: Graph) -> None:  # 4.4, Auszugsberatung
    rows = ask(kb_ox, "SELECT ?s WHERE { ?n a ik:Need ; ik:topic lev:field\\/D ; ik:statement ?s ."
                      " FILTER(CONTAINS(?s, \"Großfamilien (ab 7 Personen)\")) }")  # fmt: skip
    assert len(rows) == 1


def test_fim_qualified_ten_language_mediators(kb_ox: Graph) -> None:  # 4.8
    rows = ask(kb_ox, "SELECT ?n WHERE { ?m ik:topic lev:field\\/H ; ik:participantCount ?n }")
    assert [r["n"] for r in rows] == [10]


def test_integrationsportal_since_october_2017(kb_ox: Graph) -> None:  # 3.1
    rows = ask(
        kb_ox,
        "SELECT ?s ?st WHERE { lev:measure\\/integrationsportal ik:start ?s ; ik:status ?st }",
    )
    assert str(rows[0]["s"]) == "2017-10"
