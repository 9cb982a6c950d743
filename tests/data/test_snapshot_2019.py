"""Dated statuses, assessments and marked actor kinds change no answer of the 2019 snapshot.

The golden file ``snapshot-2019.json`` was written from the data before issue 18 (see
``snapshot_2019``); the data now has a status assertion for every measure, assessments of
goals and topics and marks on inferred actor kinds, and every named query, the model's
records, its measures by status, the gap analysis and the analysis report must still give
exactly the same answers.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from rdflib import Graph

from integrationskonzept.model import KnowledgeBase

from .snapshot_2019 import GOLDEN, fingerprint, snapshot


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def now(kb_ox: Graph, golden: dict[str, Any]) -> dict[str, Any]:
    fields = {kind: entry["fields"] for kind, entry in golden["records"].items()}
    return fingerprint(snapshot(kb_ox, KnowledgeBase(graph=kb_ox)), fields)


def _changed(golden: dict[str, Any], now: dict[str, Any]) -> list[str]:
    return sorted(key for key in golden.keys() | now.keys() if golden.get(key) != now.get(key))


def test_every_named_query_gives_the_same_answers(
    golden: dict[str, Any], now: dict[str, Any]
) -> None:
    assert len(golden["queries"]) == 14
    assert _changed(golden["queries"], now["queries"]) == []


def test_the_model_gives_the_same_records(golden: dict[str, Any], now: dict[str, Any]) -> None:
    assert _changed(golden["records"], now["records"]) == []


def test_measures_by_status_and_the_gap_analysis_are_unchanged(
    golden: dict[str, Any], now: dict[str, Any]
) -> None:
    assert now["measures_by_status"] == golden["measures_by_status"]
    assert now["goals_without_measures"] == golden["goals_without_measures"] == ["C-5", "E-3"]


def test_the_analyses_are_unchanged(golden: dict[str, Any], now: dict[str, Any]) -> None:
    assert now["analysis"] == golden["analysis"]


def test_the_new_statements_are_there(kb_ox: Graph) -> None:
    """The comparison is not vacuous: the data does hold the new kinds of statement."""
    kb = KnowledgeBase(graph=kb_ox)
    assert all(m.status_history for m in kb.measures())
    assert kb.assessments
    assert any(a.kind_inferred for a in kb.actors)
