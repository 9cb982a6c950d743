"""Implementation over time on the site, without Sphinx: the Changes page's blocks on the
fictional second report (each planted change listed once), the page without a previous
report, the status-per-topic chart and its table; Leverkusen's assessments on goal, field
and gap pages; the status history on measure pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from integrationskonzept.compare import Comparison, comparison
from integrationskonzept.compare.changes import SECTIONS
from integrationskonzept.model import KnowledgeBase
from integrationskonzept.publish.site import blocks as b
from integrationskonzept.publish.site.inputs import SiteInputs
from integrationskonzept.publish.site.kinds import KINDS, assign_docnames, entity_page
from integrationskonzept.publish.site.overview import OVERVIEW, navigation
from integrationskonzept.publish.site.pages import changes, gaps
from integrationskonzept.publish.site.site import Site

from .helpers import all_blocks, find_section

FIXTURES = Path(__file__).parents[1] / "compare" / "fixtures"
OLD, NEW = FIXTURES / "musterstadt-2020", FIXTURES / "musterstadt-2022"
MS = "https://w3id.org/integrationskonzept/musterstadt/"
LEV = "https://w3id.org/integrationskonzept/leverkusen/"

# ------------------------------------------------------------------ helpers


def _text(cell: b.Cell) -> str:
    return "".join(x.text for x in cell)


def _rows(section: b.Section) -> list[list[str]]:
    tables = [x for x in all_blocks([section]) if isinstance(x, b.Table)]
    return [[_text(c) for c in row] for table in tables for row in table.rows]


def _all_text(blocks: tuple[b.Block, ...] | list[b.Block]) -> str:
    parts: list[str] = []
    for block in all_blocks(blocks):
        if isinstance(block, b.Para | b.Note):
            parts.append(_text(block.inlines))
        elif isinstance(block, b.Quote | b.CodeBlock):
            parts.append(block.text)
        elif isinstance(block, b.Table):
            parts.extend(_text(c) for row in block.rows for c in row)
        elif isinstance(block, b.Facts):
            parts.extend(_text(c) for _, c in block.rows)
        elif isinstance(block, b.Section):
            parts.append(block.title)
    return "\n".join(parts)


def _site(inputs: SiteInputs, lang: str) -> Site:
    site = Site(inputs, lang)
    assign_docnames(site)
    return site


def _entity_page(site: Site, kind_name: str, iri: str) -> b.Page:
    kind = next(k for k in KINDS if k.name == kind_name)
    entity = next(e for e in kind.collection(site) if e.iri == iri)
    return entity_page(site, kind, entity)


# ------------------------------------------------------------------ the fictional reports


@pytest.fixture(scope="module")
def musterstadt() -> tuple[KnowledgeBase, Comparison]:
    old, new = KnowledgeBase(OLD).check(), KnowledgeBase(NEW).check()
    return new, comparison(old, new, old_source=OLD.name, new_source=NEW.name)


@pytest.fixture(scope="module", params=["de", "en"])
def changed(musterstadt: tuple[KnowledgeBase, Comparison], request: pytest.FixtureRequest) -> Site:
    kb, found = musterstadt
    return _site(SiteInputs(kb=kb, validation={}, comparison=found), request.param)


@pytest.fixture(scope="module", params=["de", "en"])
def unchanged(
    musterstadt: tuple[KnowledgeBase, Comparison], request: pytest.FixtureRequest
) -> Site:
    return _site(SiteInputs(kb=musterstadt[0], validation={}), request.param)


# each planted change: (section anchor, the label shown in German, in English)
PLANTED = (
    ("measures-added", "Lesecafé", "Reading café"),
    ("measures-removed", "Elternbrief", "Letter to parents"),
    ("status-changed", "Sprachkurs für Eltern", "Language course for parents"),
    ("leads", "Runder Tisch Sprache", "Language round table"),
    ("needs-added", "Mehr Kursplätze am Abend", "More evening course places"),
    ("goals", "A-2", "A-2"),
    ("renamed", "Hausaufgabenhilfe im Quartier", "Homework help"),
)
EMPTY = ("responsibilities", "agreements-added", "agreements-removed", "needs-removed")


@pytest.mark.parametrize(("anchor", "german", "english"), PLANTED, ids=[p[0] for p in PLANTED])
def test_the_changes_page_lists_each_planted_change_once(
    changed: Site, anchor: str, german: str, english: str
) -> None:
    page = changes.page(changed)
    label = english if changed.lang == "en" else german
    section = find_section(page.blocks, anchor)
    assert section.title.endswith("(1)")
    [row] = _rows(section)
    assert label in row[0]
    # listed once: no other section of changes names it first in a row
    anchors = [name.replace("_", "-") for name in SECTIONS]
    found = [a for a in anchors for r in _rows(find_section(page.blocks, a)) if label in r[0]]
    assert found == [anchor]


def test_the_changes_page_shows_both_dates_and_the_leads(changed: Site) -> None:
    page = changes.page(changed)
    [status] = _rows(find_section(page.blocks, "status-changed"))
    [lead] = _rows(find_section(page.blocks, "leads"))
    if changed.lang == "de":
        assert status[1:] == ["geplant (Stand 2020-03)", "umgesetzt (Stand 2022-03)"]
        assert lead[1:] == ["A", "Volkshochschule Musterstadt", "Stadt Musterstadt"]
    else:
        assert status[1:] == ["planned (as of 2020-03)", "implemented (as of 2022-03)"]
        assert lead[2:] == ["Musterstadt adult education centre", "City of Musterstadt"]
    [renamed] = _rows(find_section(page.blocks, "renamed"))
    assert renamed[1:] == ["Hausaufgabenhilfe", "Hausaufgabenhilfe im Quartier"]
    for anchor in EMPTY:
        assert _rows(find_section(page.blocks, anchor)) == []
    summary = {row[0]: row[1] for row in _rows(find_section(page.blocks, "summary"))}
    assert sum(int(n) for n in summary.values()) == 7


def test_links_go_to_pages_that_exist_and_gone_things_are_text(changed: Site) -> None:
    page = changes.page(changed)
    added = find_section(page.blocks, "measures-added")
    removed = find_section(page.blocks, "measures-removed")
    [link] = [x for t in all_blocks([added]) if isinstance(t, b.Table) for x in t.rows[0][0]]
    assert isinstance(link, b.Link) and link.doc == "measure/lesecafe"
    [gone] = [x for t in all_blocks([removed]) if isinstance(t, b.Table) for x in t.rows[0][0]]
    assert isinstance(gone, b.Text)  # the removed measure has no page any more


def test_the_chart_has_its_numbers_as_a_table_beside_it(changed: Site) -> None:
    page = changes.page(changed)
    section = find_section(page.blocks, "status-per-topic")
    figure, table = section.blocks
    assert isinstance(figure, b.Figure) and figure.uri == "/" + changes.CHART
    assert figure.alt == changed.ui("changes.chart_alt")
    assert isinstance(table, b.Table)
    rows = [[_text(c) for c in row] for row in table.rows]
    # Sprachkurs planned → implemented, Lesecafé added (ongoing), Elternbrief removed
    # (implemented): implemented 1, ongoing 1, planned 1 before; 1, 2, 0 now
    assert [row[2:] for row in rows] == [["1", "1", "1", "3"], ["1", "2", "0", "3"]]
    files = changes.files(changed)
    assert set(files) == {changes.CHART}
    svg = files[changes.CHART]
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert svg == changes.chart(changed, changed.inputs.comparison)  # type: ignore[arg-type]


def test_without_a_previous_report_the_page_says_so_and_how(unchanged: Site) -> None:
    page = changes.page(unchanged)
    assert page.docname == "changes"
    assert page.title == {"de": "Entwicklung", "en": "Changes"}[unchanged.lang]
    note = page.blocks[0]
    assert isinstance(note, b.Note)
    assert _text(note.inlines) == unchanged.ui("changes.none_given")
    text = _all_text(page.blocks)
    assert "integrationskonzept build --previous DIR" in text
    assert "integrationskonzept docs --previous DIR" in text
    assert changes.files(unchanged) == {}


def test_the_changes_page_is_in_the_navigation(unchanged: Site) -> None:
    assert "changes" in [name for name, _, _ in OVERVIEW]
    groups = dict(navigation(unchanged, {"index", "gaps", "changes"}))
    overview = groups[unchanged.ui("nav_overview")]
    assert ("changes", unchanged.ui("page.changes")) in overview


def test_labels_with_markup_stay_text(musterstadt: tuple[KnowledgeBase, Comparison]) -> None:
    """Labels come into the page as Text inlines only (the renderer escapes them)."""
    kb, found = musterstadt
    site = _site(SiteInputs(kb=kb, validation={}, comparison=found), "de")
    for block in all_blocks(changes.blocks(site)):
        if isinstance(block, b.Table):
            for row in block.rows:
                for cell in row:
                    assert all(isinstance(x, b.Text | b.Link) for x in cell)


def test_a_measure_page_shows_its_status_history(changed: Site) -> None:
    page = _entity_page(changed, "measure", MS + "measure/sprachkurs")
    rows = _rows(find_section(page.blocks, "status-history"))
    assert [row[:2] for row in rows] == (
        [["2020-03", "geplant"], ["2022-03", "umgesetzt"]]
        if changed.lang == "de"
        else [["2020-03", "planned"], ["2022-03", "implemented"]]
    )
    assert "1. Umsetzungsbericht der Musterstadt" in rows[0][2] or changed.lang == "en"
    assert "4.1" in rows[0][2] and "4.1" in rows[1][2]


# ------------------------------------------------------------------ Leverkusen's assessments


@pytest.fixture(scope="module")
def leverkusen() -> SiteInputs:
    return SiteInputs(kb=KnowledgeBase().check(), validation={})


@pytest.fixture(scope="module", params=["de", "en"])
def lev(leverkusen: SiteInputs, request: pytest.FixtureRequest) -> Site:
    return _site(leverkusen, request.param)


# section 4.6: the AG BE does not (yet) see the conversion/renaming that goal F-1 asks for
F_1 = {
    "de": "Die Umwandlung und Umbenennung in eine AG „Zivilgesellschaftliches Engagement, "
    "Freizeit, Kultur und Sport“ wird zum jetzigen Zeitpunkt vonseiten der AG BE (noch) nicht "
    "gesehen.",
    "en": "At present the AG BE does not (yet) see the conversion into and renaming as a "
    "working group “Civil Society Engagement, Leisure, Culture and Sport”.",
}


def test_goal_f1_shows_its_assessment_with_source_and_date(lev: Site) -> None:
    page = _entity_page(lev, "goal", LEV + "goal/F-1")
    section = find_section(page.blocks, "assessments")
    part = find_section(section.blocks, "assessment-f-3")
    quote, facts = part.blocks
    assert isinstance(quote, b.Quote) and isinstance(facts, b.Facts)
    assert (quote.text, quote.lang) == (F_1[lev.lang], lev.lang)
    found = {key: _text(value) for key, value in facts.rows}
    assert "4.6" in found[lev.ui("source")]
    assert found[lev.ui("as_of")] == "2019-05"
    assert found[lev.ui("attributed_to")] == lev.label(
        LEV + "network/ag-buergerschaftliches-engagement"
    )
    # the goal's own page does not list the goal again as what the assessment concerns
    assert lev.ui("assessed") not in found


def test_goal_c1_page_and_field_f_page_show_the_assessments(lev: Site) -> None:
    field = _entity_page(lev, "field", LEV + "field/F")
    text = _all_text(list(find_section(field.blocks, "assessments").blocks))
    assert F_1[lev.lang] in text
    assert "4.6" in text
    goal = _entity_page(lev, "goal", LEV + "goal/C-1")
    expected = [a.iri for a in lev.kb.assessments_of("C-1")]
    if expected:
        assert len(find_section(goal.blocks, "assessments").blocks) == 1 + len(expected)
    else:  # no assessment of C-1 itself: no empty section
        assert not [
            x
            for x in all_blocks(goal.blocks)
            if isinstance(x, b.Section) and x.anchor == "assessments"
        ]
    field_c = _entity_page(lev, "field", LEV + "field/C")
    assert len(find_section(field_c.blocks, "assessments").blocks) == 1 + len(
        lev.kb.assessments_in("C")
    )


def test_the_gap_analysis_shows_every_assessment(lev: Site) -> None:
    page = gaps.page(lev)
    section = find_section(page.blocks, "assessments")
    rows = _rows(section)
    assert len(rows) == len(lev.kb.assessments)
    assert any(F_1[lev.lang] in row[1] and "4.6" in row[2] for row in rows)


def test_a_leverkusen_measure_page_shows_its_dated_status(lev: Site) -> None:
    page = _entity_page(lev, "measure", LEV + "measure/fit-in-deutsch")
    [row] = _rows(find_section(page.blocks, "status-history"))
    assert row[0] == "2019-05"
    assert row[1] == lev.status("implemented")
