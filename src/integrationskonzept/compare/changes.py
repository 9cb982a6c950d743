"""The changes between two knowledge bases as frozen records, and the :class:`Diff` of them.

Every record names things by IRI and carries their labels (German and English) from the
version they are taken from: the new one for what was added or changed, the old one for
what was removed. :meth:`Diff.to_dict` gives the JSON form; lists are sorted, so the same two
versions always give the same bytes.
"""

from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass(frozen=True, order=True)
class Named:
    """A thing by IRI, with its labels."""

    iri: str
    label_de: str
    label_en: str | None = None

    def label(self, lang: str = "de") -> str:
        """The label in ``lang``, falling back to German."""
        return (self.label_en if lang == "en" else None) or self.label_de


@dataclasses.dataclass(frozen=True, order=True)
class MeasureEntry:
    """A measure added or removed, with its status and the date of that status."""

    measure: Named
    status: str | None
    date: str | None


@dataclasses.dataclass(frozen=True, order=True)
class StatusChange:
    """A measure whose status changed: before and after, each with the date it was stated."""

    measure: Named
    old_status: str | None
    old_date: str | None
    new_status: str | None
    new_date: str | None


@dataclasses.dataclass(frozen=True, order=True)
class ResponsibilityChange:
    """Who holds one role for one thing (in one field's table): before and after.

    ``role`` is the local name of the role (``Lead``, ``Management`` …); ``topic`` the field
    whose network table states it, if any.
    """

    target: Named
    role: str
    topic: Named | None
    before: tuple[Named, ...]
    after: tuple[Named, ...]


@dataclasses.dataclass(frozen=True, order=True)
class GoalChange:
    """A guiding goal that gained or lost contributing measures."""

    goal: Named
    code: str
    gained: tuple[Named, ...]
    lost: tuple[Named, ...]


@dataclasses.dataclass(frozen=True, order=True)
class Rename:
    """A thing whose label changed (identity by IRI): old and new labels per language."""

    kind: str
    iri: str
    old_de: str | None
    new_de: str | None
    old_en: str | None
    new_en: str | None


@dataclasses.dataclass(frozen=True)
class Side:
    """One of the two versions compared: where it comes from and the reports it holds."""

    source: str
    reports: tuple[Named, ...]


# the sections of a diff, in the order they are shown
SECTIONS = (
    "measures_added", "measures_removed", "status_changed", "leads", "responsibilities",
    "agreements_added", "agreements_removed", "needs_added", "needs_removed", "goals",
    "renamed",
)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Diff:
    """Everything that changed from ``old`` to ``new``.

    ``leads`` are the changes of role ``Lead`` (Federführung); ``responsibilities`` those of
    every other role. Agreements and needs are only added or removed: the data has no notion
    of a need being fulfilled, so a need that is gone is reported as removed.
    """

    old: Side
    new: Side
    measures_added: tuple[MeasureEntry, ...] = ()
    measures_removed: tuple[MeasureEntry, ...] = ()
    status_changed: tuple[StatusChange, ...] = ()
    leads: tuple[ResponsibilityChange, ...] = ()
    responsibilities: tuple[ResponsibilityChange, ...] = ()
    agreements_added: tuple[Named, ...] = ()
    agreements_removed: tuple[Named, ...] = ()
    needs_added: tuple[Named, ...] = ()
    needs_removed: tuple[Named, ...] = ()
    goals: tuple[GoalChange, ...] = ()
    renamed: tuple[Rename, ...] = ()

    def counts(self) -> dict[str, int]:
        """The number of changes per section."""
        return {name: len(getattr(self, name)) for name in SECTIONS}

    def is_empty(self) -> bool:
        """Whether nothing changed."""
        return not any(self.counts().values())

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: both sides, the counts and every section."""
        return {
            "old": _plain(self.old),
            "new": _plain(self.new),
            "counts": self.counts(),
            **{name: _plain(getattr(self, name)) for name in SECTIONS},
        }


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value
