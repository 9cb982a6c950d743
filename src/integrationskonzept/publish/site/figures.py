"""The site's figures in the page's language, as deterministic, described SVG.

* :func:`chart`: one bar chart per statistics table: the values of its most frequent measure
  (count, share …), one bar per population group and reference date, the full group names
  wrapped (never cut), the axis titled by measure and unit ("Anzahl (Personen)"), each bar
  with its value.
* :func:`analysis_figures`: the network analysis' two figures
  (:mod:`integrationskonzept.publish.files.analysis_figures`) drawn again with the page
  language's labels and legend.
* :func:`site_figures`: every figure file of a site, and the charts' paths for the pages.

Every SVG carries a ``<title>`` and a ``<desc>`` with the data behind it. Matplotlib draws
without pyplot, with a fixed ``svg.hashsalt`` and no date or creator metadata, so the same
data give the same bytes (:func:`~integrationskonzept.publish.files.analysis_figures.render`).
"""

from __future__ import annotations

import datetime
import functools
import textwrap
from collections import Counter

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from integrationskonzept.analyse import build_graphs
from integrationskonzept.analyse.graphs import FIELD, AnalysisGraphs, actor_nodes
from integrationskonzept.model import Dataset
from integrationskonzept.publish.files import analysis_figures as drawing
from integrationskonzept.publish.site.blocks import Block, Details, Link, Para, Table, Text, cell
from integrationskonzept.publish.site.blocks import Figure as FigureBlock
from integrationskonzept.publish.site.site import Site

FIGURES = ("affiliation", "actors")
_BAR = "#2f6f8f"  # 5.9:1 on white


def number(value: float, lang: str) -> str:
    """A number as the page's language writes it.

    >>> number(4850, "de"), number(4850, "en"), number(15.1, "de"), number(2.0, "en")
    ('4.850', '4,850', '15,1', '2')
    """
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if lang == "de":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _date(day: datetime.date | None, lang: str) -> str:
    """A reference date as the page's language writes it (``31.12.2018``, ``2018-12-31``)."""
    if day is None:
        return ""
    return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()


def _words(site: Site) -> drawing.FigureWords:
    return drawing.FigureWords(
        no_field=site.ui("figure.no_field"),
        bodies=site.ui("figure.bodies"),
        lead=site.term("Lead"),
        management=site.term("Management"),
        member=site.ui("figure.member"),
        shares=site.ui("figure.shares"),
    )


def _measure(site: Site, measure: str) -> str:
    key = {"count": "count", "sharePercent": "figure.share", "density": "figure.density"}
    return site.ui(key.get(measure, "value"))


def chart(site: Site, dataset: Dataset) -> bytes | None:
    """The SVG bytes of the data set's bar chart, or ``None`` if it has no numbers."""
    observations = [o for o in dataset.observations if o.value is not None]
    if not observations:
        return None
    measure = Counter(o.measure for o in observations).most_common(1)[0][0]
    chosen = [o for o in observations if o.measure == measure]
    units = sorted({site.term(o.unit) for o in chosen if o.unit})
    axis = _measure(site, measure or "value") + (f" ({', '.join(units)})" if units else "")
    names = [" ".join(f"{o.group or ''} {_date(o.period, site.lang)}".split()) for o in chosen]
    labels = [
        "\n".join(drawing.figure_text(line, 60) for line in textwrap.wrap(name, 40)) or "–"
        for name in names
    ]
    values = [float(o.value or 0) for o in chosen]
    lines = max(label.count("\n") + 1 for label in labels)
    pitch = 0.2 + 0.17 * lines  # inches per bar: its label's lines at 9 pt
    height = 0.9 + pitch * len(values)
    figure = Figure(figsize=(drawing.WIDTH, height), dpi=drawing.DPI)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.44, 0.75 / height, 0.46, (pitch * len(values)) / height))
    positions = range(len(values))
    bars = ax.barh(positions, values, color=_BAR, height=0.6)
    ax.set_yticks(positions, labels, fontsize=drawing.FONT)
    ax.invert_yaxis()
    ax.set_ylim(len(values) - 0.5, -0.5)
    ax.bar_label(
        bars,
        [number(v, site.lang) for v in values],
        padding=3,
        fontsize=drawing.FONT,
        color="#222222",
    )
    ax.set_xlabel(drawing.figure_text(axis, 80), fontsize=drawing.FONT)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, site.lang)))
    ax.tick_params(axis="x", labelsize=drawing.FONT)
    ax.set_xlim(0, max([*values, 1.0]) * 1.18)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    desc = "\n".join(
        f"{name}: {number(value, site.lang)}" for name, value in zip(names, values, strict=True)
    )
    return drawing.render(figure, "svg", f"{site.name(dataset)} – {axis}", desc)


@functools.lru_cache(maxsize=2)
def _graphs(site: Site) -> AnalysisGraphs:
    """The analysis graphs of the site's knowledge base (cheap: built from the same graph
    the analysis stage used; the site gets only their rendered files)."""
    return build_graphs(site.kb.graph)


def _field_labels(site: Site, graphs: AnalysisGraphs) -> dict[str, str]:
    return {
        str(data["code"]): site.label(node)
        for node, data in graphs.network_fields.nodes(data=True)
        if data["kind"] == FIELD
    }


def analysis_figures(site: Site) -> dict[str, bytes]:
    """The analysis figures (``affiliation``, ``actors``) as SVG in the site's language;
    none without the analysis."""
    report = site.analysis
    if report is None:
        return {}
    graphs = _graphs(site)
    field_labels = _field_labels(site, graphs)
    primary = {r.iri: r.field for r in report.actors}
    leads = {r.iri: r.leads for r in report.actors}
    words = _words(site)
    labels = {node: site.label(node) for node in graphs.affiliation}
    affiliation = drawing.affiliation_figure(
        graphs.affiliation, primary, field_labels, words, labels
    )
    actors = drawing.projection_figure(graphs.actors, primary, leads, field_labels, words, labels)
    return {
        "affiliation": drawing.render(
            affiliation,
            "svg",
            site.ui("analysis.affiliation"),
            drawing.affiliation_description(graphs.affiliation, words, labels),
        ),
        "actors": drawing.render(
            actors,
            "svg",
            site.ui("analysis.actors_fig"),
            drawing.projection_description(graphs.actors, primary, words, labels),
            drawing.node_titles(graphs.actors, labels),
        ),
    }


def site_figures(site: Site) -> dict[str, bytes]:
    """Every figure file of the site by its path below the source folder; records each
    chart's path in ``site.charts`` (the pages link them)."""
    files: dict[str, bytes] = {}
    for dataset in site.datasets:
        svg = chart(site, dataset)
        if svg is not None:
            name = f"_figures/{dataset.iri.rsplit('/', 1)[-1]}.svg"
            files[name] = svg
            site.charts[dataset.iri] = "/" + name
    if any(f"{name}.svg" in site.analysis_files for name in FIGURES):
        for name, svg in analysis_figures(site).items():
            files[f"_figures/analysis-{name}.svg"] = svg
    return files


def chart_block(site: Site, dataset: Dataset) -> FigureBlock:
    """The chart of a statistics table, named for assistive technology."""
    alt = site.ui("figure.chart_alt").format(site.name(dataset))
    return FigureBlock(site.charts[dataset.iri], alt)


def figure_blocks(site: Site, name: str, caption: str) -> list[Block]:
    """An analysis figure, its caption, and its data as words (folded): for the projection
    the link to the table of every actor, for the affiliation a table of every tie."""
    blocks: list[Block] = [FigureBlock(f"/_figures/analysis-{name}.svg", caption)]
    if name == "actors":
        more = (Text(site.ui("figure.names") + " "),)
        link = Link(site.ui("analysis.actors"), doc="network-analysis", anchor="actors")
        blocks.append(Para((Text(caption + " "), *more, link, Text("."))))
        return blocks
    blocks.append(Para(cell(caption)))
    report = site.analysis
    if report is None:
        return blocks
    graphs = _graphs(site)
    words = _words(site)
    rows = []
    for actor in sorted(
        actor_nodes(graphs.affiliation), key=lambda n: (site.label(n).casefold(), n)
    ):
        by_role: dict[str, list[str]] = {"Lead": [], "Management": [], "Member": []}
        for target in graphs.affiliation[actor]:
            roles = graphs.affiliation.edges[actor, target].get("roles") or ["Lead"]
            role = next((r for r in by_role if r in roles), "Lead")
            by_role[role].append(target)
        rows.append(
            (
                (site.ref(actor),),
                *(
                    site.refs(sorted(found, key=lambda n: site.label(n).casefold()))
                    if found
                    else cell("–")
                    for found in by_role.values()
                ),
            )
        )
    header = (site.ui("actor"), words.lead, words.management, words.member)
    blocks.append(Details(site.ui("figure.data"), (Table(header, tuple(rows)),)))
    return blocks
