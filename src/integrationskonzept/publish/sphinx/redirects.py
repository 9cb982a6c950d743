"""Write the w3id.org redirect rules (``.htaccess``) into the site's root (``build-finished``).

Only the build whose output is the root writes them (German; English lies below ``en/``):
they cover both languages. The rules come from :mod:`integrationskonzept.publish.site.redirects`;
``ik_site_url`` (default ``/``) is where the site is published.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from integrationskonzept.publish.site.redirects import htaccess
from integrationskonzept.publish.sphinx.state import content_of
from integrationskonzept.publish.sphinx.stubs import write_if_changed

FILE = ".htaccess"


def other_root(lang: str, configured: str | None) -> str:
    """The other language's root relative to this build's (``en/`` from German)."""
    if configured is not None:
        return configured
    return "en/" if lang == "de" else "../"


def write_redirects(app: Sphinx, exception: Exception | None) -> None:
    """The ``build-finished`` handler: the rules for every entity page of the site."""
    content = content_of(app.env)
    if exception is not None or content is None or app.builder.format != "html":
        return
    other = other_root(app.config.ik_language, app.config.ik_other_root)
    if other.startswith("../"):
        return  # not the site's root
    site_url = app.config.ik_site_url or "/"
    text = htaccess(
        content.site.docnames, site_url if site_url.endswith("/") else site_url + "/", other
    )
    write_if_changed(Path(app.outdir) / FILE, text.encode("utf-8"))
