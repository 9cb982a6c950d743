"""The benchmarks page's section on build speed, from ``results/build-speed.json``.

Each figure stands beside the baseline measured in the same run (the build of the revision
before the pipeline redesign, and the same docs build with the bare theme alabaster).
"""

from __future__ import annotations

from typing import Any

from markup import code, factor, md, num, seconds, table

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
        "busy": "Systemlast zu Beginn {start}, am Ende {end}.",
        "where": (
            "Wohin die Zeit von `build` nach einer Änderung geht (Median je Stufe, wie `build` "
            "sie meldet; der Rest ist Programmstart und Ausgabe):"
        ),
        "stage": "Stufe", "rest": "Rest",
        "clean_why": (
            "Von `build` von Grund auf ({total}) entfallen {docs} auf die Stufe `docs`, die Site "
            "in beiden Sprachen; der Befehl `docs` baut dieselben Seiten mit furo in {furo}, mit "
            "dem schlichten Theme alabaster in {bare}: die Zeit liegt bei Sphinx selbst (Lesen "
            "und Schreiben jeder Seite), nicht beim Theme und nicht bei den Stufen davor."
        ),
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
        "busy": "Load average at the start {start}, at the end {end}.",
        "where": (
            "Where the time of `build` after one edit goes (median per stage, as `build` "
            "reports it; the rest is start-up and output):"
        ),
        "stage": "Stage", "rest": "rest",
        "clean_why": (
            "Of `build` from scratch ({total}), {docs} is the stage `docs`, the site in both "
            "languages; the command `docs` builds the same pages with furo in {furo} and with "
            "the bare theme alabaster in {bare}: the time is Sphinx's own (reading and writing "
            "every page), not the theme's nor that of the stages before it."
        ),
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
    machine = speed["machine"]
    if "load_average_at_start" in machine:
        start, end = (
            md(" / ".join(num(x, lang) for x in machine[key]))
            for key in ("load_average_at_start", "load_average_at_end")
        )
        intro += " " + words["busy"].format(start=start, end=end)
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
    lines += _clean_why(speed, lang)
    lines += _breakdown(results["build-incremental"], lang)
    return lines


def _clean_why(speed: dict[str, Any], lang: str) -> list[str]:
    """Where a missed clean-build target's time goes: the docs stage against the bare theme."""
    clean = speed["results"]["build-clean"]
    docs = clean.get("stages_median_s", {}).get("docs")
    if docs is None or speed["targets"]["build-clean"]["met"]:
        return []
    text = WORDS[lang]["clean_why"].format(
        total=md(seconds(clean["median_s"], lang)),
        docs=md(seconds(docs, lang)),
        furo=md(seconds(speed["results"]["docs-clean"]["median_s"], lang)),
        bare=md(seconds(speed["results"]["docs-clean-bare"]["median_s"], lang)),
    )
    return [text, ""]


def _breakdown(entry: dict[str, Any], lang: str) -> list[str]:
    """The stages of the incremental build, the measured reason where its target is missed."""
    stages = entry.get("stages_median_s")
    if not stages:
        return []
    words = WORDS[lang]
    rows = [[code(name), md(seconds(value, lang))] for name, value in stages.items()]
    rest = max(0.0, entry["median_s"] - sum(stages.values()))
    rows.append([words["rest"], md(seconds(rest, lang))])
    return [words["where"], "", *table([words["stage"], words["time"]], rows)]
