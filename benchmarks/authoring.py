"""Time `sheets export` and `sheets import` of Leverkusen beside loading the same data.

Run: ``.venv/bin/python benchmarks/authoring.py`` (prints seconds per step, best of 3).
The issue's bar: export and import each take at most 3 s on the project's machine.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from integrationskonzept.authoring import export_city, import_city
from integrationskonzept.load import load


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The shortest wall-clock time of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    workbook = folder / "leverkusen.xlsx"
    results = {
        "load (memory, with ontology)": best_of(3, lambda: load()),
        "sheets export (xlsx)": best_of(3, lambda: export_city(None, workbook)),
        "sheets import (read, validate, write)": best_of(
            3, lambda: import_city(workbook, folder / "out")
        ),
        "sheets export (csv)": best_of(3, lambda: export_city(None, folder / "csv", fmt="csv")),
    }
    for name, seconds in results.items():
        print(f"{name:40s} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
