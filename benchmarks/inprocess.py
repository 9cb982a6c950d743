"""The in-process stages at one size: load, validate, the named queries, model, analyse, export.

Each is timed by :func:`measure.run_in_process`. The two graphs (memory and Oxigraph) are
loaded once per size and read by every later stage; the named queries run with the example
parameters of :data:`EXAMPLE_PARAMETERS`, as IRIs of the first city.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import generate
from measure import Measurement, Results, run_in_process
from stages import EXPORT_FORMATS, _available

EXAMPLE_PARAMETERS: dict[str, dict[str, str]] = {
    "agreements-of-meeting": {
        "meeting": "meeting/2019-02-22-workshop-controlling-gruppe-fachgruppe"
    },
    "describe-resource": {"iri": "goal/C-1"},
    "fields-of-network": {
        "network": "network/ak-jugend-schule-familie-soziales-und-erwachsenenbildung"
    },
    "goals-of-topic": {"topic": "field/C"},
    "indicators-of-topic": {"topic": "field/A"},
    "leads-of-network": {"network": "network/runder-tisch-deutsch"},
    "measures-by-status": {"topic": "field/D"},
    "networks-led-by": {"actor": "actor/kommunales-integrationszentrum"},
    "networks-of-topic": {"topic": "field/B"},
    "observations-of-dataset": {"dataset": "dataset/gefluechtete-2017-2018"},
}
"""Parameters of the named queries, as paths below the first city's base IRI.

A query not listed here takes the example of its ``# param:`` header (``z. B. lev:…``)."""


def query_parameters(name: str, base: str) -> dict[str, str]:
    """The example parameters of a named query as absolute IRIs below ``base``."""
    from integrationskonzept.query import named_queries

    named = named_queries()[name]
    given = EXAMPLE_PARAMETERS.get(name, {})
    params: dict[str, str] = {}
    for parameter in named.parameters:
        if parameter.name in given:
            params[parameter.name] = base + given[parameter.name]
            continue
        example = re.search(r"\blev:(\S+)", parameter.description)
        if example is None:
            raise ValueError(f"no example parameter for {name}:{parameter.name}")
        params[parameter.name] = base + example.group(1).rstrip(".,;)")
    return params


def bench_in_process(results: Results, size: int, data: Path, repetitions: int) -> None:
    """Every in-process stage at one size."""
    from rdflib import Variable

    from integrationskonzept.load import load
    from integrationskonzept.namespaces import PREFIXES
    from integrationskonzept.query import named_queries, query
    from integrationskonzept.query.runner import _bind

    def triples(graph: Any) -> dict[str, Any]:
        return {"triples": len(graph)}

    memory_graph = run_in_process(
        results,
        "load-memory",
        size,
        lambda: load(data, backend="memory"),
        repetitions=repetitions,
        info=triples,
    )
    oxigraph_graph = run_in_process(
        results,
        "load-oxigraph",
        size,
        lambda: load(data, backend="oxigraph"),
        repetitions=repetitions,
        info=triples,
    )
    if memory_graph is None:  # validate and the memory queries need it
        memory_graph = load(data, backend="memory")
    if oxigraph_graph is None:
        oxigraph_graph = load(data, backend="oxigraph")

    missing = _available("integrationskonzept.validation", "validate")
    if missing:
        for stage in ("validate", "validate-oxigraph"):
            results.put(stage, size, Measurement(status="unavailable", reason=missing))
    else:
        from integrationskonzept.validation import validate

        def report_info(report: Any) -> dict[str, Any]:
            counts = report.counts
            return {
                "conforms": bool(report.conforms),
                "violations": counts.get("violation", 0),
                "warnings": counts.get("warning", 0),
                "infos": counts.get("info", 0),
            }

        for stage, graph in (("validate", memory_graph), ("validate-oxigraph", oxigraph_graph)):
            run_in_process(
                results,
                stage,
                size,
                lambda graph=graph: validate(graph),
                repetitions=repetitions,
                info=report_info,
            )

    base = generate.city_base(generate.city_name(1))
    for name, named in sorted(named_queries().items()):
        params = query_parameters(name, base)

        def rows(result: Any) -> dict[str, Any]:
            return {"rows": len(result)}

        for backend, graph in (("memory", memory_graph), ("oxigraph", oxigraph_graph)):
            run_in_process(
                results,
                f"query-{backend}:{name}",
                size,
                # no timeout of query()'s own: the stage limit (settings.LIMIT_SECONDS) applies
                lambda graph=graph, params=params, name=name: query(
                    name, graph, timeout=None, **params
                ),
                repetitions=repetitions,
                info=rows,
            )
        bindings = {
            Variable(p.name): _bind(p, params[p.name]) for p in named.parameters
        }  # the runner's own binding, so both time the same query

        def engine(text: str = named.text, init: dict[Any, Any] = bindings) -> list[Any]:
            return list(oxigraph_graph.query(text, initNs=PREFIXES, initBindings=init))

        run_in_process(
            results, f"engine-oxigraph:{name}", size, engine, repetitions=repetitions, info=rows
        )

    from integrationskonzept.model import KnowledgeBase

    def build_model() -> int:
        kb = KnowledgeBase(graph=oxigraph_graph)
        return len(list(kb)) + len(kb.responsibilities)

    run_in_process(
        results,
        "model",
        size,
        build_model,
        repetitions=repetitions,
        info=lambda n: {"objects": n},
    )

    missing = _available("integrationskonzept.analyse", "analyse")
    if missing:
        results.put("analyse", size, Measurement(status="unavailable", reason=missing))
    else:
        from integrationskonzept.analyse import analyse

        run_in_process(
            results, "analyse", size, lambda: analyse(oxigraph_graph), repetitions=repetitions
        )

    from integrationskonzept.publish.files.export import serialize

    for fmt in EXPORT_FORMATS:
        run_in_process(
            results,
            f"export-{fmt}",
            size,
            lambda fmt=fmt: serialize(oxigraph_graph, fmt),  # type: ignore[arg-type]
            repetitions=repetitions,
            info=lambda text: {"characters": len(text)},
        )
