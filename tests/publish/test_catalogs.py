"""The message catalogs: Sphinx's (the theme's chrome and the search) and the site's own.

The compiled ``sphinx.mo``/``sphinx.js`` match their ``.po``; every message is used and
translated; every UI string has a non-empty German and English text and is used somewhere.
"""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
import sphinx
from babel.messages.pofile import read_po
from jinja2.ext import babel_extract

from integrationskonzept.publish.site import i18n
from integrationskonzept.publish.sphinx.catalogs import (
    JS_MESSAGES,
    SPHINX_MESSAGES,
    catalogs,
    compiled_path,
    js_text,
    read_catalog,
)
from integrationskonzept.publish.sphinx.chrome import LITERAL_LABELS, LITERAL_TITLES
from integrationskonzept.resources import site_conf_dir

SOURCE = Path(i18n.__file__).resolve().parents[2]  # src/integrationskonzept
FURO = Path(sphinx.__file__).parent.parent / "furo" / "theme" / "furo"
BASIC_NG = Path(sphinx.__file__).parent.parent / "sphinx_basic_ng" / "theme" / "basic-ng"
SPHINX_LOCALE = Path(sphinx.__file__).parent / "locale"
# Furo's strings that read the same in German (or belong to Read the Docs, which we don't use)
SAME_IN_GERMAN = {
    "Copyright",
    "Downloads",
    "Builds",
    "Copyright &#169; %(copyright)s",
    '<a href="%(path)s">Copyright</a> &#169; %(copyright)s',
    '\n            <a href="https://github.com/pradyunsg/furo">Furo</a>\n            ',
}


def _template_messages() -> set[str]:
    """The msgids of Furo's and basic-ng's templates, as Sphinx's Jinja sees them."""
    found: set[str] = set()
    for theme in (FURO, BASIC_NG):
        for path in sorted(theme.rglob("*.html")):
            with path.open("rb") as file:
                for _, _, message, _ in babel_extract(
                    file, ["_", "gettext", "ngettext"], [], {"extensions": "jinja2.ext.i18n"}
                ):
                    found.add(message if isinstance(message, str) else message[0])
    return found


def _sphinx_po() -> list[Path]:
    found = catalogs(site_conf_dir())
    assert found, "no catalogs/<lang>/LC_MESSAGES/sphinx.po in the Sphinx project"
    return found


@pytest.mark.parametrize("po", _sphinx_po(), ids=lambda p: p.parent.parent.name)
def test_compiled_sphinx_catalogs_are_current(po: Path) -> None:
    catalog = read_catalog(po)
    with compiled_path(po, ".mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, str):
            assert compiled.gettext(message.id) == message.string, message.id
        else:
            singular, plural = message.id[0], message.id[1]
            assert compiled.ngettext(singular, plural, 1) == message.string[0]
            assert compiled.ngettext(singular, plural, 2) == message.string[1]
    assert compiled_path(po, ".js").read_text(encoding="utf-8") == js_text(catalog), (
        "run python -m integrationskonzept.publish.sphinx.catalogs"
    )


@pytest.mark.parametrize("po", _sphinx_po(), ids=lambda p: p.parent.parent.name)
def test_every_sphinx_message_is_used_and_translated(po: Path) -> None:
    used = _template_messages() | {*LITERAL_LABELS, *LITERAL_TITLES, *JS_MESSAGES, *SPHINX_MESSAGES}
    for message in read_catalog(po):
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        assert key in used, f"unused message {key!r}"
        strings = [message.string] if isinstance(message.string, str) else message.string
        assert all(s.strip() for s in strings), f"no translation of {key!r}"


def test_sphinx_messages_are_still_sphinxs() -> None:
    # the writer's strings the catalog translates: a Sphinx that rewords them must be noticed
    writers = Path(sphinx.__file__).parent / "writers"
    code = "".join(p.read_text(encoding="utf-8") for p in sorted(writers.glob("*.py")))
    for message in SPHINX_MESSAGES:
        assert f"_('{message}')" in code, message


def test_furos_literal_strings_are_still_furos() -> None:
    # the filter replaces them verbatim: a Furo release that rewords them must be noticed
    page = (FURO / "page.html").read_text(encoding="utf-8")
    icons = (FURO / "partials" / "icons.html").read_text(encoding="utf-8")
    for label in LITERAL_LABELS:
        assert f'aria-label="{label}"' in page, label
    for title in LITERAL_TITLES:
        assert f"<title>{title}</title>" in icons, title


def test_furos_strings_are_german_in_the_german_build() -> None:
    """Every Furo message is translated by the project's catalog or Sphinx's own."""
    po = next(p for p in _sphinx_po() if p.parent.parent.name == "de")
    with compiled_path(po, ".mo").open("rb") as file:
        ours = gettext.GNUTranslations(file)
    ours.add_fallback(gettext.translation("sphinx", str(SPHINX_LOCALE), ["de"]))
    untranslated = [
        message
        for message in sorted(_template_messages() - SAME_IN_GERMAN)
        if ours.gettext(message) == message
    ]
    assert not untranslated, untranslated


# -- the site's own UI strings -----------------------------------------------------------


def test_every_ui_string_has_german_and_english() -> None:
    assert i18n.known_keys()
    for key in i18n.known_keys():
        for lang in i18n.LANGUAGES:
            assert i18n.ui(lang, key).strip(), (lang, key)


def _literals() -> tuple[set[str], set[str]]:
    """Every string constant in the package's code, and the constant starts of f-strings."""
    constants: set[str] = set()
    prefixes: set[str] = set()
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    prefixes.add(first.value)
    return constants, prefixes


def _used(key: str, constants: set[str], prefixes: set[str]) -> bool:
    """Whether the code names ``key``, builds it from a prefix (``f"status.{code}"``), or
    reads it from a page's table (``table(lang, "errors")["intro"]``)."""
    if key in constants:
        return True
    if any(key.startswith(p) and p.endswith((".", "_")) for p in prefixes):
        return True
    page, _, rest = key.partition(".")
    return bool(rest) and page in constants and rest in constants


def test_no_unused_ui_string() -> None:
    constants, prefixes = _literals()
    unused = [key for key in i18n.known_keys() if not _used(key, constants, prefixes)]
    assert not unused, unused


def test_site_catalogs_have_the_same_keys_once_and_nothing_fuzzy() -> None:
    keys = {}
    for lang in i18n.LANGUAGES:
        po = i18n.catalog_path(lang)
        text = po.read_text(encoding="utf-8")
        ids = re.findall(r'^msgid "(.+)"$', text, flags=re.MULTILINE)
        assert len(ids) == len(set(ids)), f"a key twice in {po}"
        with po.open("rb") as file:
            catalog = read_po(file, locale=lang)
        assert not [m.id for m in catalog if m.id and m.fuzzy], f"fuzzy entries in {po}"
        keys[lang] = [m.id for m in catalog if m.id]
    assert keys["de"] == keys["en"], set(keys["de"]) ^ set(keys["en"])
    assert tuple(keys["de"]) == i18n.known_keys()


def test_ui_lookup_is_strict() -> None:
    with pytest.raises(KeyError):
        i18n.ui("de", "no-such-key")
    assert i18n.has("goals") and not i18n.has("no-such-key")


# Tables keyed by language that remain, and why: typographic quotation marks are not words;
# the others still to move into the catalogs (their pages were being rewritten alongside).
LANGUAGE_TABLES_LEFT = {
    "pages/cite.py": "quotation marks per language",
}


def test_no_hand_written_language_tables_in_the_site() -> None:
    """The site's words live in the catalogs, not in dicts keyed by "de" and "en"."""
    site = SOURCE / "publish" / "site"
    found = set()
    for path in sorted(site.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and {
                k.value for k in node.keys if isinstance(k, ast.Constant)
            } >= {"de", "en"}:
                found.add(path.relative_to(site).as_posix())
    assert found <= set(LANGUAGE_TABLES_LEFT), sorted(found - set(LANGUAGE_TABLES_LEFT))
