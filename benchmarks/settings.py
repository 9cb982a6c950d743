"""Paths, sizes and limits shared by the benchmark modules.

``run.main()`` rebinds :data:`WORK` (``--work``) and :data:`LIMIT_SECONDS` (``--limit``), so
every module reads those two as ``settings.WORK`` and ``settings.LIMIT_SECONDS`` when it
needs them, never through ``from settings import …``; the other names are constants.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
WORK = HERE / ".work"
ROOT = HERE.parent
LIMIT_SECONDS = 120.0
"""Skip (or abandon) a stage at a size when one run would take longer than this."""
LONG_LIMIT_SECONDS = 900.0
"""The limit of the docs builds and of the whole pipeline, which are targets in themselves."""
ONE_RUN_ABOVE_SECONDS = 60.0
"""A stage whose first run takes longer than this is run only once at that size."""
FAST_RUN_SECONDS = 0.05
"""A stage this fast gets ``FAST_RUNS`` runs, so that its median is stable."""
FAST_RUNS = 15
FULL_SIZES = (1, 10, 100)
QUICK_SIZES = (1, 2)
DOCS_SIZES = (1, 10)
"""The clean docs builds (project theme and alabaster) run at these sizes only."""
ONE_CITY_ONLY = ("docs-clean-j2", "docs-incremental", "cli-build", "cli-build-incremental")
"""Stages run for one city only (the Leverkusen targets), to keep ``make bench`` short."""
