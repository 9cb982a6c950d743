"""Benchmark every stage of integrationskonzept on 1, 10 and 100 synthetic cities.

``make bench`` runs the full benchmark and writes ``benchmarks/results/latest.json``;
``make bench-quick`` (CI: ``run.py --quick``) runs 1 and 2 cities once each, without the
docs builds, writes ``benchmarks/results/quick.json`` and exits with 1 only if a stage
crashed (never because of a time). ``benchmarks/report.py`` renders a result file as the
docs page ``pages/<lang>/benchmarks.md`` of the packaged Sphinx project and its plot.

Usage::

    python benchmarks/run.py [--quick] [--output FILE] [--sizes 1,10,100]
                             [--repetitions N] [--no-docs] [--work FOLDER] [--limit SECONDS]

This script generates the cities of each size, runs every stage at that size (the builds
last), and writes the result file with the machine, the ratios, the targets and the checks.
The parts live beside it (``benchmarks/`` is not a package; the modules import each other
by name):

* ``settings.py``: paths, sizes and limits (``--work`` and ``--limit`` rebind two of them);
* ``generate.py``: the synthetic cities;
* ``stages.py``: every stage, in report order, and what is measured;
* ``measure.py``: how a stage is timed, its peak memory read, skipped or abandoned;
* ``inprocess.py``, ``processes.py``, ``builds.py``: the stages in-process, as whole
  processes (``pipeline.py`` is the scale target's), and the builds and docs builds;
* ``ratios.py``, ``targets.py``: the ratios (Oxigraph vs memory, validate vs parse, docs vs
  bare theme, t(100)/t(10)) and the targets, computed from the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.metadata
import json
import os
import platform
import re
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# benchmarks/ is not a package: the siblings are imported by name.
import generate  # noqa: E402
import settings  # noqa: E402
from builds import bench_build, bench_docs  # noqa: E402
from inprocess import bench_in_process  # noqa: E402
from measure import RESET_PEAK, Measurement, Results  # noqa: E402
from processes import bench_pipeline, bench_processes  # noqa: E402
from ratios import compute_ratios  # noqa: E402
from settings import (  # noqa: E402
    DOCS_SIZES,
    FULL_SIZES,
    ONE_CITY_ONLY,
    ONE_RUN_ABOVE_SECONDS,
    QUICK_SIZES,
    RESULTS,
)
from stages import stage_list  # noqa: E402
from targets import evaluate_targets  # noqa: E402


def machine_info() -> dict[str, Any]:
    """CPU, memory, Python and library versions, and the date of the run."""
    cpu_model = None
    try:
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu_model = found.group(1).strip() if found else None
    except OSError:
        pass
    memory_gib = None
    try:
        found = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        memory_gib = round(int(found.group(1)) / 2**20, 1) if found else None
    except OSError:
        pass
    versions = {}
    for package in (
        "integrationskonzept", "rdflib", "pyoxigraph", "oxrdflib", "pyshacl", "networkx",
        "sphinx", "furo", "myst-parser", "matplotlib",
    ):  # fmt: skip
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "date": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "cpu_count": os.cpu_count(),
        "cpu_usable": usable,
        "cpu_model": cpu_model,
        "memory_gib": memory_gib,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "versions": versions,
        "memory_method": "VmHWM" if RESET_PEAK else "tracemalloc",
    }


def run(
    sizes: tuple[int, ...],
    repetitions: int,
    *,
    docs: bool,
    mode: str,
    output: Path,
) -> dict[str, Any]:
    """Run the benchmark and write the result file; return its content."""
    started = time.perf_counter()
    stages = stage_list()
    results = Results(stages)
    for size in sizes:
        data = settings.WORK / f"cities-{size:03d}"
        generate.generate(data, size)
        bench_in_process(results, size, data, repetitions)
        gc.collect()
        bench_processes(results, size, data, repetitions)
        bench_pipeline(results, size, data, repetitions)
    # The builds last: they are the longest whole-process runs.
    for size in sizes:
        data = settings.WORK / f"cities-{size:03d}"
        if docs and size == 1:
            bench_build(results, size, data, repetitions)
        if docs and size in DOCS_SIZES:
            bench_docs(results, size, data, repetitions)
    for stage in stages:
        for size in sizes:
            if size in results.data[stage.name]:
                continue
            if not docs:
                reason = "no docs builds in this mode (quick mode or --no-docs)"
            elif stage.name in ONE_CITY_ONLY:
                reason = "run for one city only (the Leverkusen targets), to keep the run short"
            else:
                shown = " and ".join(str(n) for n in DOCS_SIZES)
                reason = f"the docs are built at {shown} cities only"
            results.data[stage.name][size] = Measurement(status="skipped", reason=reason)
    ratios = compute_ratios(results, sizes)
    document = {
        "schema": 1,
        "mode": mode,
        "sizes": list(sizes),
        "repetitions": repetitions,
        "limit_seconds": settings.LIMIT_SECONDS,
        "one_run_above_seconds": ONE_RUN_ABOVE_SECONDS,
        "machine": machine_info(),
        "city": {
            "template": (
                "Leverkusen (data only), IRIs moved to "
                "https://w3id.org/integrationskonzept/stadt-NNN/, labels suffixed (Stadt NNN)"
            ),
            "triples_per_city": _triples_per_city(results, sizes),
        },
        "stages": {
            stage.name: {
                "group": stage.group,
                "kind": stage.kind,
                "description": stage.description,
                "sizes": {str(size): results.data[stage.name][size].to_json() for size in sizes},
            }
            for stage in stages
        },
        "ratios": ratios,
        "targets": evaluate_targets(results, ratios, sizes),
        "checks": checks(results, sizes),
        "errors": [
            f"{stage.name} @ {size}: {results.data[stage.name][size].reason}"
            for stage in stages
            for size in sizes
            if results.data[stage.name][size].status == "error"
        ],
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(output)
    return document


def checks(results: Results, sizes: tuple[int, ...]) -> dict[str, Any]:
    """Facts of the run that are not timings: the synthetic cities are valid, and so on."""
    violations = {
        str(size): found.info.get("violations")
        for size in sizes
        if (found := results.get("validate", size)) is not None and found.status == "ok"
    }
    return {
        "violations_by_size": violations,
        "cities_valid": bool(violations) and all(v == 0 for v in violations.values()),
    }


def _triples_per_city(results: Results, sizes: tuple[int, ...]) -> int | None:
    found = results.get("load-memory", sizes[0])
    if found is None or "triples" not in found.info:
        return None
    return int(found.info["triples"])


def main(argv: list[str] | None = None) -> int:
    """Command line: ``run.py [--quick] [--output FILE] [--sizes 1,10,100] [--repetitions N]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 and 2 cities, 1 run, no docs")
    parser.add_argument("--output", type=Path, help="result file (default: results/*.json)")
    parser.add_argument("--sizes", help="comma-separated numbers of cities (overrides the mode)")
    parser.add_argument("--repetitions", type=int, help="runs per stage (overrides the mode)")
    parser.add_argument("--no-docs", action="store_true", help="skip the docs builds")
    parser.add_argument("--work", type=Path, help="folder for the generated cities")
    parser.add_argument(
        "--limit",
        type=float,
        help=f"seconds one run may take (default {settings.LIMIT_SECONDS:.0f})",
    )
    args = parser.parse_args(argv)
    if args.work is not None:
        settings.WORK = args.work.resolve()
    if args.limit is not None:
        settings.LIMIT_SECONDS = args.limit
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    if args.sizes:
        sizes = tuple(int(s) for s in args.sizes.split(","))
    repetitions = args.repetitions or (1 if args.quick else 3)
    output = args.output or RESULTS / ("quick.json" if args.quick else "latest.json")
    document = run(
        tuple(sorted(sizes)),
        repetitions,
        docs=not (args.quick or args.no_docs),
        mode="quick" if args.quick else "full",
        output=output,
    )
    print(f"wrote {output} in {document['total_seconds']} s", file=sys.stderr)
    if document["errors"]:
        print("stages that crashed:", *document["errors"], sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
