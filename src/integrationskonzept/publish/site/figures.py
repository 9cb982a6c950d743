"""Charts of the statistics tables as deterministic SVG (matplotlib, no dates, fixed ids).

One bar chart per data set: the values of its most frequent measure (count, share …), one
bar per population group and reference date. Labels are the data's German group names; the
axis title is in the site's language.
"""

from __future__ import annotations

import io
from collections import Counter

from integrationskonzept.model import Dataset

_SVG_METADATA = {"Date": None, "Creator": None}


def chart(dataset: Dataset, value_label: str) -> bytes | None:
    """The SVG bytes of the data set's bar chart, or ``None`` if it has no numbers."""
    observations = [o for o in dataset.observations if o.value is not None]
    if not observations:
        return None
    measure = Counter(o.measure for o in observations).most_common(1)[0][0]
    chosen = [o for o in observations if o.measure == measure]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"svg.hashsalt": "integrationskonzept", "svg.fonttype": "path"}):
        labels = [
            f"{o.group or ''} {o.period.isoformat() if o.period else ''}".strip()[:60]
            for o in chosen
        ]
        values = [float(o.value or 0) for o in chosen]
        height = max(2.5, 0.32 * len(chosen) + 1.2)
        fig, ax = plt.subplots(figsize=(7.5, height))
        ax.barh(range(len(values)), values, color="#2f6f8f")
        ax.set_yticks(range(len(values)), labels, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel(f"{value_label} ({measure})", fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
        for spine in ("top", "right"):
            ax.spines[spine].set_visible(False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata=_SVG_METADATA)
        plt.close(fig)
    return buffer.getvalue()
