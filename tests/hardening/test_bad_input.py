"""The bad-input matrix: every command that reads data × every way to break the data.

Each cell runs one command on a copy of the small city (``city/``) broken in one way and
checks the documented exit code (0 ok, 1 validation failed, 2 unusable input), a message
fragment (file and line, or node and property), that no traceback is printed, and, for the
commands that write files, that a failed run leaves the previous output as it was and no
temporary file behind.

Data that parses but is wrong (a bad datatype, a dangling reference, a cycle …) makes
``validate`` exit 1 and name the node and property; every other command must still finish
(exit 0) without crashing or hanging. Unusable input (syntax, encoding, empty or missing
files) makes every command exit 2 and name the file and line.

A few cells are repeated on a copy of the bundled Leverkusen data (the acceptance criteria).
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import pytest
from click.testing import Result

from integrationskonzept.pipeline import plan

from .conftest import (
    CORRUPTIONS,
    DOCS_CONF,
    Corruption,
    command_registered,
    copy_city,
    invoke,
    temp_files,
)

PREVIOUS = "previous content\n"
# A cell that takes longer than this is taken to hang (cycles, quadratic work on 10 MB).
CELL_BUDGET_S = 600


def _build_validates() -> bool:
    """Whether ``build`` runs the validate stage (and so exits 1 on violations)."""
    return "validate" in plan("build")


# ---------------------------------------------------------------- the commands


@dataclass(frozen=True)
class Command:
    """How to run one command on ``data`` with outputs below ``out``."""

    name: str
    args: Callable[[Path, Path, str], list[str]]
    # The output a failed run must leave as it was (pre-created with PREVIOUS).
    output: Callable[[Path], Path] | None = None
    slow: bool = False


COMMANDS: dict[str, Command] = {
    c.name: c
    for c in (
        Command("stats", lambda d, o, e: ["stats", "--data", d]),
        Command("validate", lambda d, o, e: ["validate", "--data", d]),
        Command(
            "analyse",
            lambda d, o, e: ["analyse", "--data", d, "--format", "json", "--out", o / "analysis"],
            lambda o: o / "analysis" / "actors.csv",
        ),
        Command(
            "docs",
            lambda d, o, e: [
                "docs",
                "--data",
                d,
                "--conf",
                DOCS_CONF,
                "--out",
                o / "site",
                "--sources",
                o / "sources",
                "--lang",
                "de",
            ],
            lambda o: o / "site" / "index.html",
            slow=True,
        ),
        Command(
            "export",
            lambda d, o, e: ["export", "--data", d, "-o", o / "kb.ttl"],
            lambda o: o / "kb.ttl",
        ),
        Command("query", lambda d, o, e: ["query", "prioritized-fields", "--data", d]),
        Command(
            "build",
            lambda d, o, e: ["build", "--data", d, "--out", o / "build"],
            lambda o: o / "build" / "knowledge-base.ttl",
            slow=True,
        ),
        Command("push", lambda d, o, e: ["push", "--data", d, "--endpoint", e], slow=True),
    )
}

# ---------------------------------------------------------------- the expectations

# Unusable input: exit 2 and these fragments ("{where}" is the corrupted file and line).
UNUSABLE: dict[str, tuple[str, ...]] = {
    "syntax-error": ("{where}", "Turtle syntax error"),
    "undefined-prefix": ("{where}", "nope"),
    "not-utf8": ("{where}", "not valid UTF-8", "save the file as UTF-8"),
    "empty-file": ("{where}", "the file is empty"),
    "empty-folder": ("contains no Turtle (.ttl) files",),
    "missing-folder": ("does not exist",),
}
# Wrong but parsing data: validate exits 1 naming node and property (None: it passes).
VIOLATIONS: dict[str, tuple[str, ...] | None] = {
    "wrong-datatype": ("lev:goal/C-1", "ik:number", "eins"),
    "dangling-reference": ("lev:goal/C-1", "ik:topic", "lev:field/Z"),
    "missing-topic": ("lev:goal/C-1", "ik:topic"),
    "duplicate-number": ("lev:goal/C-1", "lev:goal/C-2", "ik:number"),
    "huge-literal": None,
    "broader-cycle": ("lev:strategic-goal/lev-gemeinsam", "skos:broader"),
    "unit-of-cycle": ("lev:actor/stadt-leverkusen", "org:unitOf"),
}
assert set(UNUSABLE) | set(VIOLATIONS) == set(CORRUPTIONS)
# The docs are built from the typed model, which cannot hold a goal without a field or a
# number that is not a number: the docs command stops before Sphinx, exit 2, naming them.
UNUSABLE_FOR_THE_MODEL: dict[str, tuple[str, ...]] = {
    "wrong-datatype": ("lev:goal/C-1 ik:number", "'eins', not an integer", "validate"),
    "missing-topic": ("lev:goal/C-1 ik:topic", "is missing", "validate"),
}


def expected(command: str, corruption: Corruption, facts: dict[str, str]) -> tuple[int, list[str]]:
    """The exit code and message fragments of one cell of the matrix."""
    if not corruption.parses:
        return 2, ["error:", *(f.format(**facts) for f in UNUSABLE[corruption.name])]
    violations = VIOLATIONS[corruption.name]
    if command == "docs" and corruption.name in UNUSABLE_FOR_THE_MODEL:
        return 2, ["error:", *UNUSABLE_FOR_THE_MODEL[corruption.name]]
    if command == "validate":
        return (0, []) if violations is None else (1, list(violations))
    if command == "build" and violations is not None and _build_validates():
        return 1, ["violation"]
    return 0, []


def _cells() -> Iterator[object]:
    for command in COMMANDS.values():
        for corruption in CORRUPTIONS.values():
            marks: list[pytest.MarkDecorator] = []
            # Unusable input stops every command before the slow part (no server needed).
            if command.slow and (corruption.parses or command.name == "docs"):
                marks.append(pytest.mark.slow)
            yield pytest.param(
                command, corruption, marks=marks, id=f"{command.name}-{corruption.name}"
            )


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def hang_guard() -> Iterator[None]:
    """Fail a cell that runs longer than CELL_BUDGET_S instead of hanging the suite."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"the command ran longer than {CELL_BUDGET_S} s (hangs?)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(CELL_BUDGET_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def store_url() -> Iterator[str]:
    """A writable Oxigraph store (Graph Store Protocol at /store), started on first use."""
    from integrationskonzept.serve import oxigraph_binary, wait_until_up

    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(Path(tmp) / "db"),
             "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
            yield f"http://127.0.0.1:{port}/store"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _store_size(store: str) -> int:
    from integrationskonzept.publish.files.export import DEFAULT_GRAPH_NAME

    text = f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{DEFAULT_GRAPH_NAME}> {{ ?s ?p ?o }} }}"
    url = store.rsplit("/", 1)[0] + "/query?" + urllib.parse.urlencode({"query": text})
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return int(response.read().decode().splitlines()[1])


# ---------------------------------------------------------------- the matrix


def _check(result: Result, code: int, fragments: list[str]) -> None:
    assert result.exit_code == code, (
        f"exit {result.exit_code}, expected {code}\n{result.output[-3000:]}"
    )
    for fragment in fragments:
        assert fragment in result.output, f"{fragment!r} not in:\n{result.output[-3000:]}"


@pytest.mark.parametrize(("command", "corruption"), list(_cells()))
def test_bad_input(
    command: Command,
    corruption: Corruption,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    hang_guard: None,
) -> None:
    if not command_registered(command.name):
        pytest.skip(f"the {command.name!r} command is not registered (yet)")
    data = copy_city(tmp_path / "city")
    facts = corruption.apply(data)
    out = tmp_path / "out"
    output = command.output(out) if command.output else None
    if output is not None:
        output.parent.mkdir(parents=True)
        output.write_text(PREVIOUS, encoding="utf-8")
    endpoint = "http://127.0.0.1:9/store"  # never reached: unusable input stops first
    if command.name == "push" and corruption.parses:
        endpoint = request.getfixturevalue("store_url")
    code, fragments = expected(command.name, corruption, facts)

    result = invoke(command.args(data, out, endpoint))

    _check(result, code, fragments)
    if output is not None and code != 0:
        assert output.read_text(encoding="utf-8") == PREVIOUS, "a failed run changed the output"
    assert temp_files(out) == [], "temporary files left behind"
    if code == 2:
        assert "hint:" in result.output or corruption.name == "missing-folder"


@pytest.mark.slow
def test_failed_push_changes_nothing(city: Path, store_url: str) -> None:
    """A push of unusable input leaves the store's graph as it was."""
    assert invoke(["push", "--data", city, "--endpoint", store_url]).exit_code == 0
    before = _store_size(store_url)
    CORRUPTIONS["syntax-error"].apply(city)
    result = invoke(["push", "--data", city, "--endpoint", store_url])
    assert result.exit_code == 2
    assert _store_size(store_url) == before > 0


# ---------------------------------------------------------------- acceptance, on Leverkusen


def _run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real command in a subprocess (exit code and both streams as a user sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "integrationskonzept", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_validate_names_file_and_line_of_a_syntax_error_in_leverkusen(leverkusen: Path) -> None:
    if not command_registered("validate"):
        pytest.skip("the 'validate' command is not registered (yet)")
    facts = CORRUPTIONS["syntax-error"].apply(leverkusen)
    assert facts["where"] == "section-4-3.ttl:660"
    run = _run_cli("validate", "--data", leverkusen)
    assert run.returncode == 2, run.stderr
    assert f"{leverkusen / 'section-4-3.ttl'}:660:" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_validate_names_the_goal_without_topic_in_leverkusen(leverkusen: Path) -> None:
    if not command_registered("validate"):
        pytest.skip("the 'validate' command is not registered (yet)")
    CORRUPTIONS["missing-topic"].apply(leverkusen)
    run = _run_cli("validate", "--data", leverkusen)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "lev:goal/C-1" in run.stdout + run.stderr
    assert "ik:topic" in run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr


@pytest.mark.parametrize("name", ["syntax-error", "undefined-prefix", "not-utf8"])
@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_both_backends_report_the_same_line_in_leverkusen(
    leverkusen: Path, name: str, backend: str
) -> None:
    """rdflib's own line count drifted by 39 lines on section-4-3.ttl (fixed in load.py)."""
    from integrationskonzept.errors import InputError
    from integrationskonzept.load import load

    facts = CORRUPTIONS[name].apply(leverkusen)
    with pytest.raises(InputError) as info:
        load(leverkusen, backend=backend)  # type: ignore[arg-type]
    assert f"{info.value.path.name}:{info.value.line}" == facts["where"] == "section-4-3.ttl:660"


@pytest.mark.slow
def test_docs_of_leverkusen_with_a_script_in_a_label_show_it_as_text(
    leverkusen: Path, tmp_path: Path
) -> None:
    actors = leverkusen / "actors.ttl"
    text = actors.read_text(encoding="utf-8")
    label = '"Kommunales Integrationszentrum Leverkusen"@de'
    assert text.count(label) == 1
    actors.write_text(
        text.replace(label, '"KI <script>alert(1)</script> Leverkusen"@de'), encoding="utf-8"
    )
    out = tmp_path / "html"
    sources = tmp_path / "sources"
    run = _run_cli("docs", "--data", leverkusen, "--out", out, "--sources", sources, "--lang", "de")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    page = (out / "actor" / "kommunales-integrationszentrum.html").read_text(encoding="utf-8")
    assert "KI &lt;script&gt;alert(1)&lt;/script&gt; Leverkusen" in page
    offenders = [
        str(path.relative_to(out))
        for path in sorted(out.rglob("*.html"))
        if "<script>alert" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
