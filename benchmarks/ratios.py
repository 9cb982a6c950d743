"""Side-by-side ratios of one run, written into the result file.

Oxigraph vs memory (every named query, through ``query()`` and the engine alone), load on
both backends, validate vs parse, docs vs the bare theme, and t(larger)/t(smaller) of every
stage between neighbouring sizes. Both sides come from the same run; where a side was
skipped for its predicted time, the prediction stands in (marked ``estimated``).
"""

from __future__ import annotations

import itertools
from typing import Any

from measure import Results


def _ratio(
    name: str,
    numerator: tuple[str, int],
    denominator: tuple[str, int],
    results: Results,
    **extra: Any,
) -> dict[str, Any]:
    top = results.get(*numerator)
    bottom = results.get(*denominator)
    entry: dict[str, Any] = {
        "name": name,
        "numerator": f"{numerator[0]} @ {numerator[1]}",
        "denominator": f"{denominator[0]} @ {denominator[1]}",
        **extra,
    }
    t_top = top.median if top else None
    t_bottom = bottom.median if bottom else None
    codes = [m.info.get("exit_code") for m in (top, bottom) if m is not None]
    if len(codes) == 2 and codes[0] != codes[1]:
        entry["value"] = None
        entry["reason"] = (
            f"not comparable: exit codes {codes[0]} and {codes[1]} (a strict docs build that "
            "fails stops before its second language)"
        )
        return entry
    if t_top is None and top is not None and top.predicted_seconds is not None:
        t_top, entry["estimated"] = top.predicted_seconds, "numerator predicted (skipped)"
    if t_bottom is None and bottom is not None and bottom.predicted_seconds is not None:
        t_bottom, entry["estimated"] = bottom.predicted_seconds, "denominator predicted (skipped)"
    if t_top is None or t_bottom is None or t_bottom <= 0:
        entry["value"] = None
        entry["reason"] = "not measured: " + "; ".join(
            f"{label} {m.status if m else 'missing'}" + (f" ({m.reason})" if m and m.reason else "")
            for label, m, t in (("numerator", top, t_top), ("denominator", bottom, t_bottom))
            if t is None
        )
    else:
        entry["value"] = round(t_top / t_bottom, 3)
    return entry


# (title, numerator stage, denominator stage, kind): the fixed comparisons at every size
SIDE_BY_SIDE: list[tuple[str, str, str, str]] = [
    ("load Oxigraph / load memory", "load-oxigraph", "load-memory", "load-backends"),
    ("validate / parse the same graph", "validate", "load-memory", "validate-vs-parse"),
    (
        "validate (Oxigraph graph) / parse the same graph",
        "validate-oxigraph",
        "load-memory",
        "validate-vs-parse",
    ),
    ("docs build / bare alabaster build", "docs-clean", "docs-clean-alabaster", "docs-vs-bare"),
]


def compute_ratios(results: Results, sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    """Every side-by-side comparison of the run."""
    ratios: list[dict[str, Any]] = []
    queries = sorted(
        s[len("query-memory:") :] for s in results.stages if s.startswith("query-memory:")
    )
    for size in sizes:
        pairs = [
            (f"memory / Oxigraph{engine}: {name}", f"query-memory:{name}", f"{side}:{name}", kind)
            for name in queries
            for engine, side, kind in (
                ("", "query-oxigraph", "memory-vs-oxigraph"),
                (" engine", "engine-oxigraph", "memory-vs-oxigraph-engine"),
            )
        ]
        pairs += SIDE_BY_SIDE
        for title, numerator, denominator, kind in pairs:
            ratios.append(
                _ratio(title, (numerator, size), (denominator, size), results, kind=kind, size=size)
            )
    for small, large in itertools.pairwise(sizes):
        for stage in results.stages:
            ratios.append(
                _ratio(
                    f"t({large})/t({small}): {stage}",
                    (stage, large),
                    (stage, small),
                    results,
                    kind="scaling",
                    stage=stage,
                    sizes=[small, large],
                    linear=large / small,
                )
            )
    return ratios
