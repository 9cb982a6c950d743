"""The error-handling page runs its examples for real: each shows the documented exit code."""

from __future__ import annotations

import pytest

from integrationskonzept.cli import main
from integrationskonzept.cli.reference import EXAMPLES, run_examples

# exit code and words the message must hold, per example (in the order of EXAMPLES)
EXPECTED = {
    "Data folder missing": (2, ["gibt-es-nicht"]),
    "Turtle syntax error (file and line)": (2, ["kaputt.ttl:2"]),
    "Validation failed (node, property, what is missing)": (
        1,
        ["stadt/goal/A-1", "ik:topic", "4 violations"],
    ),
    "Query with SERVICE (only the local graph is queried)": (2, ["SERVICE is not allowed"]),
    "Unknown query": (2, ["gibt-es-nicht"]),
    "Bad IRI parameter (no injection into SPARQL)": (2, ["topic"]),
}


def test_every_example_is_checked_here() -> None:
    assert [en for _, en, _, _ in EXAMPLES] == list(EXPECTED)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_examples_give_the_documented_exit_codes_and_messages(lang: str) -> None:
    found = [(e.title, e.command, e.exit_code, e.output) for e in run_examples(main, lang)]
    assert len(found) == len(EXPECTED)
    wrong = []
    for (title, command, code, output), (expected_code, words) in zip(
        found, EXPECTED.values(), strict=True
    ):
        missing = [word for word in words if word not in output]
        if code != expected_code or missing or "Traceback" in output:
            wrong.append((title, command, code, missing, output[-500:]))
    assert wrong == []
