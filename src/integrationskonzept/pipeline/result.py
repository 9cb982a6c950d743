"""What one stage did, and what a whole run did."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class StageResult:
    """One stage's name, a one-line summary, the files it wrote and its duration.

    ``failed`` is set by a stage whose finding should stop the build (validate: a violation);
    ``details`` holds lines that explain the finding (the first violating nodes).
    """

    name: str
    summary: str
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    failed: bool = False
    details: tuple[str, ...] = ()


@dataclass
class BuildSummary:
    """The results of every stage that ran, in order."""

    stages: list[StageResult] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(stage.seconds for stage in self.stages)

    def stage(self, name: str) -> StageResult:
        """The result of the stage ``name`` (``KeyError`` if it did not run)."""
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)
