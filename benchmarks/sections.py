"""The sections of the benchmark page, each a list of Markdown lines in one language.

Targets, stages, named queries, ratios, what was skipped, and how it was measured, in the
order :func:`report.render` puts them on the page.
"""

from __future__ import annotations

from typing import Any

from markup import Doc, cell, code, factor, md, num, quantity, seconds, size_label, table
from texts import FINDINGS, RATIO_TEXT, STAGE_TEXT, TARGET_TEXT, WHY, pick, t


def _target_description(target: dict[str, Any], lang: str) -> str:
    facts = target.get("facts", {})
    pair = TARGET_TEXT.get(target["id"])
    if pair is None:
        return md(target["description"])
    values: dict[str, str] = {}
    if "size" in facts:
        values["size"] = size_label(facts["size"], lang)
    if "sizes" in facts:
        values["small"], values["large"] = (str(n) for n in facts["sizes"])
    try:
        return pick(lang, pair).format(**values)
    except KeyError:  # a result file without the facts
        return md(target["description"])


def _target_notes(target: dict[str, Any], lang: str) -> str:
    """The facts of a target as a short note, then the reason where it was missed."""
    facts = target.get("facts", {})
    de = lang == "de"
    notes: list[str] = []
    ident = target["id"]
    if ident in ("build-clean", "build-incremental") and facts.get("docs_seconds"):
        label = "davon die Website allein" if de else "of which the site alone"
        notes.append(f"{label}: {md(seconds(facts['docs_seconds'], lang))}")
    if ident == "validate" and facts.get("oxigraph_seconds"):
        label = "auf einem Oxigraph-Graphen" if de else "on an Oxigraph graph"
        notes.append(f"{label}: {md(seconds(facts['oxigraph_seconds'], lang))}")
    if ident == "query-oxigraph-5ms" and facts.get("slowest"):
        notes.append(("langsamste: " if de else "slowest: ") + code(facts["slowest"]))
        if facts.get("engine_max_seconds"):
            label = "Oxigraphs Engine allein höchstens" if de else "Oxigraph's engine alone at most"
            notes.append(f"{label} {md(seconds(facts['engine_max_seconds'], lang))}")
    if ident == "docs-vs-bare":
        for n, value in facts.get("by_size", {}).items():
            if int(n) != facts.get("size") and value is not None:
                notes.append(
                    f"{md(factor(value, lang))} {'bei' if de else 'at'} {size_label(int(n), lang)}"
                )
    if ident == "docs-scaling" and facts.get("linear"):
        label = "linear wäre" if de else "linear would be"
        notes.append(f"{label} {md(factor(facts['linear'], lang))}")
    if ident == "large-time" and facts.get("steps"):
        names = {"import": "Import", "load": "Laden", "validate": "Prüfen", "analyse": "Analyse"}
        parts = [
            f"{md(names.get(k, k) if de else k)} {md(seconds(v, lang))}"
            for k, v in facts["steps"].items()
        ]
        notes.append(", ".join(parts))
    if ident == "scaling" and facts.get("worst"):
        notes.append(("schlechteste: " if de else "worst: ") + code(facts["worst"]))
        above = facts.get("above") or []
        if above:
            notes.append(("über 12: " if de else "above 12: ") + ", ".join(code(s) for s in above))
        count = facts.get("measured_stages")
        if count:
            label = "Stufen bei beiden Mengen gemessen" if de else "stages measured at both sizes"
            notes.append(f"{count} {label}")
    if ident == "oxigraph-speedup" and facts.get("least"):
        notes.append(("kleinster Faktor: " if de else "least: ") + code(facts["least"]))
        if facts.get("estimated"):
            label = "mit vorhergesagter Speicher-Zeit" if de else "with a predicted memory time"
            notes.append(f"{facts['estimated']} {label}")
    if target["met"] is False and ident in WHY:
        notes.append(pick(lang, WHY[ident]))
    if target["met"] is None:
        notes.append(md(target.get("reason", "")))
    return "; ".join(notes) or "–"


def _verdict(target: dict[str, Any], lang: str) -> tuple[str, str]:
    """The verdict and the share (with the absolute difference where missed)."""
    if target["met"] is None:
        return t(lang, "not_measured"), "–"
    share = md(f"{num(target['factor'] * 100, lang)} %")
    if target["met"]:
        return f"**{t(lang, 'met')}**", share
    measured, limit, unit = target["measured"], target["target"], target["unit"]
    if target["comparison"] == ">=":
        gap = t(lang, "short", value=factor(limit / measured, lang))
    else:
        gap = t(lang, "over", value=quantity(measured - limit, unit, lang))
    return f"**{t(lang, 'missed')}**", f"{share} ({md(gap)})"


def targets_section(doc: Doc, lang: str) -> list[str]:
    """The targets: measured value, limit, verdict, share, and notes (why where missed)."""
    rows = []
    for target in doc["targets"]:
        verdict, share = _verdict(target, lang)
        limit = f"{'≥' if target['comparison'] == '>=' else '≤'} "
        limit += quantity(target["target"], target["unit"], lang)
        rows.append(
            [
                _target_description(target, lang),
                md(quantity(target["measured"], target["unit"], lang)),
                md(limit),
                verdict,
                share,
                _target_notes(target, lang),
            ]
        )
    cpus = doc["machine"].get("cpu_usable") or doc["machine"].get("cpu_count") or "?"
    lines = [f"## {t(lang, 'targets')}", "", t(lang, "targets_intro", cpus=cpus), ""]
    header = ["col_target", "col_measured", "col_goal", "col_verdict", "col_share", "col_why"]
    lines += table([t(lang, h) for h in header], rows)
    if FINDINGS:
        lines += [f"### {t(lang, 'findings')}", ""]
        lines += [f"- {pick(lang, finding)}" for finding in FINDINGS]
        lines.append("")
    return lines


def _scaling(doc: Doc, stage: str, lang: str) -> str:
    sizes = doc["sizes"]
    if len(sizes) < 2:
        return "–"
    for ratio in doc["ratios"]:
        if (
            ratio["kind"] == "scaling"
            and ratio.get("stage") == stage
            and ratio.get("sizes") == sizes[-2:]
        ):
            value = ratio["value"]
            if value is None or "estimated" in ratio:
                return "–"
            return md(factor(value, lang)) + (" ⚠" if value > 12 else "")
    return "–"


def _peak(entry: dict[str, Any] | None) -> str:
    if not entry or entry.get("status") != "ok":
        return "–"
    rise = entry.get("peak_delta_mib")
    absolute = entry.get("peak_rss_mib")
    if rise is not None and absolute is not None:
        return f"+{rise:.0f} ({absolute:.0f})"
    if absolute is not None:
        return f"{absolute:.0f}"
    return f"+{rise:.0f}" if rise is not None else "–"


def _stage_text(name: str, stage: dict[str, Any], lang: str) -> str:
    pair = STAGE_TEXT.get(name)
    return pick(lang, pair) if pair else md(stage.get("description", ""))


def stages_section(doc: Doc, lang: str) -> list[str]:
    """Every stage except the named queries: medians [min–max] per size, memory, scaling."""
    sizes = doc["sizes"]
    ratio = f"t({sizes[-1]})/t({sizes[-2]})" if len(sizes) > 1 else "t"
    rows = []
    for name, stage in doc["stages"].items():
        if stage["group"] == "query":
            continue
        ran = [n for n in sizes if stage["sizes"].get(str(n), {}).get("status") == "ok"]
        peak = _peak(stage["sizes"].get(str(ran[-1]))) if ran else "–"
        if peak != "–" and ran[-1] != sizes[-1]:
            peak += f" @ {ran[-1]}"
        rows.append(
            [
                code(name),
                _stage_text(name, stage, lang),
                *(cell(stage["sizes"].get(str(n)), lang) for n in sizes),
                md(peak),
                _scaling(doc, name, lang),
            ]
        )
    lines = [f"## {t(lang, 'stages')}", "", t(lang, "stages_intro", ratio=ratio), ""]
    header = [t(lang, "col_stage"), t(lang, "col_what"), *(size_label(n, lang) for n in sizes)]
    lines += table([*header, t(lang, "col_memory"), ratio], rows)
    return lines


def queries_section(doc: Doc, lang: str) -> list[str]:
    """The named queries on both backends, and the speed-up, at every size."""
    stages = doc["stages"]
    names = sorted(n.split(":", 1)[1] for n in stages if n.startswith("query-memory:"))
    speedups = {
        (r["numerator"].split(" @ ")[0].split(":", 1)[1], r["size"]): r
        for r in doc["ratios"]
        if r["kind"] == "memory-vs-oxigraph"
    }
    lines = [f"## {t(lang, 'queries')}", "", t(lang, "queries_intro"), ""]
    for size in doc["sizes"]:
        rows = []
        for name in names:
            cells = [
                cell(stages.get(f"{kind}:{name}", {}).get("sizes", {}).get(str(size)), lang)
                for kind in ("query-memory", "query-oxigraph", "engine-oxigraph")
            ]
            found = speedups.get((name, size))
            shown = md(factor(found["value"], lang)) if found else "–"
            if found and "estimated" in found and found["value"] is not None:
                shown = "\\~" + shown
            rows.append([code(name), *cells, shown])
        lines += [f"### {size_label(size, lang)}", ""]
        header = ["col_query", "col_memory_backend", "col_oxigraph", "col_engine", "col_speedup"]
        lines += table([t(lang, h) for h in header], rows)
    return lines


def ratios_section(doc: Doc, lang: str) -> list[str]:
    """The other side-by-side comparisons (load backends, validate vs parse, docs vs bare)."""
    rows = []
    for ratio in doc["ratios"]:
        if ratio["kind"] not in RATIO_TEXT:
            continue
        top, bottom = (ratio[k].split(" @ ")[0] for k in ("numerator", "denominator"))
        note = ratio.get("estimated") or ratio.get("reason") or ""
        rows.append(
            [
                pick(lang, RATIO_TEXT[ratio["kind"]]),
                str(ratio["size"]),
                f"{code(top)} / {code(bottom)}",
                md(factor(ratio["value"], lang)),
                md(note) if note else "",
            ]
        )
    lines = [f"## {t(lang, 'ratios')}", "", t(lang, "ratios_intro"), ""]
    header = ["col_comparison", "col_cities", "col_stage", "col_ratio", "col_note"]
    lines += table([t(lang, h) for h in header], rows)
    return lines


def skipped_section(doc: Doc, lang: str) -> list[str]:
    """Every stage at every size that has no timing, with the reason (one row per reason)."""
    merged: dict[tuple[str, str, str], list[str]] = {}
    notes = []
    for name, stage in doc["stages"].items():
        for size in doc["sizes"]:
            entry = stage["sizes"].get(str(size), {})
            if entry.get("status") != "ok":
                key = (name, entry.get("status", "–"), entry.get("reason", ""))
                merged.setdefault(key, []).append(str(size))
            note = entry.get("info", {}).get("note")
            if note:
                notes.append(f"{code(name)} @ {size}: {md(note)}")
    lines = [f"## {t(lang, 'skipped')}", ""]
    if not merged:
        lines += [t(lang, "skipped_none"), ""]
    else:
        rows = [
            [
                code(name),
                ", ".join(sizes),
                t(lang, f"status_{status}") if status != "–" else "–",
                md(reason),
            ]
            for (name, status, reason), sizes in merged.items()
        ]
        header = ["col_stage", "col_cities", "col_status", "col_reason"]
        lines += table([t(lang, h) for h in header], rows)
    if notes:
        lines += [t(lang, "fewer_runs"), ""]
        lines += [f"- {n}" for n in notes]
        lines.append("")
    return lines


def machine_section(doc: Doc, lang: str) -> list[str]:
    """Where and how the figures were measured."""
    machine = doc["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in machine["versions"].items() if v)
    city = doc.get("city", {})
    sizes = ", ".join(map(str, doc["sizes"]))
    cpus = machine.get("cpu_usable") or machine.get("cpu_count")
    values = {
        "mode": md(doc["mode"]),
        "date": md(machine["date"]),
        "total": num(doc["total_seconds"] / 60, lang),
        "sizes": md(sizes),
        "reps": doc["repetitions"],
        "one": md(num(doc["one_run_above_seconds"], lang)),
        "limit": md(num(doc["limit_seconds"], lang)),
        "cpus": cpus,
        "cpu": md(machine.get("cpu_model") or "?"),
        "ram": md(num(machine.get("memory_gib") or 0, lang)),
        "platform": md(machine["platform"]),
        "python": md(f"{machine['implementation']} {machine['python']}"),
        "versions": md(versions),
        "triples": city.get("triples_per_city") or "?",
    }
    if lang == "de":
        items = [
            "Lauf: Modus {mode} am {date}, insgesamt {total} min; {sizes} Städte; {reps} Läufe "
            "je Stufe (15 bei Stufen unter 50 ms, einer bei Stufen über {one} s); eine Stufe "
            "wird übersprungen, wo ein Lauf voraussichtlich länger als ihre Grenze dauert "
            "({limit} s, für Website, Build und Pipeline länger).",
            "Rechner: {cpus} nutzbare Kerne ({cpu}), {ram} GiB RAM, {platform}, {python}.",
            "Bibliotheken: {versions}.",
            "Daten: synthetische Städte aus `benchmarks/generate.py` – die Daten Leverkusens "
            "unter `https://w3id.org/integrationskonzept/stadt-NNN/`, jede Bezeichnung um den "
            "Stadtnamen ergänzt (die Prüfung verlangt eindeutige Bezeichnungen je Klasse); "
            "{triples} Tripel für eine Stadt samt Ontologie. Jede Menge ist gültig gegen die "
            "Shapes (keine Verstöße, siehe `checks` in der Ergebnisdatei).",
            "Zeit: `time.perf_counter()` um den Aufruf nach `gc.collect()` (im Prozess) oder "
            "vom Start bis zum Ende eines frischen Prozesses. Speicher: der Spitzenwert des "
            "residenten Speichers laut Kernel (`VmHWM`, vor jedem Lauf zurückgesetzt), der "
            "Oxigraphs Rust-Speicher mitzählt; bei Prozessen `ru_maxrss` des Kindprozesses.",
            "Die Maschine wird mit anderen Prozessen geteilt; Min–Max zeigt die Streuung.",
        ]
    else:
        items = [
            "Run: {mode} mode on {date}, {total} min in all; {sizes} cities; {reps} runs per "
            "stage (15 for stages under 50 ms, one for stages over {one} s); a stage is "
            "skipped where one run is predicted to take longer than its limit ({limit} s, "
            "longer for the site, the build and the pipeline).",
            "Machine: {cpus} usable cores ({cpu}), {ram} GiB RAM, {platform}, {python}.",
            "Libraries: {versions}.",
            "Data: synthetic cities made by `benchmarks/generate.py` – Leverkusen's data under "
            "`https://w3id.org/integrationskonzept/stadt-NNN/`, every label suffixed with the "
            "city's name (the shapes require unique labels within a class); {triples} triples "
            "for one city with the ontology. Every size is valid against the shapes (no "
            "violations, see `checks` in the result file).",
            "Time: `time.perf_counter()` around the call after `gc.collect()` (in-process), or "
            "from start to exit of a fresh process. Memory: the kernel's peak resident set "
            "(`VmHWM`, reset before each run), which includes Oxigraph's Rust heap; for "
            "processes the child's `ru_maxrss`.",
            "The machine is shared with other processes; min–max shows the spread.",
        ]
    lines = [f"## {t(lang, 'how')}", ""]
    lines += [f"- {item.format(**values)}" for item in items]
    return [*lines, ""]
