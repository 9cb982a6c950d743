"""The statistics page: every statistics table with its values and a chart."""

from __future__ import annotations

from integrationskonzept.publish.site.blocks import Block, Page, Para, Section, Text, cell
from integrationskonzept.publish.site.pages.other import render_dataset
from integrationskonzept.publish.site.site import Site


def page(site: Site) -> Page:
    """One section per data set: link, source, values, chart."""
    blocks: list[Block] = [Para(cell(site.ui("statistics.intro")))]
    for dataset in site.datasets:
        _, sections = render_dataset(site, dataset)
        anchor = "ds-" + dataset.iri.rsplit("/", 1)[-1].lower()
        intro = Para((site.ref(dataset.iri), Text(" – "), *site.source(dataset.source)))
        inner: list[Block] = [intro]
        for section in sections:
            inner.extend(section.blocks if isinstance(section, Section) else (section,))
        blocks.append(Section(site.name(dataset), anchor, tuple(inner)))
    if not site.datasets:
        blocks.append(Para(cell("–")))
    return Page("statistics", site.ui("page.statistics"), tuple(blocks))
