"""What the 2019 snapshot answers: every named query, the typed model, the analyses.

Dated statuses, assessments and the marking of inferred actor kinds add statements to the
knowledge base; they must not change a single answer that existed before them (issue 18).
:func:`snapshot` collects those answers from a graph in a JSON-ready form:

* every named query, for every value its parameter can take in the data (every topic, every
  network, every actor, meeting and data set), rows sorted (ties in ``ORDER BY`` may come
  back in another order when data is added, the answer is the same);
* ``describe-resource`` only for data sets and strategic goals, which the new statements do
  not touch (a measure now links its status assertions, so its description grows by design);
* the model's records (goals, measures, topics, actors, networks, agreements, needs,
  meetings, responsibilities) as dicts, its measures per topic and status and the goals
  without measures;
* the analysis report (its JSON and its summary).

``snapshot-2019.json`` holds the answers of the data before issue 18, each as a SHA-256
digest with a count (the file stays small; the counts and the names of the answers that
differ show where to look). A record is compared on the fields it had then, so a field added
to a record later does not count as a change. Regenerate the file only for an intended
change of answers::

    .venv/bin/python tests/data/snapshot_2019.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from integrationskonzept import IK
from integrationskonzept.analyse.report import analyse
from integrationskonzept.model import KnowledgeBase
from integrationskonzept.query import named_queries, query

GOLDEN = Path(__file__).with_name("snapshot-2019.json")
QB_DATASET = URIRef("http://purl.org/linked-data/cube#DataSet")

# the class whose instances a parameter of this name takes
PARAMETER_CLASSES = {
    "topic": IK.Topic,
    "network": IK.Network,
    "actor": IK.Actor,
    "meeting": IK.Meeting,
    "dataset": QB_DATASET,
}
RECORD_KINDS = ("topics", "goals", "indicators", "actors", "networks", "agreements", "needs",
                "meetings", "responsibilities")  # fmt: skip


def _instances(graph: Graph, cls: URIRef) -> list[str]:
    classes = set(graph.transitive_subjects(RDFS.subClassOf, cls))
    return sorted({str(s) for c in classes for s in graph.subjects(RDF.type, c)})


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def _rows(name: str, graph: Graph, **params: str) -> list[Any]:
    rows = _plain(query(name, graph, **params).to_dicts())
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False))


def query_answers(graph: Graph) -> dict[str, Any]:
    """Every named query's rows, keyed ``name`` or ``name param=value``."""
    answers: dict[str, Any] = {}
    for name, named in sorted(named_queries().items()):
        if not named.parameters:
            answers[name] = _rows(name, graph)
            continue
        (parameter,) = named.parameters
        if name == "describe-resource":
            values = [*_instances(graph, QB_DATASET), *_instances(graph, IK.StrategicGoal)]
        else:
            values = _instances(graph, PARAMETER_CLASSES[parameter.name])
        for value in values:
            answers[f"{name} {parameter.name}={value}"] = _rows(
                name, graph, **{parameter.name: value}
            )
    return answers


def model_answers(kb: KnowledgeBase) -> dict[str, Any]:
    """The model's records as dicts, its measures by topic and status, the gap analysis."""
    records: dict[str, Any] = {
        kind: {r.iri: r.to_dict() for r in getattr(kb, kind)} for kind in RECORD_KINDS
    }
    records["measures"] = {m.iri: m.to_dict() for m in kb.measures()}
    by_status = {
        topic.code: {
            status: sorted(m.iri for m in kb.measures(topic.code, status))
            for status in ("implemented", "ongoing", "planned", "proposed", "unclear")
        }
        for topic in kb.topics
    }
    return _plain(
        {
            "records": records,
            "measures_by_status": by_status,
            "goals_without_measures": [g.code for g in kb.goals_without_measures()],
        }
    )


def analysis_answers(graph: Graph) -> dict[str, Any]:
    """The analysis report's digest and summary."""
    report = analyse(graph)
    text = report.to_json()
    return {
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "summary": _plain(report.to_dict()["summary"]),
    }


def snapshot(graph: Graph, kb: KnowledgeBase) -> dict[str, Any]:
    """Every answer of the snapshot (``graph`` on Oxigraph, ``kb`` built from it)."""
    return {
        "queries": query_answers(graph),
        "model": model_answers(kb),
        "analysis": analysis_answers(graph),
    }


def digest(value: Any) -> str:
    """The SHA-256 of ``value``'s canonical JSON."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def project(records: dict[str, dict[str, Any]], fields: list[str]) -> dict[str, Any]:
    """The records restricted to ``fields`` (the fields a record had in the snapshot)."""
    return {iri: {f: record.get(f) for f in fields} for iri, record in records.items()}


def fingerprint(
    answers: dict[str, Any], fields: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    """The golden form of :func:`snapshot`: digests and counts.

    ``fields``: per kind of record, the fields to compare (default: every field the records
    have now, as when the golden file is written).
    """
    queries: dict[str, dict[str, Any]] = {}
    for key, rows in answers["queries"].items():
        name = key.split(" ", 1)[0]
        entry = queries.setdefault(name, {"answers": {}, "rows": 0})
        entry["answers"][key] = rows
        entry["rows"] += len(rows)
    records = answers["model"]["records"]
    kinds = fields or {
        kind: sorted({f for record in found.values() for f in record})
        for kind, found in records.items()
    }
    return {
        "queries": {
            name: {"sha256": digest(entry["answers"]), "rows": entry["rows"]}
            for name, entry in sorted(queries.items())
        },
        "records": {
            kind: {
                "fields": kinds[kind],
                "count": len(records[kind]),
                "sha256": digest(project(records[kind], kinds[kind])),
            }
            for kind in sorted(records)
        },
        "measures_by_status": {
            "counts": {
                code: {status: len(iris) for status, iris in statuses.items()}
                for code, statuses in answers["model"]["measures_by_status"].items()
            },
            "sha256": digest(answers["model"]["measures_by_status"]),
        },
        "goals_without_measures": answers["model"]["goals_without_measures"],
        "analysis": answers["analysis"],
    }


def main() -> None:
    """Write the golden file from the bundled data."""
    from integrationskonzept import load

    graph = load(backend="oxigraph")
    answers = snapshot(graph, KnowledgeBase(graph=graph))
    text = json.dumps(fingerprint(answers), ensure_ascii=False, indent=1, sort_keys=True)
    GOLDEN.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
