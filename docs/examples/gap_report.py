"""Gap report for the integration office, using only the public API.

Run: ``python docs/examples/gap_report.py``. Prints, per field, the measures by status and the
guiding goals that no measure addresses.
"""

from collections import Counter

from integrationskonzept import KnowledgeBase

kb = KnowledgeBase()
for field in kb.topics:
    statuses = Counter(m.status for m in kb.measures(field=field.code))
    summary = ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items(), key=str))
    print(f"{field.code:5} {field.label('de')}: {summary}")

print("\nLeitziele ohne Maßnahme / goals without measures:")
for goal in kb.goals_without_measures():
    note = " (keine Anmerkungen im Prozess)" if goal.status == "no-remarks" else ""
    print(f"  {goal.code}{note}: {goal.statement_de[:90]}")
