"""The report: records, JSON form, determinism across runs, engines and hash seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from integrationskonzept.analyse.report import AnalysisReport, analyse
from integrationskonzept.load import load

from .small_kb import CARITAS, FB, KI, VEREIN

ACTOR_KEYS = {
    "iri", "label", "leads", "networks", "fields", "degree", "betweenness", "eigenvector",
    "constraint", "effective_size", "community",
}  # fmt: skip


def test_actor_record_by_hand(small_report: AnalysisReport) -> None:
    ki = small_report.actor(KI)
    assert (ki.leads, ki.networks, ki.bodies, ki.fields) == (3, 3, 1, ("A", "B"))
    assert (ki.degree, ki.degree_centrality) == (2, 0.5)
    assert (ki.betweenness, ki.eigenvector) == (0.166667, 0.707107)
    assert (ki.constraint, ki.effective_size) == (0.555556, 2.0)
    assert (ki.field, ki.core, ki.component, ki.community) == ("A", 1, 0, 0)
    assert small_report.actor(FB).community == 1
    with pytest.raises(KeyError):
        small_report.actor("http://example.org/nobody")


def test_to_dict_has_every_section(small_report: AnalysisReport) -> None:
    data = small_report.to_dict()
    assert {"actors", "brokerage", "communities", "structure", "matrix"} <= set(data)
    assert set(data["actors"][0]) >= ACTOR_KEYS
    assert [a["iri"] for a in data["actors"]] == sorted(a["iri"] for a in data["actors"])
    assert data["summary"] == {
        "actors": 5, "networks": 5, "bodies": 1, "fields": 3, "affiliations": 10,
        "actor_ties": 3, "components": 2, "communities": 2,
    }  # fmt: skip
    assert data["matrix"]["rows"][0]["counts"] == {"A": 2, "B": 2, "C": 0}
    assert data["communities"]["items"][1]["fields"] == {"C": 2}
    kinds = {(b["grouping"], b["iri"]): b for b in data["brokerage"]}
    assert kinds[("actor_kind", KI)]["liaison"] == 2
    assert kinds[("field", KI)]["total"] == 2
    assert json.loads(small_report.to_json()) == json.loads(json.dumps(data))


def test_floats_are_rounded_to_six_decimals(small_report: AnalysisReport) -> None:
    for record in small_report.actors:
        for value in (record.betweenness, record.eigenvector, record.constraint):
            assert value is None or round(value, 6) == value


def test_undefined_measures_are_null() -> None:
    """An actor alone in its network has no contacts: Burt's measures are null, not NaN."""
    ttl = """
    @prefix ik: <https://w3id.org/integrationskonzept/ontology#> .
    <http://example.org/n> a ik:Network .
    <http://example.org/r> a ik:Responsibility ; ik:actor <http://example.org/a> ;
        ik:responsibleFor <http://example.org/n> ; ik:role ik:Lead .
    """
    report = analyse(Graph().parse(data=ttl, format="turtle"))
    record = report.to_dict()["actors"][0]
    assert record["constraint"] is None and record["effective_size"] is None
    assert "NaN" not in report.to_json()


def test_same_report_on_both_engines(small_data_dir: Path) -> None:
    memory = analyse(load(small_data_dir, backend="memory")).to_json()
    oxigraph = analyse(load(small_data_dir, backend="oxigraph")).to_json()
    assert memory == oxigraph


def test_same_json_twice(small: Graph) -> None:
    assert analyse(small).to_json() == analyse(small).to_json()


_SCRIPT = """
import sys
from integrationskonzept.analyse import analyse
from integrationskonzept.load import load
sys.stdout.write(analyse(load(sys.argv[1], backend="memory")).to_json())
"""


@pytest.mark.parametrize("seed", ["0", "4242"])
def test_same_json_under_other_hash_seeds(small_data_dir: Path, seed: str) -> None:
    expected = analyse(load(small_data_dir, backend="memory")).to_json()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(small_data_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout == expected


def test_report_of_caritas_and_verein(small_report: AnalysisReport) -> None:
    """caritas leads nothing but manages n4 and sits in the Fachgruppe."""
    caritas = small_report.actor(CARITAS)
    assert (caritas.leads, caritas.networks, caritas.bodies, caritas.field) == (0, 1, 1, "B")
    verein = small_report.actor(VEREIN)
    assert (verein.leads, verein.networks, verein.fields) == (1, 2, ("C",))
