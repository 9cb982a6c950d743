"""Hostile text for the property-based tests: strategies and ways to put it into a city.

:func:`hostile_text` generates labels and statements made of markup that must never become
markup (reST and MyST directives and roles, raw HTML, ``<script>``, ``javascript:`` links,
Jinja and other template syntax, CSV formulas), control characters (C0, DEL, C1, line and
paragraph separators, byte-order mark, bidi override), very long words and arbitrary
Unicode text. Surrogates are left out: they cannot be encoded in UTF-8, so no Turtle file
can hold them.

:func:`hostile_city` writes a copy of the small city (``city/``) whose labels are replaced
by generated ones, through Turtle escapes (``\\uXXXX``) as a curator would have to write
them, so every test also runs the loader on them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from .conftest import copy_city

LEV = "https://w3id.org/integrationskonzept/leverkusen/"

# Modest example counts keep the suite fast; no "explain" phase (it reruns a failing
# example hundreds of times). Function-scoped fixtures are fine: every example makes its
# own folders below tmp_path.
_PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)
_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
FAST = settings(max_examples=50, deadline=None, phases=_PHASES, suppress_health_check=_HEALTH)
"""For tests whose example takes milliseconds."""
SLOWER = settings(max_examples=15, deadline=None, phases=_PHASES, suppress_health_check=_HEALTH)
"""For tests whose example loads a city and runs a stage (0.1–0.5 s)."""

FRAGMENTS: tuple[str, ...] = (
    # HTML and scripts
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example></iframe>",
    "javascript:alert(1)",
    "<!-- c -->",
    "<![CDATA[x]]>",
    "]]>",
    "&amp;",
    "&lt;b&gt;",
    "&#0;",
    # reStructuredText
    ".. raw:: html\n\n   <script>alert(2)</script>",
    ".. include:: /etc/passwd",
    ":ref:`x`",
    "`x <javascript:alert(3)>`_",
    "*x*",
    "**x**",
    "``x``",
    "|subst|",
    "[#]_",
    "\\",
    "::",
    "=====",
    # Markdown / MyST
    "[x](javascript:alert(4))",
    "![x](http://evil.example/x.png)",
    "```{eval-rst}\n.. raw:: html\n```",
    "# Titel",
    "- item",
    "• Punkt",
    "1. eins",
    "> quote",
    "$$x$$",
    "$\\frac{$",
    # templates
    "{{ 7*7 }}",
    "{% include 'x.html' %}",
    "{# c #}",
    "${7*7}",
    "%(x)s",
    "{0}",
    # spreadsheet formulas
    '=HYPERLINK("http://evil.example","x")',
    "+1",
    "-1",
    "@SUM(A1)",
    # quotes and separators
    '"',
    "'",
    ",",
    ";",
    "\t",
    "\n",
    "\r",
    "\r\n",
    # control and invisible characters
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\u200b",
    "\ufffe",
    "\uffff",
    # other scripts
    "ß",
    "漢字",
    "😀",
    "e\u0301",
    "עברית",
)

_ANY_CHARACTER = st.characters(exclude_categories=("Cs",))


@st.composite
def _long_word(draw: st.DrawFn) -> str:
    return draw(st.sampled_from("Wß漢<&")) * draw(st.integers(200, 5000))


def hostile_text() -> st.SearchStrategy[str]:
    """Non-empty text mixing hostile fragments, arbitrary characters and very long words."""
    part = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(_ANY_CHARACTER, min_size=1, max_size=12),
        _long_word(),
    )
    return st.lists(part, min_size=1, max_size=6).map("".join)


def turtle_string(text: str) -> str:
    """``text`` as a Turtle string literal; control and format characters as ``\\uXXXX``."""
    out = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cn"):
            out.append(f"\\u{ord(ch):04X}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@dataclass(frozen=True)
class Target:
    """A German label in the small city that a test replaces: file, node, printed text."""

    file: str
    iri: str
    text: str


ACTORS: tuple[Target, ...] = (
    Target("actors.ttl", LEV + "actor/stadt-leverkusen", "Stadt Leverkusen"),
    Target("actors.ttl", LEV + "actor/rat-der-stadt-leverkusen", "Rat der Stadt Leverkusen"),
    Target("actors.ttl", LEV + "actor/dezernat-iii", "Dezernat für Bürger, Umwelt und Soziales"),
    Target("actors.ttl", LEV + "actor/fb-soziales", "Fachbereich Soziales"),
    Target(
        "actors.ttl",
        LEV + "actor/kommunales-integrationszentrum",
        "Kommunales Integrationszentrum Leverkusen",
    ),
)
NETWORKS: tuple[Target, ...] = (
    Target("actors.ttl", LEV + "network/buendnis-kerngruppe", "Bündnis-Kerngruppe"),
    Target("actors.ttl", LEV + "network/ak-arbeit", "AK Arbeit"),
)
FIELD = Target("section-4-3.ttl", LEV + "field/C", "Qualifizierung, Ausbildung und Arbeit")
GOAL = Target("section-4-3.ttl", LEV + "goal/C-1", "Leitziel C-1")


def hostile_city(target: Path, labels: dict[Target, str]) -> Path:
    """A copy of the small city at ``target`` with each target's German label replaced."""
    folder = copy_city(target)
    for where, text in labels.items():
        path = folder / where.file
        source = path.read_text(encoding="utf-8")
        old = f'"{where.text}"@de'
        assert source.count(old) == 1, f"{old} not once in {path.name}"
        path.write_text(source.replace(old, turtle_string(text) + "@de"), encoding="utf-8")
    return folder
