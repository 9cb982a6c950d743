"""The validation report page: the SHACL results of the knowledge base, by severity."""

from __future__ import annotations

from collections import Counter
from typing import Any

from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Code,
    Note,
    Page,
    Para,
    Section,
    Table,
    cell,
)
from integrationskonzept.publish.site.i18n import table
from integrationskonzept.publish.site.site import Site
from integrationskonzept.terms import curie


def _get(result: Any, name: str) -> str:
    value = getattr(result, name, None)
    if value is None and isinstance(result, dict):
        value = result.get(name)
    return "" if value is None else str(getattr(value, "value", value))


def _message(report: Any, result: Any, lang: str) -> str:
    message = getattr(result, "message", None)
    if isinstance(message, dict):
        return str(message.get(lang) or message.get("de") or next(iter(message.values()), ""))
    return _get(result, "message")


def page(site: Site) -> Page:
    """The validation page, or a note when the validate module is missing."""
    text = table(site.lang, "validation")
    title = site.ui("page.validation")
    report = site.validation
    if report is None:
        return Page("validation", title, (Para(cell(text["intro"])), Note(cell(text["missing"]))))
    results = list(getattr(report, "results", []) or [])
    blocks: list[Block] = [Para(cell(text["intro"]))]
    if not results:
        blocks.append(Note(cell(text["conforms"])))
        return Page("validation", title, tuple(blocks))
    counts = Counter(_get(r, "severity") for r in results)
    blocks.append(
        Section(
            text["summary"],
            "summary",
            (
                Table(
                    (text["severity"], site.ui("count")),
                    tuple((cell(k), cell(str(v))) for k, v in sorted(counts.items())),
                ),
            ),
        )
    )
    rows: list[tuple[Cell, ...]] = []
    for result in results:
        focus = _get(result, "focus_node")
        path = _get(result, "path")
        rows.append(
            (
                cell(_get(result, "severity")),
                (site.ref(focus, _get(result, "focus_label") or curie(focus)),)
                if focus
                else cell("–"),
                (Code(curie(path)),) if path else cell("–"),
                cell(_message(report, result, site.lang)),
                (Code(curie(_get(result, "source_shape"))),),
            )
        )
    header = (text["severity"], text["focus"], text["path"], text["message"], text["shape"])
    blocks.append(Section(text["results"], "results", (Table(header, tuple(rows)),)))
    return Page("validation", title, tuple(blocks))
