"""Input that cannot be used ends in exit code 2 and a message that says what is wrong.

Each case once ended in a traceback (and exit code 1, which means "validation failed"):
a port out of range, an IRI with a space in the data (``export`` and ``serve`` failed only
when writing it), an IRI parameter holding NUL or another control character, an output
folder that cannot be written, a bad ``push --graph`` or ``--endpoint``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rdflib import Graph

from integrationskonzept.errors import InputError
from integrationskonzept.serve import serve

from .conftest import invoke


def _fails_with(args: list[object], *fragments: str) -> str:
    result = invoke([str(a) for a in args])
    assert result.exit_code == 2, result.output[-2000:]
    for fragment in fragments:
        assert fragment in result.output, result.output[-2000:]
    return result.output


@pytest.mark.parametrize("port", ["99999", "65536", "-1"])
def test_serve_port_out_of_range(port: str) -> None:
    _fails_with(["serve", "--port", port], f"'--port': {port} is not in the range 0<=x<=65535")


def test_serve_library_port_out_of_range(kb: Graph) -> None:
    """Not through the CLI: the endpoint's bind fails with OverflowError, reported."""
    with (
        pytest.raises(InputError, match=re.escape("cannot listen on 127.0.0.1:99999")),
        serve(kb, port=99999),
    ):
        pass


@pytest.fixture
def iri_with_a_space(city: Path) -> Path:
    with (city / "actors.ttl").open("a", encoding="utf-8") as turtle:
        turtle.write('\n<https://example.org/a b> <https://example.org/p> "x" .\n')
    return city


@pytest.mark.parametrize(
    "command",
    [["export"], ["export", "--format", "ntriples"], ["serve", "--port", "0"], ["stats"]],
)
def test_iri_with_a_space_in_the_data(iri_with_a_space: Path, command: list[str]) -> None:
    lines = (iri_with_a_space / "actors.ttl").read_text(encoding="utf-8").count("\n")
    _fails_with([*command, "--data", iri_with_a_space], f"actors.ttl:{lines}:", "Invalid IRI")


@pytest.mark.parametrize("bad", ["\x00", "\x01", " ", "\x1b[31m", "\n"])
@pytest.mark.parametrize("start", ["lev:field/C", "https://example.org/x"])
def test_iri_parameter_with_a_control_character(start: str, bad: str) -> None:
    _fails_with(
        ["query", "goals-of-topic", "--param", f"topic={start}{bad}"], "parameter topic: not an IRI"
    )


def test_push_graph_iri_with_a_space() -> None:
    # refused before any request: the endpoint is never reached
    _fails_with(
        ["push", "--endpoint", "http://127.0.0.1:9/store", "--graph", "https://example.org/a b"],
        "parameter --graph: not an IRI",
    )


@pytest.mark.parametrize(
    ("endpoint", "fragment"),
    [
        ("http://127.0.0.1:99999/store", "not a valid port"),
        ("http://127.0.0.1:9/st\x01ore", "not an http(s) endpoint URL"),
        ("http://127.0.0.1:9/a store", "not an http(s) endpoint URL"),
    ],
)
def test_push_endpoint_that_is_no_url(endpoint: str, fragment: str) -> None:
    _fails_with(["push", "--endpoint", endpoint], fragment)


def test_export_into_a_path_below_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    _fails_with(["export", "-o", blocker / "kb.ttl"], "cannot write the file", "a-file")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root writes into a read-only folder anyway; the case below a file covers root",
)
def test_export_into_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _fails_with(
            ["export", "-o", folder / "kb.ttl"], "cannot write the file", "Permission denied"
        )
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
