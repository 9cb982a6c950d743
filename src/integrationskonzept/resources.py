"""Where the bundled Turtle files live: the only module that knows.

In an installed wheel the folders ``ontology/``, ``shapes/`` and ``data/`` are shipped inside
the package as ``integrationskonzept/_data/...``; in a source checkout (editable install) they
sit at the repository root, two levels above this package.

>>> ontology_dir().name
'ontology'
>>> data_dir().name
'leverkusen'
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEFAULT_CITY = "leverkusen"


def _root() -> Path:
    packaged = Path(str(files("integrationskonzept"))) / "_data"
    if packaged.is_dir():
        return packaged
    # Source checkout: the editable install does not copy the folders into the package.
    return Path(__file__).resolve().parents[2]


def ontology_dir() -> Path:
    """The folder of the ontology (TBox) Turtle files."""
    return _root() / "ontology"


def shapes_dir() -> Path:
    """The folder of the SHACL shapes Turtle files."""
    return _root() / "shapes"


def data_dir(city: str = DEFAULT_CITY) -> Path:
    """The folder of a bundled city's knowledge base (default: Leverkusen)."""
    return _root() / "data" / city


def ontology_files() -> list[Path]:
    """The ontology's Turtle files, sorted by name."""
    return sorted(ontology_dir().glob("*.ttl"))


def shape_files() -> list[Path]:
    """The shapes' Turtle files, sorted by name."""
    return sorted(shapes_dir().glob("*.ttl"))


def site_conf_dir() -> Path:
    """The site's Sphinx project: ``conf.py``, the favicon and the hand-written pages
    (``pages/<lang>/``), shipped inside the package so that a wheel builds the site anywhere."""
    return Path(str(files("integrationskonzept"))) / "publish" / "sphinx" / "project"
