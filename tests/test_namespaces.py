"""The closed IK namespace matches the terms declared in ontology/."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from integrationskonzept import IK

ROOT = Path(__file__).resolve().parents[1]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "gen", ROOT / "scripts" / "generate_namespaces.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ik_namespace_matches_ontology() -> None:
    declared = set(_generator().declared_terms())
    in_code = set(IK.__annotations__)
    assert declared == in_code, (
        f"only in ontology: {sorted(declared - in_code)}; only in namespaces.py: "
        f"{sorted(in_code - declared)} — run python scripts/generate_namespaces.py"
    )


def test_namespaces_module_is_the_generated_one() -> None:
    generator = _generator()
    expected = generator.render(generator.declared_terms())
    assert (ROOT / "src/integrationskonzept/namespaces.py").read_text(encoding="utf-8") == expected


def test_misspelt_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = IK.GuidingGoalz
