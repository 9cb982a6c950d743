"""The validate stage: check a knowledge base against the SHACL shapes in ``shapes/``.

:func:`validate` runs pyshacl and turns its report graph into a :class:`ValidationReport` of
:class:`ValidationResult` dataclasses: one per problem, with severity, focus node (IRI, label,
CURIE), path, value and a message for an integration-office employee in German or English.
The report renders as text (grouped by focus node) and as deterministic JSON.

>>> report = validate(_example_graph(), lang="en")  # a tiny city whose report names no concept
>>> report.conforms, report.summary()
(False, '1 violation, 0 warnings, 0 infos')
>>> result = report.results[0]
>>> result.focus_label, result.path, result.source_shape
('Implementation report 2020', 'ik:reportsOn', 'iksh:ReportShape-reportsOn')
>>> print(result.message)  # doctest: +ELLIPSIS
An implementation report reports on exactly one integration concept (ik:reportsOn → ...).

How it is run, and why:

* Inference is off (``inference="none"``): :func:`~integrationskonzept.load.load` already
  merges the ontology into the graph, so ``sh:targetClass`` and ``sh:class`` see its
  ``rdfs:subClassOf`` hierarchy without an inference pass.
* SHACL-AF is on (``advanced=True``) for the SPARQL targets: a few checks select their
  candidates with one query instead of checking thousands of nodes one by one.
* pyshacl evaluates a property shape reached through ``sh:property`` once per focus node and
  rebuilds its constraints each time. :func:`shapes_graph` therefore gives every such
  property shape its node shape's targets and drops the ``sh:property`` link: the same
  checks with the same results (the source shape of a result is the property shape either
  way), in about half the time. The Turtle files stay plain, idiomatic SHACL.
* SPARQL constraints run on Oxigraph: an Oxigraph-backed graph is validated in place
  (its size cached, since pyshacl asks for it for every result), any other graph is first
  copied into an Oxigraph store. rdflib parses every pyshacl query anew, ~3 ms each.
* The shapes graph is checked against SHACL's own shapes (SHACL-SHACL) by
  :func:`check_shapes`, which the tests call, not on every run.

Known limits: pyshacl formats SPARQL messages (``{?value}``) into untagged literals; their
language is recovered by matching them against the ``sh:message`` templates. Paths are shown
as CURIEs; an inverse path as ``^ik:responsibleFor``; other complex paths as ``<path>``.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from integrationskonzept import resources
from integrationskonzept.errors import InputError
from integrationskonzept.load import load, load_files, load_shapes, new_graph
from integrationskonzept.terms import curie, label

Severity = Literal["violation", "warning", "info"]
Language = Literal["de", "en"]
FailOn = Literal["violation", "warning"]

SEVERITIES: tuple[Severity, ...] = ("violation", "warning", "info")
LANGUAGES: tuple[Language, ...] = get_args(Language)
_SEVERITY_OF: dict[URIRef, Severity] = {
    SH.Violation: "violation",
    SH.Warning: "warning",
    SH.Info: "info",
}
_TARGET_PREDICATES = (
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
)
_WORDS: dict[Language, dict[str, tuple[str, str]]] = {
    # severity -> (singular, plural); "value" -> label of a value
    "de": {
        "violation": ("Verstoß", "Verstöße"),
        "warning": ("Warnung", "Warnungen"),
        "info": ("Hinweis", "Hinweise"),
        "value": ("Wert", "Wert"),
    },
    "en": {
        "violation": ("violation", "violations"),
        "warning": ("warning", "warnings"),
        "info": ("info", "infos"),
        "value": ("value", "value"),
    },
}


@dataclass(frozen=True, order=True)
class ValidationResult:
    """One problem found by one check in one place.

    ``focus_node`` is the IRI of the resource the problem is about, ``focus_curie`` its short
    form (``lev:goal/C-1``), ``focus_label`` its ``skos:prefLabel`` in the report's language
    (if it has one). ``path`` is the property concerned as a CURIE (``ik:topic``; ``^p`` for
    an inverse path), ``value`` the offending value if there is one. ``source_shape`` names
    the check (``iksh:GoalShape-topic``) and ``constraint_component`` the kind of SHACL rule
    (``MinCountConstraintComponent``).
    """

    severity: Severity
    focus_node: str
    focus_label: str | None
    focus_curie: str
    path: str | None
    value: str | None
    message: str
    source_shape: str
    constraint_component: str

    @property
    def sort_key(self) -> tuple[int, str, str, str, str, str, str]:
        """Severity first (violations before warnings before infos), then place and text."""
        return (
            SEVERITIES.index(self.severity),
            self.focus_node,
            self.path or "",
            self.message,
            self.source_shape,
            self.constraint_component,
            self.value or "",
        )


@dataclass(frozen=True)
class ValidationReport:
    """The results of one validation run, sorted, with text and JSON renderings.

    >>> r = ValidationResult("warning", "urn:x", "X", "urn:x", None, None, "msg", "s", "c")
    >>> report = ValidationReport((r,), lang="en")
    >>> report.conforms, report.counts["warning"], report.failed(), report.failed("warning")
    (True, 1, False, True)
    >>> report.summary()
    '0 violations, 1 warning, 0 infos'
    """

    results: tuple[ValidationResult, ...]
    lang: Language = "de"

    @property
    def conforms(self) -> bool:
        """True when there is no violation (warnings and infos do not count)."""
        return self.counts["violation"] == 0

    @property
    def counts(self) -> dict[Severity, int]:
        """Number of results per severity (every severity present, possibly 0)."""
        found = Counter(result.severity for result in self.results)
        return {severity: found.get(severity, 0) for severity in SEVERITIES}

    def failed(self, fail_on: FailOn = "violation") -> bool:
        """Whether the run fails: on any violation, or with ``"warning"`` on warnings too."""
        if fail_on not in get_args(FailOn):
            raise ValueError(f"fail_on must be 'violation' or 'warning', not {fail_on!r}")
        counts = self.counts
        if fail_on == "warning":
            return counts["violation"] + counts["warning"] > 0
        return counts["violation"] > 0

    def summary(self, lang: Language | None = None) -> str:
        """``"N Verstöße, M Warnungen, K Hinweise"`` (or in English)."""
        return describe_counts(self.counts, lang or self.lang)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary: conforms, counts, language and the list of results."""
        return {
            "conforms": self.conforms,
            "counts": dict(self.counts),
            "lang": self.lang,
            "results": [asdict(result) for result in self.results],
        }

    def to_json(self) -> str:
        """Deterministic JSON (sorted keys, UTF-8 text, trailing newline)."""
        return json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def to_text(self, lang: Language | None = None) -> str:
        """A plain-text report: one block per focus node (label and CURIE), one line per result.

        Blocks are ordered by their worst severity, then by focus node; the last line is the
        summary. Messages are in the language the report was made in (:func:`validate`'s
        ``lang``); headings and the summary follow ``lang``.
        """
        words = _WORDS[_language(lang or self.lang)]
        blocks: dict[str, list[ValidationResult]] = {}
        for result in self.results:
            blocks.setdefault(result.focus_node, []).append(result)
        ordered = sorted(
            blocks.values(),
            key=lambda rs: (min(SEVERITIES.index(r.severity) for r in rs), rs[0].focus_node),
        )
        lines: list[str] = []
        for block in ordered:
            head = block[0]
            title = (
                f"{head.focus_label} ({head.focus_curie})" if head.focus_label else head.focus_curie
            )
            lines.append(title)
            for result in block:
                where = f" [{result.path}]" if result.path else ""
                lines.append(f"  {words[result.severity][0]}{where}: {result.message}")
                if result.value is not None:
                    lines.append(f"    {words['value'][0]}: {_shorten(result.value)}")
                lines.append(f"    ({result.source_shape}, {result.constraint_component})")
            lines.append("")
        lines.append(self.summary(lang))
        return "\n".join(lines) + "\n"


def validate(
    graph: Graph | None = None,
    *,
    data: Path | str | None = None,
    lang: Language = "de",
) -> ValidationReport:
    """Validate a knowledge base against the shapes; return every result, sorted.

    Parameters
    ----------
    graph:
        The graph to check (ontology and data, as :func:`~integrationskonzept.load.load`
        returns it). ``None`` loads ``data``.
    data:
        A folder of Turtle files, used when ``graph`` is ``None``; ``None`` means the bundled
        Leverkusen knowledge base.
    lang:
        ``"de"`` or ``"en"``: the language of messages and labels (falling back to the other).

    Raises
    ------
    InputError
        ``data`` cannot be loaded, or ``lang`` is not ``"de"`` or ``"en"``.
    """
    language = _language(lang)
    return validate_in(graph, data=data, languages=(language,))[language]


def validate_in(
    graph: Graph | None = None,
    *,
    data: Path | str | None = None,
    languages: tuple[Language, ...] = ("de", "en"),
) -> dict[Language, ValidationReport]:
    """:func:`validate` once, with the report in each of ``languages`` (one SHACL run).

    >>> reports = validate_in()
    >>> sorted(reports), reports["de"].conforms
    (['de', 'en'], True)
    >>> len(reports["de"].results) == len(reports["en"].results)
    True
    """
    checked = tuple(_language(lang) for lang in languages)
    if graph is None:
        graph = load(data, backend="oxigraph")
    shapes = shapes_graph()
    report_graph = _run_pyshacl(_prepare_data_graph(graph), shapes)
    nodes = list(report_graph.subjects(RDF.type, SH.ValidationResult))
    reports = {}
    for language in checked:
        results = sorted(
            (_result(report_graph, node, graph, shapes, language) for node in nodes),
            key=lambda result: result.sort_key,
        )
        reports[language] = ValidationReport(tuple(results), lang=language)
    return reports


def check_shapes(shapes: Graph | None = None) -> ValidationReport:
    """Check the shapes graph against SHACL's own shapes (SHACL-SHACL); slow, for tests.

    Messages of SHACL-SHACL are in English only.
    """
    from pyshacl.entrypoints import meta_validate

    graph = load_shapes() if shapes is None else shapes
    _, report_graph, _ = meta_validate(graph, inference="none")
    results = sorted(
        (
            _result(report_graph, node, graph, graph, "en")
            for node in report_graph.subjects(RDF.type, SH.ValidationResult)
        ),
        key=lambda result: result.sort_key,
    )
    return ValidationReport(tuple(results), lang="en")


@functools.cache
def _cached_shapes_graph(files: tuple[Path, ...]) -> Graph:
    return hoist_property_shapes(load_files(files))


def shapes_graph() -> Graph:
    """The shapes graph as validation uses it: ``shapes/*.ttl``, property shapes hoisted.

    Cached per set of shape files; treat the returned graph as read-only.
    """
    return _cached_shapes_graph(tuple(resources.shape_files()))


def hoist_property_shapes(shapes: Graph) -> Graph:
    """A copy of ``shapes`` where property shapes carry their node shapes' targets.

    For every ``N sh:property P`` where ``N`` has targets, ``P`` gets ``N``'s targets and the
    link is removed. In SHACL this validates the same focus nodes against the same
    constraints; pyshacl then builds ``P``'s constraints once instead of once per focus node.
    Node shapes left without constraints lose their targets (nothing to evaluate).
    Property shapes inside value shapes (no targets) are left alone.
    """
    hoisted = Graph()
    for prefix, namespace in shapes.namespaces():
        hoisted.bind(prefix, namespace)
    for triple in shapes:
        hoisted.add(triple)
    for node, prop in sorted(shapes.subject_objects(SH.property)):
        targets = [(p, o) for p in _TARGET_PREDICATES for o in shapes.objects(node, p)]
        if not targets or (node, SH.deactivated, RDFLiteral(True)) in shapes:
            continue
        hoisted.remove((node, SH.property, prop))
        for predicate, target in targets:
            hoisted.add((prop, predicate, target))
    for node in set(shapes.subjects(SH.property, None)):
        if not any(hoisted.objects(node, SH.property)) and not _has_node_constraints(shapes, node):
            for predicate in _TARGET_PREDICATES:
                hoisted.remove((node, predicate, None))
    return hoisted


_NODE_CONSTRAINTS = {
    SH[name]
    for name in [
        *("class", "datatype", "nodeKind", "pattern", "languageIn", "in", "hasValue", "closed"),
        *("minExclusive", "minInclusive", "maxExclusive", "maxInclusive", "minLength", "maxLength"),
        *("not", "and", "or", "xone", "node", "sparql", "expression"),
        *("equals", "disjoint", "lessThan", "lessThanOrEquals"),
    ]
}


def _has_node_constraints(shapes: Graph, node: Node) -> bool:
    return any(p in _NODE_CONSTRAINTS for p in shapes.predicates(node, None))


def _language(lang: str) -> Language:
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang


class _SizedGraph(Graph):
    """A graph whose length is counted once: pyshacl asks for it for every result it makes,
    and on Oxigraph that is a full count each time. The graph must not change meanwhile."""

    _size: int | None = None

    def __len__(self) -> int:
        if self._size is None:
            self._size = super().__len__()
        return self._size


def _is_oxigraph(graph: Graph) -> bool:
    return type(graph.store).__name__ == "OxigraphStore"


def _prepare_data_graph(graph: Graph) -> Graph:
    """The graph pyshacl reads: the same Oxigraph store in place, else an Oxigraph copy."""
    if _is_oxigraph(graph):
        return _SizedGraph(store=graph.store, identifier=graph.identifier)
    copy = _SizedGraph(store="Oxigraph")
    copy.addN((s, p, o, copy) for s, p, o in graph)
    return copy


def _run_pyshacl(data_graph: Graph, shapes: Graph) -> Graph:
    import pyshacl

    _, report_graph, _ = pyshacl.validate(
        data_graph,
        shacl_graph=shapes,
        ont_graph=None,
        inference="none",
        advanced=True,
        allow_warnings=True,
        meta_shacl=False,
        # The shapes have no sh:rule, so nothing writes to the data graph: no copy needed.
        inplace=True,
    )
    if not isinstance(report_graph, Graph):  # pragma: no cover - pyshacl failure object
        raise InputError(f"SHACL validation failed: {report_graph}")
    return report_graph


def _result(
    report: Graph, node: Node, data: Graph, shapes: Graph, lang: Language
) -> ValidationResult:
    focus = report.value(node, SH.focusNode)
    shape = report.value(node, SH.sourceShape)
    component = report.value(node, SH.sourceConstraintComponent)
    value = report.value(node, SH.value)
    templates = list(_templates(shapes, report.value(node, SH.sourceConstraint), shape))
    messages = list(report.objects(node, SH.resultMessage))
    return ValidationResult(
        severity=_SEVERITY_OF.get(cast(URIRef, report.value(node, SH.resultSeverity)), "violation"),
        focus_node=str(focus),
        focus_label=label(data, focus, lang) if focus is not None else None,
        focus_curie=curie(str(focus)),
        path=_path(report, report.value(node, SH.resultPath)),
        value=_value(value),
        message=message_in(messages, templates, lang),
        source_shape=curie(str(shape)) if isinstance(shape, URIRef) else "(anonymous shape)",
        constraint_component=_local_name(str(component)),
    )


def _templates(shapes: Graph, *nodes: Node | None) -> Iterator[RDFLiteral]:
    for node in nodes:
        if node is not None:
            for message in shapes.objects(node, SH.message):
                if isinstance(message, RDFLiteral):
                    yield message


_PLACEHOLDER = re.compile(r"\{[?$]\w+\}")


@functools.lru_cache(maxsize=1024)
def _template_pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching ``template`` with its ``{?var}`` placeholders filled in."""
    parts = (re.escape(part) for part in _PLACEHOLDER.split(template))
    return re.compile(".*?".join(parts) + r"\Z", re.DOTALL)


def _message_language(message: RDFLiteral, templates: Iterable[RDFLiteral]) -> str | None:
    if message.language:
        return message.language
    # pyshacl drops the language tag when it fills in a SPARQL message's {?placeholders}.
    for template in templates:
        if template.language and _template_pattern(str(template)).match(str(message)):
            return template.language
    return None


_IRI = re.compile(r"https?://[^\s<>\"'()]+[^\s<>\"'().,;:]")


def message_in(messages: list[Node], templates: list[RDFLiteral], lang: Language) -> str:
    """The message of a result in ``lang``, else the other language, else untagged; IRIs in it
    shortened to CURIEs. ``templates`` are the shape's ``sh:message`` values, which give an
    untagged (filled-in) message its language back.

    >>> from rdflib import Literal
    >>> message_in([Literal("nur deutsch", lang="de")], [], "en")
    'nur deutsch'
    """
    by_language: dict[str | None, str] = {}
    for message in sorted(messages, key=str):
        if isinstance(message, RDFLiteral):
            by_language.setdefault(_message_language(message, templates), str(message))
    other = "en" if lang == "de" else "de"
    for choice in (lang, other, None):
        if choice in by_language:
            return _IRI.sub(lambda m: curie(m.group(0)), by_language[choice])
    return next(iter(by_language.values()), "")


def _path(report: Graph, path: Node | None) -> str | None:
    if path is None:
        return None
    if isinstance(path, URIRef):
        return curie(str(path))
    inverse = report.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return "^" + curie(str(inverse))
    return "<path>"


def _value(value: Node | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, URIRef):
        return curie(str(value))
    if isinstance(value, BNode):
        return "[]"
    return str(value)


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _shorten(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _example_graph() -> Graph:
    """The ontology and a tiny city (report, section, field, goal, measure, actor) for examples.

    It has one violation: the report does not say which concept it reports on.
    """
    graph = new_graph("oxigraph")
    for path in resources.ontology_files():
        graph.parse(path, format="turtle")
    graph.parse(data=_FIXTURE_CITY, format="turtle")
    return graph


_FIXTURE_CITY = """\
@base <https://w3id.org/integrationskonzept/musterstadt/> .
@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<report-2020> a ik:ImplementationReport ;
    skos:prefLabel "Umsetzungsbericht 2020"@de , "Implementation report 2020"@en ;
    dcterms:title "Umsetzungsbericht 2020"@de ;
    dcterms:source <report-2020/section/4> .
<report-2020/section/4> a ik:ReportSection ;
    ik:sectionNumber "4" ; dcterms:title "Handlungsfelder"@de ;
    skos:prefLabel "4 Handlungsfelder"@de ;
    dcterms:isPartOf <report-2020> ; dcterms:source <report-2020/section/4> .
<field/A> a ik:ActionField ;
    skos:notation "A" ; ik:prioritized false ;
    skos:prefLabel "Sprache"@de , "Language"@en ;
    dcterms:source <report-2020/section/4> .
<goal/A-1> a ik:GuidingGoal ;
    ik:topic <field/A> ; ik:number 1 ;
    skos:prefLabel "Leitziel A-1"@de , "Guiding goal A-1"@en ;
    ik:statement "Alle lernen Deutsch."@de , "Everybody learns German."@en ;
    dcterms:source <report-2020/section/4> .
<measure/sprachkurs> a ik:Measure ;
    ik:measureKind ik:Course ; ik:topic <field/A> ; ik:contributesTo <goal/A-1> ;
    skos:prefLabel "Sprachkurs"@de , "Language course"@en ;
    dcterms:source <report-2020/section/4> .
<responsibility/sprachkurs/vhs> a ik:Responsibility ;
    ik:actor <actor/vhs> ; ik:responsibleFor <measure/sprachkurs> ; ik:role ik:Implementation ;
    skos:prefLabel "VHS führt den Sprachkurs durch"@de ;
    ik:asPrinted "VHS"@de ;
    dcterms:source <report-2020/section/4> .
<actor/vhs> a ik:Actor ;
    ik:actorKind ik:EducationProviderKind ;
    skos:prefLabel "Volkshochschule"@de , "Adult education centre"@en ;
    dcterms:source <report-2020/section/4> .
"""


def describe_counts(counts: Mapping[Severity, int], lang: Language = "de") -> str:
    """``"2 Verstöße, 1 Warnung, 0 Hinweise"`` for a mapping of counts.

    >>> describe_counts({"violation": 1, "warning": 2, "info": 0}, "en")
    '1 violation, 2 warnings, 0 infos'
    """
    words = _WORDS[_language(lang)]
    parts = []
    for severity in SEVERITIES:
        number = counts.get(severity, 0)
        singular, plural = words[severity]
        parts.append(f"{number} {singular if number == 1 else plural}")
    return ", ".join(parts)
