r"""Text from the data made safe to show on a terminal: control characters as visible escapes.

A label may hold any character, and a terminal acts on some of them: ``ESC [`` sequences
recolour, move the cursor or retitle the window, ``BEL`` rings, U+202E turns the rest of the
line around so it reads differently from what it is. Every text from the data that the
command line shows goes through :func:`visible`, which writes such characters as Python
would in a string literal (``\x1b``, ``\u202e``): the reader sees that they are there, and
the terminal does not act on them.

Data formats (CSV, JSON, RDF) are written unchanged: they are read by programs.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls (U+009B is CSI on some terminals), the line and paragraph
# separators, and the bidirectional controls (U+061C, U+200E/F, U+202A-E, U+2066-9).
_SHOWN_ESCAPED = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    r"""``text`` with every control character written as an escape.

    ``keep_newlines`` keeps line feeds (for a text of several lines, such as a report).

    >>> visible("FB \x1b[31mrot\x1b[0m\x07")
    'FB \\x1b[31mrot\\x1b[0m\\x07'
    >>> visible("abc\u202edef")
    'abc\\u202edef'
    >>> visible("eins\nzwei\r", keep_newlines=True)
    'eins\nzwei\\x0d'
    >>> visible("Straße, Köln: 🙂")
    'Straße, Köln: 🙂'
    """
    if keep_newlines:
        return "\n".join(_SHOWN_ESCAPED.sub(_escape, line) for line in text.split("\n"))
    return _SHOWN_ESCAPED.sub(_escape, text)
