"""integrationskonzept: a linked-data knowledge model of a city's integration concept.

The bundled knowledge base is Leverkusen's *Integrationskonzept* (2017) and its
*1. Umsetzungsbericht* (2019). Another city's concept fits the same model: pass its folder
of Turtle files as ``data``.

>>> import integrationskonzept
>>> graph = integrationskonzept.load()
>>> len(graph) > 1000
True
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from integrationskonzept.errors import (
    InputError,
    IntegrationskonzeptError,
    QueryError,
    UnknownKeyError,
    ValidationFailed,
)
from integrationskonzept.load import load, load_shapes
from integrationskonzept.namespaces import IK, IKSH, LEV

# Bound eagerly: ``query`` is also the name of a subpackage, and the first import of any of
# its modules would otherwise set ``integrationskonzept.query`` to that subpackage.
from integrationskonzept.query import QueryResult, query

if TYPE_CHECKING:
    from integrationskonzept.model import KnowledgeBase
    from integrationskonzept.validation import ValidationReport, validate

# Imported on first use: pyshacl and the model pull in more than ``load`` needs.
_LAZY = {
    "KnowledgeBase": "integrationskonzept.model",
    "validate": "integrationskonzept.validation",
    "ValidationReport": "integrationskonzept.validation",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'integrationskonzept' has no attribute {name!r}")


__all__ = [
    "IK",
    "IKSH",
    "LEV",
    "InputError",
    "IntegrationskonzeptError",
    "KnowledgeBase",
    "QueryError",
    "QueryResult",
    "UnknownKeyError",
    "ValidationFailed",
    "ValidationReport",
    "__version__",
    "load",
    "load_shapes",
    "query",
    "validate",
]
