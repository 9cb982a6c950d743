"""Which Turtle file a statement goes into, and writing a city's files.

The conventions of ``data/leverkusen/`` (see its README): the documents, actors and
networks, meetings, statistics, abbreviations, strategic goals, dated statuses and
assessments each have one file; the
rest goes into the file of the report section it comes from (``section-4-3.ttl`` for
``dcterms:source …/section/4.3``). A statement that places a thing in a field's table (a
network's ``ik:topic``, a measure's topic or goal in another section) goes into the file of
that field or goal; a field's strategic goals into ``strategic-goals.ttl``. A row whose
file column names a file goes there instead.

>>> from integrationskonzept.authoring.layout import SHEET
>>> rule_file(SHEET["measures"], ["4.3"]), rule_file(SHEET["actors"], ["4.3"])
('section-4-3.ttl', 'actors.ttl')
>>> rule_file(SHEET["measures"], [])
'measures.ttl'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from rdflib import Graph

from integrationskonzept.atomic import write_text
from integrationskonzept.authoring.layout import Sheet
from integrationskonzept.errors import InputError
from integrationskonzept.publish.files.export import serialize

FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.ttl")
"""What the file column may name: a Turtle file in the city's folder (no sub-folders)."""

HEADER = (
    "# Written by `integrationskonzept sheets import` from the city's workbook.\n"
    "# Edit the workbook and import it again; changes made here are lost on the next import.\n"
)


def rule_file(sheet: Sheet, section_numbers: Sequence[str | None]) -> str:
    """The file of a row by the conventions: the sheet's own file, else that of its first
    source section (``section-<number with hyphens>.ttl``), else ``<sheet>.ttl``."""
    if sheet.file is not None:
        return sheet.file
    for number in section_numbers:
        if number and re.fullmatch(r"[0-9]+(?:\.[0-9]+)*", number):
            return f"section-{number.replace('.', '-')}.ttl"
    return f"{sheet.id}.ttl"


def render(graph: Graph, base: str, prefix: str | None) -> str:
    """One file's Turtle: deterministic, IRIs below ``base`` relative to it."""
    prefixes = {prefix: base} if prefix else {}
    return HEADER + "\n" + serialize(graph, "turtle", base=base, prefixes=prefixes)


def write_city(
    files: Mapping[str, Graph], out: Path, base: str, prefix: str | None
) -> tuple[list[Path], list[Path]]:
    """Write every file atomically into ``out``; remove the ``.ttl`` files there that the
    workbook no longer produces (the workbook is the source of the folder). Returns the
    written and the removed files.

    The texts are made before anything is written, so a failure leaves the folder as it was.
    """
    texts = {name: render(graph, base, prefix) for name, graph in sorted(files.items())}
    if out.exists() and not out.is_dir():
        raise InputError("the output is a file, not a folder", path=out)
    written = []
    for name, text in texts.items():
        target = out / name
        write_text(target, text)
        written.append(target)
    removed = []
    for stale in sorted(out.glob("*.ttl")):
        if stale.name not in texts:
            try:
                stale.unlink()
            except OSError as exc:
                raise InputError(f"cannot remove a file: {exc.strerror}", path=stale) from exc
            removed.append(stale)
    return written, removed
