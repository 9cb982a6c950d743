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
from integrationskonzept.publish.site.site import Site
from integrationskonzept.terms import curie

_TEXT = {
    "de": {
        "intro": "Die SHACL-Formen in shapes/ prüfen bei jedem Bau, dass jede Aussage wohlgeformt, verknüpft und belegt ist. Dieser Bericht ist das Ergebnis für genau die Daten dieser Seite.",  # noqa: E501
        "missing": "Das Prüfmodul (integrationskonzept.validation) ist in dieser Installation nicht verfügbar; der Bericht fehlt deshalb.",  # noqa: E501
        "conforms": "Die Wissensbasis erfüllt alle Formen: keine Befunde.",
        "summary": "Befunde nach Schweregrad", "results": "Befunde",
        "severity": "Schweregrad", "focus": "Ressource", "path": "Pfad", "message": "Meldung", "shape": "Form",  # noqa: E501
    },
    "en": {
        "intro": "On every build the SHACL shapes in shapes/ check that every statement is well-formed, referenced and sourced. This report is the result for exactly the data of this site.",  # noqa: E501
        "missing": "The validation module (integrationskonzept.validation) is not available in this installation, so the report is missing.",  # noqa: E501
        "conforms": "The knowledge base conforms to every shape: no results.",
        "summary": "Results by severity", "results": "Results",
        "severity": "Severity", "focus": "Resource", "path": "Path", "message": "Message", "shape": "Shape",  # noqa: E501
    },
}  # fmt: skip


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
    text = _TEXT[site.lang]
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
