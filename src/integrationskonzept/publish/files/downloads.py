"""The whole graph's files: every export format, the JSON-LD context, the dataset description.

Rendered once per build, in memory; the export stage writes them below ``build/`` and the
site publishes the same bytes below ``downloads/``.

>>> from integrationskonzept import load
>>> files = graph_files(load())
>>> sorted(files)  # doctest: +NORMALIZE_WHITESPACE
['dataset.ttl', 'integrationskonzept.jsonld', 'knowledge-base.jsonld', 'knowledge-base.nq',
 'knowledge-base.nt', 'knowledge-base.ttl']
"""

from __future__ import annotations

import json

from rdflib import Graph

from integrationskonzept.publish.files.description import dataset_description
from integrationskonzept.publish.files.export import FORMATS, SUFFIXES, jsonld_context, serialize

CONTEXT_FILE = "integrationskonzept.jsonld"
DESCRIPTION_FILE = "dataset.ttl"
STEM = "knowledge-base"


def graph_files(graph: Graph) -> dict[str, bytes]:
    """File name → bytes of every whole-graph file, sorted by name."""
    files = {f"{STEM}{SUFFIXES[fmt]}": serialize(graph, fmt).encode("utf-8") for fmt in FORMATS}
    context = json.dumps(jsonld_context(), indent=2, sort_keys=True) + "\n"
    files[CONTEXT_FILE] = context.encode("utf-8")
    files[DESCRIPTION_FILE] = serialize(dataset_description(graph), "turtle").encode("utf-8")
    return dict(sorted(files.items()))
