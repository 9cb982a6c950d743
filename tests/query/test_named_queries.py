"""Every named query answers a question whose answer is taken from the report.

Expected values cite the report section they come from. The queries run on the Oxigraph
backend (as the library does by default) and, for a few, on rdflib's engine too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from integrationskonzept.errors import QueryError
from integrationskonzept.query import named_queries, query

LEV = "https://w3id.org/integrationskonzept/leverkusen/"
KI = "lev:actor/kommunales-integrationszentrum"


def test_every_named_query_has_a_test_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    untested = [name for name in named_queries() if f'"{name}"' not in source]
    assert not untested, f"named queries without a test: {untested}"


def test_every_named_query_has_a_bilingual_header() -> None:
    offenders = [
        name
        for name, q in named_queries().items()
        if set(q.title) != {"de", "en"} or set(q.description) != {"de", "en"}
    ]
    assert not offenders


def test_goals_of_field_c(kb_ox: Graph) -> None:
    # 4.3: field C has five Leitziele; Leitziel 1 is the network "Qualifizierung, Ausbildung und Arbeit".
    rows = query("goals-of-topic", kb_ox, topic="lev:field/C").to_dicts()
    assert [r["number"] for r in rows] == [1, 2, 3, 4, 5]
    assert "Netzwerk „Qualifizierung, Ausbildung und Arbeit“" in rows[0]["statement_de"]
    assert all(r["statement_en"] for r in rows)


def test_goals_of_ikoe_on_both_engines(kb: Graph, kb_ox: Graph) -> None:
    # 3.2: three Leitziele of the intercultural opening of the administration.
    for graph in (kb, kb_ox):
        assert len(query("goals-of-topic", graph, topic=f"{LEV}topic/IKOE")) == 3


def test_indicators_of_field_a(kb_ox: Graph) -> None:
    # 4.1: five Wirkungsindikatoren; the first is about regularly updated information.
    rows = query("indicators-of-topic", kb_ox, topic="lev:field/A").to_dicts()
    assert len(rows) == 5
    assert rows[0]["statement_de"].startswith("Regelmäßig aktualisierte Informationen")


def test_networks_led_by_the_ki(kb_ox: Graph) -> None:
    # Tables of 4.1, 4.2, 4.3, 4.6 and 4.7: the KI (co-)leads seven networks.
    rows = query("networks-led-by", kb_ox, actor=KI).to_dicts()
    slugs = {r["network"].rsplit("/", 1)[1] for r in rows}
    assert slugs == {
        "vernetzungstreffen-primarstufe-daz",
        "koordinierungstreffen-grundschulnetzwerke",
        "vernetzungstreffen-sek-i-ivk",
        "treffen-internationaler-klassen-am-bk",
        "jour-fixe-integration-und-fruehe-bildung",
        "buendnis-kerngruppe-gemeinsam-klappts",
        "ag-buergerschaftliches-engagement",
    }
    by_slug = {r["network"].rsplit("/", 1)[1]: r["fields"] for r in rows}
    assert sorted(by_slug["ag-buergerschaftliches-engagement"].split()) == ["F", "G"]


def test_leads_of_runder_tisch_deutsch(kb_ox: Graph) -> None:
    # 4.1: "Regionalkoordination BAMF/Bildungskoordination Neuzugewanderte".
    rows = query("leads-of-network", kb_ox, network="lev:network/runder-tisch-deutsch").to_dicts()
    assert {r["actor"].rsplit("/", 1)[1] for r in rows} == {
        "bamf-regionalkoordination",
        "bildungskoordination-neuzugewanderte",
    }
    assert rows[0]["as_printed"] == "Regionalkoordination BAMF/Bildungskoordination Neuzugewanderte"


def test_leads_differ_per_table(kb_ox: Graph) -> None:
    # 4.5 names Dez III – Gesundheitsplanung, 4.8 names FB Soziales for the same AG.
    rows = query(
        "leads-of-network",
        kb_ox,
        network="lev:network/ag-gesundheitliche-versorgung-von-fluechtlingen",
    ).to_dicts()
    pairs = {(r["topic"].rsplit("/", 1)[1], r["actor"].rsplit("/", 1)[1]) for r in rows}
    assert pairs == {("E", "gesundheitsplanung"), ("H", "fb-soziales")}


def test_networks_of_field_d(kb_ox: Graph) -> None:
    # 4.4: four rows; three are led by FB Soziales, the AG 78 HzE by FB Kinder und Jugend.
    rows = query("networks-of-topic", kb_ox, topic="lev:field/D").to_dicts()
    assert len(rows) == 4
    leads = sorted(r["leads"] for r in rows)
    assert leads.count("Fachbereich Soziales") == 3


def test_measures_by_status_in_field_d(kb_ox: Graph) -> None:
    # 4.4: the new accommodation in Opladen (Sandstraße) is planned; "Willkommen im
    # Quartier" runs since March 2019.
    rows = query("measures-by-status", kb_ox, topic="lev:field/D").to_dicts()
    status = {r["measure"].rsplit("/", 1)[1]: r["status"] for r in rows}
    assert status["willkommen-im-quartier"] == "ongoing"
    assert any(s == "planned" and "opladen" in m for m, s in status.items())
    assert all(r["evidence"] for r in rows)


def test_status_counts_cover_every_field(kb_ox: Graph) -> None:
    rows = query("status-counts-by-topic", kb_ox).to_dicts()
    assert {r["code"] for r in rows} >= set("ABCDEFGH")
    assert all(r["measures"] > 0 for r in rows)


def test_goals_without_measures_are_the_no_remarks_goals(kb_ox: Graph) -> None:
    # 4.3 and 4.5: "Zu Leitziel 5 / 3 gab es keine Anmerkungen im laufenden Prozess."
    rows = query("goals-without-measures", kb_ox).to_dicts()
    codes = {r["goal"].rsplit("/", 1)[1] for r in rows}
    assert {"C-5", "E-3"} <= codes
    assert all(r["no_remarks"] for r in rows if r["goal"].endswith(("C-5", "E-3")))


def test_actor_reaching_most_fields(kb_ox: Graph) -> None:
    # The Integrationsrat's working circles are listed in B, F and G; the KI reaches A, B,
    # C, F, G: the KI reaches the most fields through network tables.
    rows = query("actors-by-field-reach", kb_ox).to_dicts()
    assert rows[0]["actor"] == f"{LEV}actor/kommunales-integrationszentrum"
    assert rows[0]["fields"] == 5


def test_agreements_of_the_workshop(kb_ox: Graph) -> None:
    # 4.1, 4.3, 4.4, 4.5, 4.8: agreements of the joint workshop of 22.02.2019.
    rows = query(
        "agreements-of-meeting", kb_ox,
        meeting="lev:meeting/2019-02-22-workshop-controlling-gruppe-fachgruppe",
    ).to_dicts()  # fmt: skip
    codes = {r["code"] for r in rows}
    assert {"A", "C", "D"} <= codes
    assert any("Faktencheck" in r["statement"] for r in rows)


def test_refugee_statistics(kb_ox: Graph) -> None:
    # 6.3: 4.850 persons on 31.12.2018, 4.675 on 31.12.2017.
    rows = query(
        "observations-of-dataset", kb_ox, dataset="lev:dataset/gefluechtete-2017-2018"
    ).to_dicts()
    totals = {str(r["period"]): r["value"] for r in rows if r["group"].startswith("Personen")}
    assert totals == {"2017-12-31": 4675, "2018-12-31": 4850}


def test_describe_goal(kb_ox: Graph) -> None:
    rows = query("describe-resource", kb_ox, iri="lev:goal/C-1").to_dicts()
    assert {"in", "out"} <= {r["direction"] for r in rows}


def test_prioritized_fields(kb_ox: Graph) -> None:
    # Section 4: C, D and H are prioritized.
    rows = query("prioritized-fields", kb_ox).to_dicts()
    assert [r["code"] for r in rows] == ["C", "D", "H"]


def test_fields_of_the_ak_jugend_schule(kb_ox: Graph) -> None:
    # Tables of 4.2, 4.6 and 4.7 list the "AK Jugend, Schule, Familie, Soziales und Erwachsenenbildung".
    rows = query(
        "fields-of-network", kb_ox,
        network="lev:network/ak-jugend-schule-familie-soziales-und-erwachsenenbildung",
    ).to_dicts()  # fmt: skip
    assert [r["code"] for r in rows] == ["B", "F", "G"]


@pytest.mark.parametrize(
    "value",
    [
        "x> } UNION { ?s ?p ?o } #",
        "lev:field/C> . ?x ?y ?z",
        "https://w3id.org/x\n} ;",
        '"; DROP ALL; "',
    ],
)
def test_injection_through_a_parameter_is_refused(kb_ox: Graph, value: str) -> None:
    with pytest.raises(QueryError, match="not an IRI"):
        query("goals-of-topic", kb_ox, topic=value)


def test_crafted_literal_value_returns_nothing_extra(kb_ox: Graph) -> None:
    # A string parameter is bound as one literal: quotes and braces inside stay inside it.
    text = "SELECT ?goal WHERE { ?goal <https://w3id.org/integrationskonzept/ontology#statement> ?s . FILTER(str(?s) = ?needle) }"
    result = query(text, kb_ox, needle='x" || true || "')
    assert len(result) == 0


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <https://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * FROM <https://example.org/remote.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <https://example.org/remote.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_remote_access_is_refused(kb: Graph, text: str) -> None:
    with pytest.raises(QueryError, match="not allowed"):
        query(text, kb)


def test_missing_and_unknown_parameters(kb_ox: Graph) -> None:
    with pytest.raises(QueryError, match="missing parameter 'topic'"):
        query("goals-of-topic", kb_ox)
    with pytest.raises(QueryError, match="unknown parameter"):
        query("goals-of-topic", kb_ox, topic="lev:field/C", colour="red")
    with pytest.raises(QueryError, match="no named query"):
        query("goal-of-topic", kb_ox)


def test_rows_convert_to_a_dataframe(kb_ox: Graph) -> None:
    frame = query("prioritized-fields", kb_ox).to_dataframe()
    assert list(frame["code"]) == ["C", "D", "H"]
