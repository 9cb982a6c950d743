"""The benchmarks page's section on the workbook round trip, from ``results/authoring.json``.

Export and import of Leverkusen stand beside loading the same data in the same run.
"""

from __future__ import annotations

from typing import Any

from markup import md, seconds, table

# the measured steps in the order of the table: (result key, German, English)
ROWS = (
    ("load", "Daten laden (Vergleich)", "loading the data (baseline)"),
    ("export-xlsx", "`sheets export` als Arbeitsmappe", "`sheets export` as a workbook"),
    ("import-xlsx", "`sheets import` (lesen, prüfen)", "`sheets import` (read, check)"),
    ("export-csv", "`sheets export --format csv`", "`sheets export --format csv`"),
)  # fmt: skip
WORDS = {
    "de": {
        "title": "Arbeitsmappe: Export und Import",
        "intro": (
            "Gemessen mit `benchmarks/authoring.py` am {date}, {runs} Läufe je Schritt, "
            "verschränkt (Median, [Min–Max]). Ziel: Export und Import je höchstens {limit}."
        ),
        "step": "Schritt", "time": "Zeit", "target": "Ziel", "verdict": "Ergebnis",
        "met": "erfüllt", "missed": "verfehlt",
    },
    "en": {
        "title": "Workbook: export and import",
        "intro": (
            "Measured with `benchmarks/authoring.py` on {date}, {runs} interleaved runs per "
            "step (median, [min–max]). Target: export and import each at most {limit}."
        ),
        "step": "Step", "time": "Time", "target": "Target", "verdict": "Verdict",
        "met": "met", "missed": "missed",
    },
}  # fmt: skip


def authoring_section(doc: dict[str, Any] | None, lang: str) -> list[str]:
    """The section, or nothing if no authoring result is committed."""
    if doc is None:
        return []
    words = WORDS[lang]
    limit = max(target["limit_s"] for target in doc["targets"].values())
    intro = words["intro"].format(
        date=md(doc["machine"]["date"][:10]), runs=md(doc["runs"]), limit=seconds(limit, lang)
    )
    header = [words["step"], words["time"], words["verdict"]]
    rows = []
    for key, de, en in ROWS:
        entry = doc["results"][key]
        span = f"{seconds(entry['median_s'], lang)} [{seconds(entry['min_s'], lang)}–"
        span += f"{seconds(entry['max_s'], lang)}]"
        target = doc["targets"].get(key)
        verdict = "" if target is None else words["met" if target["met"] else "missed"]
        rows.append([de if lang == "de" else en, md(span), verdict])
    return [f"## {words['title']}", "", intro, "", *table(header, rows)]
