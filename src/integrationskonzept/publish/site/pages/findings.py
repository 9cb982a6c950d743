"""What the report says, for the top of the home page: the fields of action, the prioritised
ones, the status of the measures per field (a chart with its data as a table) and the gaps.

The chart is a deterministic SVG (matplotlib, no dates, fixed ids, text as text): stacked
bars, one per field, one segment per status, each status with its own colour *and* hatch so
that colour is never the only carrier of meaning. The table below it holds the same numbers.
"""

from __future__ import annotations

import io
import textwrap

from integrationskonzept.model import STATUSES, Topic
from integrationskonzept.publish.site.blocks import (
    Block,
    Cell,
    Figure,
    Items,
    Link,
    Para,
    Section,
    Table,
    Text,
    cell,
    joined,
)
from integrationskonzept.publish.site.palette import status_style
from integrationskonzept.publish.site.site import Site

# the chart's file below the source folder (and the html root)
CHART = "_figures/home-status.svg"
# statuses of measures, in the order of the bars' segments (no-remarks is for goals only)
CODES: tuple[str | None, ...] = (*STATUSES[:-1], None)
_SVG_METADATA = {"Date": None, "Creator": None}
_FONT = 10  # pt; at the column's width (≈ 720 px for 7.5 in) that is ≈ 13 px


def status_counts(site: Site) -> list[tuple[Topic, list[int]]]:
    """Each field of action with its number of measures per status (:data:`CODES`)."""
    found = []
    for field in site.kb.fields:
        measures = site.kb.measures(field.iri)
        found.append((field, [sum(1 for m in measures if m.status == c) for c in CODES]))
    return found


def _wrap(label: str, width: int = 30) -> str:
    """A label on lines of about ``width`` characters, broken at spaces and after "/",
    never inside a word."""
    lines = textwrap.wrap(label.replace("/", "/ "), width, break_long_words=False)
    return "\n".join(line.replace("/ ", "/") for line in lines)


def chart(site: Site) -> bytes | None:
    """The SVG of the measures per field by status, or ``None`` without any measure."""
    counts = status_counts(site)
    if not any(sum(row) for _, row in counts):
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context(
        {
            "svg.hashsalt": "integrationskonzept",
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "hatch.linewidth": 0.8,
            # labels from the data are text, never mathtext ("$x$")
            "text.parse_math": False,
        }
    ):
        labels = [_wrap(f"{f.code}: {site.name(f)}") for f, _ in counts]
        height = max(3.0, 0.62 * len(counts) + 1.6)
        fig, ax = plt.subplots(figsize=(7.5, height))
        left = [0] * len(counts)
        for i, code in enumerate(CODES):
            values = [row[i] for _, row in counts]
            colour, hatch = status_style(code)
            ax.barh(
                range(len(counts)),
                values,
                left=left,
                color=colour,
                hatch=hatch,
                edgecolor="#333333",
                linewidth=0.6,
                label=site.status(code),
            )
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.set_yticks(range(len(counts)), labels, fontsize=_FONT)
        ax.invert_yaxis()
        ax.set_xlabel(site.ui("home.chart_axis"), fontsize=_FONT)
        ax.tick_params(axis="x", labelsize=_FONT)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for spine in ("top", "right"):
            ax.spines[spine].set_visible(False)
        ax.legend(
            fontsize=_FONT, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False
        )
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata=_SVG_METADATA, bbox_inches="tight")
        plt.close(fig)
    return buffer.getvalue()


def _fields(site: Site) -> Section:
    rows = tuple(
        (
            (site.topic_ref(f.iri, long=True),),
            cell(site.ui("yes") if f.prioritized else site.ui("no")),
            cell(str(len(f.goals(site.kb)))),
            cell(str(len(site.kb.measures(f.iri)))),
        )
        for f in site.kb.fields
    )
    header = (
        site.ui("field"),
        site.ui("home.col_prioritized"),
        site.ui("goals"),
        site.ui("measures"),
    )
    intro = site.ui("home.fields_intro").format(
        fields=len(site.kb.fields),
        topics=len(site.kb.topics) - len(site.kb.fields),
        goals=len(site.kb.goals),
        measures=len(site.kb.measures()),
    )
    body: Block = Table(header, rows) if rows else Para(cell("–"))
    return Section(site.ui("kind.field"), "fields", (Para(cell(intro)), body))


def _prioritized(site: Site) -> Section:
    chosen = [f for f in site.kb.fields if f.prioritized]
    items = tuple((site.topic_ref(f.iri, long=True),) for f in chosen)
    intro = Para(cell(site.ui("home.prioritized_intro").format(len(chosen))))
    body: Block = Items(items) if items else Para(cell("–"))
    return Section(site.ui("home.prioritized"), "prioritized", (intro, body))


def _status(site: Site, has_chart: bool) -> Section:
    counts = status_counts(site)
    header = (site.ui("field"), *(site.status(c) for c in CODES), site.ui("total"))
    rows: list[tuple[Cell, ...]] = [
        ((site.ref(f.iri, f.code),), *(cell(str(n)) for n in row), cell(str(sum(row))))
        for f, row in counts
    ]
    totals = [sum(row[i] for _, row in counts) for i in range(len(CODES))]
    rows.append((cell(site.ui("total")), *(cell(str(n)) for n in totals), cell(str(sum(totals)))))
    blocks: list[Block] = [Para(cell(site.ui("home.status_intro")))]
    if has_chart:
        blocks.append(Figure("/" + CHART, site.ui("home.chart_alt")))
    blocks.append(Table(header, tuple(rows)))
    return Section(site.ui("home.status"), "status", tuple(blocks))


def _networks_without_lead(site: Site) -> int:
    count = 0
    for network in site.kb.networks:
        found = site.kb.responsibilities_for(network.iri)
        for topic in network.topics or (None,):
            if not any(r.role == "Lead" and (topic is None or r.topic == topic) for r in found):
                count += 1
    return count


def _gaps(site: Site) -> Section:
    goals = site.kb.goals_without_measures()
    unclear = [m for m in site.kb.measures() if m.status in ("unclear", None)]
    items: list[Cell] = [
        (
            Text(site.ui("home.gaps_goals").format(len(goals))),
            *(
                (Text(" ("), *joined([(site.ref(g.iri, g.code),) for g in goals]), Text(")"))
                if goals
                else ()
            ),
        ),
        cell(site.ui("home.gaps_networks").format(_networks_without_lead(site))),
        cell(site.ui("home.gaps_status").format(len(unclear))),
    ]
    more = Para(
        (Text(site.ui("home.gaps_more") + " "), Link(site.ui("page.gaps"), doc="gaps"), Text("."))
    )
    return Section(site.ui("home.gaps"), "gaps", (Items(tuple(items)), more))


def section(site: Site, has_chart: bool) -> Section:
    """The findings: fields, prioritised fields, status per field, gaps."""
    return Section(
        site.ui("home.findings"),
        "findings",
        (_fields(site), _prioritized(site), _status(site, has_chart), _gaps(site)),
    )
