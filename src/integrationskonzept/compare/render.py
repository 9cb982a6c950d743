"""A :class:`~.changes.Diff` as text (for the terminal), Markdown (for a page) or JSON.

Text and Markdown name every thing by its label in the chosen language and its CURIE, show
control characters in labels as escapes (:func:`~integrationskonzept.visible.visible`) and
leave out empty sections; JSON is :meth:`~.changes.Diff.to_dict`, unchanged.

>>> from integrationskonzept.compare.changes import Diff, Side
>>> print(render(Diff(Side("a", ()), Side("b", ())), "text", lang="en"), end="")
Changes from a to b
<BLANKLINE>
No changes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Literal

from integrationskonzept.compare.changes import (
    Diff,
    GoalChange,
    MeasureEntry,
    Named,
    Rename,
    ResponsibilityChange,
    StatusChange,
)
from integrationskonzept.terms import curie
from integrationskonzept.visible import visible

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Änderungen von {old} nach {new}", "Changes from {old} to {new}"),
    "reports": ("Berichte", "reports"),
    "old": ("alt", "old"),
    "new": ("neu", "new"),
    "none": ("Keine Änderungen.", "No changes."),
    "total": ("{n} Änderungen", "{n} changes"),
    "measures_added": ("Maßnahmen neu", "Measures added"),
    "measures_removed": ("Maßnahmen entfallen", "Measures removed"),
    "status_changed": ("Umsetzungsstand geändert", "Status changed"),
    "leads": ("Federführung geändert", "Leads changed"),
    "responsibilities": ("Weitere Verantwortlichkeiten geändert", "Other responsibilities changed"),
    "agreements_added": ("Vereinbarungen neu", "Agreements added"),
    "agreements_removed": ("Vereinbarungen entfallen", "Agreements removed"),
    "needs_added": ("Bedarfe neu", "Needs added"),
    "needs_removed": ("Bedarfe entfallen", "Needs removed"),
    "goals": (
        "Leitziele mit neuen oder entfallenen Maßnahmen",
        "Goals that gained or lost measures",
    ),
    "renamed": ("Umbenannt", "Renamed"),
    "as_of": ("Stand", "as of"),
    "nobody": ("niemand", "nobody"),
    "table": ("Tabelle", "table"),
}
_STATUS: dict[str, tuple[str, str]] = {
    "implemented": ("umgesetzt", "implemented"),
    "ongoing": ("laufend", "ongoing"),
    "planned": ("geplant", "planned"),
    "proposed": ("vorgeschlagen", "proposed"),
    "unclear": ("unklar", "unclear"),
    "no-remarks": ("keine Anmerkungen", "no remarks"),
}
_ROLE: dict[str, tuple[str, str]] = {
    "Lead": ("Federführung", "lead"),
    "Management": ("Geschäftsführung", "management"),
    "Coordination": ("Koordination", "coordination"),
    "Steering": ("Steuerung", "steering"),
    "OverallResponsibility": ("Gesamtverantwortung", "overall responsibility"),
    "Implementation": ("Durchführung", "implementation"),
    "Partner": ("Kooperation", "cooperation"),
    "Commissioning": ("Auftraggeber", "commissioning"),
    "Funding": ("Förderung", "funding"),
    "Organizer": ("Veranstalter", "organiser"),
    "Participant": ("Beteiligung", "involvement"),
    "Support": ("Begleitung/Unterstützung", "support"),
}
_KIND: dict[str, tuple[str, str]] = {
    "topic": ("Thema", "topic"),
    "goal": ("Leitziel", "guiding goal"),
    "indicator": ("Wirkungsindikator", "impact indicator"),
    "actor": ("Akteur", "actor"),
    "network": ("Netzwerk", "network"),
    "agreement": ("Vereinbarung", "agreement"),
    "need": ("Bedarf", "need"),
    "meeting": ("Sitzung", "meeting"),
    "strategic-goal": ("Strategisches Ziel", "strategic goal"),
    "assessment": ("Lageeinschätzung", "assessment"),
    "measure": ("Maßnahme", "measure"),
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


class _Words:
    """The words of one language, and how names and values are written in one format."""

    def __init__(self, lang: str, prefixes: Mapping[str, str], markdown: bool) -> None:
        self.lang = lang
        self.prefixes = prefixes
        self.markdown = markdown

    def word(self, key: str, **values: object) -> str:
        de, en = _WORDS[key]
        return (en if self.lang == "en" else de).format(**values)

    def text(self, value: str) -> str:
        shown = visible(value)
        return _MARKDOWN_SPECIAL.sub(r"\\\1", shown) if self.markdown else shown

    def name(self, thing: Named) -> str:
        code = self.text(curie(thing.iri, self.prefixes))
        code = f"`{visible(curie(thing.iri, self.prefixes))}`" if self.markdown else code
        return f"{self.text(thing.label(self.lang))} ({code})"

    def status(self, code: str | None, date: str | None) -> str:
        pair = _STATUS.get(code or "")
        shown = (pair[1] if self.lang == "en" else pair[0]) if pair else (code or "–")
        return f"{shown} ({self.word('as_of')} {date})" if date else shown

    def role(self, role: str) -> str:
        return self._pick(_ROLE, role)

    def kind(self, kind: str) -> str:
        return self._pick(_KIND, kind)

    def _pick(self, names: Mapping[str, tuple[str, str]], key: str) -> str:
        pair = names.get(key)
        return (pair[1] if self.lang == "en" else pair[0]) if pair else key

    def actors(self, actors: tuple[Named, ...]) -> str:
        return ", ".join(self.name(a) for a in actors) or self.word("nobody")


def _measure(w: _Words, e: MeasureEntry) -> str:
    return f"{w.name(e.measure)} – {w.status(e.status, e.date)}"


def _status(w: _Words, c: StatusChange) -> str:
    old, new = w.status(c.old_status, c.old_date), w.status(c.new_status, c.new_date)
    return f"{w.name(c.measure)}: {old} → {new}"


def _responsibility(w: _Words, c: ResponsibilityChange) -> str:
    where = f", {w.word('table')} {w.name(c.topic)}" if c.topic else ""
    return (
        f"{w.name(c.target)} ({w.role(c.role)}{where}): {w.actors(c.before)} → {w.actors(c.after)}"
    )


def _goal(w: _Words, c: GoalChange) -> str:
    parts = [f"+ {w.name(m)}" for m in c.gained] + [f"− {w.name(m)}" for m in c.lost]
    return f"{w.name(c.goal)}: {'; '.join(parts)}"


def _rename(w: _Words, r: Rename) -> str:
    parts = [
        f"„{w.text(old or '')}“ → „{w.text(new or '')}“ [{lang}]"
        for lang, old, new in (("de", r.old_de, r.new_de), ("en", r.old_en, r.new_en))
        if old != new
    ]
    return f"{w.text(curie(r.iri, w.prefixes))} ({w.kind(r.kind)}): {'; '.join(parts)}"


# the mark of each section's lines in text: added, removed, changed
_MARKS = {
    "measures_added": "+", "measures_removed": "−", "status_changed": "~", "leads": "~",
    "responsibilities": "~", "agreements_added": "+", "agreements_removed": "−",
    "needs_added": "+", "needs_removed": "−", "goals": "~", "renamed": "~",
}  # fmt: skip

Entry = MeasureEntry | StatusChange | ResponsibilityChange | GoalChange | Rename | Named


def _line(w: _Words, entry: Entry) -> str:
    if isinstance(entry, MeasureEntry):
        return _measure(w, entry)
    if isinstance(entry, StatusChange):
        return _status(w, entry)
    if isinstance(entry, ResponsibilityChange):
        return _responsibility(w, entry)
    if isinstance(entry, GoalChange):
        return _goal(w, entry)
    if isinstance(entry, Rename):
        return _rename(w, entry)
    return w.name(entry)


def _document(diff: Diff, w: _Words) -> str:
    old, new = w.text(diff.old.source), w.text(diff.new.source)
    title = w.word("title", old=old, new=new)
    lines = [f"# {title}" if w.markdown else title, ""]
    for label, side in (("old", diff.old), ("new", diff.new)):
        if side.reports:
            reports = "; ".join(w.text(r.label(w.lang)) for r in side.reports)
            lines.append(
                f"- {w.word(label)}: {w.text(side.source)} ({w.word('reports')}: {reports})"
            )
    if len(lines) > 2:
        lines.append("")
    counts = diff.counts()
    if not any(counts.values()):
        return "\n".join([*lines, w.word("none")]) + "\n"
    for section, mark in _MARKS.items():
        entries = getattr(diff, section)
        if not entries:
            continue
        heading = f"{w.word(section)} ({len(entries)})"
        lines.append(f"## {heading}" if w.markdown else heading)
        if w.markdown:
            lines.append("")
        bullet = "-" if w.markdown else f"  {mark}"
        lines += [f"{bullet} {_line(w, entry)}" for entry in entries]
        lines.append("")
    lines.append(w.word("total", n=sum(counts.values())))
    return "\n".join(lines) + "\n"


def render(
    diff: Diff, fmt: Format = "text", *, lang: str = "de", prefixes: Mapping[str, str] | None = None
) -> str:
    """The diff as ``text``, ``markdown`` or ``json``; labels and words in ``lang``.

    ``prefixes``: the city's own prefixes for CURIEs (``lev:`` is known anyway).
    """
    if fmt == "json":
        return json.dumps(diff.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _document(diff, _Words(lang, dict(prefixes or {}), markdown=fmt == "markdown"))
