"""Caches for what does not depend on the page being built.

* The knowledge base is loaded once per process and state of the input files, so
  ``integrationskonzept docs --lang both`` loads it once for both languages.
* The network analysis (with its rendered figures) and the validation report are kept on
  disk, keyed by the *content* of the ontology, shapes and data files and of the
  package's code: a rebuild after touching a file, or of the other language, reuses them.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from integrationskonzept import __version__
from integrationskonzept.atomic import write_bytes
from integrationskonzept.model import KnowledgeBase

T = TypeVar("T")
_KBS: dict[str, KnowledgeBase] = {}
# (cache file, key) → value: the other language of the same build skips unpickling
_MEMO: dict[tuple[Path, str], object] = {}


def input_files(data: str | None) -> list[Path]:
    """The ontology, shapes and data files a build reads."""
    from integrationskonzept import resources
    from integrationskonzept.load import turtle_files

    folder = resources.data_dir() if data is None else Path(data)
    return [*resources.ontology_files(), *resources.shape_files(), *turtle_files(folder)]


@functools.cache
def code_fingerprint() -> str:
    """A hash of the package's code and version (fixed for the life of a process)."""
    import integrationskonzept

    package = Path(integrationskonzept.__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(data: str | None) -> str:
    """A hash of the content of every input file and of the package's code."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for path in input_files(data):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def knowledge_base(data: str | None) -> KnowledgeBase:
    """The typed model of the data folder on the Oxigraph backend, loaded once per state."""
    key = fingerprint(data)
    if key not in _KBS:
        _KBS.clear()
        _KBS[key] = KnowledgeBase(data)
    return _KBS[key]


def checked_knowledge_base(data: str | None) -> KnowledgeBase:
    """:func:`knowledge_base`, with every kind of entity built once.

    Run before Sphinx starts, so that data the model cannot use (a Turtle error, a goal
    without a field, a number that is not a number) stops the build with a clear
    :class:`~integrationskonzept.errors.InputError` instead of a Sphinx extension error.
    """
    kb = knowledge_base(data)
    for kind in (
        "topics", "goals", "indicators", "networks", "actors", "responsibilities",
        "_measures", "agreements", "needs", "meetings", "strategic_goals", "observations",
    ):  # fmt: skip
        getattr(kb, kind)
    return kb


def on_disk(folder: Path, name: str, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, or its pickled result from an earlier run with the same ``key``."""
    path = folder / f"{name}.pickle"
    if (path, key) in _MEMO:
        return cast(T, _MEMO[path, key])
    try:
        stored_key, value = pickle.loads(path.read_bytes())
        if stored_key == key:
            _remember(path, key, value)
            return value  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, ValueError, EOFError, AttributeError, ImportError):
        pass
    value = compute()
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    _remember(path, key, value)
    return value


def _remember(path: Path, key: str, value: object) -> None:
    # one value per file: an older state of the inputs is of no use any more
    for stale in [k for k in _MEMO if k[0] == path]:
        del _MEMO[stale]
    _MEMO[path, key] = value


Analysis = tuple[dict[str, Any], dict[str, str | bytes]]


def analysis(kb: KnowledgeBase) -> Analysis | None:
    """The network analysis as a dict and its rendered files, or ``None`` without analyse."""
    try:
        from integrationskonzept.analyse import analyse, build_graphs
        from integrationskonzept.publish.analysis_files import rendered_files
    except ImportError:  # pragma: no cover - depends on the stage being installed
        return None
    graphs = build_graphs(kb.graph)
    report = analyse(graphs)
    return report.to_dict(), rendered_files(report, graphs)


def validations(kb: KnowledgeBase) -> dict[str, Any] | None:
    """The SHACL validation report of the graph in each language (one SHACL run), or
    ``None`` without the validate module. The graph is handed over as an in-memory copy."""
    try:
        from integrationskonzept.validation import validate_in
    except ImportError:  # pragma: no cover - depends on the stage being installed
        return None
    from rdflib import Graph

    copy = Graph()
    for triple in kb.graph:
        copy.add(triple)
    return {str(lang): report for lang, report in validate_in(copy).items()}


def validation(kb: KnowledgeBase, lang: str) -> Any | None:
    """The SHACL validation report of the graph in ``lang`` (see :func:`validations`)."""
    reports = validations(kb)
    return None if reports is None else reports[lang]
