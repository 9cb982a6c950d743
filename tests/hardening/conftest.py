"""Shared pieces of the hardening tests: a small valid city, ways to break it, a CLI runner.

The small city (``city/``) uses Leverkusen's IRIs and file names (``section-4-3.ttl`` holds
field C and ``lev:goal/C-1``), so every corruption below applies to it and to a copy of the
bundled Leverkusen data alike.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from integrationskonzept import resources
from integrationskonzept.cli import main

CITY = Path(__file__).parent / "city"
PROJECT = Path(__file__).resolve().parents[2]
DOCS_CONF = resources.site_conf_dir()
HUGE_SIZE = 10_000_000


def copy_city(target: Path, source: Path = CITY) -> Path:
    """A writable copy of a city's Turtle files at ``target``."""
    shutil.copytree(source, target)
    return target


@pytest.fixture
def city(tmp_path: Path) -> Path:
    """A copy of the small valid city."""
    return copy_city(tmp_path / "city")


@pytest.fixture
def leverkusen(tmp_path: Path) -> Path:
    """A copy of the bundled Leverkusen data."""
    return copy_city(tmp_path / "leverkusen", resources.data_dir())


# ---------------------------------------------------------------- corruptions


@dataclass(frozen=True)
class Corruption:
    """One way to break a city folder; ``apply`` returns facts for the expected message."""

    name: str
    what: str
    apply: Callable[[Path], dict[str, str]]
    # Parses (all commands run) rather than unusable input (exit code 2).
    parses: bool = True


def _append(path: Path, text: str) -> str:
    """Append ``text`` (a new statement on its own line) and return ``file:line`` of it."""
    before = path.read_text(encoding="utf-8")
    after = before + text
    path.write_text(after, encoding="utf-8")
    return f"{path.name}:{after.rstrip(chr(10)).count(chr(10)) + 1}"


def _edit_goal(folder: Path, number: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` inside the block of ``lev:goal/<number>``."""
    path = folder / "section-4-3.ttl"
    text = path.read_text(encoding="utf-8")
    block = re.search(rf"<goal/{re.escape(number)}> a ik:GuidingGoal ;.*?\.\n", text, re.DOTALL)
    assert block is not None, f"goal {number} not found in {path}"
    assert old in block.group(0), f"{old!r} not in goal {number}"
    edited = block.group(0).replace(old, new, 1)
    path.write_text(text[: block.start()] + edited + text[block.end() :], encoding="utf-8")


def _syntax_error(folder: Path) -> dict[str, str]:
    return {"where": _append(folder / "section-4-3.ttl", "\n<goal/X> ik:topic .\n")}


def _undefined_prefix(folder: Path) -> dict[str, str]:
    return {"where": _append(folder / "section-4-3.ttl", "\n<goal/X> nope:topic <field/C> .\n")}


def _wrong_datatype(folder: Path) -> dict[str, str]:
    _edit_goal(folder, "C-1", "ik:number 1 ;", 'ik:number "eins"^^xsd:integer ;')
    return {}


def _not_utf8(folder: Path) -> dict[str, str]:
    path = folder / "section-4-3.ttl"
    raw = path.read_bytes() + "\n# Stra\u00dfe\n".encode("latin-1")
    path.write_bytes(raw)
    line = raw.rstrip(b"\n").count(b"\n") + 1
    return {"where": f"{path.name}:{line}"}


def _empty_file(folder: Path) -> dict[str, str]:
    (folder / "zz-empty.ttl").write_text("", encoding="utf-8")
    return {"where": "zz-empty.ttl"}


def _empty_folder(folder: Path) -> dict[str, str]:
    for path in folder.glob("*.ttl"):
        path.unlink()
    (folder / "README.md").write_text("no Turtle here\n", encoding="utf-8")
    return {}


def _missing_folder(folder: Path) -> dict[str, str]:
    shutil.rmtree(folder)
    return {}


def _dangling_reference(folder: Path) -> dict[str, str]:
    _edit_goal(folder, "C-1", "ik:topic <field/C> ;", "ik:topic <field/Z> ;")
    return {}


def _missing_topic(folder: Path) -> dict[str, str]:
    _edit_goal(folder, "C-1", "    ik:topic <field/C> ;\n", "")
    return {}


def _duplicate_number(folder: Path) -> dict[str, str]:
    _edit_goal(folder, "C-2", "ik:number 2 ;", "ik:number 1 ;")
    return {}


def huge_text(size: int = HUGE_SIZE) -> str:
    """``size`` characters of words (``"Integrationskonzept "`` repeated)."""
    word = "Integrationskonzept "
    return (word * (size // len(word) + 1))[:size].rstrip() + "."


def _huge_literal(folder: Path) -> dict[str, str]:
    _append(folder / "section-4-3.ttl", f'\n<goal/C-1> ik:description "{huge_text()}"@de .\n')
    return {}


def _broader_cycle(folder: Path) -> dict[str, str]:
    _append(
        folder / "strategic-goals.ttl",
        "\n<strategic-goal/lev-gemeinsam> skos:broader"
        " <strategic-goal/lev-gemeinsam/sozialbericht-fortschreiben> .\n",
    )
    return {}


def _unit_of_cycle(folder: Path) -> dict[str, str]:
    _append(folder / "actors.ttl", "\n<actor/stadt-leverkusen> org:unitOf <actor/fb-soziales> .\n")
    return {}


CORRUPTIONS: dict[str, Corruption] = {
    c.name: c
    for c in (
        Corruption("syntax-error", "a Turtle syntax error appended", _syntax_error, False),
        Corruption(
            "undefined-prefix", "a statement with an undeclared prefix", _undefined_prefix, False
        ),
        Corruption("wrong-datatype", 'ik:number "eins"^^xsd:integer', _wrong_datatype),
        Corruption("not-utf8", "a Latin-1 byte in a comment", _not_utf8, False),
        Corruption("empty-file", "an empty .ttl file", _empty_file, False),
        Corruption("empty-folder", "a folder without .ttl files", _empty_folder, False),
        Corruption("missing-folder", "a folder that does not exist", _missing_folder, False),
        Corruption(
            "dangling-reference", "ik:topic points to an undescribed field", _dangling_reference
        ),
        Corruption("missing-topic", "ik:topic removed from lev:goal/C-1", _missing_topic),
        Corruption("duplicate-number", "two guiding goals numbered 1", _duplicate_number),
        Corruption("huge-literal", "a 10 MB literal", _huge_literal),
        Corruption("broader-cycle", "a cycle in skos:broader", _broader_cycle),
        Corruption("unit-of-cycle", "a cycle in org:unitOf", _unit_of_cycle),
    )
}


# ---------------------------------------------------------------- running the CLI


def invoke(args: list[str]) -> Result:
    """Run the CLI in-process; fail on an uncaught exception or a traceback in the output."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {result.exception!r}\n{result.output[-3000:]}")
    assert "Traceback" not in result.output, result.output[-3000:]
    return result


def command_registered(name: str) -> bool:
    """Whether the CLI has a subcommand ``name`` (some land while others are at work)."""
    return name in main.commands


def temp_files(folder: Path) -> list[Path]:
    """Temporary files the atomic writer would leave behind (``.NAME.XXXX.tmp``)."""
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob(".*.tmp"))
