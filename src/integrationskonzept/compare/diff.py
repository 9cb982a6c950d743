"""Compare two knowledge bases: :func:`compare` gives the :class:`~.changes.Diff`.

Identity is by IRI throughout. What belongs to a thing that was added or removed (its
responsibilities) is part of that addition or removal and is not reported again; a measure
that moved to another goal shows as that goal's gain and the other goal's loss.

>>> from integrationskonzept.model import KnowledgeBase
>>> kb = KnowledgeBase()
>>> compare(kb, kb).counts()["measures_added"]
0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from integrationskonzept.compare.changes import (
    Diff,
    GoalChange,
    MeasureEntry,
    Named,
    Rename,
    ResponsibilityChange,
    Side,
    StatusChange,
)
from integrationskonzept.model import Entity, KnowledgeBase, Measure
from integrationskonzept.namespaces import IK, PREFIXES

SKOS_PREF_LABEL = PREFIXES["skos"] + "prefLabel"
# the kinds of record whose labels are compared, with the name shown for each
RENAMED_KINDS = (
    ("topic", "topics"), ("goal", "goals"), ("indicator", "indicators"), ("actor", "actors"),
    ("network", "networks"), ("agreement", "agreements"), ("need", "needs"),
    ("meeting", "meetings"), ("strategic-goal", "strategic_goals"),
    ("assessment", "assessments"),
)  # fmt: skip
# measures are compared too (``measures()``: the model keeps their tuple private)

ResponsibilityKey = tuple[str, str, str | None]  # (what, role, topic)


def named(entity: Entity) -> Named:
    """A record as a :class:`Named`."""
    return Named(entity.iri, entity.label_de, entity.label_en)


def lookup(kb: KnowledgeBase, iri: str) -> Named:
    """Any IRI of ``kb`` as a :class:`Named` (its ``skos:prefLabel``, else its last segment)."""
    index = kb.statements
    german = index.label(iri, "de") or iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return Named(iri, german, index.text(iri, SKOS_PREF_LABEL, "en"))


def side(kb: KnowledgeBase, source: str) -> Side:
    """Where a version comes from and which implementation reports it holds."""
    reports = sorted(lookup(kb, iri) for iri in kb.statements.of_type(str(IK.ImplementationReport)))
    return Side(source, tuple(reports))


def _status_date(measure: Measure) -> str | None:
    """The date of the measure's latest dated status (``None`` without one)."""
    return measure.status_history[-1].date if measure.status_history else None


def _measures(
    old: KnowledgeBase, new: KnowledgeBase
) -> tuple[tuple[MeasureEntry, ...], tuple[MeasureEntry, ...], tuple[StatusChange, ...]]:
    """The measures added, removed and those whose status changed."""
    before = {m.iri: m for m in old.measures()}
    after = {m.iri: m for m in new.measures()}

    def entries(side: dict[str, Measure], other: dict[str, Measure]) -> tuple[MeasureEntry, ...]:
        return tuple(
            sorted(
                MeasureEntry(named(m), m.status, _status_date(m))
                for iri, m in side.items()
                if iri not in other
            )
        )

    changed = tuple(
        sorted(
            StatusChange(
                named(after[iri]),
                before[iri].status,
                _status_date(before[iri]),
                after[iri].status,
                _status_date(after[iri]),
            )
            for iri in before.keys() & after.keys()
            if before[iri].status != after[iri].status
        )
    )
    return entries(after, before), entries(before, after), changed


def _holders(kb: KnowledgeBase) -> dict[ResponsibilityKey, set[str]]:
    found: dict[ResponsibilityKey, set[str]] = defaultdict(set)
    for r in kb.responsibilities:
        found[(r.responsible_for, r.role, r.topic)].add(r.actor)
    return found


def _responsibilities(
    old: KnowledgeBase, new: KnowledgeBase
) -> tuple[tuple[ResponsibilityChange, ...], tuple[ResponsibilityChange, ...]]:
    """Changes of leads, and of every other role, for things that exist in both versions."""
    before, after = _holders(old), _holders(new)
    in_both = set(old.statements.subjects()) & set(new.statements.subjects())
    leads: list[ResponsibilityChange] = []
    others: list[ResponsibilityChange] = []
    for key in sorted(before.keys() | after.keys(), key=str):
        what, role, topic = key
        old_actors, new_actors = before.get(key, set()), after.get(key, set())
        if old_actors == new_actors or what not in in_both:
            continue
        change = ResponsibilityChange(
            lookup(new, what),
            role,
            lookup(new if topic in in_both else old, topic) if topic else None,
            tuple(sorted(lookup(old, a) for a in old_actors)),
            tuple(sorted(lookup(new, a) for a in new_actors)),
        )
        (leads if role == "Lead" else others).append(change)
    return tuple(sorted(leads)), tuple(sorted(others))


def _added_removed(
    before: Iterable[Entity], after: Iterable[Entity]
) -> tuple[tuple[Named, ...], tuple[Named, ...]]:
    old = {e.iri: e for e in before}
    new = {e.iri: e for e in after}
    added = tuple(sorted(named(e) for iri, e in new.items() if iri not in old))
    removed = tuple(sorted(named(e) for iri, e in old.items() if iri not in new))
    return added, removed


def _goals(old: KnowledgeBase, new: KnowledgeBase) -> tuple[GoalChange, ...]:
    def contributors(kb: KnowledgeBase) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for m in kb.measures():
            for goal in m.goals:
                found[goal].add(m.iri)
        return found

    before, after = contributors(old), contributors(new)
    old_goals = {g.iri for g in old.goals}
    changes = []
    for goal in new.goals:
        if goal.iri not in old_goals:
            continue
        gained = after[goal.iri] - before[goal.iri]
        lost = before[goal.iri] - after[goal.iri]
        if gained or lost:
            changes.append(
                GoalChange(
                    named(goal),
                    goal.code,
                    tuple(sorted(lookup(new, m) for m in gained)),
                    tuple(sorted(lookup(old, m) for m in lost)),
                )
            )
    return tuple(sorted(changes))


def _labelled(kb: KnowledgeBase) -> dict[str, Iterable[Entity]]:
    """The records whose labels are compared, by the kind shown for them."""
    found: dict[str, Iterable[Entity]] = {kind: getattr(kb, name) for kind, name in RENAMED_KINDS}
    found["measure"] = kb.measures()
    return found


def _renamed(old: KnowledgeBase, new: KnowledgeBase) -> tuple[Rename, ...]:
    found = []
    before_kinds = _labelled(old)
    for kind, entities in _labelled(new).items():
        before = {e.iri: e for e in before_kinds[kind]}
        for entity in entities:
            was = before.get(entity.iri)
            if was is None or (was.label_de, was.label_en) == (entity.label_de, entity.label_en):
                continue
            de_changed, en_changed = (
                was.label_de != entity.label_de,
                was.label_en != entity.label_en,
            )
            found.append(
                Rename(
                    kind,
                    entity.iri,
                    was.label_de if de_changed else None,
                    entity.label_de if de_changed else None,
                    was.label_en if en_changed else None,
                    entity.label_en if en_changed else None,
                )
            )
    return tuple(sorted(found, key=lambda r: (r.iri, r.kind)))


def compare(
    old: KnowledgeBase, new: KnowledgeBase, *, old_source: str = "old", new_source: str = "new"
) -> Diff:
    """Everything that changed from ``old`` to ``new`` (``*_source``: where they come from)."""
    measures_added, measures_removed, status_changed = _measures(old, new)
    leads, responsibilities = _responsibilities(old, new)
    agreements_added, agreements_removed = _added_removed(old.agreements, new.agreements)
    needs_added, needs_removed = _added_removed(old.needs, new.needs)
    return Diff(
        old=side(old, old_source),
        new=side(new, new_source),
        measures_added=measures_added,
        measures_removed=measures_removed,
        status_changed=status_changed,
        leads=leads,
        responsibilities=responsibilities,
        agreements_added=agreements_added,
        agreements_removed=agreements_removed,
        needs_added=needs_added,
        needs_removed=needs_removed,
        goals=_goals(old, new),
        renamed=_renamed(old, new),
    )
