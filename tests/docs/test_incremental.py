"""Rebuilding after an edit: only the changed entity's data files are written again."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import HOSTILE_CITY, build

pytestmark = pytest.mark.slow


def test_only_changed_entities_are_serialised_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    city = data / "city.ttl"
    city.write_text(HOSTILE_CITY, encoding="utf-8")
    site = build(tmp_path, str(data), lang="de")
    actor = site.html / "data" / "actor" / "amt.ttl"
    goal = site.html / "data" / "goal" / "A-1.ttl"
    goal_written = goal.stat().st_mtime_ns
    assert "Amt für" in actor.read_text(encoding="utf-8")

    city.write_text(HOSTILE_CITY.replace("Amt für", "Behörde für"), encoding="utf-8")
    build(tmp_path, str(data), lang="de")
    assert "Behörde für" in actor.read_text(encoding="utf-8")
    assert goal.stat().st_mtime_ns == goal_written  # its statements did not change

    # an entity that is gone loses its files
    without_actor = HOSTILE_CITY.split("<actor/amt>")[0]
    city.write_text(without_actor, encoding="utf-8")
    build(tmp_path, str(data), lang="de")
    assert not actor.exists()
    assert not actor.with_suffix(".jsonld").exists()
    assert goal.exists()
