"""``integrationskonzept validate``: exit codes 0/1/2, languages, formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from integrationskonzept.cli import main

from .fixtures_lib import BASE, FIXTURES


def _city(tmp_path: Path, *fixtures: str) -> Path:
    folder = tmp_path / "musterstadt"
    folder.mkdir()
    shutil.copy(BASE, folder / "base.ttl")
    for name in fixtures:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_conforming_city_exits_0(tmp_path: Path) -> None:
    code, out, err = _run("--data", str(_city(tmp_path)))
    assert code == 0, out + err
    assert out.splitlines()[-1] == "0 Verstöße, 0 Warnungen, 0 Hinweise"
    assert err == ""


def test_violations_exit_1_with_german_messages(tmp_path: Path) -> None:
    code, out, err = _run("--data", str(_city(tmp_path, "GoalShape-iri-topic.ttl")))
    assert code == 1
    assert "Ein Leitziel gehört zu genau einem Handlungsfeld oder Querschnittsthema" in out
    assert "Leitziel B-1 (https://w3id.org/integrationskonzept/musterstadt/goal/B-1)" in out
    assert out.splitlines()[-1] == "3 Verstöße, 0 Warnungen, 0 Hinweise"
    assert "validation failed: 3 violations" in err
    assert "Traceback" not in out + err


def test_english_messages(tmp_path: Path) -> None:
    code, out, _ = _run("--data", str(_city(tmp_path, "GoalShape-iri-topic.ttl")), "--lang", "en")
    assert code == 1
    assert "A guiding goal belongs to exactly one field of action or cross-cutting topic" in out
    assert "Guiding goal B-1" in out
    assert out.splitlines()[-1] == "3 violations, 0 warnings, 0 infos"


def test_json_output(tmp_path: Path) -> None:
    code, out, _ = _run(
        "--data",
        str(_city(tmp_path, "GoalShape-statements.ttl")),
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"conforms", "counts", "lang", "results"}
    assert data["counts"] == {"violation": 3, "warning": 1, "info": 0}
    assert data["lang"] == "en"
    assert set(data["results"][0]) == {
        "severity",
        "focus_node",
        "focus_label",
        "focus_curie",
        "path",
        "value",
        "message",
        "source_shape",
        "constraint_component",
    }


def test_warnings_pass_unless_fail_on_warning(tmp_path: Path) -> None:
    folder = _city(tmp_path, "ActorKindShape.ttl")
    code, out, _ = _run("--data", str(folder))
    assert code == 0, out
    assert out.splitlines()[-1] == "0 Verstöße, 1 Warnung, 0 Hinweise"
    code, _, err = _run("--data", str(folder), "--fail-on", "warning")
    assert code == 1
    assert "1 warning" in err


def test_broken_turtle_exits_2(tmp_path: Path) -> None:
    folder = _city(tmp_path)
    (folder / "broken.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    code, out, err = _run("--data", str(folder))
    assert code == 2
    assert "broken.ttl:1" in err
    assert "Traceback" not in out + err


def test_missing_folder_exits_2(tmp_path: Path) -> None:
    code, _, err = _run("--data", str(tmp_path / "gone"))
    assert code == 2
    assert "does not exist" in err


def test_bundled_leverkusen_passes() -> None:
    code, out, _ = _run("--lang", "en")
    assert code == 0, out[-3000:]
    assert out.splitlines()[-1].startswith("0 violations")
