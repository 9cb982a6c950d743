"""The user-interface strings of the generated pages, in German and English.

Labels of the data come from the graph (German fallback); only the words the site itself
says live here, in gettext message catalogs beside this module:
``locale/<lang>/LC_MESSAGES/site.po``. A message's msgid is its key, its msgstr the text.
The catalogs are read once, with Babel, in the order of the files. A missing English string
falls back to German, a missing key is an error.

To add a string: add ``msgid "my.key"`` with its ``msgstr`` to the German and the English
catalog, then ask for ``ui(lang, "my.key")`` (on a page: ``site.ui("my.key")``).
tests/publish/test_catalogs.py checks that every key has a text in both languages and that
some code uses it.

>>> ui("de", "goals")
'Leitziele'
>>> ui("en", "goals")
'Guiding goals'
>>> ui("en", "status.ongoing")
'ongoing'
>>> table("en", "errors")["codes"]
'Exit codes'
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.pofile import read_po

LANGUAGES = ("de", "en")
DOMAIN = "site"
LOCALE = Path(__file__).resolve().parent / "locale"


def catalog_path(lang: str) -> Path:
    """The message catalog of ``lang``: ``locale/<lang>/LC_MESSAGES/site.po``."""
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def _catalogs() -> dict[str, dict[str, str]]:
    """Every language's messages, key → text (fuzzy entries left out, as gettext does)."""
    found: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        with catalog_path(lang).open("rb") as file:
            catalog = read_po(file, locale=lang, domain=DOMAIN)
        found[lang] = {
            message.id: message.string
            for message in catalog
            if message.id
            and isinstance(message.id, str)
            and isinstance(message.string, str)
            and not message.fuzzy
        }
    return found


def ui(lang: str, key: str) -> str:
    """The UI string ``key`` in ``lang`` (``"de"`` or ``"en"``), German as fallback."""
    catalogs = _catalogs()
    german = catalogs["de"][key]
    english = catalogs["en"].get(key, "")
    return english if lang == "en" and english else german


def table(lang: str, prefix: str) -> dict[str, str]:
    """The strings whose keys start with ``prefix.``, by the rest of their key: one page's
    words (``table(lang, "errors")["intro"]`` is ``ui(lang, "errors.intro")``)."""
    start = prefix + "."
    return {key[len(start) :]: ui(lang, key) for key in known_keys() if key.startswith(start)}


def known_keys() -> tuple[str, ...]:
    """Every UI string's key, in the order of the German catalog."""
    return tuple(_catalogs()["de"])


def has(key: str) -> bool:
    """Whether ``key`` is a known UI string."""
    return key in _catalogs()["de"]
