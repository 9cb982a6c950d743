"""Generate the site's sources before Sphinx reads them (``builder-inited``).

The site's content comes from the inputs the pipeline handed in (config value
``ik_inputs``, a function returning :class:`~integrationskonzept.publish.site.inputs.SiteInputs`);
a standalone ``sphinx-build`` without it builds the inputs from ``ik_data`` once. Each page's
stub is written only if it changed, so Sphinx re-reads exactly the pages whose content did.
"""

from __future__ import annotations

import time
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util import logging

from integrationskonzept.publish.site.content import site_content
from integrationskonzept.publish.site.i18n import LANGUAGES
from integrationskonzept.publish.site.inputs import SiteInputs
from integrationskonzept.publish.sphinx.state import site_domain
from integrationskonzept.publish.sphinx.stubs import stub, sync

logger = logging.getLogger(__name__)


def inputs_of(app: Sphinx) -> SiteInputs:
    """The inputs handed in by the pipeline, else those of ``ik_data`` (made once here)."""
    provider = app.config.ik_inputs
    if provider is not None:
        inputs = provider()
        if not isinstance(inputs, SiteInputs):
            raise ConfigError("ik_inputs must be a function that returns SiteInputs")
        return inputs
    return SiteInputs.from_data(app.config.ik_data)


def generate(app: Sphinx) -> None:
    """The ``builder-inited`` handler: make the content, write the sources, keep the state."""
    started = time.perf_counter()
    lang = app.config.ik_language
    if lang not in LANGUAGES:
        raise ConfigError(f"ik_language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    pages_folder = Path(app.config.ik_pages) if app.config.ik_pages else None
    content = site_content(inputs_of(app), lang, pages_folder)
    files = dict(content.files)
    files.update(
        {f"{name}.rst": stub(page).encode("utf-8") for name, page in content.pages.items()}
    )
    written, removed = sync(Path(app.srcdir), files)
    site_domain(app.env).content = content
    logger.info(
        "[integrationskonzept] %d pages (%s): %d files written, %d removed, %.2f s",
        len(content.pages),
        lang,
        written,
        removed,
        time.perf_counter() - started,
    )
