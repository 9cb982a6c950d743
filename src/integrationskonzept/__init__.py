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

from integrationskonzept.errors import (
    InputError,
    IntegrationskonzeptError,
    QueryError,
    ValidationFailed,
)
from integrationskonzept.load import load, load_shapes
from integrationskonzept.namespaces import IK, IKSH, LEV

__all__ = [
    "IK",
    "IKSH",
    "LEV",
    "InputError",
    "IntegrationskonzeptError",
    "QueryError",
    "ValidationFailed",
    "__version__",
    "load",
    "load_shapes",
]
