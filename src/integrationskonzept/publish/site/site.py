"""One language's view of the knowledge base: labels, links and page names.

A :class:`Site` wraps the typed model (fetched once per kind on Oxigraph) and its index of
every statement (:class:`~integrationskonzept.model.TripleIndex`). Page generators ask it for
labels in the site's language (German fallback) and for links to other pages; an IRI that has
no page becomes its CURIE as text.

Page names mirror the IRIs: ``…/leverkusen/goal/C-1`` → ``goal/C-1``.

>>> docname_for("https://w3id.org/integrationskonzept/leverkusen/goal/C-1", "goal")
'goal/C-1'
>>> docname_for("https://example.org/x/strategic-goal/a/b-c", "strategic-goal")
'strategic-goal/a/b-c'
>>> docname_for("urn:odd:<x>", "actor")
'actor/urn-odd-x-ef6d2180'
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from integrationskonzept.analyse.report import ActorRecord, AnalysisReport
from integrationskonzept.model import Dataset, Entity, KnowledgeBase, Membership
from integrationskonzept.namespaces import IK, PREFIXES
from integrationskonzept.publish.site.blocks import Cell, Code, Inline, Link, Text, cell
from integrationskonzept.publish.site.i18n import ui
from integrationskonzept.publish.site.inputs import SiteInputs
from integrationskonzept.terms import curie
from integrationskonzept.validation import ValidationReport

_SAFE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_BOOLEAN = URIRef("http://www.w3.org/2001/XMLSchema#boolean")


def docname_for(iri: str, segment: str) -> str:
    """The page name of ``iri``: the IRI's path from its kind ``segment`` on."""
    marker = f"/{segment}/"
    if marker in iri:
        rest = iri.split(marker, 1)[1]
        parts = rest.split("/")
        if parts and all(_SAFE_PART.match(p) and p != "index" for p in parts):
            return f"{segment}/{rest}"
    tail = re.sub(r"[^a-z0-9]+", "-", iri.rsplit("/", 1)[-1].lower()).strip("-") or "x"
    return f"{segment}/{tail}-{hashlib.sha256(iri.encode()).hexdigest()[:8]}"


class Site:
    """Labels, links and shared data for the pages of one language."""

    def __init__(self, inputs: SiteInputs, lang: str) -> None:
        self.inputs = inputs
        self.kb: KnowledgeBase = inputs.kb
        self.lang = lang
        # every statement, indexed once by the model
        self.index = self.kb.statements
        self.docnames: dict[str, str] = {}
        # the network analysis (typed) and its rendered files
        self.analysis: AnalysisReport | None = inputs.analysis
        self.analysis_files: Mapping[str, str | bytes] = inputs.analysis_files
        # the validation report in this language, from the build's one SHACL run
        self.validation: ValidationReport | None = inputs.validation.get(lang)  # type: ignore[call-overload]
        # data set IRI → chart image path in the source folder (set by the figures step)
        self.charts: dict[str, str] = {}

    # -- data the model does not hold -----------------------------------------------------

    @property
    def datasets(self) -> tuple[Dataset, ...]:
        """The statistics tables."""
        return self.kb.datasets

    @property
    def memberships(self) -> tuple[Membership, ...]:
        """The memberships in governance bodies."""
        return self.kb.memberships

    @functools.cached_property
    def analysis_by_actor(self) -> dict[str, ActorRecord]:
        """The analysis' per-actor records by IRI."""
        return {r.iri: r for r in self.analysis.actors} if self.analysis is not None else {}

    @functools.cached_property
    def _ends(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {
            r.iri: (r.responsible_for, r.actor) for r in self.kb.responsibilities
        }
        found.update({m.iri: (m.organization, m.member) for m in self.memberships})
        return found

    def ends(self, iri: str) -> tuple[str, ...]:
        """What a responsibility (its target, its actor) or a membership (the body, the
        member) connects; nothing for other IRIs."""
        return self._ends.get(iri, ())

    # -- words ----------------------------------------------------------------------------

    def ui(self, key: str) -> str:
        """A UI string in the site's language."""
        return ui(self.lang, key)

    def label(self, iri: str) -> str:
        """The label of any IRI in the site's language, German fallback, else its CURIE."""
        return self.index.label(iri, self.lang) or curie(iri)

    def name(self, entity: Entity) -> str:
        """The label of a model object in the site's language (German fallback)."""
        return entity.label(self.lang)

    def term(self, tail: str | None) -> str:
        """The label of a vocabulary term of ``ik:`` given by its local name."""
        return self.label(str(IK[tail])) if tail else "–"

    def status(self, code: str | None) -> str:
        """The label of a status code (``implemented`` …)."""
        return self.ui(f"status.{code or 'none'}")

    # -- links ----------------------------------------------------------------------------

    @functools.cached_property
    def _concepts(self) -> frozenset[str]:
        return frozenset(self.index.of_type(str(IK.IntegrationConcept)))

    def page(self, iri: str) -> str | None:
        """The page of ``iri``: its own; the home page for the integration concept, which
        the whole site is about; else none."""
        if iri in self.docnames:
            return self.docnames[iri]
        return "index" if iri in self._concepts else None

    def ref(self, iri: str, text: str | None = None) -> Inline:
        """A link to the page of ``iri``, or its label (or CURIE) as text if it has none."""
        shown = text if text is not None else self.label(iri)
        page = self.page(iri)
        return Link(shown, doc=page) if page is not None else Text(shown)

    @functools.cached_property
    def topics_by_iri(self) -> dict[str, Any]:
        """The model's topics by IRI."""
        return {t.iri: t for t in self.kb.topics}

    def topic_ref(self, iri: str, long: bool = False) -> Inline:
        """A link to a topic showing its code (``long``: code and label)."""
        topic = self.topics_by_iri.get(iri)
        if topic is None:
            return self.ref(iri)
        return self.ref(iri, f"{topic.code}: {self.name(topic)}" if long else topic.code)

    def refs(self, iris: tuple[str, ...] | list[str]) -> Cell:
        """Links to several IRIs, comma-separated."""
        out: list[Inline] = []
        for i, iri in enumerate(iris):
            if i:
                out.append(Text(", "))
            out.append(self.ref(iri))
        return tuple(out) or cell("–")

    def source(self, iris: tuple[str, ...]) -> Cell:
        """The report sections an object comes from: number and title."""
        parts: list[Inline] = []
        for i, iri in enumerate(iris):
            number = self.index.text(iri, str(IK.sectionNumber))
            title = self.index.text(iri, PREFIXES["dcterms"] + "title", self.lang)
            shown = " ".join(p for p in (number, title) if p) or self.label(iri)
            parts.extend([Text("; ")] if i else [])
            parts.append(Text(shown))
        return tuple(parts) or cell("–")

    def value_iri(self, iri: str) -> Cell:
        """An IRI as inlines: a link to its page, else label and CURIE."""
        return self.value(URIRef(iri))

    def plain(self, node: Node) -> Cell:
        """A term as a reader reads it: a number or text as itself, ``true``/``false`` as
        yes/no, an IRI as a link to its page, else its label (else its CURIE)."""
        if isinstance(node, URIRef):
            iri = str(node)
            page = self.page(iri)
            if page is not None:
                return (Link(self.label(iri), doc=page),)
            label = self.index.label(iri, self.lang)
            return (Text(label),) if label else (Code(curie(iri)),)
        if isinstance(node, Literal) and node.datatype == _BOOLEAN and not node.ill_typed:
            return (Text(self.ui("yes" if node.value else "no")),)
        return (Text(str(node)),)

    def value(self, node: Node) -> Cell:
        """A term of the graph as inlines: a link, a CURIE, or a literal with its tag."""
        if isinstance(node, URIRef):
            iri = str(node)
            page = self.page(iri)
            if page is not None:
                return (Link(self.label(iri), doc=page),)
            label = self.index.label(iri, self.lang)
            return (Text(f"{label} "), Code(curie(iri))) if label else (Code(curie(iri)),)
        if isinstance(node, Literal):
            if node.language:
                return (Text(str(node)), Code(f"@{node.language}"))
            if node.datatype is not None:
                return (Text(str(node)), Code(f"^^{curie(str(node.datatype))}"))
            return (Text(str(node)),)
        return (Text(str(node)),)
