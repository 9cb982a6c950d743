"""The SPARQL gallery: every named query with its text and its result as built.

Parameters take the example values of :data:`EXAMPLES`; a parameter not listed there takes
the example from its description (``z. B. lev:field/C``). Results show plain values (numbers,
text, labelled links), not RDF terms. Each query links to the local endpoint
(``integrationskonzept serve``) with its text made standalone: prefixes declared and the
example parameters bound in a ``VALUES`` clause.
"""

from __future__ import annotations

import re
import warnings
from typing import Any
from urllib.parse import quote

from rdflib import Literal

from integrationskonzept.errors import IntegrationskonzeptError, UnmatchedParameterWarning
from integrationskonzept.namespaces import PREFIXES
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    CodeBlock,
    Facts,
    Link,
    Note,
    Page,
    Para,
    Section,
    Table,
    Text,
    cell,
)
from integrationskonzept.publish.site.i18n import table
from integrationskonzept.publish.site.site import Site
from integrationskonzept.query import NamedQuery, named_queries, query
from integrationskonzept.query.runner import to_iri

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
# where `integrationskonzept serve` answers by default
ENDPOINT = "http://127.0.0.1:7878/query"
_WHERE = re.compile(r"\bWHERE\s*\{|\{", re.IGNORECASE)


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


def standalone(named: NamedQuery, params: dict[str, str]) -> str:
    """The query as any SPARQL endpoint takes it: the prefixes it uses declared, the header
    comments left out, the parameters bound by a ``VALUES`` clause at the start of its
    ``WHERE`` block.

    >>> text = standalone(named_queries()["goals-of-topic"], {"topic": "lev:field/C"})
    >>> print(text.splitlines()[0])
    PREFIX ik: <https://w3id.org/integrationskonzept/ontology#>
    >>> "VALUES ?topic { <https://w3id.org/integrationskonzept/leverkusen/field/C> }" in text
    True
    """
    body = "\n".join(line for line in named.text.splitlines() if not line.startswith("#"))
    body = body.strip() + "\n"
    values = []
    for parameter in named.parameters:
        value = params[parameter.name]
        if parameter.type == "iri":
            term = to_iri(value, parameter.name).n3()
        elif parameter.type == "integer":
            term = Literal(int(value)).n3()
        else:
            term = Literal(value).n3()
        values.append(f"VALUES ?{parameter.name} {{ {term} }}")
    found = _WHERE.search(body)
    if values and found is not None:
        body = f"{body[: found.end()]} {' '.join(values)}{body[found.end() :]}"
    used = [p for p in sorted(PREFIXES) if re.search(rf"(?<![\w<]){p}:", body)]
    prologue = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used)
    return prologue + body


def endpoint_link(site: Site, named: NamedQuery, params: dict[str, str]) -> Para | None:
    """A link that runs the query on the local endpoint (marked as needing it)."""
    try:
        text = standalone(named, params)
    except (IntegrationskonzeptError, KeyError, ValueError):
        return None
    url = f"{ENDPOINT}?query={quote(text, safe='')}"
    return Para(
        (
            Link(site.ui("run_endpoint"), url=url),
            Text(f" ({site.ui('run_endpoint_note')})"),
        )
    )


def _result(site: Site, name: str, params: dict[str, str], text: dict[str, str]) -> list[Block]:
    try:
        # the examples name Leverkusen's resources: on another city's data they may match
        # nothing, which the page says instead of a warning on the build's terminal
        with warnings.catch_warnings(record=True) as unmatched:
            warnings.simplefilter("always", UnmatchedParameterWarning)
            result = query(name, site.kb.graph, **dict[str, Any](params))
    except IntegrationskonzeptError as exc:
        return [Note(cell(f"{text['error']} {exc}"))]
    notes: list[Block] = [
        Note(cell(text["unmatched"]))
        for w in unmatched[:1]
        if w.category is UnmatchedParameterWarning
    ]
    if result.ask is not None:
        return [Para(cell(f"{text['ask']}: {site.ui('yes' if result.ask else 'no')}"))]
    rows: list[tuple[Cell, ...]] = [
        tuple(site.plain(term) if term is not None else cell("") for term in row)
        for row in result.rows[:MAX_ROWS]
    ]
    count = f"{len(result)} {text['rows']}"
    if len(result) > MAX_ROWS:
        count += f" ({text['shown']} {MAX_ROWS})"
    blocks: list[Block] = [*notes, Para(cell(count))]
    if rows:
        blocks.append(Table(result.variables, tuple(rows)))
    return blocks


def page(site: Site) -> Page:
    """The gallery page."""
    text = table(site.lang, "queries")
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
        link = endpoint_link(site, named, params)
        section: list[Block] = [
            Para(cell(description)),
            Facts(((text["name"], cell(name)), (text["params"], cell(shown)))),
            CodeBlock(named.text.rstrip() + "\n", "sparql"),
            CodeBlock(command + "\n", "shell"),
            *([link] if link is not None else []),
            Section(
                site.ui("results_as_built"),
                f"result-{name}",
                tuple(_result(site, name, params, text)),
            ),
        ]
        blocks.append(Section(named.title_in(site.lang), f"q-{name}", tuple(section)))
    return Page("queries", site.ui("page.queries"), tuple(blocks))
