"""What building the site gives back, per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DocsResult:
    """One language's build: where it went and how long the build took."""

    lang: str
    out: Path
    seconds: float
