"""One process that loads, validates and analyses a folder of cities, as a user would.

``python benchmarks/pipeline.py DATA`` runs ``load(DATA, backend="oxigraph")``, ``validate``
and ``analyse`` on that graph, and prints the seconds of each step (and the number of
violations) as one JSON object. ``benchmarks/run.py`` times the whole process from start to
exit and reads its peak resident memory, which is what the scale target (100 cities: load +
validate + analyse in ≤ 120 s and ≤ 4 GiB) is about; the imports are part of the time.
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str] | None = None) -> int:
    """Command line: ``pipeline.py DATA``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: pipeline.py DATA", file=sys.stderr)
        return 2
    data = args[0]
    steps: dict[str, float] = {}
    started = time.perf_counter()
    from integrationskonzept.analyse import analyse
    from integrationskonzept.load import load
    from integrationskonzept.validation import validate

    steps["import"] = time.perf_counter() - started
    mark = time.perf_counter()
    graph = load(data, backend="oxigraph")
    steps["load"] = time.perf_counter() - mark
    mark = time.perf_counter()
    report = validate(graph)
    steps["validate"] = time.perf_counter() - mark
    mark = time.perf_counter()
    analyse(graph)
    steps["analyse"] = time.perf_counter() - mark
    summary = {
        "steps": {name: round(value, 3) for name, value in steps.items()},
        "triples": len(graph),
        "violations": report.counts["violation"],
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
