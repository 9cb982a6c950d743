"""Write the downloadable data next to the HTML (``build-finished``).

* ``downloads/knowledge-base.{ttl,nt,jsonld}``, the JSON-LD context
  ``downloads/integrationskonzept.jsonld`` and the VoID/DCAT description
  ``downloads/dataset.ttl``: the bytes the export stage rendered, handed in;
* ``data/<page>.ttl`` and ``data/<page>.jsonld``: the statements about each entity (out and
  in), via :func:`integrationskonzept.publish.files.export.serialize`;
* ``analysis/…``: the files of the network analysis.

Serialising is skipped when the downloads are unchanged since the last run into this folder
(same bytes, same code); files are written only if their bytes changed.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from sphinx.application import Sphinx

import integrationskonzept
from integrationskonzept import __version__
from integrationskonzept.publish.files.downloads import CONTEXT_FILE, DESCRIPTION_FILE
from integrationskonzept.publish.files.export import serialize
from integrationskonzept.publish.site.linked import entity_graph
from integrationskonzept.publish.site.pages.downloads import FILES
from integrationskonzept.publish.site.site import Site
from integrationskonzept.publish.sphinx.state import content_of
from integrationskonzept.publish.sphinx.stubs import write_if_changed

STAMP = "downloads/.ik-stamp"
DIGESTS = "data/.ik-digests.json"
# the whole-graph files the site offers, by their name in the handed-in downloads
PUBLISHED = (*FILES, CONTEXT_FILE, DESCRIPTION_FILE)


@functools.cache
def code_fingerprint() -> str:
    """A hash of the package's code and version (fixed for the life of a process)."""
    package = Path(integrationskonzept.__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def entity_digest(site: Site, iri: str) -> str:
    """A hash of the statements about ``iri`` (out and in): its files change only with it."""
    digest = hashlib.sha256(code_fingerprint().encode() + b"\0" + iri.encode())
    for prop, value in site.index.outgoing(iri):
        digest.update(f"> {prop} {value.n3()}\n".encode())
    for subject, prop in site.index.incoming(iri):
        digest.update(f"< {subject} {prop}\n".encode())
    return digest.hexdigest()


def whole_graph_files(site: Site) -> dict[str, bytes]:
    """The downloads of the whole graph, the JSON-LD context and the dataset description."""
    downloads = site.inputs.downloads
    return {f"downloads/{name}": downloads[name] for name in PUBLISHED if name in downloads}


def entity_files(site: Site, docname: str, iri: str) -> dict[str, bytes]:
    """The statements about one entity as Turtle and JSON-LD."""
    graph = entity_graph(site.index, iri)
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


def _stamp(site: Site) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for name, data in sorted(whole_graph_files(site).items()):
        digest.update(name.encode() + b"\0" + data + b"\0")
    return f"{digest.hexdigest()} {__version__} {len(site.docnames)}\n"


def write_data_files(app: Sphinx, exception: Exception | None) -> None:
    """The ``build-finished`` handler.

    After an edit of the data only the entities whose statements changed are serialised
    again (their digests are kept in ``data/.ik-digests.json``); files of entities that are
    gone are removed.
    """
    content = content_of(app.env)
    if exception is not None or content is None or app.builder.format != "html":
        return
    site = content.site
    outdir = Path(app.outdir)
    stamp = _stamp(site)
    stamp_path = outdir / STAMP
    if stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp:
        return
    for rel, data in whole_graph_files(site).items():
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
    for name, file in site.analysis_files.items():
        if not name.endswith((".png", ".svg")):
            data = file if isinstance(file, bytes) else file.encode("utf-8")
            write_if_changed(outdir / f"analysis/{name}", data)
    write_if_changed(digests_path, (json.dumps(after, indent=0, sort_keys=True) + "\n").encode())
    write_if_changed(stamp_path, stamp.encode("utf-8"))
