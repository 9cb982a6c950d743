"""Control characters from the data reach the terminal as visible escapes, never raw.

``query`` (table), ``stats`` (table), ``validate`` (text), ``analyse`` (table) and error
messages show labels, IRIs and values from the data; an ``ESC [`` sequence, a bell or a
right-to-left override among them must show as ``\\x1b``, ``\\x07``, ``\\u202e``. The data
formats (CSV, JSON) are data and keep the text as it is (see test_hostile_text).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result

from .conftest import invoke
from .hostile import ACTORS, GOAL, hostile_city

LABEL = "FB \x1b[31mrot\x1b[0m\x07 \u202eesrever \x9b2J"
SHOWN = "FB \\x1b[31mrot\\x1b[0m\\x07 \\u202eesrever \\x9b2J"
RAW = ("\x1b", "\x07", "\u202e", "\x9b")


def _shown(result: Result) -> str:
    """Everything the command wrote, stdout and stderr, checked free of raw controls."""
    text = result.stdout_bytes.decode("utf-8") + (result.stderr_bytes or b"").decode("utf-8")
    for raw in RAW:
        assert raw not in text, f"raw {raw!r} in the output:\n{text[-2000:]}"
    return text


@pytest.fixture
def city(tmp_path: Path) -> Path:
    return hostile_city(tmp_path / "city", {ACTORS[3]: LABEL, ACTORS[4]: LABEL, GOAL: LABEL})


def test_query_table(city: Path) -> None:
    text = (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        f"SELECT ?label WHERE {{ <{ACTORS[3].iri}> skos:prefLabel ?label }}"
    )
    result = invoke(["query", "--data", city, "--text", text])
    assert result.exit_code == 0, result.output[-2000:]
    assert SHOWN in _shown(result)


def test_validate_text(city: Path) -> None:
    # an ill-typed number makes a result about the goal, whose label the report shows
    path = city / "section-4-3.ttl"
    source = path.read_text(encoding="utf-8")
    block = source.index("<goal/C-1> a ik:GuidingGoal")
    number = source.index("ik:number 1 ;", block)
    bad = 'ik:number "1\\u001B[2J"^^xsd:integer ;'
    path.write_text(source[:number] + bad + source[number + len("ik:number 1 ;") :], "utf-8")
    result = invoke(["validate", "--data", city])
    assert result.exit_code == 1, result.output[-2000:]
    shown = _shown(result)
    assert SHOWN in shown
    assert "1\\x1b[2J" in shown


def test_stats_table(city: Path) -> None:
    with (city / "actors.ttl").open("a", encoding="utf-8") as turtle:
        turtle.write(
            "\n<https://example.org/x> a "
            "<https://w3id.org/integrationskonzept/ontology#B\\u202Ese> .\n"
        )
    result = invoke(["stats", "--data", city])
    assert result.exit_code == 0, result.output[-2000:]
    assert "ik:B\\u202ese" in _shown(result)


def test_analyse_table(city: Path) -> None:
    result = invoke(["analyse", "--data", city])
    assert result.exit_code == 0, result.output[-2000:]
    assert "\\x1b[31m" in _shown(result)


def test_error_message(tmp_path: Path) -> None:
    missing = tmp_path / "gone\x1b]0;title\x07"
    result = invoke(["stats", "--data", missing])
    assert result.exit_code == 2, result.output[-2000:]
    assert "gone\\x1b]0;title\\x07: the data folder does not exist" in _shown(result)
