"""How the value of one cell becomes an RDF term and back: one codec per kind of value.

A codec's :meth:`~Codec.encode` gives the cell value for a term (or raises
:class:`NotRepresentable`, and the statement goes to the sheet of other statements instead);
its :meth:`~Codec.decode` gives the term for the text of a cell (or raises
:class:`CellProblem`, with a message in German and English). What a codec needs to know
about the workbook (the city's base IRI, the keys of every sheet, the vocabularies) is in
the :class:`Context`.

>>> ctx = Context(base="https://example.org/city/")
>>> Time().decode("2018-03", ctx)
rdflib.term.Literal('2018-03', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth'))
>>> Time().decode("März 2018", ctx)
Traceback (most recent call last):
...
integrationskonzept.authoring.values.CellProblem: not a date, month or year: 'März 2018'
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from integrationskonzept.authoring.cells import CellValue
from integrationskonzept.namespaces import IK, PREFIXES


class NotRepresentable(Exception):
    """A term this codec cannot write so that reading the cell gives the same term."""


class CellProblem(Exception):
    """A cell whose text cannot be used; ``de`` and ``en`` say what is wrong and what to do."""

    def __init__(self, de: str, en: str) -> None:
        super().__init__(en)
        self.de = de
        self.en = en

    def message(self, lang: str) -> str:
        """The message in ``lang`` (``de`` or ``en``)."""
        return self.de if lang == "de" else self.en


@dataclass(frozen=True)
class Concept:
    """One value of a closed vocabulary: its IRI, code (``skos:notation``) and labels."""

    iri: URIRef
    code: str
    de: str
    en: str

    def label(self, lang: str) -> str:
        """The label in ``lang`` (German unless ``lang`` is ``en``)."""
        return self.en if lang == "en" else self.de


@dataclass
class KeyIndex:
    """The keys of every sheet: what a reference may name.

    ``keys[sheet][key]`` is the IRI of the row with that key; ``codes[sheet][code]`` the IRI
    of the row with that short code (a section's number); ``paths[sheet]`` the part of the IRI
    between the base and the key (``measure/``).
    """

    keys: dict[str, dict[str, URIRef]] = field(default_factory=dict)
    codes: dict[str, dict[str, URIRef]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    rows: dict[URIRef, str] = field(default_factory=dict)  # IRI -> sheet id

    def add(self, sheet: str, key: str, iri: URIRef, code: str | None = None) -> None:
        """Register the row ``key`` of ``sheet`` (and its ``code``, if it has one)."""
        self.keys.setdefault(sheet, {})[key] = iri
        if code is not None:
            self.codes.setdefault(sheet, {})[code] = iri
        self.rows.setdefault(iri, sheet)


@dataclass
class Context:
    """What codecs need to know: the base IRI, prefixes, vocabularies, the sheets' keys.

    ``lang`` is the language of vocabulary labels written into cells; ``codes`` writes the
    IRIs' local names instead (``Implemented``), as the CSV files do, so that a CSVW
    ``valueUrl`` template maps them to IRIs.
    """

    base: str
    prefixes: Mapping[str, str] = field(default_factory=lambda: dict(PREFIXES))
    vocabularies: Mapping[URIRef, tuple[Concept, ...]] = field(default_factory=dict)
    index: KeyIndex = field(default_factory=KeyIndex)
    lang: str = "de"
    codes: bool = False


class Codec:
    """Base class: text without a language tag or datatype."""

    escape = False
    """Whether values are free text, escaped when several share a cell."""
    numeric = False
    """Whether the cell holds a number (for the spreadsheet's formatting)."""

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        return "Text" if lang == "de" else "text"

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """The cell value for ``term``; :class:`NotRepresentable` if there is none."""
        if isinstance(term, Literal) and term.language is None and term.datatype is None:
            return str(term)
        raise NotRepresentable

    def decode(self, text: str, ctx: Context) -> Node:
        """The term for the text of a cell; :class:`CellProblem` if there is none."""
        return Literal(text)


class Text(Codec):
    """Text in one language (``"…"@de``)."""

    escape = True

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        names = {"de": ("deutsch", "German"), "en": ("englisch", "English")}
        de, en = names.get(self.lang, (self.lang, self.lang))
        return f"Text ({de})" if lang == "de" else f"text ({en})"

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """The text of a literal in this codec's language."""
        if isinstance(term, Literal) and term.language == self.lang:
            return str(term)
        raise NotRepresentable

    def decode(self, text: str, ctx: Context) -> Node:
        """The literal ``text@lang``."""
        return Literal(text, lang=self.lang)


@dataclass(frozen=True)
class _Form:
    datatype: URIRef
    pattern: re.Pattern[str]
    de: str
    en: str


_DATE = _Form(XSD.date, re.compile(r"\d{4}-\d{2}-\d{2}"), "Datum JJJJ-MM-TT", "date YYYY-MM-DD")
_MONTH = _Form(XSD.gYearMonth, re.compile(r"\d{4}-\d{2}"), "Monat JJJJ-MM", "month YYYY-MM")
_YEAR = _Form(XSD.gYear, re.compile(r"\d{4}"), "Jahr JJJJ", "year YYYY")
_INTEGER = re.compile(r"[+-]?\d+")
_CANONICAL_INTEGER = re.compile(r"0|-?[1-9]\d{0,14}")  # exact as a spreadsheet number
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def _valid_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class Typed(Codec):
    """A literal of one datatype: whole numbers, decimals, dates."""

    def __init__(self, datatype: URIRef) -> None:
        self.datatype = datatype
        self.numeric = datatype in (XSD.integer, XSD.positiveInteger, XSD.nonNegativeInteger)

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        names = {
            XSD.integer: ("ganze Zahl", "whole number"),
            XSD.positiveInteger: ("positive ganze Zahl", "positive whole number"),
            XSD.nonNegativeInteger: ("ganze Zahl ≥ 0", "whole number ≥ 0"),
            XSD.decimal: ("Dezimalzahl mit Punkt (12.5)", "decimal number (12.5)"),
            XSD.date: (_DATE.de, _DATE.en),
        }
        de, en = names.get(self.datatype, (str(self.datatype), str(self.datatype)))
        return de if lang == "de" else en

    def _valid(self, text: str) -> bool:
        if self.numeric:
            valid = bool(_INTEGER.fullmatch(text))
            if valid and self.datatype == XSD.positiveInteger:
                return int(text) > 0
            if valid and self.datatype == XSD.nonNegativeInteger:
                return int(text) >= 0
            return valid
        if self.datatype == XSD.decimal:
            return bool(_DECIMAL.fullmatch(text))
        if self.datatype == XSD.date:
            return bool(_DATE.pattern.fullmatch(text)) and _valid_date(text)
        return True

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """A whole number as a number (if the spreadsheet holds it exactly), else the text."""
        if not (isinstance(term, Literal) and term.datatype == self.datatype):
            raise NotRepresentable
        text = str(term)
        if not self._valid(text):
            raise NotRepresentable
        if self.numeric and _CANONICAL_INTEGER.fullmatch(text):
            return int(text)
        return text

    def decode(self, text: str, ctx: Context) -> Node:
        """The typed literal; a problem if ``text`` is not of the datatype's form."""
        if not self._valid(text):
            what_de, what_en = self.describe("de"), self.describe("en")
            raise CellProblem(
                f"kein gültiger Wert ({what_de}): {text!r}",
                f"not a valid value ({what_en}): {text!r}",
            )
        return Literal(text, datatype=self.datatype)


class Time(Codec):
    """A point in time as precise as the report: a date, a month or a year."""

    FORMS = (_DATE, _MONTH, _YEAR)

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        if lang == "de":
            return "Datum (JJJJ-MM-TT), Monat (JJJJ-MM) oder Jahr (JJJJ)"
        return "date (YYYY-MM-DD), month (YYYY-MM) or year (YYYY)"

    def _form(self, text: str) -> _Form | None:
        for form in self.FORMS:
            if form.pattern.fullmatch(text):
                if form is _DATE and not _valid_date(text):
                    return None
                if form is _MONTH and not 1 <= int(text[5:]) <= 12:
                    return None
                return form
        return None

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """The lexical form of a date, month or year."""
        if isinstance(term, Literal):
            form = self._form(str(term))
            if form is not None and term.datatype == form.datatype:
                return str(term)
        raise NotRepresentable

    def decode(self, text: str, ctx: Context) -> Node:
        """The literal of the datatype that ``text``'s form names."""
        form = self._form(text)
        if form is None:
            raise CellProblem(
                f"kein Datum, Monat oder Jahr: {text!r} (Form: 2018-03-01, 2018-03 oder 2018)",
                f"not a date, month or year: {text!r}",
            )
        return Literal(text, datatype=form.datatype)


_TRUE = {"true", "wahr", "ja", "yes", "1", "x"}
_FALSE = {"false", "falsch", "nein", "no", "0"}
_WORDS = ("true", "false")


class Boolean(Codec):
    """A truth value, ``xsd:boolean``; the workbook holds TRUE/FALSE (WAHR/FALSCH)."""

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        return "wahr/falsch" if lang == "de" else "true/false"

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """``True`` or ``False``."""
        if isinstance(term, Literal) and term.datatype == XSD.boolean and str(term) in _WORDS:
            return str(term) == "true"
        raise NotRepresentable

    def decode(self, text: str, ctx: Context) -> Node:
        """``true`` or ``false`` from the usual ways of writing them."""
        word = text.strip().lower()
        if word in _TRUE:
            return Literal("true", datatype=XSD.boolean)
        if word in _FALSE:
            return Literal("false", datatype=XSD.boolean)
        raise CellProblem(
            f"weder wahr noch falsch: {text!r} (schreiben Sie wahr oder falsch)",
            f"neither true nor false: {text!r} (write true or false)",
        )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class Vocab(Codec):
    """A value of a closed vocabulary (a SKOS concept scheme of the ontology)."""

    def __init__(self, scheme: URIRef) -> None:
        self.scheme = scheme

    def concepts(self, ctx: Context) -> tuple[Concept, ...]:
        """The scheme's values, in the order of their codes."""
        return tuple(ctx.vocabularies.get(self.scheme, ()))

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        name = str(self.scheme).rsplit("#", 1)[-1]
        return f"Auswahlliste ik:{name}" if lang == "de" else f"drop-down list ik:{name}"

    def cell_for(self, concept: Concept, ctx: Context) -> str:
        """What a cell shows for ``concept``: its label, or with ``ctx.codes`` its name."""
        if ctx.codes:
            return str(concept.iri).rsplit("#", 1)[-1]
        return concept.label(ctx.lang)

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """The label (or code) of a value of the scheme."""
        for concept in self.concepts(ctx):
            if concept.iri == term:
                return self.cell_for(concept, ctx)
        raise NotRepresentable

    def decode(self, text: str, ctx: Context) -> Node:
        """The value named by its German or English label, code, name, CURIE or IRI."""
        wanted = _fold(text)
        for concept in self.concepts(ctx):
            local = str(concept.iri).rsplit("#", 1)[-1]
            names = (concept.de, concept.en, concept.code, local, f"ik:{local}", concept.iri)
            if wanted in {_fold(str(name)) for name in names}:
                return concept.iri
        allowed = ", ".join(concept.label(ctx.lang) for concept in self.concepts(ctx))
        allowed_en = ", ".join(concept.en for concept in self.concepts(ctx))
        raise CellProblem(
            f"{text!r} steht nicht in der Auswahlliste; erlaubt: {allowed}",
            f"{text!r} is not in the list; allowed: {allowed_en}",
        )


class Choice(Codec):
    """One of a few fixed IRIs (the classes a row may have), named by a label or CURIE."""

    def __init__(self, options: Mapping[URIRef, tuple[str, str]]) -> None:
        self.options = dict(options)

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        names = " / ".join(pair[0 if lang == "de" else 1] for pair in self.options.values())
        return names

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """The label of the option in ``ctx.lang`` (its local name with ``ctx.codes``)."""
        if isinstance(term, URIRef) and term in self.options:
            if ctx.codes:
                return str(term).rsplit("#", 1)[-1]
            return self.options[term][1 if ctx.lang == "en" else 0]
        raise NotRepresentable

    def decode(self, text: str, ctx: Context) -> Node:
        """The option named by its German or English label, local name or CURIE."""
        wanted = _fold(text)
        for iri, (de, en) in self.options.items():
            local = str(iri).rsplit("#", 1)[-1]
            if wanted in {_fold(name) for name in (de, en, local, f"ik:{local}", str(iri))}:
                return iri
        allowed = ", ".join(pair[0] for pair in self.options.values())
        allowed_en = ", ".join(pair[1] for pair in self.options.values())
        raise CellProblem(
            f"{text!r} steht nicht in der Auswahlliste; erlaubt: {allowed}",
            f"{text!r} is not in the list; allowed: {allowed_en}",
        )


_IRI_CHARACTERS = r"[^\x00-\x20<>\"{}|\\^`\x7f-\x9f]"
ABSOLUTE_IRI = re.compile(rf"[A-Za-z][A-Za-z0-9+.-]*:{_IRI_CHARACTERS}+")
_CURIE = re.compile(rf"([A-Za-z][A-Za-z0-9_-]*):({_IRI_CHARACTERS}*)")
KEY = re.compile(rf"{_IRI_CHARACTERS}+")
"""What a key may be: characters an IRI may hold, no blanks."""


def expand(text: str, ctx: Context) -> URIRef | None:
    """The IRI that a CURIE with a known prefix or an absolute IRI names, else ``None``.

    >>> expand("ik:Lead", Context(base="https://example.org/city/"))
    rdflib.term.URIRef('https://w3id.org/integrationskonzept/ontology#Lead')
    """
    found = _CURIE.fullmatch(text)
    if found and found.group(1) in ctx.prefixes and not found.group(2).startswith("//"):
        return URIRef(ctx.prefixes[found.group(1)] + found.group(2))
    if ("://" in text or text.startswith("urn:")) and ABSOLUTE_IRI.fullmatch(text):
        return URIRef(text)
    return None


class Iri(Codec):
    """Any IRI, written as a CURIE where a prefix is known (``ik:statisticsStructure``)."""

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        return "IRI oder CURIE" if lang == "de" else "IRI or CURIE"

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """The shortest CURIE that expands to the IRI, else the IRI."""
        if not isinstance(term, URIRef):
            raise NotRepresentable
        for prefix, namespace in sorted(ctx.prefixes.items(), key=lambda p: -len(p[1])):
            if term.startswith(namespace):
                text = f"{prefix}:{term[len(namespace) :]}"
                if expand(text, ctx) == term:
                    return text
        if expand(str(term), ctx) == term:
            return str(term)
        raise NotRepresentable

    def decode(self, text: str, ctx: Context) -> Node:
        """The IRI named by a CURIE or written in full."""
        iri = expand(text, ctx)
        if iri is None:
            raise CellProblem(
                f"keine IRI und kein CURIE mit bekanntem Präfix: {text!r}",
                f"neither an IRI nor a CURIE with a known prefix: {text!r}",
            )
        return iri


class Ref(Codec):
    """A reference to a row of one of the ``targets`` sheets, by its key.

    A cell names the row by its key (``A-1``), by a short code where the sheet has one (a
    section's number, ``4.3``), by the key with its path (``network/ak-frauen``) where the
    key alone is ambiguous, or by a CURIE or an IRI (a thing outside the workbook).
    """

    def __init__(self, *targets: str, names: tuple[str, str] = ("", "")) -> None:
        self.targets = targets
        self.names = names

    def describe(self, lang: str) -> str:
        """What a cell holds, for the read-me sheet."""
        de, en = self.names
        return f"Schlüssel aus {de}" if lang == "de" else f"key from {en}"

    def _candidates(self, iri: URIRef, ctx: Context) -> list[str]:
        index = ctx.index
        found: list[str] = []
        sheet = index.rows.get(iri)
        if sheet in self.targets:
            codes = index.codes.get(sheet, {})
            found += [code for code, target in codes.items() if target == iri]
            path = index.paths.get(sheet, "")
            key = str(iri)[len(ctx.base) + len(path) :]
            found += [key, path + key]
        return found

    def encode(self, term: Node, ctx: Context) -> CellValue:
        """The shortest name that reads back as ``term``."""
        if not isinstance(term, URIRef):
            raise NotRepresentable
        for candidate in self._candidates(term, ctx):
            try:
                if self.decode(candidate, ctx) == term:
                    return candidate
            except CellProblem:
                continue
        outside = Iri().encode(term, ctx)
        if isinstance(outside, str) and self._outside(outside, ctx) == term:
            return outside
        raise NotRepresentable

    def _outside(self, text: str, ctx: Context) -> URIRef | None:
        """A CURIE or IRI that is no key of a target sheet."""
        if self._lookup(text, ctx):
            return None
        return expand(text, ctx)

    def _lookup(self, text: str, ctx: Context) -> list[URIRef]:
        index = ctx.index
        hits: list[URIRef] = []
        for sheet in self.targets:
            for table in (index.keys.get(sheet, {}), index.codes.get(sheet, {})):
                if text in table and table[text] not in hits:
                    hits.append(table[text])
        if hits:
            return hits
        for sheet in self.targets:
            path = index.paths.get(sheet, "")
            if path and text.startswith(path):
                target = index.keys.get(sheet, {}).get(text[len(path) :])
                if target is not None and target not in hits:
                    hits.append(target)
        return hits

    def decode(self, text: str, ctx: Context) -> Node:
        """The IRI of the row named by ``text``; a problem if it is unknown or ambiguous."""
        hits = self._lookup(text, ctx)
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            paths = ", ".join(sorted(str(hit)[len(ctx.base) :] for hit in hits))
            raise CellProblem(
                f"der Schlüssel {text!r} ist mehrdeutig ({paths}); schreiben Sie ihn mit Pfad",
                f"the key {text!r} is ambiguous ({paths}); write it with its path",
            )
        outside = expand(text, ctx)
        if outside is not None:
            return outside
        de, en = self.names
        raise UnknownKey(
            f"unbekannter Schlüssel {text!r}: keine Zeile in {de} hat ihn (Tippfehler? "
            "oder die Zeile dort erst anlegen)",
            f"unknown key {text!r}: no row of {en} has it (a typo? or add the row there)",
            self.mint(text, ctx),
        )

    def mint(self, text: str, ctx: Context) -> URIRef | None:
        """The IRI a new key would have in the first target sheet (``None`` if not a key)."""
        if not KEY.fullmatch(text) or not self.targets:
            return None
        return URIRef(ctx.base + ctx.index.paths.get(self.targets[0], "") + text)


class UnknownKey(CellProblem):
    """A reference to a key no row has; ``iri`` is the IRI it would have (for validation)."""

    def __init__(self, de: str, en: str, iri: URIRef | None) -> None:
        super().__init__(de, en)
        self.iri = iri


STATUS = Vocab(IK.StatusScheme)
ROLE = Vocab(IK.RoleScheme)
ACTOR_KIND = Vocab(IK.ActorKindScheme)
NETWORK_KIND = Vocab(IK.NetworkKindScheme)
MEASURE_KIND = Vocab(IK.MeasureKindScheme)
MEETING_KIND = Vocab(IK.MeetingKindScheme)
ATTENDANCE = Vocab(IK.AttendanceScheme)
UNIT = Vocab(IK.UnitScheme)
KIND_BASIS = Vocab(IK.ClassificationBasisScheme)
