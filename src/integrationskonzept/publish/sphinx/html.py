"""Per-page template context: the local sidebar navigation, the language switch and, on an
entity's page, its head (description, data files, embedded JSON-LD).

Furo renders the whole toctree into every page, which makes a build quadratic in the number
of pages. This handler runs before furo's and hands it a ``toctree`` that renders nothing;
the sidebar template ``ik-navigation.html`` lists the kinds' index pages instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from sphinx.application import Sphinx

from integrationskonzept.publish.site.blocks import Head
from integrationskonzept.publish.site.i18n import ui
from integrationskonzept.publish.site.linked import embedded_jsonld
from integrationskonzept.publish.site.site import Site
from integrationskonzept.publish.sphinx.state import content_of

OTHER: Mapping[str, str] = MappingProxyType({"de": "en", "en": "de"})


def _no_toctree(*args: Any, **kwargs: Any) -> str:
    return ""


def switch_url(pagename: str, lang: str, root: str | None) -> str:
    """The URL of the same page in the other language, relative to ``pagename``.

    >>> switch_url("goal/C-1", "de", None)
    '../en/goal/C-1.html'
    >>> switch_url("index", "en", None)
    '../index.html'
    """
    other_root = root if root is not None else ("en/" if lang == "de" else "../")
    return "../" * pagename.count("/") + other_root + pagename + ".html"


def head_context(site: Site, pagename: str, head: Head) -> dict[str, Any]:
    """What ``page.html`` writes into an entity page's ``<head>``: the data files relative to
    the page, the description, and the JSON-LD (made here, only for the pages written: the
    page's digest covers its statements, so a page is written again when they change)."""
    up = "../" * pagename.count("/")
    return {
        "description": head.description,
        "alternates": [(media_type, up + path) for media_type, path in head.alternates],
        "jsonld": embedded_jsonld(site.index, head),
    }


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The ``html-page-context`` handler (priority 400: before furo's)."""
    lang = app.config.ik_language
    context["toctree"] = _no_toctree
    content = content_of(app.env)
    context["ik_nav"] = content.navigation if content is not None else []
    context["ik_lang"] = lang
    context["ik_switch_url"] = switch_url(pagename, lang, app.config.ik_other_root)
    context["ik_switch_label"] = ui(lang, "switch")
    context["ik_switch_lang"] = OTHER.get(lang, "de")
    context["ik_switch_title"] = ui(lang, "switch_title")
    page = content.pages.get(pagename) if content is not None else None
    head = page.head if page is not None else None
    context["ik_head"] = (
        head_context(content.site, pagename, head) if content is not None and head else None
    )
