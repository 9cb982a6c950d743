"""Figures of the governance network, grouped by field, rendered reproducibly.

* :func:`affiliation_figure`: actors (left) and the networks and bodies they are tied to
  (right), each column in blocks by field; solid lines are leads, dashed lines management,
  dotted lines memberships.
* :func:`projection_figure`: the actor projection on a circle, one arc per primary field,
  line width by the number of shared networks, dot size by networks led.

Both layouts are computed, not simulated, so there is no randomness. :func:`render` draws
on matplotlib's Agg/SVG canvases without pyplot, with a fixed ``svg.hashsalt`` and no date or
software metadata, so the same figure gives the same bytes on every run.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import matplotlib as mpl
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from integrationskonzept.analyse.brokerage import NO_GROUP
from integrationskonzept.analyse.graphs import NETWORK, actor_nodes, group_nodes

ImageFormat = Literal["png", "svg"]
LineStyle = Literal["-", "--", ":"]
HASH_SALT = "integrationskonzept"
DPI = 150
_LINE_STYLES: dict[str, tuple[LineStyle, float, float]] = {
    "Lead": ("-", 1.1, 0.55),
    "Management": ("--", 0.9, 0.5),
    "Member": (":", 0.8, 0.4),
}
_BODY_GROUP = "~bodies"


# Characters XML 1.0 does not allow (C0 controls other than tab, LF and CR; surrogates;
# U+FFFE, U+FFFF). An SVG or GraphML file containing one is not well-formed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    r"""``text`` without the characters that XML 1.0 does not allow.

    >>> xml_text("A\x00B\x1bC\tD")
    'ABC\tD'
    """
    return _NOT_XML.sub("", text)


def short(text: str, width: int = 48) -> str:
    """``text`` without XML-invalid characters, cut to ``width`` characters with an ellipsis.

    >>> short("Arbeitskreis Jugend, Schule, Familie, Soziales und Erwachsenenbildung", 30)
    'Arbeitskreis Jugend, Schule, …'
    """
    text = xml_text(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def figure_text(text: str, width: int = 48) -> str:
    r"""A one-line label for a figure: :func:`short` of the text with its whitespace (line
    breaks, tabs) collapsed to single spaces, and every ``$`` escaped for matplotlib.

    Unescaped, two dollar signs in a label start matplotlib's math mode, and a label such as
    ``$\frac{$`` stops the rendering with an error; escaped, they are shown as they are.

    >>> figure_text("Kosten:\n$5 bis $10")
    'Kosten: \\$5 bis \\$10'
    """
    return short(" ".join(xml_text(text).split()), width).replace("$", r"\$")


def field_colours(codes: Sequence[str]) -> dict[str, str]:
    """A colour per field code (tab10, tab20 beyond nine fields, greys left out); grey for
    no field, dark grey for governance bodies.

    >>> field_colours(["A", "B"])["B"]
    '#ff7f0e'
    """
    palette = mpl.colormaps["tab10" if len(codes) <= 9 else "tab20"]
    greys = {7} if palette.N == 10 else {14, 15}
    colours = [mpl.colors.to_hex(palette(i)) for i in range(palette.N) if i not in greys]
    found = {code: colours[i % len(colours)] for i, code in enumerate(codes)}
    found[NO_GROUP] = "#b0b0b0"
    found[_BODY_GROUP] = "#4d4d4d"
    return found


def _codes(field_labels: Mapping[str, str], groups: Iterable[str]) -> list[str]:
    """Every field code to colour: the labelled fields and any other group in use."""
    return sorted(set(field_labels) | set(groups) - {NO_GROUP, _BODY_GROUP})


def _group_rank(group: str) -> tuple[bool, bool, str]:
    """Fields first (by code), then actors without a field, then governance bodies."""
    return (group in (NO_GROUP, _BODY_GROUP), group == _BODY_GROUP, group)


def _blocks(
    nodes: Sequence[str], group: Mapping[str, str], label: Mapping[str, str]
) -> dict[str, float]:
    """y positions top-down in blocks by group (one empty slot between blocks)."""
    ordered = sorted(nodes, key=lambda n: (_group_rank(group[n]), label[n].casefold(), n))
    positions: dict[str, float] = {}
    y, previous = 0.0, None
    for node in ordered:
        if previous is not None and group[node] != previous:
            y -= 1.0
        positions[node] = y
        y -= 1.0
        previous = group[node]
    return positions


def _legend(
    figure: Figure,
    codes: Sequence[str],
    field_labels: Mapping[str, str],
    used: set[str],
    extra: Sequence[Line2D] = (),
) -> None:
    colours = field_colours(codes)
    names = {**field_labels, NO_GROUP: "no field", _BODY_GROUP: "governance bodies"}
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=colours[group],
            label=figure_text(
                names[group]
                if group in (NO_GROUP, _BODY_GROUP)
                else f"{group} – {names.get(group, group)}",
                60,
            ),
        )
        for group in [*codes, NO_GROUP, _BODY_GROUP]
        if group in used
    ]
    figure.legend(handles=[*handles, *extra], loc="upper center", ncol=4, fontsize=8, frameon=False)


def affiliation_figure(
    affiliation: nx.Graph, fields: Mapping[str, str], field_labels: Mapping[str, str]
) -> Figure:
    """Actors and their networks and bodies in two columns, blocked by field.

    ``fields`` maps every actor to its primary field; a network's block is its first field
    code; bodies form the last block.
    """
    labels = {node: str(label) for node, label in affiliation.nodes(data="label")}
    actors, groups = actor_nodes(affiliation), group_nodes(affiliation)
    group_of = {a: fields.get(a, NO_GROUP) for a in actors}
    for node in groups:
        found = sorted({c for a in affiliation[node] for c in affiliation.edges[a, node]["fields"]})
        is_network = affiliation.nodes[node]["kind"] == NETWORK
        group_of[node] = (found[0] if found else NO_GROUP) if is_network else _BODY_GROUP
    codes = _codes(field_labels, group_of.values())
    colours = field_colours(codes)
    left, right = _blocks(actors, group_of, labels), _blocks(groups, group_of, labels)
    rows = max([1.0, *(-y + 1 for y in [*left.values(), *right.values()])])
    figure = Figure(figsize=(16, 1.8 + 0.17 * rows), dpi=DPI)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.27, 0.02, 0.46, 0.9))
    for u, v, roles in sorted(affiliation.edges(data="roles")):
        actor, target = (u, v) if u in left else (v, u)
        role = next((r for r in _LINE_STYLES if r in roles), "Lead")
        style, width, alpha = _LINE_STYLES[role]
        ax.plot(
            [0, 1],
            [left[actor], right[target]],
            style,
            color=colours[group_of[actor]],
            lw=width,
            alpha=alpha,
        )
    for positions, x, align in ((left, 0.0, "right"), (right, 1.0, "left")):
        nodes = sorted(positions)
        ax.scatter(
            [x] * len(nodes),
            [positions[n] for n in nodes],
            s=18,
            zorder=3,
            c=[colours[group_of[n]] for n in nodes],
        )
        for node in nodes:
            offset = -0.015 if align == "right" else 0.015
            ax.text(
                x + offset,
                positions[node],
                figure_text(labels[node]),
                ha=align,
                va="center",
                fontsize=7,
            )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-rows, 1)
    ax.axis("off")
    styles = [
        Line2D([], [], linestyle=style, color="#555555", lw=width, label=role)
        for role, (style, width, _) in _LINE_STYLES.items()
    ]
    _legend(figure, codes, field_labels, set(group_of.values()), styles)
    return figure


def circle_positions(
    nodes: Sequence[str], group: Mapping[str, str], label: Mapping[str, str]
) -> dict[str, tuple[float, float]]:
    """Points on the unit circle, clockwise from the top, in arcs by group with gaps between.

    >>> pos = circle_positions(["a", "b"], {"a": "X", "b": "Y"}, {"a": "a", "b": "b"})
    >>> [tuple(round(v, 3) for v in pos[n]) for n in "ab"]
    [(0.0, 1.0), (0.0, -1.0)]
    """
    slots = _blocks(nodes, group, label)
    total = -min(slots.values(), default=0.0) + 1.0
    total += 1.0 if len({group[n] for n in nodes}) > 1 else 0.0  # the gap after the last arc
    result = {}
    for node, y in slots.items():
        angle = math.pi / 2 - 2 * math.pi * (-y) / total
        result[node] = (math.cos(angle), math.sin(angle))
    return result


def projection_figure(
    actors: nx.Graph,
    fields: Mapping[str, str],
    leads: Mapping[str, int],
    field_labels: Mapping[str, str],
) -> Figure:
    """The actor projection on a circle in arcs by primary field."""
    labels = {node: str(label) for node, label in actors.nodes(data="label")}
    group_of = {n: fields.get(n, NO_GROUP) for n in actors}
    codes = _codes(field_labels, group_of.values())
    colours = field_colours(codes)
    pos = circle_positions(sorted(actors), group_of, labels)
    figure = Figure(figsize=(14, 14.6), dpi=DPI)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.02, 0.02, 0.96, 0.9))
    for u, v, weight in sorted(actors.edges(data="weight", default=1)):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        ax.plot([x1, x2], [y1, y2], "-", color="#555555", lw=0.4 + 0.5 * weight, alpha=0.25)
    nodes = sorted(actors)
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=[20 + 30 * leads.get(n, 0) for n in nodes],
        c=[colours[group_of[n]] for n in nodes],
        zorder=3,
        edgecolors="white",
        linewidths=0.5,
    )
    for node in nodes:
        x, y = pos[node]
        degrees = math.degrees(math.atan2(y, x))
        flip = x < -1e-9
        ax.text(
            1.04 * x,
            1.04 * y,
            figure_text(labels[node], 40),
            fontsize=6.5,
            va="center",
            ha="right" if flip else "left",
            rotation=degrees + 180 if flip else degrees,
            rotation_mode="anchor",
        )
    for code in sorted(set(group_of.values())):
        members = [pos[n] for n in nodes if group_of[n] == code]
        x = sum(p[0] for p in members) / len(members)
        y = sum(p[1] for p in members) / len(members)
        norm = math.hypot(x, y) or 1.0
        text = "–" if code == NO_GROUP else figure_text(code, 12)
        ax.text(
            0.85 * x / norm,
            0.85 * y / norm,
            text,
            fontsize=14,
            fontweight="bold",
            ha="center",
            va="center",
            color=colours[code],
        )
    ax.set_xlim(-1.75, 1.75)
    ax.set_ylim(-1.75, 1.75)
    ax.set_aspect("equal")
    ax.axis("off")
    _legend(figure, codes, field_labels, set(group_of.values()))
    return figure


def render(figure: Figure, fmt: ImageFormat) -> bytes:
    """The figure as PNG or SVG bytes, identical on every run."""
    metadata: dict[str, str | None] = (
        {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
    )
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.hashsalt": HASH_SALT, "svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, metadata=metadata, dpi=DPI)
    return buffer.getvalue()
