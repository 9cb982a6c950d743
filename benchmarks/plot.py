"""The plot of the benchmark page: cost against size, log-log, one line per main stage.

Labels in the page's language; the PNG carries no software or date metadata, so it is a
deterministic function of the result file.
"""

from __future__ import annotations

import math
from pathlib import Path

from markup import Doc
from texts import pick, t

PLOTTED: tuple[tuple[str, tuple[str, str]], ...] = (
    ("load-memory", ("Laden (Speicher)", "load (memory)")),
    ("load-oxigraph", ("Laden (Oxigraph)", "load (Oxigraph)")),
    ("validate-oxigraph", ("Prüfen (Oxigraph)", "validate (Oxigraph)")),
    ("queries-memory", ("alle Abfragen (Speicher)", "all queries (memory)")),
    ("queries-oxigraph", ("alle Abfragen (Oxigraph)", "all queries (Oxigraph)")),
    ("analyse", ("Analyse", "analyse")),
    ("export-turtle", ("Export Turtle", "export Turtle")),
    ("pipeline", ("Laden+Prüfen+Analyse (Prozess)", "load+validate+analyse (process)")),
    ("docs-clean", ("Website (beide Sprachen)", "site (both languages)")),
)


def series(doc: Doc, key: str) -> list[tuple[int, float, float, float]]:
    """(size, median, min, max) of a stage, or of the sum over all queries of one backend."""
    stages = doc["stages"]
    points = []
    for size in doc["sizes"]:
        if key.startswith("queries-"):
            prefix = "query-" + key.split("-", 1)[1] + ":"
            entries = [
                s["sizes"].get(str(size), {}) for n, s in stages.items() if n.startswith(prefix)
            ]
            if entries and all(e.get("status") == "ok" for e in entries):
                total = sum(e["median"] for e in entries)
                points.append(
                    (size, total, sum(e["min"] for e in entries), sum(e["max"] for e in entries))
                )
            continue
        entry = stages.get(key, {}).get("sizes", {}).get(str(size), {})
        if entry.get("status") == "ok":
            points.append((size, entry["median"], entry["min"], entry["max"]))
    return points


def plot(doc: Doc, target: Path, lang: str) -> None:
    """Cost against size, log-log, one line per main stage; dotted: linear growth."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 5.5), dpi=100)
    markers = "osD^v<>ph*"
    lowest = math.inf
    for i, (key, labels) in enumerate(PLOTTED):
        points = series(doc, key)
        if not points:
            continue
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        errors = [[p[1] - p[2] for p in points], [p[3] - p[1] for p in points]]
        lowest = min(lowest, *ys)
        ax.errorbar(
            xs, ys, yerr=errors, marker=markers[i % len(markers)], capsize=3,
            label=pick(lang, labels), linewidth=1.4, markersize=5,
        )  # fmt: skip
    sizes = doc["sizes"]
    if math.isfinite(lowest) and len(sizes) > 1:
        ax.plot(
            [sizes[0], sizes[-1]],
            [lowest, lowest * sizes[-1] / sizes[0]],
            linestyle=":",
            color="grey",
            label=t(lang, "plot_linear"),
        )
    ax.axhline(120, color="firebrick", linewidth=0.8, linestyle="--")
    ax.text(sizes[0], 120 * 1.12, t(lang, "plot_limit"), color="firebrick", fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(sizes)
    ax.set_xticklabels([str(s) for s in sizes])
    ax.minorticks_off()
    ax.set_xlabel(t(lang, "plot_x"))
    ax.set_ylabel(t(lang, "plot_y"))
    ax.set_title(t(lang, "plot_title"))
    ax.grid(True, which="major", linewidth=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    fig.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.stem + ".tmp.png")
    fig.savefig(tmp, format="png", metadata={"Software": None})
    plt.close(fig)
    tmp.replace(target)
