"""The words of the benchmark page and its plot: (German, English) pairs by key.

:data:`TEXT` holds the page's fixed text (:func:`t` picks and fills one), the other tables
name the targets, stages and ratios; :data:`WHY` and :data:`FINDINGS` are written by hand
from the analysis of the full run.
"""

from __future__ import annotations

from typing import Any

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Geschwindigkeit und Skalierung", "Speed and scale"),
    "intro": (
        "Was jede Stufe kostet – Zeit und Speicher – für eine Stadt von der Größe Leverkusens "
        "und für {more} solcher Städte, und wie die Kosten mit der Menge wachsen. Die Zahlen "
        "stammen aus `benchmarks/results/{file}` (Lauf vom {date}); die Seite wird aus dieser "
        "Datei erzeugt. Nachmessen: `make bench` (rund eine Stunde) oder "
        "`make bench-quick` (1 und 2 Städte, unter einer Minute), dann "
        "`python benchmarks/report.py`.",
        "What each stage costs – time and memory – for one city the size of Leverkusen and "
        "for {more} such cities, and how the cost grows with the work. The figures come from "
        "`benchmarks/results/{file}` (run of {date}); this page is generated from that file. "
        "Measure again with `make bench` (about an hour) or "
        "`make bench-quick` (1 and 2 cities, under a minute), then "
        "`python benchmarks/report.py`.",
    ),
    "plot_alt": (
        "Kosten der wichtigsten Stufen gegen die Zahl der Städte",
        "Cost of the main stages against the number of cities",
    ),
    "targets": ("Ziele", "Targets"),
    "targets_intro": (
        "Die Ziele aus dem Arbeitsauftrag, gemessen auf {cpus} Kernen (Mediane). "
        "„Anteil“ ist der Messwert in Prozent der Grenze (beim Beschleunigungsziel die "
        "Grenze in Prozent des Messwerts); über 100 % heißt: verfehlt, um so viel.",
        "The targets of the issue, measured on {cpus} cores (medians). "
        "“Share” is the measured value as a percentage of the limit (for the speed-up "
        "target, the limit as a percentage of the measured value); above 100 % means "
        "missed, by that much.",
    ),
    "col_target": ("Ziel", "target"),
    "col_measured": ("gemessen", "measured"),
    "col_goal": ("Grenze", "limit"),
    "col_verdict": ("Ergebnis", "verdict"),
    "col_share": ("Anteil", "share"),
    "col_why": ("Erläuterung", "notes"),
    "met": ("erfüllt", "met"),
    "missed": ("verfehlt", "missed"),
    "not_measured": ("nicht gemessen", "not measured"),
    "over": ("{value} zu viel", "{value} over"),
    "short": ("{value} schneller nötig", "{value} faster needed"),
    "findings": ("Befunde", "Findings"),
    "stages": ("Stufen", "Stages"),
    "stages_intro": (
        "Median der Läufe, [Minimum–Maximum] bei mehr als einem Lauf. Speicher in MiB: bei "
        "Stufen im Prozess der Anstieg des residenten Speichers während der Stufe (in "
        "Klammern der Prozess insgesamt auf dem Höhepunkt), bei eigenen Prozessen deren "
        "Spitzenwert; jeweils bei der größten Menge, bei der die Stufe lief. ⚠ markiert ein "
        "{ratio} über 12 (schlechter als linear).",
        "Median of the runs, [min–max] where there was more than one run. Memory in MiB: "
        "for in-process stages the rise of the resident set during the stage (in brackets "
        "the whole process at its peak), for whole processes their peak resident set; each "
        "at the largest size where the stage ran. ⚠ marks a {ratio} above 12 (worse than "
        "linear).",
    ),
    "col_stage": ("Stufe", "stage"),
    "col_what": ("was", "what"),
    "col_memory": ("Speicher (MiB)", "memory (MiB)"),
    "city": ("Stadt", "city"),
    "cities": ("Städte", "cities"),
    "queries": ("Benannte Abfragen", "Named queries"),
    "queries_intro": (
        "Jede Abfrage der Bibliothek mit den Beispielparametern aus `benchmarks/run.py` "
        "(Ressourcen der ersten Stadt). *Speicher* und *Oxigraph* messen das öffentliche "
        "`query()` auf dem jeweiligen Backend; *Engine* misst Oxigraphs `graph.query()` "
        "allein. *Faktor* = Speicher / Oxigraph über `query()`, im selben Lauf nebeneinander "
        "gemessen (~ wo die Zeit auf dem Speicher-Backend übersprungen und vorhergesagt ist).",
        "Every query of the library with the example parameters of `benchmarks/run.py` "
        "(resources of the first city). *memory* and *Oxigraph* time the public `query()` on "
        "that backend; *engine* times Oxigraph's `graph.query()` alone. *speed-up* = memory / "
        "Oxigraph through `query()`, measured side by side in the same run (~ where the "
        "memory time was skipped and is predicted).",
    ),
    "col_query": ("Abfrage", "query"),
    "col_memory_backend": ("Speicher", "memory"),
    "col_oxigraph": ("Oxigraph", "Oxigraph"),
    "col_engine": ("Engine", "engine"),
    "col_speedup": ("Faktor", "speed-up"),
    "ratios": ("Verhältnisse", "Ratios"),
    "ratios_intro": (
        "Beide Seiten im selben Lauf gemessen. Die Prüfung (SHACL) wird mit dem Einlesen "
        "desselben Graphen mit rdflib verglichen – der Untergrenze für alles, was jedes "
        "Tripel anfasst; die Website mit demselben Bau im Standard-Theme von Sphinx "
        "(alabaster), der Untergrenze für eine Sphinx-Website.",
        "Both sides measured in the same run. Validation (SHACL) is compared with parsing "
        "the same graph with rdflib – the floor for any work that touches every triple; the "
        "site with the same build in Sphinx's default theme (alabaster), the floor for a "
        "Sphinx site.",
    ),
    "col_comparison": ("Vergleich", "comparison"),
    "col_cities": ("Städte", "cities"),
    "col_ratio": ("Verhältnis", "ratio"),
    "col_note": ("Anmerkung", "note"),
    "skipped": ("Übersprungen und nicht gemessen", "Skipped and not measured"),
    "skipped_none": (
        "Nichts: jede Stufe lief bei jeder Menge.",
        "Nothing: every stage ran at every size.",
    ),
    "col_status": ("Status", "status"),
    "col_reason": ("Grund", "reason"),
    "fewer_runs": ("Stufen mit weniger Läufen als vorgesehen:", "Stages run fewer times:"),
    "how": ("Wie gemessen wurde", "How it was measured"),
    "status_skipped": ("übersprungen", "skipped"),
    "status_unavailable": ("nicht verfügbar", "unavailable"),
    "status_error": ("Fehler", "error"),
    "one_run": ("1 Lauf", "1 run"),
    "plot_title": (
        "Kosten jeder Stufe gegen die Größe der Wissensbasis",
        "Cost of each stage against the size of the knowledge base",
    ),
    "plot_x": ("Städte (jede so groß wie Leverkusen)", "cities (each the size of Leverkusen)"),
    "plot_y": ("Sekunden (Median, Balken: Min–Max)", "seconds (median, bars: min–max)"),
    "plot_linear": ("lineares Wachstum", "linear growth"),
    "plot_limit": ("Grenze 120 s", "120 s limit"),
}

TARGET_TEXT: dict[str, tuple[str, str]] = {
    "build-clean": (
        "`integrationskonzept build` von Grund auf, {size}",
        "`integrationskonzept build` from scratch, {size}",
    ),
    "build-incremental": (
        "`integrationskonzept build` nach Änderung einer Turtle-Datei, {size}",
        "`integrationskonzept build` after changing one Turtle file, {size}",
    ),
    "validate": (
        "`validate()` im Prozess (Speicher-Graph), {size}",
        "`validate()` in-process (memory graph), {size}",
    ),
    "query-oxigraph-5ms": (
        "jede benannte Abfrage über `query()` auf Oxigraph, {size} (die langsamste)",
        "every named query through `query()` on Oxigraph, {size} (the slowest)",
    ),
    "cli-stats": (
        "`integrationskonzept stats` im frischen Prozess, {size}",
        "cold `integrationskonzept stats`, {size}",
    ),
    "docs-vs-bare": (
        "Website / derselbe Bau im Standard-Theme alabaster, {size}",
        "site build / the same build in the default theme alabaster, {size}",
    ),
    "docs-scaling": (
        "Website: t({large}) / t({small})",
        "site build: t({large}) / t({small})",
    ),
    "large-time": (
        "Laden + Prüfen + Analysieren in einem Prozess, {size}",
        "load + validate + analyse in one process, {size}",
    ),
    "large-memory": (
        "Spitzenspeicher dieses Prozesses, {size}",
        "peak memory of that process, {size}",
    ),
    "scaling": (
        "t({large}) / t({small}) jeder Stufe (die schlechteste)",
        "t({large}) / t({small}) of every stage (the worst)",
    ),
    "oxigraph-speedup": (
        "benannte Abfragen auf Oxigraph gegenüber Speicher, {size} (der kleinste Faktor)",
        "named queries on Oxigraph against memory, {size} (the least speed-up)",
    ),
}

WHY: dict[str, tuple[str, str]] = {
    "build-clean": (
        "fast die ganze Zeit ist die Website: dieselben Seiten im Standard-Theme alabaster "
        "brauchen fast genauso lang (Verhältnis unten), die Untergrenze einer Sphinx-Website "
        "mit zwei Sprachen und je rund 1.100 Seiten liegt also schon über dem Ziel",
        "nearly all of it is the site: the same pages in the default theme alabaster take "
        "nearly as long (ratio below), so the floor of a Sphinx site in two languages with "
        "about 1,100 pages each is already above the target",
    ),
    "build-incremental": (
        "eine geänderte Turtle-Datei ändert den ganzen Graphen: die Prüfung und die Analyse "
        "laufen über alles, die Downloads des ganzen Graphen werden neu geschrieben, und "
        "Sphinx schreibt in beiden Sprachen die Seiten neu, die die Änderung zeigen",
        "a changed Turtle file changes the whole graph: validation and analysis run over "
        "all of it, the whole-graph downloads are written again, and Sphinx writes the pages "
        "that show the change again, in both languages",
    ),
    "validate": (
        "pyshacl prüft Knoten für Knoten in Python; nach dem Umbau der SPARQL-Bedingungen "
        "gibt es keinen einzelnen teuren Teil mehr",
        "pyshacl checks node by node in Python; since the SPARQL constraints were rewritten "
        "no single part dominates",
    ),
    "large-memory": (
        "wo die Spitze entsteht, ist noch nicht untersucht",
        "where the peak arises is not analysed yet",
    ),
    "scaling": (
        "`analyse`: networkx' Betweenness legt für jeden Startknoten eine Tabelle über alle "
        "Knoten an; nach diesem Lauf wird sie je Zusammenhangskomponente berechnet "
        "(frischer Prozess, 2 Läufe: 100 Städte 3,1–3,3 s statt 16,8 s, 10 Städte 0,3 s)",
        "`analyse`: networkx's betweenness sets up a table over all nodes for every source; "
        "since this run it is computed per connected component (fresh process, 2 runs: "
        "100 cities 3.1–3.3 s instead of 16.8 s, 10 cities 0.3 s)",
    ),
    "oxigraph-speedup": (
        "die ausgewählten Abfragen sind auch in rdflib billig (der gebundene Parameter grenzt "
        "sie ein), und Oxigraph beginnt bei Abfragen mit einem Klassenmuster "
        "(`?x a ik:Measure`) bei jeder Instanz der Klasse",
        "the selective queries are cheap on rdflib too (the bound parameter narrows them), "
        "and for queries with a class pattern (`?x a ik:Measure`) Oxigraph starts from every "
        "instance of the class",
    ),
}
"""Why a target is missed, per target id (German, English); written from the full run."""

FINDINGS: list[tuple[str, str]] = [
    (
        "Die SHACL-Prüfung wuchs quadratisch (100 Städte: über 120 s abgebrochen): fünf "
        "SPARQL-Bedingungen hatten ein Klassenmuster (`?other a ik:GuidingGoal`), mit dem "
        "Oxigraph bei jeder Instanz begann. Mit dem Klassentest in `FILTER EXISTS` kostet "
        "jede Prüfung eines Knotens gleich viel, die Prüfung wächst linear (rund 0,5 s je Stadt).",
        "SHACL validation grew quadratically (100 cities: abandoned after 120 s): five SPARQL "
        "constraints had a class pattern (`?other a ik:GuidingGoal`) that Oxigraph started "
        "from. With the class test in `FILTER EXISTS` each node's check costs the same, and "
        "validation grows linearly (about 0.5 s per city).",
    ),
    (
        "Dieselbe Umstellung macht die benannten Abfragen mit Klassenmuster auf Oxigraph "
        "unabhängig von der Graphgröße (`goals-of-topic`, 30 Städte: 0,87 ms → 0,25 ms); "
        "die Abfragen sind noch nicht umgestellt.",
        "The same change makes the named queries with a class pattern independent of the "
        "graph's size on Oxigraph (`goals-of-topic`, 30 cities: 0.87 ms → 0.25 ms); the "
        "queries are not rewritten yet.",
    ),
    (
        "Die Website kostet so viel wie Sphinx selbst: 1,04x (1 Stadt) und 1,14x (10 Städte) "
        "des Standard-Themes; 10 Städte brauchen das 8,1-fache einer Stadt.",
        "The site costs what Sphinx itself costs: 1.04x (1 city) and 1.14x (10 cities) of "
        "the default theme; 10 cities take 8.1 times one city.",
    ),
    (
        "Die Maschine ist eine geteilte VM: dieselbe Stufe schwankte zwischen zwei Läufen im "
        "Abstand einer Stunde um rund 30 %.",
        "The machine is a shared VM: the same stage varied by about 30 % between two runs an "
        "hour apart.",
    ),
]
"""The main observations of the full run (German, English), shown under the targets."""

STAGE_TEXT: dict[str, tuple[str, str]] = {
    "load-memory": ("Laden in rdflibs Speicher-Graph", "load into rdflib's memory graph"),
    "load-oxigraph": ("Laden in Oxigraph", "load into Oxigraph"),
    "validate": ("SHACL-Prüfung, Speicher-Graph", "SHACL validation, memory graph"),
    "validate-oxigraph": ("SHACL-Prüfung, Oxigraph-Graph", "SHACL validation, Oxigraph graph"),
    "model": ("typisiertes Modell: jedes Objekt bauen", "typed model: build every object"),
    "analyse": ("Netzwerkanalyse (Oxigraph-Graph)", "network analysis (Oxigraph graph)"),
    "export-turtle": ("Export Turtle", "export Turtle"),
    "export-ntriples": ("Export N-Triples", "export N-Triples"),
    "export-json-ld": ("Export JSON-LD", "export JSON-LD"),
    "cli-stats": ("`integrationskonzept stats`, frischer Prozess", "cold `stats` process"),
    "cli-validate": ("`integrationskonzept validate`", "`integrationskonzept validate`"),
    "pipeline": (
        "Laden + Prüfen + Analysieren in einem Prozess",
        "load + validate + analyse in one process",
    ),
    "cli-build": ("`integrationskonzept build` von Grund auf", "`build` from scratch"),
    "cli-build-incremental": (
        "`integrationskonzept build` nach einer Änderung",
        "`build` after one change",
    ),
    "docs-clean": ("Website von Grund auf (beide Sprachen)", "site from scratch (both languages)"),
    "docs-incremental": ("Website nach einer Änderung", "site after one change"),
    "docs-clean-j2": ("Website von Grund auf, `-j 2`", "site from scratch, `-j 2`"),
    "docs-clean-alabaster": (
        "dieselbe Website im Standard-Theme alabaster",
        "the same site in the default theme alabaster",
    ),
}


RATIO_TEXT: dict[str, tuple[str, str]] = {
    "load-backends": ("Laden: Oxigraph / Speicher", "load: Oxigraph / memory"),
    "validate-vs-parse": ("Prüfen / Einlesen", "validate / parse"),
    "docs-vs-bare": ("Website / alabaster", "site / alabaster"),
}


def t(lang: str, key: str, **values: Any) -> str:
    """The text ``key`` in ``lang``, with ``values`` filled in."""
    german, english = TEXT[key]
    return (german if lang == "de" else english).format(**values)


def pick(lang: str, pair: tuple[str, str]) -> str:
    """The German or English half of a pair."""
    return pair[0] if lang == "de" else pair[1]
