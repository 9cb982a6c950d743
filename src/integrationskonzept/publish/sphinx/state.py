"""Where the extension keeps its state: a domain of the build environment.

``sphinx.ext.todo`` keeps what it collects in a domain; so does this extension. The site's
content (pages, sidebar, inputs) lives on the :class:`SiteDomain` *instance*, which Sphinx
creates for every environment and never pickles (only ``domain.data`` is pickled, and it
holds nothing here: the content is made anew from the inputs by every build). Parallel read
workers are forked after ``builder-inited`` and inherit it.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any, ClassVar

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from integrationskonzept.publish.site.content import SiteContent


class SiteDomain(Domain):
    """The ``ik`` domain: no directives or roles of its own, only the build's site content."""

    name = "ik"
    label = "integrationskonzept"
    initial_data: ClassVar[dict[str, Any]] = {}

    content: SiteContent | None = None

    def clear_doc(self, docname: str) -> None:
        """Nothing is collected per document."""

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Nothing is collected per document, so parallel reads have nothing to merge."""

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        """The domain defines no cross-reference roles."""
        return []

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """The domain registers no objects of its own."""
        return ()


def site_domain(env: BuildEnvironment) -> SiteDomain:
    """The ``ik`` domain of ``env``."""
    domain = env.get_domain("ik")
    assert isinstance(domain, SiteDomain)  # registered by this extension's setup()
    return domain


def content_of(env: BuildEnvironment) -> SiteContent | None:
    """This build's site content (``None`` before ``builder-inited`` made it)."""
    return site_domain(env).content
