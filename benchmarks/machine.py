"""What a benchmark result says about the machine it was measured on.

>>> sorted(describe(load_average=[1.0, 2.0, 3.0]))
['cpus', 'date', 'load_average_at_start', 'platform', 'python']
"""

from __future__ import annotations

import datetime as dt
import os
import platform
from collections.abc import Sequence
from typing import Any


def load_average() -> list[float]:
    """The load average now (1, 5, 15 minutes), rounded: other work shares the cores."""
    return [round(x, 2) for x in os.getloadavg()]


def describe(load_average: Sequence[float]) -> dict[str, Any]:
    """The date, Python, cores and platform, with the load average taken at the start."""
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in load_average],
    }
