"""The Sphinx extension keeps no state in module globals: it lives in the environment.

Module-level dicts, lists and sets in the glue would be shared by every Sphinx application of
a process (two languages, a test after another) and rely on forked workers inheriting them;
the extension keeps its state in the ``ik`` domain instead.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import integrationskonzept.publish.sphinx as glue
from integrationskonzept.pipeline import DocsOptions, run
from integrationskonzept.publish.sphinx.state import SiteDomain

TINY_CITY = Path(__file__).parents[1] / "hardening" / "city"


def test_no_mutable_module_state_in_the_glue() -> None:
    offenders = []
    for info in pkgutil.iter_modules(glue.__path__):
        module = importlib.import_module(f"{glue.__name__}.{info.name}")
        for name, value in vars(module).items():
            if not name.startswith("__") and isinstance(value, dict | list | set):
                offenders.append(f"{module.__name__}.{name}")
    assert offenders == [], "keep state in the ik domain (publish/sphinx/state.py)"


def test_the_domain_holds_the_content_of_one_build(tmp_path: Path) -> None:
    options = DocsOptions(out=tmp_path / "html", lang="en", concurrent=False)
    run("docs", data=TINY_CITY, out=None, docs_options=options)
    # a class attribute is the default only: each build's domain instance holds its own
    assert SiteDomain.content is None
    # the sidebar comes from the domain's navigation (html-page-context), the body from its
    # pages (the ik-page directive)
    html = (tmp_path / "html" / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="actor/index.html"' in html
    actor = (tmp_path / "html" / "en" / "actor" / "index.html").read_text(encoding="utf-8")
    assert "City of Leverkusen" in actor  # an English label of the city, from the model
