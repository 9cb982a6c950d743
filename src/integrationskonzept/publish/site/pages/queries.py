"""The SPARQL gallery: every named query with its text and its live result.

Parameters take the example values of :data:`EXAMPLES`; a parameter not listed there takes
the example from its description (``z. B. lev:field/C``).
"""

from __future__ import annotations

import re
from typing import Any

from integrationskonzept.errors import IntegrationskonzeptError
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    CodeBlock,
    Facts,
    Note,
    Page,
    Para,
    Section,
    Table,
    cell,
)
from integrationskonzept.publish.site.site import Site
from integrationskonzept.query import named_queries, query

EXAMPLES: dict[str, dict[str, str]] = {
    "agreements-of-meeting": {
        "meeting": "lev:meeting/2019-02-22-workshop-controlling-gruppe-fachgruppe"
    },
    "describe-resource": {"iri": "lev:goal/C-1"},
    "fields-of-network": {
        "network": "lev:network/ak-jugend-schule-familie-soziales-und-erwachsenenbildung"
    },
    "goals-of-topic": {"topic": "lev:field/C"},
    "indicators-of-topic": {"topic": "lev:field/A"},
    "leads-of-network": {"network": "lev:network/runder-tisch-deutsch"},
    "measures-by-status": {"topic": "lev:field/D"},
    "networks-led-by": {"actor": "lev:actor/kommunales-integrationszentrum"},
    "networks-of-topic": {"topic": "lev:field/B"},
    "observations-of-dataset": {"dataset": "lev:dataset/gefluechtete-2017-2018"},
}
MAX_ROWS = 30
_EXAMPLE = re.compile(r"z\.\s*B\.\s*(\S+)")

_TEXT = {
    "de": {
        "intro": "Jede benannte Abfrage der Bibliothek mit ihrem Text und ihrem Ergebnis auf den Daten dieser Seite. Ausführen in Python mit integrationskonzept.query.query(name, graph, **parameter) oder auf der Kommandozeile:",  # noqa: E501
        "name": "Name", "params": "Parameter (Beispiel)", "result": "Ergebnis",
        "rows": "Zeilen", "shown": "gezeigt: die ersten", "none": "keine", "error": "Die Abfrage schlug fehl:",  # noqa: E501
        "ask": "Antwort",
    },
    "en": {
        "intro": "Every named query of the library with its text and its result on this site's data. Run it in Python with integrationskonzept.query.query(name, graph, **parameters) or on the command line:",  # noqa: E501
        "name": "Name", "params": "Parameters (example)", "result": "Result",
        "rows": "rows", "shown": "shown: the first", "none": "none", "error": "The query failed:",
        "ask": "Answer",
    },
}  # fmt: skip


def example_params(name: str, parameters: tuple[object, ...]) -> dict[str, str]:
    """The example value of every parameter of a named query."""
    found = dict(EXAMPLES.get(name, {}))
    for parameter in parameters:
        pname = str(getattr(parameter, "name", ""))
        if pname not in found:
            match = _EXAMPLE.search(str(getattr(parameter, "description", "")))
            if match:
                found[pname] = match.group(1).rstrip(".,;")
    return found


def _result(site: Site, name: str, params: dict[str, str], text: dict[str, str]) -> list[Block]:
    try:
        result = query(name, site.kb.graph, **dict[str, Any](params))
    except IntegrationskonzeptError as exc:
        return [Note(cell(f"{text['error']} {exc}"))]
    if result.ask is not None:
        return [Para(cell(f"{text['ask']}: {site.ui('yes' if result.ask else 'no')}"))]
    rows: list[tuple[Cell, ...]] = [
        tuple(site.value(term) if term is not None else cell("") for term in row)
        for row in result.rows[:MAX_ROWS]
    ]
    count = f"{len(result)} {text['rows']}"
    if len(result) > MAX_ROWS:
        count += f" ({text['shown']} {MAX_ROWS})"
    blocks: list[Block] = [Para(cell(count))]
    if rows:
        blocks.append(Table(result.variables, tuple(rows)))
    return blocks


def page(site: Site) -> Page:
    """The gallery page."""
    text = _TEXT[site.lang]
    blocks: list[Block] = [
        Para(cell(text["intro"])),
        CodeBlock(
            "integrationskonzept queries\nintegrationskonzept query NAME --param NAME=VALUE\n",
            "shell",
        ),
    ]
    for name, named in named_queries().items():
        params = example_params(name, named.parameters)
        shown = ", ".join(f"{k}={v}" for k, v in params.items()) or text["none"]
        description = named.description.get(site.lang) or named.description.get("de") or ""
        command = f"integrationskonzept query {name}" + "".join(
            f" --param {k}={v}" for k, v in params.items()
        )
        section: list[Block] = [
            Para(cell(description)),
            Facts(((text["name"], cell(name)), (text["params"], cell(shown)))),
            CodeBlock(named.text.rstrip() + "\n", "sparql"),
            CodeBlock(command + "\n", "shell"),
            Section(text["result"], f"result-{name}", tuple(_result(site, name, params, text))),
        ]
        blocks.append(Section(named.title_in(site.lang), f"q-{name}", tuple(section)))
    return Page("queries", site.ui("page.queries"), tuple(blocks))
