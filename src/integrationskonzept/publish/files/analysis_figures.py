"""Figures of the governance network, grouped by field, rendered reproducibly and legibly.

* :func:`affiliation_figure`: actors (left) and the networks and bodies they are tied to
  (right), each column in blocks by field, every block headed by its field; solid lines are
  leads, dashed lines management, dotted lines memberships.
* :func:`projection_figure`: the actor projection on a circle, one arc per primary field
  (its code beside it), line width by the number of shared networks, dot size by networks
  led; the leading actors are named, the others are listed in the analysis' tables.

Legible: the figures are :data:`WIDTH` inches wide (at most 720 px at their own size, less
than the site's column at 1280 px, so they are shown unscaled) and their smallest text is
:data:`FONT` points (12 px). Their words (legend, headers) come in as :class:`FigureWords`,
so the site draws them in the page's language; their colours have at least 3:1 contrast on
white, and colour never carries meaning alone (blocks and arcs are labelled, roles have
line styles). :func:`render` can give an SVG a ``<title>`` and a ``<desc>`` (the data behind
the figure in words, see :func:`affiliation_description`).

Both layouts are computed, not simulated, so there is no randomness. :func:`render` draws
on matplotlib's Agg/SVG canvases without pyplot, with a fixed ``svg.hashsalt`` and no date or
software metadata, so the same figure gives the same bytes on every run.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

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
WIDTH = 7.5  # inches: 540 pt, 720 px at the figure's own size
FONT = 9.0  # points: the smallest text, 12 px at the figure's own size
_ROLES = ("Lead", "Management", "Member")
_LINE_STYLES: dict[str, tuple[LineStyle, float, float]] = {
    "Lead": ("-", 1.3, 0.8),
    "Management": ("--", 1.1, 0.8),
    "Member": (":", 1.1, 0.8),
}
_BODY_GROUP = "~bodies"
_INK = "#222222"


@dataclass(frozen=True)
class FigureWords:
    """The words a figure says besides the data's labels (English unless given)."""

    no_field: str = "no field"
    bodies: str = "governance bodies"
    lead: str = "lead"
    management: str = "management"
    member: str = "member"
    shares: str = "shares networks with"

    def role(self, role: str) -> str:
        """The word of a role (``Lead``, ``Management``, ``Member``)."""
        return {"Lead": self.lead, "Management": self.management}.get(role, self.member)


ENGLISH = FigureWords()


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


def wrapped(text: str, width: int = 34, lines: int = 2) -> str:
    r"""A label of at most ``lines`` lines of ``width`` characters, broken between words
    (:func:`figure_text` for each line); an ellipsis ends it if the text is longer.

    >>> print(wrapped("Arbeitskreis Jugend, Schule, Familie, Soziales und Erwachsenenbildung", 30))
    Arbeitskreis Jugend, Schule,
    Familie, Soziales und …
    >>> print(wrapped("F – Zivilgesellschaftliches/Bürgerschaftliches Engagement", 30))
    F – Zivilgesellschaftliches/
    Bürgerschaftliches Engagement
    >>> wrapped("Netzwerk / Gremium")
    'Netzwerk / Gremium'
    """
    # a line may also break after a slash ("Sprache/Sprachförderung")
    text = re.sub(r"/(?=\S)", "/\x01 ", " ".join(xml_text(text).split()))
    found = textwrap.wrap(text, width, break_on_hyphens=False)
    if len(found) > lines:
        rest = textwrap.wrap(" ".join(found[lines - 1 :]), width - 2, break_on_hyphens=False)
        found = [*found[: lines - 1], rest[0] + " …"]
    return (
        "\n".join(
            figure_text(line.replace("/\x01 ", "/").replace("/\x01", "/"), width + 2)
            for line in found
        )
        or "–"
    )


def _luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in mpl.colors.to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str = "#ffffff") -> float:
    """The WCAG contrast ratio of two colours.

    >>> round(contrast("#767676"), 2)
    4.54
    """
    light, dark = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _darkened(colour: str, ratio: float = 3.0) -> str:
    """``colour`` darkened in steps until it has ``ratio`` contrast on white."""
    r, g, b = mpl.colors.to_rgb(colour)
    while contrast(mpl.colors.to_hex((r, g, b))) < ratio:
        r, g, b = r * 0.95, g * 0.95, b * 0.95
    return mpl.colors.to_hex((r, g, b))


def field_colours(codes: Sequence[str]) -> dict[str, str]:
    """A colour per field code (tab10, tab20 beyond nine fields, greys left out, each
    darkened to 3:1 contrast on white); grey for no field, dark grey for governance bodies.

    >>> field_colours(["A", "B"])["A"]
    '#1f77b4'
    >>> min(contrast(c) for c in field_colours(list("ABCDEFGHIJKL")).values()) >= 3
    True
    """
    palette = mpl.colormaps["tab10" if len(codes) <= 9 else "tab20"]
    greys = {7} if palette.N == 10 else {14, 15}
    colours = [_darkened(mpl.colors.to_hex(palette(i))) for i in range(palette.N) if i not in greys]
    found = {code: colours[i % len(colours)] for i, code in enumerate(codes)}
    found[NO_GROUP] = "#8a8a8a"
    found[_BODY_GROUP] = "#4d4d4d"
    return found


def _codes(field_labels: Mapping[str, str], groups: Iterable[str]) -> list[str]:
    """Every field code to colour: the labelled fields and any other group in use."""
    return sorted(set(field_labels) | set(groups) - {NO_GROUP, _BODY_GROUP})


def _group_rank(group: str) -> tuple[bool, bool, str]:
    """Fields first (by code), then actors without a field, then governance bodies."""
    return (group in (NO_GROUP, _BODY_GROUP), group == _BODY_GROUP, group)


def _blocks(
    nodes: Sequence[str], group: Mapping[str, str], label: Mapping[str, str], headed: bool = False
) -> dict[str, float]:
    """y positions top-down in blocks by group (one empty slot between blocks, and before
    the first one if ``headed``: the slot for the block's header)."""
    ordered = sorted(nodes, key=lambda n: (_group_rank(group[n]), label[n].casefold(), n))
    positions: dict[str, float] = {}
    y, previous = (-1.0 if headed and ordered else 0.0), None
    for node in ordered:
        if previous is not None and group[node] != previous:
            y -= 1.0
        positions[node] = y
        y -= 1.0
        previous = group[node]
    return positions


def _group_name(group: str, field_labels: Mapping[str, str], words: FigureWords) -> str:
    if group == NO_GROUP:
        return words.no_field
    if group == _BODY_GROUP:
        return words.bodies
    return f"{group} – {field_labels.get(group, group)}"


def _legend(
    figure: Figure,
    handles: Sequence[Line2D],
    top: float,
    ncol: int = 1,
) -> None:
    """The legend at the figure's top left; ``top`` is the top edge as a figure fraction."""
    figure.legend(
        handles=list(handles),
        loc="upper left",
        bbox_to_anchor=(0.01, top),
        ncol=ncol,
        fontsize=FONT,
        frameon=False,
        handletextpad=0.5,
        borderaxespad=0.0,
    )


def _node_labels(graph: nx.Graph, labels: Mapping[str, str] | None) -> dict[str, str]:
    found = {node: str(label) for node, label in graph.nodes(data="label")}
    if labels:
        found.update({node: labels[node] for node in found if node in labels})
    return found


def affiliation_figure(
    affiliation: nx.Graph,
    fields: Mapping[str, str],
    field_labels: Mapping[str, str],
    words: FigureWords = ENGLISH,
    labels: Mapping[str, str] | None = None,
) -> Figure:
    """Actors and their networks and bodies in two columns, blocked by field.

    ``fields`` maps every actor to its primary field; a network's block is its first field
    code; bodies form the last block. Every block is headed by its field (code and name).
    ``labels`` overrides the graph's (German) labels, e.g. with the page language's.
    """
    names = _node_labels(affiliation, labels)
    actors, groups = actor_nodes(affiliation), group_nodes(affiliation)
    group_of = {a: fields.get(a, NO_GROUP) for a in actors}
    for node in groups:
        found = sorted({c for a in affiliation[node] for c in affiliation.edges[a, node]["fields"]})
        is_network = affiliation.nodes[node]["kind"] == NETWORK
        group_of[node] = (found[0] if found else NO_GROUP) if is_network else _BODY_GROUP
    codes = _codes(field_labels, group_of.values())
    colours = field_colours(codes)
    left = _blocks(actors, group_of, names, headed=True)
    right = _blocks(groups, group_of, names, headed=True)
    rows = max([1.0, *(-y + 1 for y in [*left.values(), *right.values()])])
    pitch, legend = 0.32, 0.45  # inches: a row (two lines of text), the legend's band
    height = legend + pitch * rows + 0.2
    figure = Figure(figsize=(WIDTH, height), dpi=DPI)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.38, 0.1 / height, 0.24, (pitch * rows) / height))
    for u, v, roles in sorted(affiliation.edges(data="roles")):
        actor, target = (u, v) if u in left else (v, u)
        role = next((r for r in _ROLES if r in roles), "Lead")
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
            s=22,
            zorder=3,
            c=[colours[group_of[n]] for n in nodes],
        )
        offset = -0.05 if align == "right" else 0.05
        for node in nodes:
            ax.text(
                x + offset,
                positions[node],
                wrapped(names[node]),
                ha=align,
                va="center",
                fontsize=FONT,
                color=_INK,
                linespacing=1.0,
            )
        heads: dict[str, float] = {}
        for node in nodes:
            heads[group_of[node]] = max(heads.get(group_of[node], -math.inf), positions[node])
        for group, top in sorted(heads.items()):
            ax.text(
                x + offset,
                top + 1.0,
                wrapped(_group_name(group, field_labels, words), 30),
                ha=align,
                va="center",
                fontsize=FONT,
                fontweight="bold",
                color=_INK,
            )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-rows + 0.5, 0.5)
    ax.axis("off")
    styles = [
        Line2D([], [], linestyle=style, color="#444444", lw=width, label=words.role(role))
        for role, (style, width, _) in _LINE_STYLES.items()
    ]
    _legend(figure, styles, 1 - 0.08 / height, ncol=3)
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


def leading_actors(
    actors: nx.Graph, leads: Mapping[str, int], labels: Mapping[str, str], count: int
) -> list[str]:
    """The ``count`` actors a figure names: most networks led, then most ties, then by name."""
    strength = dict(actors.degree(weight="weight"))
    ranked = sorted(actors, key=lambda n: (-leads.get(n, 0), -strength[n], labels[n], n))
    return ranked[:count]


def projection_figure(
    actors: nx.Graph,
    fields: Mapping[str, str],
    leads: Mapping[str, int],
    field_labels: Mapping[str, str],
    words: FigureWords = ENGLISH,
    labels: Mapping[str, str] | None = None,
    named: int = 12,
) -> Figure:
    """The actor projection on a circle in arcs by primary field; the ``named`` leading
    actors (:func:`leading_actors`) are labelled."""
    names = _node_labels(actors, labels)
    group_of = {n: fields.get(n, NO_GROUP) for n in actors}
    codes = _codes(field_labels, group_of.values())
    colours = field_colours(codes)
    pos = circle_positions(sorted(actors), group_of, names)
    used = [g for g in [*codes, NO_GROUP] if g in set(group_of.values())]
    legend = 0.2 + 0.21 * len(used)
    height = WIDTH + legend
    figure = Figure(figsize=(WIDTH, height), dpi=DPI)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.0, 0.0, 1.0, WIDTH / height))
    for u, v, weight in sorted(actors.edges(data="weight", default=1)):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        ax.plot([x1, x2], [y1, y2], "-", color="#555555", lw=0.5 + 0.6 * weight, alpha=0.35)
    nodes = sorted(actors)
    for index, node in enumerate(nodes):  # one group per actor: its title names it on hover
        ax.scatter(
            [pos[node][0]],
            [pos[node][1]],
            s=[28 + 36 * leads.get(node, 0)],
            c=[colours[group_of[node]]],
            zorder=3,
            edgecolors="white",
            linewidths=0.6,
            gid=f"ik-node-{index}",
        )
    for node in leading_actors(actors, leads, names, named):
        x, y = pos[node]
        degrees = math.degrees(math.atan2(y, x))
        flip = x < -1e-9
        ax.text(
            1.07 * x,
            1.07 * y,
            figure_text(names[node], 34),
            fontsize=FONT,
            color=_INK,
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
            0.8 * x / norm,
            0.8 * y / norm,
            text,
            fontsize=14,
            fontweight="bold",
            ha="center",
            va="center",
            color=colours[code],
        )
    ax.set_xlim(-3.3, 3.3)  # room for one line of 34 characters beside the circle
    ax.set_ylim(-3.3, 3.3)
    ax.set_aspect("equal")
    ax.axis("off")
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=colours[group],
            label=figure_text(_group_name(group, field_labels, words), 72),
        )
        for group in used
    ]
    _legend(figure, handles, 1 - 0.1 / height)
    return figure


def affiliation_description(
    affiliation: nx.Graph, words: FigureWords = ENGLISH, labels: Mapping[str, str] | None = None
) -> str:
    """The affiliation figure's data in words: per actor, its networks and bodies by role.

    >>> g = nx.Graph()
    >>> g.add_node("a", label="KI", bipartite=0)
    >>> g.add_node("n", label="Runder Tisch", bipartite=1)
    >>> g.add_edge("a", "n", roles=["Lead"])
    >>> affiliation_description(g)
    'KI: lead: Runder Tisch.'
    """
    names = _node_labels(affiliation, labels)
    lines = []
    for actor in sorted(actor_nodes(affiliation), key=lambda n: (names[n].casefold(), n)):
        by_role: dict[str, list[str]] = {}
        for target in affiliation[actor]:
            roles = affiliation.edges[actor, target].get("roles") or ["Lead"]
            role = next((r for r in _ROLES if r in roles), "Lead")
            by_role.setdefault(role, []).append(names[target])
        parts = [
            f"{words.role(role)}: {', '.join(sorted(by_role[role], key=str.casefold))}"
            for role in _ROLES
            if role in by_role
        ]
        lines.append(f"{names[actor]}: {'; '.join(parts)}.")
    return "\n".join(lines)


def projection_description(
    actors: nx.Graph,
    fields: Mapping[str, str],
    words: FigureWords = ENGLISH,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The projection's data in words: per actor, its field and whom it shares networks with.

    >>> g = nx.Graph()
    >>> g.add_node("a", label="KI")
    >>> g.add_node("b", label="VHS")
    >>> g.add_edge("a", "b", weight=2)
    >>> print(projection_description(g, {"a": "A"}))
    KI (A): shares networks with VHS (2).
    VHS (no field): shares networks with KI (2).
    """
    names = _node_labels(actors, labels)
    lines = []
    for actor in sorted(actors, key=lambda n: (names[n].casefold(), n)):
        field = fields.get(actor, NO_GROUP)
        others = sorted((names[o], actors.edges[actor, o].get("weight", 1)) for o in actors[actor])
        tied = ", ".join(f"{name} ({weight})" for name, weight in others) or "–"
        shown = words.no_field if field == NO_GROUP else field
        lines.append(f"{names[actor]} ({shown}): {words.shares} {tied}.")
    return "\n".join(lines)


_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")


def node_titles(graph: nx.Graph, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """The hover titles of :func:`projection_figure`'s dots: element id → the actor's label.

    >>> node_titles(nx.Graph([("b", "a")]), {"a": "KI", "b": "VHS"})
    {'ik-node-0': 'KI', 'ik-node-1': 'VHS'}
    """
    names = {n: str(graph.nodes[n].get("label", n)) for n in graph}
    names.update({n: labels[n] for n in graph if labels and n in labels})
    return {f"ik-node-{i}": names[n] for i, n in enumerate(sorted(graph))}


def render(
    figure: Figure,
    fmt: ImageFormat,
    title: str = "",
    desc: str = "",
    titles: Mapping[str, str] | None = None,
) -> bytes:
    """The figure as PNG or SVG bytes, identical on every run; an SVG gets ``title`` and
    ``desc`` (if given) as its first elements, its name and description for assistive
    technology, and each group whose id ``titles`` names a ``<title>`` (shown on hover)."""
    metadata: dict[str, str | None] = (
        {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
    )
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.hashsalt": HASH_SALT, "svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, metadata=metadata, dpi=DPI)
    content = buffer.getvalue()
    if fmt != "svg":
        return content
    for gid, text in sorted((titles or {}).items()):
        opening = f'<g id="{gid}">'.encode()
        content = content.replace(
            opening, opening + f"\n  <title>{escape(xml_text(text))}</title>".encode(), 1
        )
    return described(content, title, desc) if title or desc else content


def described(svg: bytes, title: str, desc: str) -> bytes:
    r"""``svg`` with ``<title>`` and ``<desc>`` as the first children of its root element.

    >>> described(b'<svg a="1">\n<g/></svg>', "T <1>", "")
    b'<svg a="1" role="img">\n <title>T &lt;1&gt;</title>\n<g/></svg>'
    """
    found = _SVG_OPEN.search(svg)
    if found is None:
        return svg
    parts = [found.group(0)[:-1] + b' role="img">\n']
    if title:
        parts.append(f" <title>{escape(xml_text(title))}</title>\n".encode())
    if desc:
        parts.append(f" <desc>{escape(xml_text(desc))}</desc>\n".encode())
    return svg[: found.start()] + b"".join(parts) + svg[found.end() :].lstrip(b"\n")
