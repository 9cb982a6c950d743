"""``compare`` and ``integrationskonzept diff``: Leverkusen against itself, and a fictional
second report with planted changes, each reported exactly once.

``fixtures/musterstadt-2020`` and ``fixtures/musterstadt-2022`` are the knowledge base of a
fictional city after its first and after its second report; the header of the 2022 file lists
the seven planted changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from integrationskonzept.cli import main
from integrationskonzept.compare import Diff, compare, render
from integrationskonzept.model import KnowledgeBase
from integrationskonzept.validation import validate

FIXTURES = Path(__file__).parent / "fixtures"
OLD, NEW = FIXTURES / "musterstadt-2020", FIXTURES / "musterstadt-2022"
MS = "https://w3id.org/integrationskonzept/musterstadt/"
LEVERKUSEN = Path(__file__).resolve().parents[2] / "data" / "leverkusen"


def _tail(iri: str) -> str:
    return iri.removeprefix(MS)


@pytest.fixture(scope="module")
def old() -> KnowledgeBase:
    return KnowledgeBase(OLD).check()


@pytest.fixture(scope="module")
def new() -> KnowledgeBase:
    return KnowledgeBase(NEW).check()


@pytest.fixture(scope="module")
def diff(old: KnowledgeBase, new: KnowledgeBase) -> Diff:
    return compare(old, new, old_source="2020", new_source="2022")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


# ---------------------------------------------------------------- Leverkusen against itself


def test_leverkusen_against_itself_is_empty() -> None:
    kb = KnowledgeBase().check()
    diff = compare(kb, kb)
    assert diff.is_empty()
    assert set(diff.counts().values()) == {0}


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_the_command_on_leverkusen_twice_shows_no_change(fmt: str) -> None:
    code, out, err = _run(str(LEVERKUSEN), str(LEVERKUSEN), "--format", fmt, "--lang", "en")
    assert (code, err) == (0, "")
    if fmt == "json":
        assert set(json.loads(out)["counts"].values()) == {0}
    else:
        assert out.rstrip().endswith("No changes.")


# ---------------------------------------------------------------- the planted changes


def test_the_fictional_reports_are_valid_data() -> None:
    for folder in (OLD, NEW):
        report = validate(KnowledgeBase(folder).graph)
        assert not [r for r in report.results if r.severity == "violation"], report.to_text("en")


def test_each_planted_change_is_reported_exactly_once(diff: Diff) -> None:
    assert diff.counts() == {
        "measures_added": 1,
        "measures_removed": 1,
        "status_changed": 1,
        "leads": 1,
        "responsibilities": 0,  # the added and removed measures' own responsibilities: part of them
        "agreements_added": 0,
        "agreements_removed": 0,
        "needs_added": 1,
        "needs_removed": 0,
        "goals": 1,
        "renamed": 1,  # a new label is a change, not a removal and an addition
    }


def test_a_measure_added_and_one_removed(diff: Diff) -> None:
    [added] = diff.measures_added
    assert (_tail(added.measure.iri), added.status, added.date) == (
        "measure/lesecafe",
        "ongoing",
        "2022-03",
    )
    [removed] = diff.measures_removed
    assert (_tail(removed.measure.iri), removed.status, removed.date) == (
        "measure/elternbrief",
        "implemented",
        "2020-03",
    )
    assert removed.measure.label_de == "Elternbrief"  # labels of what is gone: from the old side


def test_a_status_change_with_both_dates(diff: Diff) -> None:
    [change] = diff.status_changed
    assert _tail(change.measure.iri) == "measure/sprachkurs"
    assert (change.old_status, change.old_date) == ("planned", "2020-03")
    assert (change.new_status, change.new_date) == ("implemented", "2022-03")


def test_a_lead_change(diff: Diff) -> None:
    [lead] = diff.leads
    assert _tail(lead.target.iri) == "network/runder-tisch-sprache"
    assert lead.role == "Lead"
    assert lead.topic is not None and _tail(lead.topic.iri) == "field/A"
    assert [_tail(a.iri) for a in lead.before] == ["actor/vhs"]
    assert [_tail(a.iri) for a in lead.after] == ["actor/stadt"]


def test_a_renamed_label_and_a_goal_that_gained_a_measure(diff: Diff) -> None:
    [rename] = diff.renamed
    assert (rename.kind, _tail(rename.iri)) == ("measure", "measure/hausaufgabenhilfe")
    assert (rename.old_de, rename.new_de) == ("Hausaufgabenhilfe", "Hausaufgabenhilfe im Quartier")
    assert (rename.old_en, rename.new_en) == (None, None)  # the English label stayed
    [goal] = diff.goals
    assert (goal.code, [_tail(m.iri) for m in goal.gained], goal.lost) == (
        "A-2",
        ["measure/hausaufgabenhilfe"],
        (),
    )


def test_a_need_added_and_the_same_need_removed_the_other_way_round(
    diff: Diff, old: KnowledgeBase, new: KnowledgeBase
) -> None:
    assert [_tail(n.iri) for n in diff.needs_added] == ["need/A-2"]
    back = compare(new, old)
    # the data cannot say a need was fulfilled: a need that is gone is "removed"
    assert [_tail(n.iri) for n in back.needs_removed] == ["need/A-2"]
    assert [_tail(m.measure.iri) for m in back.measures_added] == ["measure/elternbrief"]
    assert back.counts() == diff.counts() | {"needs_added": 0, "needs_removed": 1}


def test_the_sides_name_their_reports(diff: Diff) -> None:
    assert [r.label_de for r in diff.old.reports] == ["1. Umsetzungsbericht der Musterstadt"]
    assert len(diff.new.reports) == 2


def test_the_second_report_keeps_the_history_of_a_status(new: KnowledgeBase) -> None:
    history = new.measure(MS + "measure/sprachkurs").status_history
    assert [(a.date, a.status, _tail(a.report or "")) for a in history] == [
        ("2020-03", "planned", "report-2020"),
        ("2022-03", "implemented", "report-2022"),
    ]
    assert new.measure(MS + "measure/sprachkurs").status == history[-1].status


# ---------------------------------------------------------------- formats


def test_text_names_each_change_once(diff: Diff) -> None:
    text = render(diff, "text", lang="en", prefixes={"ms": MS})
    assert "Language course for parents (ms:measure/sprachkurs): planned (as of 2020-03)" in text
    assert "→ implemented (as of 2022-03)" in text
    assert text.count("ms:measure/lesecafe") == 1
    assert text.count("ms:measure/elternbrief") == 1
    assert "Musterstadt adult education centre (ms:actor/vhs) → City of Musterstadt" in text
    assert text.rstrip().endswith("7 changes")


def test_markdown_has_a_heading_per_section_and_escapes_labels(diff: Diff) -> None:
    text = render(diff, "markdown", lang="de", prefixes={"ms": MS})
    assert text.startswith("# Änderungen von 2020 nach 2022\n")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Maßnahmen neu (1)",
        "## Maßnahmen entfallen (1)",
        "## Umsetzungsstand geändert (1)",
        "## Federführung geändert (1)",
        "## Bedarfe neu (1)",
        "## Leitziele mit neuen oder entfallenen Maßnahmen (1)",
        "## Umbenannt (1)",
    ]
    assert "- Lesecafé (`ms:measure/lesecafe`) – laufend (Stand 2022-03)" in text


def test_json_is_deterministic_and_complete(
    diff: Diff, old: KnowledgeBase, new: KnowledgeBase
) -> None:
    text = render(diff, "json")
    assert text == render(compare(old, new, old_source="2020", new_source="2022"), "json")
    data: dict[str, Any] = json.loads(text)
    assert data["counts"]["renamed"] == 1
    assert data["status_changed"][0]["new_status"] == "implemented"
    assert data["leads"][0]["after"][0]["iri"] == MS + "actor/stadt"


def test_the_command_shows_the_fixture_diff_and_exits_0() -> None:
    code, out, _ = _run(str(OLD), str(NEW), "--lang", "en")
    assert code == 0
    assert "Measures added (1)" in out and "Leads changed (1)" in out
    assert "ms:measure/sprachkurs" in out  # the city's own prefix, read from its data


# ---------------------------------------------------------------- unusable input


def test_a_missing_folder_exits_2(tmp_path: Path) -> None:
    code, _, err = _run(str(OLD), str(tmp_path / "gone"))
    assert code == 2
    assert "does not exist" in err


def test_broken_turtle_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    code, _, err = _run(str(OLD), str(tmp_path))
    assert code == 2
    assert "broken.ttl:1" in err


@pytest.mark.parametrize(
    "args", [[], [str(OLD)], [str(OLD), str(NEW), "--git", "HEAD", "HEAD"]], ids=str
)
def test_wrong_arguments_exit_2(args: list[str]) -> None:
    code, _, _ = _run(*args)
    assert code == 2
