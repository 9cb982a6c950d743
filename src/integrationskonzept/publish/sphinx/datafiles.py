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

import hashlib
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
DIGESTS = "data/.ik-digests.json"


def entity_graph(site: Site, iri: str) -> Graph:
    """The statements with ``iri`` as subject or object."""
    graph = Graph()
    node = URIRef(iri)
    for prop, value in site.index.outgoing(iri):
        graph.add((node, URIRef(prop), value))
    for subject, prop in site.index.incoming(iri):
        graph.add((URIRef(subject), URIRef(prop), node))
    return graph


def entity_digest(site: Site, iri: str) -> str:
    """A hash of the statements about ``iri`` (out and in): its files change only with it."""
    digest = hashlib.sha256(cache.code_fingerprint().encode() + b"\0" + iri.encode())
    for prop, value in site.index.outgoing(iri):
        digest.update(f"> {prop} {value.n3()}\n".encode())
    for subject, prop in site.index.incoming(iri):
        digest.update(f"< {subject} {prop}\n".encode())
    return digest.hexdigest()


# fingerprint of the inputs → the whole-graph files, shared by both languages of one build
_WHOLE: dict[str, dict[str, bytes]] = {}


def whole_graph_files(site: Site, key: str) -> dict[str, bytes]:
    """The downloads of the whole graph, the JSON-LD context and the dataset description."""
    if key in _WHOLE:
        return _WHOLE[key]
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
    _WHOLE.clear()
    _WHOLE[key] = files
    return files


def entity_files(site: Site, docname: str, iri: str) -> dict[str, bytes]:
    """The statements about one entity as Turtle and JSON-LD."""
    from integrationskonzept.publish.export import serialize

    graph = entity_graph(site, iri)
    return {
        f"data/{docname}.ttl": serialize(graph, "turtle").encode("utf-8"),
        f"data/{docname}.jsonld": serialize(graph, "json-ld").encode("utf-8"),
    }


def _read_digests(path: Path) -> dict[str, str]:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def write_data_files(app: Sphinx, exception: Exception | None) -> None:
    """The ``build-finished`` handler.

    After an edit of the data only the entities whose statements changed are serialised
    again (their digests are kept in ``data/.ik-digests.json``); files of entities that are
    gone are removed.
    """
    from integrationskonzept.publish.sphinx.generate import SITES

    site = SITES.get(str(app.srcdir))
    if exception is not None or site is None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    key = cache.fingerprint(app.config.ik_data)
    stamp = f"{key} {__version__} {len(site.docnames)}\n"
    stamp_path = outdir / STAMP
    if stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp:
        return
    for rel, data in whole_graph_files(site, key).items():
        write_if_changed(outdir / rel, data)
    digests_path = outdir / DIGESTS
    before = _read_digests(digests_path)
    after: dict[str, str] = {}
    for iri, docname in sorted(site.docnames.items(), key=lambda item: item[1]):
        after[docname] = entity_digest(site, iri)
        files = [outdir / f"data/{docname}{suffix}" for suffix in (".ttl", ".jsonld")]
        if before.get(docname) == after[docname] and all(f.is_file() for f in files):
            continue
        for rel, data in entity_files(site, docname, iri).items():
            write_if_changed(outdir / rel, data)
    for gone in sorted(set(before) - set(after)):
        for suffix in (".ttl", ".jsonld"):
            (outdir / f"data/{gone}{suffix}").unlink(missing_ok=True)
    for name, content in site.analysis_files.items():
        if not name.endswith((".png", ".svg")):
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            write_if_changed(outdir / f"analysis/{name}", data)
    write_if_changed(digests_path, (json.dumps(after, indent=0, sort_keys=True) + "\n").encode())
    write_if_changed(stamp_path, stamp.encode("utf-8"))
