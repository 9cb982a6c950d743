"""The Changes page ("Entwicklung"): what changed since the previous report.

The page shows the comparison the pipeline's compare stage made (``build --previous DIR``),
handed in typed through :class:`~integrationskonzept.publish.site.inputs.SiteInputs`: a
summary, one table per kind of change (measures added, removed, with a new status and both
dates; leads and other responsibilities; agreements and needs added or gone; goals that
gained or lost measures; renamed labels), and a chart of the measures' status per topic,
before and after, with its numbers as a table beside it (the chart's text alternative).
Without a previous report the page is still there and says how to give one.

Things that are gone have no page any more: they are shown by their label from the previous
version, as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from integrationskonzept.compare import Comparison, Diff, Named, TopicStatus
from integrationskonzept.compare.changes import SECTIONS, Rename, ResponsibilityChange
from integrationskonzept.compare.status import STATUS_CODES
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    CodeBlock,
    Figure,
    Note,
    Page,
    Para,
    Section,
    Table,
    Text,
    cell,
    joined,
)
from integrationskonzept.publish.site.palette import status_style
from integrationskonzept.publish.site.site import Site

DOCNAME = "changes"
CHART = "_figures/changes-status.svg"
COMMAND = "integrationskonzept build --previous DIR\nintegrationskonzept docs --previous DIR\n"


def comparison(site: Site) -> Comparison | None:
    """The comparison handed to the site, if a previous report was given."""
    return site.inputs.comparison


# ---------------------------------------------------------------- cells


def _name(site: Site, thing: Named) -> Cell:
    """A link to the thing's page, or its label as text (gone things have no page)."""
    return (site.ref(thing.iri, thing.label(site.lang)),)


def _names(site: Site, things: Sequence[Named]) -> Cell:
    return joined([_name(site, t) for t in things]) or cell("–")


def _status(site: Site, status: str | None, date: str | None) -> Cell:
    shown = site.status(status)
    return cell(f"{shown} ({site.ui('as_of_date').format(date)})" if date else shown)


def _reports(site: Site, reports: Sequence[Named]) -> str:
    return "; ".join(r.label(site.lang) for r in reports) or "–"


# ---------------------------------------------------------------- the tables of changes


def _rows(
    site: Site, diff: Diff, name: str
) -> tuple[tuple[str, ...], tuple[tuple[Cell, ...], ...]]:
    """The header and rows of one section of the diff."""
    ui = site.ui
    items: Sequence[Any] = getattr(diff, name)
    if name in ("measures_added", "measures_removed"):
        return (ui("one.measure"), ui("status")), tuple(
            (_name(site, e.measure), _status(site, e.status, e.date)) for e in items
        )
    if name == "status_changed":
        header = (ui("one.measure"), ui("changes.old_status"), ui("changes.new_status"))
        return header, tuple(
            (
                _name(site, c.measure),
                _status(site, c.old_status, c.old_date),
                _status(site, c.new_status, c.new_date),
            )
            for c in items
        )
    if name in ("leads", "responsibilities"):
        return _responsibility_rows(site, items, with_role=name == "responsibilities")
    if name == "goals":
        header = (ui("one.goal"), ui("changes.gained"), ui("changes.lost"))
        return header, tuple(
            (
                (site.ref(g.goal.iri, g.code), Text(": " + g.goal.label(site.lang))),
                _names(site, g.gained),
                _names(site, g.lost),
            )
            for g in items
        )
    if name == "renamed":
        header = (ui("kind"), ui("changes.old_label"), ui("changes.new_label"))
        return header, tuple(_rename_row(site, r) for r in items)
    # agreements and needs, added or gone
    return (ui("label"),), tuple((_name(site, n),) for n in items)


def _responsibility_rows(
    site: Site, items: Sequence[ResponsibilityChange], with_role: bool
) -> tuple[tuple[str, ...], tuple[tuple[Cell, ...], ...]]:
    ui = site.ui
    header = (
        ui("label"),
        *((ui("role"),) if with_role else ()),
        ui("topic"),
        ui("changes.before"),
        ui("changes.after"),
    )
    rows = tuple(
        (
            _name(site, r.target),
            *((cell(site.term(r.role)),) if with_role else ()),
            (site.topic_ref(r.topic.iri),) if r.topic is not None else cell("–"),
            _names(site, r.before),
            _names(site, r.after),
        )
        for r in items
    )
    return header, rows


# kinds of renamed things whose word is not ``one.<kind>`` (topics include the fields)
_KIND_WORD = {"topic": "topic", "assessment": "assessments"}


def _rename_row(site: Site, rename: Rename) -> tuple[Cell, ...]:
    """Kind and thing; the label before and now in the site's language (German where only
    the German label changed)."""
    english = site.lang == "en" and (rename.old_en or rename.new_en)
    old, new = (rename.old_en, rename.new_en) if english else (rename.old_de, rename.new_de)
    kind = site.ui(_KIND_WORD.get(rename.kind, f"one.{rename.kind}"))
    return (
        (Text(kind + ": "), site.ref(rename.iri)),
        cell(old or "–"),
        cell(new or "–"),
    )


def _section(site: Site, diff: Diff, name: str) -> Section:
    items = getattr(diff, name)
    title = f"{site.ui('changes.' + name)} ({len(items)})"
    anchor = name.replace("_", "-")
    if not items:
        return Section(title, anchor, (Para(cell(site.ui("changes.nothing"))),))
    header, rows = _rows(site, diff, name)
    return Section(title, anchor, (Table(header, rows),))


def _summary(site: Site, diff: Diff) -> Section:
    rows = tuple(
        (cell(site.ui("changes." + name)), cell(str(count)))
        for name, count in diff.counts().items()
    )
    header = (site.ui("label"), site.ui("changes.count"))
    return Section(site.ui("changes.summary"), "summary", (Table(header, rows),))


# ---------------------------------------------------------------- status per topic


def _codes(found: Comparison) -> tuple[str | None, ...]:
    """The status codes that occur on either side (the others would be empty columns)."""
    rows = (*found.before, *found.after)
    return tuple(c for c in STATUS_CODES if any(r.count(c) for r in rows))


def status_table(site: Site, found: Comparison) -> Table:
    """The numbers of the chart: per topic a row before and a row after."""
    codes = _codes(found)
    header = (
        site.ui("topic"),
        site.ui("changes.version"),
        *(site.status(c) for c in codes),
        site.ui("total"),
    )
    rows: list[tuple[Cell, ...]] = []
    for _, topic, before, after in found.topics():
        for word, counts in (("changes.before", before), ("changes.after", after)):
            values = [counts.count(c) if counts else 0 for c in codes]
            rows.append(
                (
                    (site.topic_ref(topic.iri, long=True),),
                    cell(site.ui(word)),
                    *(cell(str(v)) for v in values),
                    cell(str(counts.total if counts else 0)),
                )
            )
    return Table(header, tuple(rows))


def chart(site: Site, found: Comparison) -> bytes:
    """Stacked horizontal bars: per topic the previous and the current version, one segment
    per status (colour and hatching), as SVG bytes that are the same on every run."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    from integrationskonzept.publish.files.analysis_figures import figure_text, render

    codes = _codes(found) or (None,)
    labels: list[str] = []
    series: list[TopicStatus | None] = []
    positions: list[float] = []
    for number, (topic_code, _, before, after) in enumerate(found.topics()):
        for offset, (word, counts) in enumerate(
            (("changes.before", before), ("changes.after", after))
        ):
            labels.append(figure_text(f"{topic_code} · {site.ui(word)}", 40))
            series.append(counts)
            positions.append(number * 2.6 + offset)  # a gap between the topics' pairs
    height = max(2.4, 0.34 * len(labels) + 1.6)  # rows for 9 pt labels
    figure = MplFigure(figsize=(7.5, height))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    starts = [0] * len(labels)
    for code in codes:
        colour, hatch = status_style(code)
        widths = [counts.count(code) if counts else 0 for counts in series]
        axes.barh(
            positions,
            widths,
            left=starts,
            color=colour,
            hatch=hatch,
            edgecolor="#333333",
            linewidth=0.4,
        )
        starts = [s + w for s, w in zip(starts, widths, strict=True)]
    axes.set_yticks(positions, labels, fontsize=9)
    axes.invert_yaxis()
    axes.set_xlabel(figure_text(site.ui("measures")), fontsize=10)
    axes.tick_params(axis="x", labelsize=9)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    handles = [
        Patch(facecolor=colour, hatch=hatch, edgecolor="#333333", linewidth=0.4)
        for colour, hatch in map(status_style, codes)
    ]
    axes.legend(
        handles,
        [figure_text(site.status(c)) for c in codes],
        fontsize=9,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=len(codes),
        frameon=False,
    )
    figure.tight_layout()
    return render(figure, "svg")


def files(site: Site) -> dict[str, bytes]:
    """The chart of the page (below the source folder), if a previous report was given."""
    found = comparison(site)
    return {} if found is None else {CHART: chart(site, found)}


def _status_section(site: Site, found: Comparison) -> Section:
    title = site.ui("changes.chart")
    return Section(
        title,
        "status-per-topic",
        (Figure("/" + CHART, site.ui("changes.chart_alt")), status_table(site, found)),
    )


# ---------------------------------------------------------------- the page


def _missing(site: Site) -> tuple[Block, ...]:
    return (
        Note(cell(site.ui("changes.none_given"))),
        Para(cell(site.ui("changes.how"))),
        CodeBlock(COMMAND, "shell"),
    )


def blocks(site: Site) -> tuple[Block, ...]:
    """The page's content: the note without a previous report, else the comparison."""
    found = comparison(site)
    if found is None:
        return _missing(site)
    diff = found.diff
    intro = site.ui("changes.intro").format(
        old=_reports(site, diff.old.reports), new=_reports(site, diff.new.reports)
    )
    parts: list[Block] = [
        Para(cell(intro)),
        Para(cell(site.ui("changes.identity"))),
        _summary(site, diff),
    ]
    parts.extend(_section(site, diff, name) for name in SECTIONS)
    parts.append(_status_section(site, found))
    return tuple(parts)


def page(site: Site) -> Page:
    """The Changes page."""
    return Page(DOCNAME, site.ui("page.changes"), blocks(site))
