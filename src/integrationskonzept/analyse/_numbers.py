"""Rounding for reports: six decimals, no ``-0.0``, ``None`` for undefined values (NaN).

>>> rounded(1 / 3)
0.333333
>>> rounded(-1e-12)
0.0
>>> rounded_or_none(float("nan")) is None
True
"""

from __future__ import annotations

import math

DECIMALS = 6


def rounded(value: float) -> float:
    """``value`` rounded to six decimals, with ``-0.0`` turned into ``0.0``."""
    result = round(float(value), DECIMALS)
    return 0.0 if result == 0 else result


def rounded_or_none(value: float | None) -> float | None:
    """Like :func:`rounded`, but ``None`` for ``None`` and NaN (JSON has no NaN)."""
    if value is None or math.isnan(value):
        return None
    return rounded(value)
