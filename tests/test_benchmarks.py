"""The benchmarks: quick mode runs end to end, synthetic cities are valid, the page renders.

Timings are never asserted (speed is measured by ``benchmarks/``, not by timed tests); only
that the run finishes, exits 0, reports every stage at every size with a known status, that
the generated cities are what they claim, and that the report is safe Markdown.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from integrationskonzept import resources

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
STATUSES = {"ok", "skipped", "unavailable", "error"}


def _module(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` (benchmarks/ is not a package)."""
    key = f"bench_{name}"
    if key in sys.modules:
        return sys.modules[key]
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(key, BENCHMARKS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up by name
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.fixture(scope="module")
def quick_result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run ``benchmarks/run.py --quick`` once into a temporary folder and read its JSON."""
    tmp = tmp_path_factory.mktemp("bench")
    output = tmp / "quick.json"
    command = [sys.executable, str(BENCHMARKS / "run.py"), "--quick"]
    command += ["--output", str(output), "--work", str(tmp / "work")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return result


def test_quick_run_reports_every_stage(quick_result: dict[str, Any]) -> None:
    stages = quick_result["stages"]
    expected = [stage.name for stage in _module("stages").stage_list()]
    missing = [name for name in expected if name not in stages]
    assert not missing, f"stages missing from the result file: {missing}"
    sizes = quick_result["sizes"]
    assert sizes == [1, 2]
    bad = [
        f"{name} @ {size}: {entry['sizes'].get(str(size))}"
        for name, entry in stages.items()
        for size in sizes
        if entry["sizes"].get(str(size), {}).get("status") not in STATUSES
    ]
    assert not bad, "stages without a known status:\n" + "\n".join(bad)
    assert quick_result["errors"] == []
    # Everything but the builds runs in quick mode, with its statistics.
    for name, entry in stages.items():
        if entry["group"] in ("docs", "build"):
            continue
        for size in sizes:
            found = entry["sizes"][str(size)]
            assert found["status"] == "ok", f"{name} @ {size}: {found}"
            assert found["min"] <= found["median"] <= found["max"]
    pipeline = stages["pipeline"]["sizes"]["2"]
    assert pipeline["peak_rss_mib"] > 0
    assert set(pipeline["info"]["steps"]) == {"import", "load", "validate", "analyse"}


def test_quick_run_has_machine_ratios_targets_and_checks(quick_result: dict[str, Any]) -> None:
    machine = quick_result["machine"]
    assert {"cpu_count", "python", "versions", "date"} <= set(machine)
    kinds = {r["kind"] for r in quick_result["ratios"]}
    assert {"memory-vs-oxigraph", "validate-vs-parse", "docs-vs-bare", "scaling"} <= kinds
    ids = {t["id"] for t in quick_result["targets"]}
    assert {
        "build-clean", "build-incremental", "validate", "query-oxigraph-5ms", "cli-stats",
        "docs-vs-bare", "large-time", "large-memory", "scaling", "oxigraph-speedup",
    } <= ids  # fmt: skip
    for target in quick_result["targets"]:
        assert target["met"] in (True, False, None)
        assert (target["met"] is None) == ("reason" in target)
    # the synthetic cities of both sizes validate without a violation
    assert quick_result["checks"] == {
        "violations_by_size": {"1": 0, "2": 0},
        "cities_valid": True,
    }


def test_generated_cities_are_leverkusen_under_other_iris(tmp_path: Path) -> None:
    generate = _module("generate")
    files = generate.generate(tmp_path, 2)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "stadt-001/stadt-001.ttl",
        "stadt-002/stadt-002.ttl",
    ]
    first = files[0].read_bytes()
    again = generate.generate(tmp_path, 2)[0].read_bytes()
    assert first == again  # deterministic
    text = first.decode("utf-8")
    assert "/leverkusen/" not in text
    assert "https://w3id.org/integrationskonzept/stadt-001/field/C" in text
    assert "(Stadt 001)" in text and "(Stadt 002)" not in text

    from integrationskonzept import load

    leverkusen = load(ontology=False)
    city = load(files[0].parent, ontology=False)
    both = load(tmp_path, ontology=False)
    # all of Leverkusen but its own prefix declaration (vann:preferredNamespacePrefix/Uri)
    own_prefix = 2
    assert len(city) == len(leverkusen) - own_prefix
    assert len(both) == 2 * len(city)
    assert generate.generate(tmp_path, 1) and not (tmp_path / "stadt-002").exists()


def test_two_synthetic_cities_validate_without_violations(tmp_path: Path) -> None:
    """Valid against the shapes as one graph: labels and field letters do not clash."""
    from integrationskonzept import load
    from integrationskonzept.validation import validate

    _module("generate").generate(tmp_path, 2)
    report = validate(load(tmp_path, backend="oxigraph"), lang="en")
    violations = [r for r in report.results if r.severity == "violation"]
    assert violations == [], "\n".join(str(r.message) for r in violations[:5])
    # the warnings and infos are Leverkusen's own, once per city
    alone = validate(load(backend="oxigraph"), lang="en").counts
    assert report.counts == {k: 2 * v for k, v in alone.items()}


# -- the runner's bookkeeping (no timing involved) -----------------------------------------


def test_prediction_skips_a_stage_that_would_take_too_long() -> None:
    measure, stages = _module("measure"), _module("stages")
    slow = stages.Stage("slow", "x", "in-process", "slow")
    long = stages.Stage("long", "x", "process", "long", limit=10_000.0)
    results = measure.Results([slow, long])
    for name in ("slow", "long"):
        results.put(name, 1, measure.Measurement(runs=[1.0, 1.1, 0.9]))
        results.put(name, 10, measure.Measurement(runs=[20.0]))
    # 1 → 10 cities grew 20x: the same exponent predicts 20 x 20 = 400 s for 100 cities
    assert results.predict("slow", 100) == pytest.approx(400.0)
    calls: list[int] = []
    measure.run_in_process(results, "slow", 100, lambda: calls.append(1), repetitions=3)
    skipped = results.get("slow", 100)
    assert calls == [] and skipped.status == "skipped"
    assert "predicted" in skipped.reason and skipped.predicted_seconds == pytest.approx(400.0)
    # a stage with a longer limit of its own is not skipped at the same prediction
    assert measure._skip_if_predicted(results, "long", 100) is None


def test_a_crashing_stage_is_an_error_and_others_go_on() -> None:
    measure, stages = _module("measure"), _module("stages")
    results = measure.Results([stages.Stage("bad", "x", "in-process", "raises")])

    def boom() -> None:
        raise ValueError("broken <stage>")

    assert measure.run_in_process(results, "bad", 1, boom, repetitions=2) is None
    found = results.get("bad", 1)
    assert found.status == "error" and found.runs == []
    assert found.reason == "ValueError: broken <stage>"


def test_ratio_of_two_medians_and_of_a_missing_side() -> None:
    measure, stages, ratios = _module("measure"), _module("stages"), _module("ratios")
    results = measure.Results([stages.Stage(n, "x", "in-process", n) for n in ("a", "b")])
    results.put("a", 1, measure.Measurement(runs=[4.0, 6.0, 5.0]))
    results.put("b", 1, measure.Measurement(runs=[1.0]))
    assert ratios._ratio("a/b", ("a", 1), ("b", 1), results)["value"] == 5.0
    results.put("b", 2, measure.Measurement(status="skipped", reason="too slow"))
    missing = ratios._ratio("a/b", ("a", 1), ("b", 2), results)
    assert missing["value"] is None and "too slow" in missing["reason"]


# -- the report -----------------------------------------------------------------------------


def _hostile(result: dict[str, Any]) -> dict[str, Any]:
    """The result with markup in every place where text from a run reaches the page."""
    doc = copy.deepcopy(result)
    evil = "<script>alert(1)</script> | *x* [l](javascript:x) `y` {z} $w$"
    doc["stages"]["load-memory"]["sizes"]["2"] = {"status": "error", "reason": evil}
    doc["stages"]["validate"]["sizes"]["1"].setdefault("info", {})["note"] = evil
    doc["machine"]["cpu_model"] = evil
    doc["targets"][0]["reason"] = evil
    doc["targets"][0]["met"] = None
    return doc


@pytest.mark.parametrize("lang", ["de", "en"])
def test_report_page_in_both_languages_escapes_text_from_results(
    quick_result: dict[str, Any], tmp_path: Path, lang: str
) -> None:
    report = _module("report")
    written = report.write(_hostile(quick_result), tmp_path, "quick.json")
    page = tmp_path / lang / "benchmarks.md"
    plot = tmp_path / lang / "benchmarks.png"
    assert page in written and plot in written
    assert plot.read_bytes().startswith(b"\x89PNG")
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "](benchmarks.png)" in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "[l](javascript" not in text
    # every row of every table has as many cells as its header (no stray pipe)
    for block in re.findall(r"(?:^\|.*\|\n)+", text, flags=re.MULTILINE):
        rows = [re.split(r"(?<!\\)\|", line)[1:-1] for line in block.splitlines()]
        assert len({len(row) for row in rows}) == 1, block
    expected = "**erfüllt**" if lang == "de" else "**met**"
    assert expected in text  # at least one target is met in any run (stats, queries)


def test_report_is_deterministic(quick_result: dict[str, Any], tmp_path: Path) -> None:
    report = _module("report")
    report.write(quick_result, tmp_path / "a")
    report.write(quick_result, tmp_path / "b")
    for lang in ("de", "en"):
        for name in ("benchmarks.md", "benchmarks.png"):
            a = (tmp_path / "a" / lang / name).read_bytes()
            assert a == (tmp_path / "b" / lang / name).read_bytes(), f"{lang}/{name}"


def test_committed_results_render_to_the_committed_pages(tmp_path: Path) -> None:
    """The packaged benchmarks pages show the figures of benchmarks/results/latest.json."""
    latest = BENCHMARKS / "results" / "latest.json"
    if not latest.is_file():
        pytest.skip("no full run committed yet")
    report = _module("report")
    doc = json.loads(latest.read_text(encoding="utf-8"))
    report.write(doc, tmp_path, latest.name, report.load_speed(), report.load_load())
    for lang in ("de", "en"):
        committed = resources.site_conf_dir() / "pages" / lang / "benchmarks.md"
        fresh = (tmp_path / lang / "benchmarks.md").read_text(encoding="utf-8")
        assert committed.read_text(encoding="utf-8") == fresh, (
            f"pages/{lang}/benchmarks.md is stale: run python benchmarks/report.py"
        )


def test_load_section_shows_both_servers_and_why_a_target_is_missed() -> None:
    """The endpoint's figures stand beside Oxigraph's of the same run; a miss says why."""
    section = _module("load_section")
    load = json.loads((BENCHMARKS / "results" / "load.json").read_text(encoding="utf-8"))
    load = copy.deepcopy(load)
    load["settings"]["rounds"] = 3
    load["phases"]["endpoint"]["throughput_per_s"] = 123.0
    load["phases"]["oxigraph"]["throughput_per_s"] = 456.0
    load["targets"]["throughput_at_least_0.8x_oxigraph"] = {
        "met": False,
        "ratio": 0.27,
        "ratio_to_oxigraph_in_memory": 0.125,
    }
    english = "\n".join(section.load_section(load, "en"))
    assert "| endpoint | " in english
    assert "| Oxigraph alone (read-only, store on disk) | " in english
    assert "| Oxigraph alone (store in memory, writable) | " in english
    assert "Against it the endpoint reaches 0\\.125x of its throughput" in english
    assert "a request costs the endpoint 8\\.00x the computing time it costs Oxigraph" in english
    assert "run in 3 interleaved rounds: the throughput is the median round's" in english
    assert "| 123 |" in english and "| 456 |" in english
    assert "| throughput ≥ 0.8x Oxigraph | 0\\.270x | **missed** |" in english
    assert "### Why targets are missed" in english
    german = "\n".join(section.load_section(load, "de"))
    assert "| Durchsatz ≥ 0,8x Oxigraph | 0\\,270x | **verfehlt** |" in german
    assert "Gegen ihn erreicht der Endpunkt 0\\,125x seines Durchsatzes" in german
    for target in load["targets"].values():
        target["met"] = True
    assert "Why targets" not in "\n".join(section.load_section(load, "en"))
    assert section.load_section(None, "en") == []


def test_load_rounds_pool_latencies_and_take_the_median_round_throughput() -> None:
    load = _module("load")
    rounds = []
    for seconds, latency in ((1.0, 0.010), (2.0, 0.020), (4.0, 0.040)):
        phase = load.Phase("endpoint", seconds=seconds)
        phase.latencies["goals-of-topic"] = [latency] * 100
        rounds.append(phase)
    summary = load.summarise(rounds)
    assert summary["rounds_throughput_per_s"] == [100.0, 50.0, 25.0]
    assert summary["throughput_per_s"] == 50.0  # the median round, not 300 / 7 s
    assert summary["requests"] == 300
    assert summary["latency_ms"] == {"p50": 20.0, "p90": 40.0, "p99": 40.0, "max": 40.0}
