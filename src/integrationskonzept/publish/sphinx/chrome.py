"""The theme's chrome in the page's language: Sphinx's message catalogs for Furo and search.

Furo passes most of its words through gettext (``_("Next")``, ``{% trans %}``); Sphinx's
German catalog lacks most of them and has empty search messages. The Sphinx project's
``catalogs/<lang>/LC_MESSAGES/sphinx.po``, compiled into ``locale/`` (``locale_dirs`` in
``conf.py``, see :mod:`.catalogs`), supplies them; Sphinx reads the compiled ``sphinx.mo``
and copies ``sphinx.js`` (the search's messages) as
``_static/translations.js``. A few strings Furo writes literally (the sidebar toggles'
``aria-label`` and the icons' ``<title>``): ``page.html`` passes its body through the filter
``ik_chrome``, which replaces them with their translation from the same catalog.

Both compiled files are generated from the ``.po`` and shipped with it, so that an installed
wheel never writes into its package; ``python -m integrationskonzept.publish.sphinx.catalogs``
writes them again after an edit (:mod:`.catalogs`; a test checks they are current).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config

from integrationskonzept.publish.site.i18n import ui

# What Furo writes without gettext, and where: page.html's aria-labels ...
LITERAL_LABELS = (
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
)
# ... and the titles of the icons in partials/icons.html.
LITERAL_TITLES = (
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Auto light/dark, in light mode",
    "Auto light/dark, in dark mode",
)


def translate_literals(html: str, gettext: Callable[[str], str]) -> str:
    """``html`` with Furo's literal English labels and icon titles translated.

    >>> translate_literals('<svg><title>Menu</title></svg>', {"Menu": "Menü"}.__getitem__)
    '<svg><title>Menü</title></svg>'
    """
    for message in LITERAL_LABELS:
        old = f'aria-label="{message}"'
        if old in html:
            html = html.replace(old, f'aria-label="{escape(gettext(message))}"')
    for message in LITERAL_TITLES:
        old = f"<title>{message}</title>"
        if old in html:
            html = html.replace(old, f"<title>{escape(gettext(message))}</title>")
    return html


def add_filter(app: Sphinx) -> None:
    """``builder-inited``: the template filter ``ik_chrome`` (see :func:`translate_literals`)."""
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None:
        return
    gettext = app.translator.gettext

    def chrome(value: str) -> Markup:
        return Markup(translate_literals(str(value), gettext))

    environment.filters["ik_chrome"] = chrome


def localise_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: the placeholders ``{site_title}`` in ``html_title`` and
    ``{contributors}``, ``{data}`` in ``copyright`` in the build's language (the site's UI
    strings of those keys); values without them stay as they are."""
    lang = config.ik_language
    if isinstance(config.html_title, str):
        config.html_title = config.html_title.replace("{site_title}", ui(lang, "site_title"))
    if isinstance(config.copyright, str):
        for key in ("contributors", "data"):
            config.copyright = config.copyright.replace(f"{{{key}}}", ui(lang, key))
