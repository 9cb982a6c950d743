"""The colours and hatches of a measure's status, the same in every chart of the site.

Okabe–Ito colours (distinguishable with colour-vision deficiencies), and a hatch each so that
colour is never the only carrier of meaning (and a chart survives printing in grey).
"""

from __future__ import annotations

STATUS_STYLE: dict[str | None, tuple[str, str]] = {
    "implemented": ("#009E73", ""),
    "ongoing": ("#56B4E9", "//"),
    "planned": ("#E69F00", ".."),
    "proposed": ("#CC79A7", "xx"),
    "unclear": ("#999999", "\\\\"),
    "no-remarks": ("#F0E442", "++"),
    None: ("#FFFFFF", "--"),
}
"""Status code (``None``: not stated) → (fill colour, matplotlib hatch)."""


def status_style(code: str | None) -> tuple[str, str]:
    """The fill colour and hatch of a status code; an unknown code looks like "not stated".

    >>> status_style("ongoing"), status_style("made-up") == status_style(None)
    (('#56B4E9', '//'), True)
    """
    return STATUS_STYLE.get(code, STATUS_STYLE[None])
