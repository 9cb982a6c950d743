"""The benchmarks page's section on the endpoint under load, from ``results/load.json``.

Every phase of ``benchmarks/load.py`` stands beside Oxigraph's own server answering the same
requests in the same run, so the ratios hold even on a busy machine; the reasons for a missed
target are written here from the analysis of the run (see the docstring of ``load.py``).
"""

from __future__ import annotations

from typing import Any

from markup import factor, md, num, table

# the phases in the order of the table: (result key, German, English)
PHASES = (
    ("endpoint", "Endpunkt", "endpoint"),
    (
        "oxigraph",
        "Oxigraph allein (nur lesend, Speicher auf Platte)",
        "Oxigraph alone (read-only, store on disk)",
    ),
    (
        "oxigraph-memory",
        "Oxigraph allein (Speicher im Arbeitsspeicher, schreibbar)",
        "Oxigraph alone (store in memory, writable)",
    ),
    ("endpoint-runaway", "Endpunkt mit Endlosabfrage", "endpoint with a runaway query"),
    ("oxigraph-runaway", "Oxigraph mit Endlosabfrage", "Oxigraph with a runaway query"),
    ("endpoint-full-check", "Endpunkt, volle Prüfung", "endpoint, full check of each query"),
)
# target key → (German, English, how its value is shown)
TARGETS = {
    "no_errors": ("keine Fehler", "no errors", "errors"),
    "p99_at_most_100_ms": (
        "p99 ≤ 100 ms für die benannten Abfragen",
        "p99 ≤ 100 ms for the named queries",
        "worst_named_query_p99_ms",
    ),
    "throughput_at_least_0.8x_oxigraph": (
        "Durchsatz ≥ 0,8x Oxigraph",
        "throughput ≥ 0.8x Oxigraph",
        "ratio",
    ),
    "runaway_p99_at_most_2x": (
        "p99 mit Endlosabfrage ≤ 2x ohne",
        "p99 with a runaway ≤ 2x without",
        "ratio",
    ),
}
WORDS = {
    "de": {
        "title": "Der SPARQL-Endpunkt unter Last",
        "intro": (
            "Gemessen mit `benchmarks/load.py` am {date}: {clients} gleichzeitige Clients, "
            "{requests} Anfragen je Phase und Runde, jeder Abfragetext einmalig (die benannten "
            "Abfragen mit ihren Beispielparametern). Oxigraphs eigener Server beantwortet im "
            "selben Lauf dieselben Anfragen, ohne Prüfung, ohne Worker und ohne Abschottung. "
            "Systemlast zu Beginn {load}."
        ),
        "rounds": (
            "Die Phasen ohne Endlosabfrage laufen in {rounds} Runden abwechselnd: der Durchsatz "
            "ist der der mittleren Runde, die Latenzen gelten über alle Runden."
        ),
        "servers": (
            "Das Durchsatzziel vergleicht mit Oxigraphs nur lesendem Server "
            "(`oxigraph serve-read-only`), der einen Speicher auf der Platte braucht. Die "
            "Worker des Endpunkts beantworten den Graphen einer Stadt aus einer Kopie im "
            "Arbeitsspeicher; Oxigraphs Server mit Speicher im Arbeitsspeicher "
            "(`oxigraph serve` ohne Ort) steht daneben: er nimmt auch Änderungen an und taugt "
            "so nicht als öffentlicher Endpunkt, zeigt aber, was Oxigraph selbst kostet. "
            "Gegen ihn erreicht der Endpunkt {ratio} seines Durchsatzes: mit der HTTP-Schicht "
            "in Python und der Übergabe an einen abgeschotteten Worker kostet eine Anfrage den "
            "Endpunkt {cost} so viel Rechenzeit wie Oxigraph."
        ),
        "phase": "Phase", "requests": "Anfragen", "errors": "Fehler",
        "throughput": "Durchsatz (Anfragen/s)", "target": "Ziel", "value": "Wert",
        "verdict": "Ergebnis", "met": "erfüllt", "missed": "verfehlt",
        "why_title": "Warum Ziele verfehlt sind",
        "why": (
            "Die Clients arbeiten im geschlossenen Kreis: 50 Clients, die je auf ihre Antwort "
            "warten, sehen im Mittel 50 geteilt durch den Durchsatz als Latenz. Beim Durchsatz "
            "kostet jede Anfrage den Endpunkt zusätzlich die HTTP-Schicht in Python, die Prüfung "
            "des Abfragetexts und die Übergabe an einen abgeschotteten Worker-Prozess ohne "
            "Netzwerk; diese Abschottung ist der Zweck des Endpunkts und bleibt."
        ),
        "oxigraph_slow": (
            "Auf dieser Maschine liegt Oxigraphs eigener Server selbst über 100 ms im p99: das "
            "Latenzziel erreicht hier keiner der beiden Server."
        ),
        "tail": "Im p99 ist der Endpunkt schneller als Oxigraph allein.",
    },
    "en": {
        "title": "The SPARQL endpoint under load",
        "intro": (
            "Measured with `benchmarks/load.py` on {date}: {clients} concurrent clients, "
            "{requests} requests per phase and round, every query text unique (the named "
            "queries with their example parameters). Oxigraph's own server answers the same "
            "requests in the same run, without checks, workers or isolation. Load average at "
            "the start {load}."
        ),
        "rounds": (
            "The phases without a runaway query run in {rounds} interleaved rounds: the "
            "throughput is the median round's, the latencies are over all rounds."
        ),
        "servers": (
            "The throughput target compares with Oxigraph's read-only server "
            "(`oxigraph serve-read-only`), which needs a store on disk. The endpoint's workers "
            "answer a city's graph from a copy in memory; Oxigraph's server with its store in "
            "memory (`oxigraph serve` without a location) stands beside it: it also accepts "
            "updates, so it is no public endpoint as it is, but it shows what the engine "
            "itself costs. Against it the endpoint reaches {ratio} of its throughput: with the "
            "HTTP layer in Python and the hand-over to an isolated worker, a request costs the "
            "endpoint {cost} the computing time it costs Oxigraph."
        ),
        "phase": "Phase", "requests": "Requests", "errors": "Errors",
        "throughput": "Throughput (requests/s)", "target": "Target", "value": "Value",
        "verdict": "Verdict", "met": "met", "missed": "missed",
        "why_title": "Why targets are missed",
        "why": (
            "The clients work in a closed loop: 50 clients that each wait for their answer see "
            "on average 50 divided by the throughput as latency. In throughput, each request "
            "costs the endpoint "
            "the HTTP layer in Python, the check of the query text and the hand-over to an "
            "isolated worker process without network on top; that isolation is the endpoint's "
            "purpose and stays."
        ),
        "oxigraph_slow": (
            "On this machine Oxigraph's own server is itself above 100 ms at p99: neither server "
            "reaches the latency target here."
        ),
        "tail": "At p99 the endpoint is faster than Oxigraph alone.",
    },
}  # fmt: skip


def _ms(value: float, lang: str) -> str:
    return f"{num(value, lang)} ms"


def _target_value(found: dict[str, Any], field: str, lang: str) -> str:
    value = found[field]
    if field == "ratio":
        return md(factor(value, lang))
    if field == "errors":
        return md(value)
    return md(_ms(value, lang))


def load_section(load: dict[str, Any] | None, lang: str) -> list[str]:
    """The section, or nothing if no load result is committed."""
    if load is None:
        return []
    words = WORDS[lang]
    german = lang == "de"
    settings = load["settings"]
    intro = words["intro"].format(
        date=md(load["machine"]["date"][:10]),
        clients=md(settings["clients"]),
        requests=md(settings["requests"]),
        load=md(" / ".join(num(x, lang) for x in load["machine"]["load_average_at_start"])),
    )
    rounds = settings.get("rounds", 1)
    if rounds > 1:
        intro += " " + words["rounds"].format(rounds=md(rounds))
    lines = [f"## {words['title']}", "", intro, ""]
    header = [words["phase"], words["requests"], words["errors"], words["throughput"]]
    header += ["p50", "p90", "p99", "max"]
    rows = []
    for key, de, en in PHASES:
        phase = load["phases"].get(key)
        if phase is None:
            continue
        latency = phase["latency_ms"]
        rows.append(
            [de if german else en, md(phase["requests"]), md(phase["errors"])]
            + [md(num(phase["throughput_per_s"], lang))]
            + [md(_ms(latency[q], lang)) for q in ("p50", "p90", "p99", "max")]
        )
    lines += table(header, rows)
    in_memory = load["targets"]["throughput_at_least_0.8x_oxigraph"].get(
        "ratio_to_oxigraph_in_memory"
    )
    if in_memory is not None:
        cost = md(factor(1 / in_memory, lang))
        lines += [words["servers"].format(ratio=md(factor(in_memory, lang)), cost=cost), ""]
    target_rows = []
    for key, (de, en, field) in TARGETS.items():
        found = load["targets"][key]
        verdict = words["met"] if found["met"] else f"**{words['missed']}**"
        target_rows.append([de if german else en, _target_value(found, field, lang), verdict])
    lines += table([words["target"], words["value"], words["verdict"]], target_rows)
    if not all(found["met"] for found in load["targets"].values()):
        why = [words["why"]]
        ours, theirs = (load["phases"][k]["latency_ms"]["p99"] for k in ("endpoint", "oxigraph"))
        if theirs > 100:
            why.append(words["oxigraph_slow"])
        if ours < theirs:
            why.append(words["tail"])
        lines += [f"### {words['why_title']}", "", " ".join(why), ""]
    return lines
