"""Write the downloadable data next to the HTML (``build-finished``).

* ``downloads/knowledge-base.{ttl,nt,jsonld}``, the JSON-LD context
  ``downloads/integrationskonzept.jsonld`` and the VoID/DCAT description
  ``downloads/dataset.ttl``;
* ``data/<page>.ttl`` and ``data/<page>.jsonld``: the statements about each entity (out and
  in), via :func:`integrationskonzept.publish.export.serialize`;
* ``analysis/…``: the files of the network analysis.

Serialising is skipped when the inputs are unchanged since the last run into this folder
(same fingerprint of the input files and same package version); files are written only if
their bytes changed.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph, URIRef
from sphinx.application import Sphinx

from integrationskonzept import __version__
from integrationskonzept.publish.sphinx import cache
from integrationskonzept.publish.sphinx.pages.downloads import (
    CONTEXT_FILE,
    DESCRIPTION_FILE,
    FILES,
)
from integrationskonzept.publish.sphinx.site import Site
from integrationskonzept.publish.sphinx.stubs import write_if_changed

STAMP = "downloads/.ik-stamp"


def entity_graph(site: Site, iri: str) -> Graph:
    """The statements with ``iri`` as subject or object."""
    graph = Graph()
    node = URIRef(iri)
    for prop, value in site.index.outgoing(iri):
        graph.add((node, URIRef(prop), value))
    for subject, prop in site.index.incoming(iri):
        graph.add((URIRef(subject), URIRef(prop), node))
    return graph


def rendered(site: Site) -> dict[str, bytes]:
    """Every data file by path below the html output folder."""
    from integrationskonzept.publish.description import dataset_description
    from integrationskonzept.publish.export import jsonld_context, serialize

    files: dict[str, bytes] = {}
    whole = site.index.memory_graph()
    for name, (fmt, _) in FILES.items():
        files[f"downloads/{name}"] = serialize(whole, fmt).encode("utf-8")  # type: ignore[arg-type]
    context = json.dumps(jsonld_context(), indent=2, sort_keys=True) + "\n"
    files[f"downloads/{CONTEXT_FILE}"] = context.encode("utf-8")
    described = dataset_description(whole)
    files[f"downloads/{DESCRIPTION_FILE}"] = serialize(described, "turtle").encode("utf-8")
    for iri, docname in sorted(site.docnames.items(), key=lambda item: item[1]):
        graph = entity_graph(site, iri)
        files[f"data/{docname}.ttl"] = serialize(graph, "turtle").encode("utf-8")
        files[f"data/{docname}.jsonld"] = serialize(graph, "json-ld").encode("utf-8")
    for name, content in site.analysis_files.items():
        if not name.endswith((".png", ".svg")):
            files[f"analysis/{name}"] = (
                content if isinstance(content, bytes) else content.encode("utf-8")
            )
    return files


def write_data_files(app: Sphinx, exception: Exception | None) -> None:
    """The ``build-finished`` handler."""
    from integrationskonzept.publish.sphinx.generate import SITES

    site = SITES.get(str(app.srcdir))
    if exception is not None or site is None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    stamp = f"{cache.fingerprint(app.config.ik_data)} {__version__} {len(site.docnames)}\n"
    stamp_path = outdir / STAMP
    if stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp:
        return
    for rel, data in rendered(site).items():
        write_if_changed(outdir / rel, data)
    write_if_changed(stamp_path, stamp.encode("utf-8"))
