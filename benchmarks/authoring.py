"""Time `sheets export` and `sheets import` of Leverkusen beside loading the same data.

Usage::

    python benchmarks/authoring.py [--runs 5] [--output results/authoring.json]

The steps are interleaved (run 1 of every step, then run 2 …), so that a busy moment of the
machine falls on all of them; each figure is the median with min and max. Loading the same
data (memory store, ontology included) is the baseline of the same run. The issue's bar:
export and import each take at most 3 s on the project's machine. The result goes to
``benchmarks/results/authoring.json``; ``report.py`` shows it on the benchmarks page.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from machine import describe, load_average

from integrationskonzept.authoring import export_city, import_city
from integrationskonzept.load import load

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "authoring.json"
LIMIT_S = 3.0
# the targets: step → limit in seconds
TARGETS = {"export-xlsx": LIMIT_S, "import-xlsx": LIMIT_S}


def steps(folder: Path) -> dict[str, Callable[[], object]]:
    """The measured steps; the import reads the workbook the first export wrote."""
    workbook = folder / "leverkusen.xlsx"
    return {
        "load": lambda: load(),
        "export-xlsx": lambda: export_city(None, workbook),
        "import-xlsx": lambda: import_city(workbook, folder / "out"),
        "export-csv": lambda: export_city(None, folder / "csv", fmt="csv"),
    }


def measure(runs: int) -> dict[str, dict[str, float]]:
    """Median, min and max seconds of every step over ``runs`` interleaved runs."""
    with tempfile.TemporaryDirectory(prefix="ik-authoring-") as work:
        work_steps = steps(Path(work))
        times: dict[str, list[float]] = {name: [] for name in work_steps}
        for _ in range(runs):
            for name, step in work_steps.items():
                start = time.perf_counter()
                step()
                times[name].append(time.perf_counter() - start)
    return {
        name: {
            "median_s": round(statistics.median(seconds), 3),
            "min_s": round(min(seconds), 3),
            "max_s": round(max(seconds), 3),
        }
        for name, seconds in times.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    at_start = load_average()
    results = measure(args.runs)
    doc = {
        "machine": describe(at_start),
        "runs": args.runs,
        "results": results,
        "targets": {
            name: {"limit_s": limit, "value": results[name]["median_s"]}
            | {"met": results[name]["median_s"] <= limit}
            for name, limit in TARGETS.items()
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    print(json.dumps(doc["results"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
