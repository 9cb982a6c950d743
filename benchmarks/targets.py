"""The targets of the issue, evaluated from one run: met, missed (by a factor) or not measured.

The Leverkusen targets are taken at one city, the scale targets at the largest size; each
entry keeps its facts as data, for the report's two languages.
"""

from __future__ import annotations

from typing import Any

from measure import Results
from settings import DOCS_SIZES


def _target(
    ident: str,
    description: str,
    measured: float | None,
    limit: float,
    unit: str,
    *,
    higher_is_better: bool = False,
    reason: str | None = None,
    detail: str | None = None,
    facts: dict[str, Any] | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": ident,
        "description": description,
        "target": limit,
        "unit": unit,
        "comparison": ">=" if higher_is_better else "<=",
        "measured": None if measured is None else round(measured, 6),
    }
    if detail:
        entry["detail"] = detail
    if facts:
        entry["facts"] = facts  # the detail as data, for the report's two languages
    if measured is None:
        entry["met"] = None
        entry["reason"] = reason or "not measured"
        return entry
    met = measured >= limit if higher_is_better else measured <= limit
    entry["met"] = met
    # "by how much": the measured value as a factor of the target (>1 = worse when missed).
    entry["factor"] = round(limit / measured if higher_is_better else measured / limit, 3)
    return entry


def _why_missing(results: Results, stage: str, size: int) -> str:
    found = results.get(stage, size)
    if found is None:
        return f"{stage} @ {size}: not run"
    return f"{stage} @ {size}: {found.status}" + (f" ({found.reason})" if found.reason else "")


def evaluate_targets(
    results: Results, ratios: list[dict[str, Any]], sizes: tuple[int, ...]
) -> list[dict[str, Any]]:
    """The targets of the issue, each met, missed (by a factor) or not measured, and why not.

    The Leverkusen targets are taken at the smallest size (one city, the bundled data's
    shape), the scale targets at the largest size (and the one before it).
    """
    targets: list[dict[str, Any]] = []
    one, largest = sizes[0], sizes[-1]
    middle = sizes[-2] if len(sizes) > 1 else sizes[0]
    m = results.median
    city = f"{one} {'city' if one == 1 else 'cities'}"
    for ident, stage, description, limit in (
        ("build-clean", "cli-build", f"`integrationskonzept build` from scratch, {city}", 40.0),
        (
            "build-incremental",
            "cli-build-incremental",
            f"`integrationskonzept build` after changing one Turtle file, {city}",
            5.0,
        ),
    ):
        docs_alone = m("docs-clean" if stage == "cli-build" else "docs-incremental", one)
        targets.append(
            _target(
                ident, description, m(stage, one), limit, "s",
                reason=_why_missing(results, stage, one),
                detail=f"of which the docs alone: {docs_alone:.1f} s" if docs_alone else None,
                facts={"size": one, "docs_seconds": docs_alone},
            )
        )  # fmt: skip
    on_oxigraph = m("validate-oxigraph", one)
    targets.append(
        _target(
            "validate",
            f"validate in-process (memory graph), {city}",
            m("validate", one),
            0.5,
            "s",
            reason=_why_missing(results, "validate", one),
            detail=f"on an Oxigraph graph: {on_oxigraph:.3f} s" if on_oxigraph else None,
            facts={"size": one, "oxigraph_seconds": on_oxigraph},
        )
    )
    timed = {
        s.split(":", 1)[1]: m(s, one) for s in results.stages if s.startswith("query-oxigraph:")
    }
    measured = [t for t in timed.values() if t is not None]
    slowest = max(timed, key=lambda q: timed[q] or 0.0) if measured else None
    engine = [m(f"engine-oxigraph:{q}", one) for q in timed]
    engine_known = [t for t in engine if t is not None]
    detail = f"slowest: {slowest}" if slowest else ""
    if engine_known:
        detail += f"; Oxigraph's engine alone: at most {max(engine_known) * 1000:.2f} ms"
    targets.append(
        _target(
            "query-oxigraph-5ms",
            f"every named query through query() on the Oxigraph backend, {city} (slowest)",
            max(measured) if measured and len(measured) == len(timed) else None,
            0.005,
            "s",
            detail=detail or None,
            reason="not every query measured",
            facts={
                "size": one,
                "slowest": slowest,
                "engine_max_seconds": max(engine_known) if engine_known else None,
            },
        )
    )
    targets.append(
        _target(
            "cli-stats",
            f"cold `integrationskonzept stats`, {city}",
            m("cli-stats", one),
            1.5,
            "s",
            reason=_why_missing(results, "cli-stats", one),
            facts={"size": one},
        )
    )
    bare = {r["size"]: r for r in ratios if r["kind"] == "docs-vs-bare"}
    others = [
        f"{r['value']:.2f}x at {n} cities"
        for n, r in sorted(bare.items())
        if n != one and r["value"] is not None
    ]
    targets.append(
        _target(
            "docs-vs-bare",
            f"docs build / bare alabaster build of the same pages, {city}",
            bare[one]["value"] if one in bare else None,
            1.3,
            "x",
            reason=(bare.get(one) or {}).get("reason"),
            detail="; ".join(others) or None,
            facts={
                "size": one,
                "by_size": {str(n): r["value"] for n, r in sorted(bare.items())},
            },
        )
    )
    docs_sizes = [s for s in DOCS_SIZES if s in sizes]
    if len(docs_sizes) == 2:
        a, b = docs_sizes
        top, bottom = m("docs-clean", b), m("docs-clean", a)
        targets.append(
            _target(
                "docs-scaling",
                f"t(docs, {b} cities' pages) / t(docs, {a} city's pages)",
                top / bottom if top and bottom else None,
                12.0,
                "x",
                reason=_why_missing(results, "docs-clean", b),
                facts={"sizes": [a, b], "linear": b / a},
            )
        )
    pipeline = results.get("pipeline", largest)
    steps = (pipeline.info.get("steps") if pipeline else None) or {}
    shown = ", ".join(f"{k} {v:.1f} s" for k, v in steps.items())
    targets.append(
        _target(
            "large-time",
            f"load + validate + analyse in one process, {largest} cities",
            m("pipeline", largest),
            120.0,
            "s",
            reason=_why_missing(results, "pipeline", largest),
            detail=shown or None,
            facts={"size": largest, "steps": steps},
        )
    )
    peak = pipeline.peak_rss_mib if pipeline and pipeline.status == "ok" else None
    targets.append(
        _target(
            "large-memory",
            f"peak resident memory of that process, {largest} cities",
            peak / 1024 if peak else None,
            4.0,
            "GiB",
            reason=_why_missing(results, "pipeline", largest),
            facts={"size": largest},
        )
    )
    scaling = [r for r in ratios if r["kind"] == "scaling" and r["sizes"] == [middle, largest]]
    measured_scaling = [r for r in scaling if r["value"] is not None and "estimated" not in r]
    worst = max(measured_scaling, key=lambda r: r["value"], default=None)
    missed = [r["stage"] for r in measured_scaling if r["value"] > 12.0]
    targets.append(
        _target(
            "scaling",
            f"t({largest})/t({middle}) of every stage (worst of {len(measured_scaling)} measured)",
            worst["value"] if worst else None,
            12.0,
            "x",
            detail=(f"worst: {worst['stage']}" if worst else "")
            + (f"; above 12: {', '.join(missed)}" if missed else ""),
            reason="no stage measured at both sizes",
            facts={
                "sizes": [middle, largest],
                "worst": worst["stage"] if worst else None,
                "above": missed,
                "measured_stages": len(measured_scaling),
            },
        )
    )
    speedups = [r for r in ratios if r["kind"] == "memory-vs-oxigraph" and r["size"] == largest]
    known = [r for r in speedups if r["value"] is not None]
    least = min(known, key=lambda r: r["value"], default=None)
    estimated = sum("estimated" in r for r in known)
    targets.append(
        _target(
            "oxigraph-speedup",
            f"named queries on Oxigraph vs memory through query(), {largest} cities "
            "(least speed-up)",
            least["value"] if least else None,
            20.0,
            "x",
            higher_is_better=True,
            detail=(f"least: {least['name'].split(': ', 1)[1]}" if least else "")
            + (f"; {estimated} from predicted memory times" if estimated else ""),
            reason="not measured",
            facts={
                "size": largest,
                "least": least["name"].split(": ", 1)[1] if least else None,
                "estimated": estimated,
                "queries": len(known),
            },
        )
    )
    return targets
