"""The benchmarks page's section on build speed, from ``results/build-speed.json``.

Each figure stands beside the baseline measured in the same run (the build of the revision
before the pipeline redesign, and the same docs build with the bare theme alabaster).
"""

from __future__ import annotations

from typing import Any

from markup import code, factor, md, seconds, table

# the measured builds, in the order of the table: (result key, German, English)
ROWS = (
    ("build-clean", "`build` von Grund auf", "`build` from scratch"),
    ("baseline-build-clean", "dasselbe, Ausgangsstand", "the same, baseline revision"),
    (
        "build-incremental",
        "`build` nach Änderung einer Maßnahme",
        "`build` after editing one measure",
    ),
    ("baseline-build-incremental", "dasselbe, Ausgangsstand", "the same, baseline revision"),
    ("docs-clean", "`docs` von Grund auf (furo)", "`docs` from scratch (furo)"),
    ("docs-clean-bare", "dieselben Seiten mit alabaster", "the same pages with alabaster"),
)
# target key → (German, English, unit)
TARGETS = {
    "build-clean": ("`build` von Grund auf ≤ 30 s", "`build` from scratch ≤ 30 s", "s"),
    "build-clean-ratio": (
        "`build` von Grund auf ≤ 0,6x des Ausgangsstands",
        "`build` from scratch ≤ 0.6x the baseline",
        "x",
    ),
    "build-incremental": (
        "`build` nach einer Änderung ≤ 4 s",
        "`build` after one edit ≤ 4 s",
        "s",
    ),
    "docs-ratio": (
        "`docs` ≤ 1,1x derselben Seiten mit alabaster",
        "`docs` ≤ 1.1x the same pages with alabaster",
        "x",
    ),
}
WORDS = {
    "de": {
        "title": "Bauzeit der Pipeline",
        "intro": (
            "Gemessen mit `benchmarks/build_speed.py` auf den Daten von Leverkusen, {runs} Läufe "
            "je Messung (Median, [Min–Max]), am {date}; Ausgangsstand ist die Revision {rev}, "
            "im selben Lauf gemessen."
        ),
        "build": "Bau", "time": "Zeit", "target": "Ziel", "value": "Wert", "met": "erfüllt",
        "missed": "verfehlt", "verdict": "Ergebnis",
    },
    "en": {
        "title": "Build time of the pipeline",
        "intro": (
            "Measured with `benchmarks/build_speed.py` on Leverkusen's data, {runs} runs per "
            "figure (median, [min–max]), on {date}; the baseline is revision {rev}, measured in "
            "the same run."
        ),
        "build": "Build", "time": "Time", "target": "Target", "value": "Value", "met": "met",
        "missed": "missed", "verdict": "Verdict",
    },
}  # fmt: skip


def _span(entry: dict[str, Any], lang: str) -> str:
    low, high = seconds(entry["min_s"], lang), seconds(entry["max_s"], lang)
    return md(f"{seconds(entry['median_s'], lang)} [{low}–{high}]")


def speed_section(speed: dict[str, Any] | None, lang: str) -> list[str]:
    """The section, or nothing if no build-speed result is committed."""
    if speed is None:
        return []
    words = WORDS[lang]
    german = lang == "de"
    intro = words["intro"].format(
        runs=md(speed["runs"]), date=md(speed["machine"]["date"][:10]), rev=code(speed["baseline"])
    )
    lines = [f"## {words['title']}", "", intro, ""]
    results = speed["results"]
    rows = [[de if german else en, _span(results[key], lang)] for key, de, en in ROWS]
    lines += table([words["build"], words["time"]], rows)
    target_rows = []
    for key, (de, en, unit) in TARGETS.items():
        found = speed["targets"][key]
        shown = seconds(found["value"], lang) if unit == "s" else factor(found["value"], lang)
        verdict = words["met"] if found["met"] else f"**{words['missed']}**"
        target_rows.append([de if german else en, md(shown), verdict])
    lines += table([words["target"], words["value"], words["verdict"]], target_rows)
    return lines
