"""``integrationskonzept stats`` and ``validate``, and ``pipeline.py``, as whole processes.

Each is timed from start to exit by :func:`measure.run_whole_process`, a fresh process per run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from measure import Measurement, Results, run_whole_process
from settings import HERE
from stages import _available, _cli, _cli_help


def bench_processes(results: Results, size: int, data: Path, repetitions: int) -> None:
    """``integrationskonzept stats`` and ``validate`` as whole processes."""
    run_whole_process(
        results,
        "cli-stats",
        size,
        [*_cli(), "stats", "--data", str(data)],
        repetitions=repetitions,
    )
    if _cli_help("validate") is None:
        results.put(
            "cli-validate",
            size,
            Measurement(status="unavailable", reason="stage not available: no validate command"),
        )
        return
    # Exit code 1 (the data has violations) is a complete run, not a failure to measure.
    run_whole_process(
        results,
        "cli-validate",
        size,
        [*_cli(), "validate", "--data", str(data)],
        repetitions=repetitions,
        ok_codes=(0, 1),
    )


def _pipeline_info(stdout: str) -> dict[str, Any]:
    """The step times and counts that ``pipeline.py`` printed as its last line."""
    lines = stdout.strip().splitlines()
    try:
        found = json.loads(lines[-1]) if lines else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def bench_pipeline(results: Results, size: int, data: Path, repetitions: int) -> None:
    """Load + validate + analyse in one fresh process: the scale target's time and memory."""
    missing = _available("integrationskonzept.analyse", "analyse") or _available(
        "integrationskonzept.validation", "validate"
    )
    if missing:
        results.put("pipeline", size, Measurement(status="unavailable", reason=missing))
        return
    run_whole_process(
        results,
        "pipeline",
        size,
        [sys.executable, str(HERE / "pipeline.py"), str(data)],
        repetitions=repetitions,
        info=_pipeline_info,
    )
