"""The pipeline: one load, one SHACL run, one analysis per build; plans; clear failures."""

from __future__ import annotations

import functools
import json
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import integrationskonzept.analyse.report
import integrationskonzept.validation
from integrationskonzept import load
from integrationskonzept.cli import main
from integrationskonzept.errors import DocsUnavailable, InputError
from integrationskonzept.pipeline import DocsOptions, plan, run, stages
from integrationskonzept.publish.site.inputs import SiteInputs

TINY_CITY = Path(__file__).parents[1] / "hardening" / "city"
MUSTERSTADT_2020 = Path(__file__).parents[1] / "compare" / "fixtures" / "musterstadt-2020"
MUSTERSTADT_2022 = Path(__file__).parents[1] / "compare" / "fixtures" / "musterstadt-2022"

# a goal without its field: a SHACL violation (and a node the model cannot use)
BROKEN_GOAL = """\
@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/integrationskonzept/teststadt/goal/Z-1> a ik:GuidingGoal ;
    skos:prefLabel "Leitziel Z-1"@de ;
    ik:number 1 .
"""


def test_plan_takes_what_a_stage_needs_in_build_order() -> None:
    assert plan("load") == ("load",)
    assert plan("validate") == ("load", "validate")
    assert plan("analyse") == ("load", "analyse")
    assert plan("export") == ("load", "export")
    assert plan("docs") == ("load", "validate", "analyse", "export", "docs")
    assert plan("build") == plan("docs")
    assert plan("build", docs=False) == ("load", "validate", "analyse", "export")
    # with a previous report's data: compare, just before the site
    assert plan("build", previous=True) == (
        "load", "validate", "analyse", "export", "compare", "docs"
    )  # fmt: skip
    assert plan("docs", previous=True) == plan("build", previous=True)
    assert plan("compare") == ("load", "compare")
    assert plan("validate", previous=True) == ("load", "validate")


def test_unknown_stage_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown stage 'publish'"):
        plan("publish")


def test_validate_without_out_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    artefacts, summary = run("validate", data=TINY_CITY, out=None)
    assert [stage.name for stage in summary.stages] == ["load", "validate"]
    assert set(artefacts.need("validation")) == {"de", "en"}
    assert list(tmp_path.iterdir()) == []


def test_a_missing_artefact_names_itself() -> None:
    artefacts, _ = run("load", data=TINY_CITY, out=None)
    with pytest.raises(Exception, match="no 'analysis' yet"):
        artefacts.need("analysis")


# ------------------------------------------------------------- one of each per build


def _count_calls(
    monkeypatch: pytest.MonkeyPatch, log: Path, functions: dict[str, Callable[..., Any]]
) -> None:
    """Wrap each function wherever the package binds it; every call appends its name to
    ``log`` (a file, so that calls in forked children count too)."""

    def counting(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with log.open("a", encoding="utf-8") as file:
                file.write(name + "\n")
            return original(*args, **kwargs)

        return wrapper

    for name, original in functions.items():
        wrapped = counting(name, original)
        for module in list(sys.modules.values()):
            if not getattr(module, "__name__", "").startswith("integrationskonzept"):
                continue
            for attribute, value in list(vars(module).items()):
                if value is original:
                    monkeypatch.setattr(module, attribute, wrapped)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[[], Counter[str]]]:
    log = tmp_path / "calls.log"
    log.touch()
    _count_calls(
        monkeypatch,
        log,
        {
            # the package binds the function load over its module's name
            "load": sys.modules["integrationskonzept.load"].load,
            "shacl": integrationskonzept.validation.validate_in,
            "analyse": integrationskonzept.analyse.report.analyse,
        },
    )
    from_data = SiteInputs.from_data.__func__  # type: ignore[attr-defined]

    def counted_from_data(cls: type[SiteInputs], *args: Any, **kwargs: Any) -> SiteInputs:
        with log.open("a", encoding="utf-8") as file:
            file.write("from_data\n")
        return from_data(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(SiteInputs, "from_data", classmethod(counted_from_data))
    yield lambda: Counter(log.read_text(encoding="utf-8").split())


@pytest.mark.slow
def test_a_build_loads_validates_and_analyses_once(
    tmp_path: Path, calls: Callable[[], Counter[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _, summary = run("build", data=TINY_CITY, out=tmp_path / "out")
    assert [stage.name for stage in summary.stages] == list(plan("build"))
    assert (tmp_path / "out" / "site" / "html" / "en" / "index.html").is_file()
    # the two languages were built in forked children: their calls are in the log too
    assert calls() == Counter({"load": 1, "shacl": 1, "analyse": 1})


def test_a_build_with_a_previous_report_loads_it_once_and_does_not_validate_it(
    tmp_path: Path, calls: Callable[[], Counter[str]]
) -> None:
    out = tmp_path / "out"
    artefacts, summary = run(
        "build", data=MUSTERSTADT_2022, previous=MUSTERSTADT_2020, out=out, docs=False
    )
    assert [stage.name for stage in summary.stages] == [
        "load", "validate", "analyse", "export", "compare"
    ]  # fmt: skip
    # the previous folder is parsed once more; SHACL and the analysis still run once
    assert calls() == Counter({"load": 2, "shacl": 1, "analyse": 1})
    found = artefacts.need("comparison")
    assert sum(found.diff.counts().values()) == 7
    assert summary.stage("compare").outputs == [out / "changes.json", out / "changes.md"]
    assert json.loads((out / "changes.json").read_text(encoding="utf-8"))["counts"]["goals"] == 1


def test_a_missing_previous_folder_stops_the_build_before_any_work(tmp_path: Path) -> None:
    runner = CliRunner()
    for command in ("build", "docs"):
        result = runner.invoke(
            main,
            [command, "--data", str(TINY_CITY), "--previous", str(tmp_path / "gone"),
             "--out", str(tmp_path / "out")],
        )  # fmt: skip
        assert result.exit_code == 2, result.output
        assert "gone" in result.output and "does not exist" in result.output
    assert not (tmp_path / "out").exists()


def test_validate_and_analyse_commands_load_once(
    tmp_path: Path, calls: Callable[[], Counter[str]]
) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["validate", "--data", str(TINY_CITY)]).exit_code == 0
    assert runner.invoke(main, ["analyse", "--data", str(TINY_CITY)]).exit_code == 0
    assert calls() == Counter({"load": 2, "shacl": 1, "analyse": 1})


# ------------------------------------------------------------- failures explained


def test_build_with_violations_names_the_nodes_and_the_report(tmp_path: Path) -> None:
    data = shutil.copytree(TINY_CITY, tmp_path / "city")
    (data / "broken.ttl").write_text(BROKEN_GOAL, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "teststadt/goal/Z-1" in result.output
    assert "[ik:topic]" in result.output
    assert str(out / "validation-report.txt") in result.output
    assert (out / "validation-report.txt").is_file()
    assert not (out / "site").exists()  # stopped before the site


def test_build_without_the_docs_extra_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stages, "DOCS_PACKAGES", ("sphinx", "no_such_package_for_docs"))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    refused = runner.invoke(main, ["build", "--data", str(TINY_CITY), "--out", "out"])
    assert refused.exit_code == 2
    assert "no_such_package_for_docs" in refused.output
    assert "--no-docs" in refused.output
    assert not (tmp_path / "out").exists()  # refused before any work
    with pytest.raises(DocsUnavailable):
        run("docs", data=TINY_CITY, out=None)
    done = runner.invoke(main, ["build", "--data", str(TINY_CITY), "--out", "out", "--no-docs"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "out" / "knowledge-base.ttl").is_file()
    assert not (tmp_path / "out" / "site").exists()


def test_docs_options_place_the_site(tmp_path: Path) -> None:
    options = DocsOptions(out=tmp_path / "html", lang="de", sources=tmp_path / "src")
    artefacts, _ = run("docs", data=TINY_CITY, out=None, docs_options=options)
    assert [result.lang for result in artefacts.docs or []] == ["de"]
    assert (tmp_path / "html" / "index.html").is_file()
    assert not (tmp_path / "html" / "en").exists()


# ------------------------------------------------------------- nothing lost


def _parsed(path: Path) -> Graph:
    return Graph().parse(path, format="nt")


@pytest.mark.parametrize("city", [None, TINY_CITY], ids=["leverkusen", "tiny"])
def test_build_exports_are_the_graph_of_the_data(tmp_path: Path, city: Path | None) -> None:
    """build/ holds the statements as written in the Turtle files: no datatype changed
    (xsd:positiveInteger stays), no lexical form rewritten, no ^^xsd:string added; and the
    same graph as the export command writes."""
    run("export", data=city, out=tmp_path / "out")
    exact = load(city)
    built = _parsed(tmp_path / "out" / "knowledge-base.nt")
    assert isomorphic(built, exact), _difference(built, exact)
    command = CliRunner().invoke(
        main, ["export", "--format", "ntriples", *(["--data", str(city)] if city else [])]
    )
    assert command.exit_code == 0
    assert isomorphic(Graph().parse(data=command.output, format="nt"), built)
    turtle = Graph().parse(tmp_path / "out" / "knowledge-base.ttl", format="turtle")
    assert isomorphic(turtle, exact)


def test_site_entity_files_keep_the_datatypes(tmp_path: Path) -> None:
    """The statements the site publishes per page come from the graph as parsed too."""
    artefacts, _ = run("load", out=None)
    kb = artefacts.need("kb")
    section = "https://w3id.org/integrationskonzept/leverkusen/report-2019/section/4.6"
    pages = {str(v.datatype) for p, v in kb.statements.outgoing(section) if p.endswith("startPage")}
    assert pages == {"http://www.w3.org/2001/XMLSchema#positiveInteger"}


def _difference(a: Graph, b: Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return f"only in build: {sorted(only_a)[:3]}; only in data: {sorted(only_b)[:3]}"
