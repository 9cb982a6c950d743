"""Compiling the Sphinx project's ``sphinx.po`` catalogs into the files Sphinx reads.

Sphinx reads ``sphinx.mo`` (gettext) for the templates and copies ``sphinx.js`` as the
search's ``translations.js``; both are generated from ``catalogs/<lang>/LC_MESSAGES/sphinx.po``
into ``locale/<lang>/LC_MESSAGES/`` (see :mod:`.chrome`). The ``.po`` stays out of the locale
folder on purpose: where Sphinx finds a ``.po`` newer than its ``.mo`` it compiles it in place,
which fails (a warning, so a failed build) in a read-only installation. After editing a ``.po``::

    python -m integrationskonzept.publish.sphinx.catalogs

The output is deterministic: the same ``.po`` gives the same bytes.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from integrationskonzept.resources import site_conf_dir

# What Sphinx's own code (the HTML writer) says that its German catalog lacks.
SPHINX_MESSAGES = (
    "Link to this heading",
    "Link to this definition",
    "Link to this table",
    "Link to this image",
    "Link to this code",
    "Link to this term",
    "Link to this toctree",
)
# The messages of Sphinx's JavaScript (searchtools.js, sphinx_highlight.js): sphinx.js.
JS_MESSAGES = (
    "Searching",
    "Preparing search...",
    "Search Results",
    "Search finished, found one page matching the search query.",
    "Your search did not match any documents. Please make sure that all words are spelled "
    "correctly and that you've selected enough categories.",
    ", in ",
    "Hide Search Matches",
)


def read_catalog(po: Path) -> Catalog:
    """The catalog of one ``.po`` file (its locale from the folder ``<lang>/LC_MESSAGES``)."""
    with po.open("rb") as file:
        return read_po(file, locale=po.parent.parent.name)


def mo_bytes(catalog: Catalog) -> bytes:
    """The catalog compiled as gettext reads it (fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def js_text(catalog: Catalog) -> str:
    """The search's messages as Sphinx's ``translations.js`` wants them, sorted."""
    messages: dict[str, str | list[str]] = {}
    for message in catalog:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key not in JS_MESSAGES:
            continue
        if isinstance(message.string, str):
            messages[key] = message.string
        else:
            messages[key] = list(message.string or ())
    data = {
        "locale": str(catalog.locale),
        "messages": dict(sorted(messages.items())),
        # a number, not a boolean: doctools.js indexes the plural forms with it
        "plural_expr": "(n != 1) ? 1 : 0",
    }
    body = json.dumps(data, ensure_ascii=False, indent=4)
    return f"Documentation.addTranslations({body});\n"


def compiled_path(po: Path, suffix: str) -> Path:
    """Where the compiled file of ``po`` lives: the same language in the ``locale`` folder.

    >>> compiled_path(Path("project/catalogs/de/LC_MESSAGES/sphinx.po"), ".mo").as_posix()
    'project/locale/de/LC_MESSAGES/sphinx.mo'
    """
    language_folder = po.parent.parent
    project = language_folder.parent.parent
    return project / "locale" / language_folder.name / "LC_MESSAGES" / f"{po.stem}{suffix}"


def compiled(po: Path) -> dict[Path, bytes]:
    """The files made from one ``sphinx.po``: ``sphinx.mo`` and ``sphinx.js``."""
    catalog = read_catalog(po)
    return {
        compiled_path(po, ".mo"): mo_bytes(catalog),
        compiled_path(po, ".js"): js_text(catalog).encode("utf-8"),
    }


def catalogs(conf: Path) -> list[Path]:
    """The ``sphinx.po`` files of a Sphinx project folder."""
    return sorted((conf / "catalogs").glob("*/LC_MESSAGES/sphinx.po"))


def main(argv: list[str] | None = None) -> int:
    """Write the compiled files of the packaged project's catalogs (or of the folders given)."""
    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or [site_conf_dir()]
    for folder in folders:
        for po in catalogs(folder):
            for path, data in compiled(po).items():
                path.write_bytes(data)
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
