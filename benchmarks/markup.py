"""Values of a result file as Markdown: escaped text, numbers in both languages, tables.

Every text taken from the result file goes through :func:`md` or :func:`code`, so nothing
in it becomes markup.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from texts import t

Doc = dict[str, Any]
"""The content of a result file (``benchmarks/results/*.json``)."""

# -- escaping and numbers -----------------------------------------------------------------

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def md(text: object) -> str:
    """Text from the result file as inert Markdown: every ASCII punctuation escaped.

    >>> md("a|b <script> *x* [l](u)")
    'a\\\\|b \\\\<script\\\\> \\\\*x\\\\* \\\\[l\\\\]\\\\(u\\\\)'
    """
    flat = " ".join(str(text).split())
    return _PUNCT.sub(r"\\\1", flat)


def code(text: object) -> str:
    """A name as inline code, or escaped text if it cannot be one (backtick or pipe).

    >>> code("load-memory"), code("a`b")
    ('`load-memory`', 'a\\\\`b')
    """
    flat = " ".join(str(text).split())
    if not flat or "`" in flat or "|" in flat:
        return md(flat)
    return f"`{flat}`"


def _sig(value: float) -> str:
    """Three significant digits, never in exponent notation.

    >>> _sig(1234.5), _sig(12.345), _sig(0.01234), _sig(0)
    ('1234', '12.3', '0.0123', '0')
    """
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{value:.{digits}f}"


def num(value: float, lang: str) -> str:
    """A number with three significant digits, a decimal comma in German.

    >>> num(0.4123, "de"), num(0.4123, "en")
    ('0,412', '0.412')
    """
    text = _sig(value)
    return text.replace(".", ",") if lang == "de" else text


def seconds(value: float | None, lang: str) -> str:
    """A duration in µs, ms or s.

    >>> seconds(0.000412, "en"), seconds(0.0123, "de"), seconds(3.21, "en"), seconds(None, "en")
    ('412 µs', '12,3 ms', '3.21 s', '–')
    """
    if value is None:
        return "–"
    if value < 1e-3:
        return f"{num(value * 1e6, lang)} µs"
    if value < 1:
        return f"{num(value * 1e3, lang)} ms"
    return f"{num(value, lang)} s"


def factor(value: float | None, lang: str) -> str:
    """A ratio.

    >>> factor(12.345, "de"), factor(None, "en")
    ('12,3x', '–')
    """
    return "–" if value is None else f"{num(value, lang)}x"


def quantity(value: float | None, unit: str, lang: str) -> str:
    """A value in the unit of a target (``s``, ``x`` or another unit)."""
    if value is None:
        return "–"
    if unit == "s":
        return seconds(value, lang)
    if unit == "x":
        return factor(value, lang)
    return f"{num(value, lang)} {unit}"


def size_label(n: int, lang: str) -> str:
    """``1 Stadt`` / ``10 cities``."""
    return f"{n} {t(lang, 'city' if n == 1 else 'cities')}"


# -- tables -------------------------------------------------------------------------------


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """A Markdown table; cells must already be Markdown (escaped where they hold data)."""
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def cell(entry: dict[str, Any] | None, lang: str) -> str:
    """Median with [min–max] for a stage at one size, or its status."""
    if entry is None:
        return "–"
    status = entry.get("status")
    if status != "ok":
        return t(lang, f"status_{status}") if status in ("skipped", "unavailable", "error") else "–"
    text = seconds(entry["median"], lang)
    if len(entry.get("runs", [])) > 1:
        text += f" [{seconds(entry['min'], lang)}–{seconds(entry['max'], lang)}]"
    else:
        text += f" ({t(lang, 'one_run')})"
    return md(text)
