"""Loading: the bundled data, another folder, and every kind of unusable input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from integrationskonzept import IK, InputError, load
from integrationskonzept.load import load_shapes

MUSTERSTADT = "https://w3id.org/integrationskonzept/musterstadt/"


def test_bundled_graph_has_ontology_and_eight_fields(kb: Graph) -> None:
    fields = set(kb.subjects(RDF.type, IK.ActionField))
    assert len(fields) == 8
    assert (IK.GuidingGoal, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in kb


def test_oxigraph_backend_holds_the_same_triples(kb: Graph, kb_ox: Graph) -> None:
    assert len(kb_ox) == len(kb)
    ask = "ASK { ?f a <https://w3id.org/integrationskonzept/ontology#ActionField> }"
    assert kb_ox.query(ask).askAnswer


def test_data_folder_is_loaded_instead_of_leverkusen(tiny_city: Path) -> None:
    graph = load(tiny_city)
    assert (URIRef(MUSTERSTADT + "field/A"), RDF.type, IK.ActionField) in graph
    assert not list(graph.subjects(RDF.type, IK.Measure))


def test_without_ontology(tiny_city: Path) -> None:
    graph = load(tiny_city, ontology=False)
    assert (IK.GuidingGoal, None, None) not in graph


def test_shapes_graph_loads() -> None:
    assert isinstance(load_shapes(), Graph)


def _broken(tmp_path: Path, name: str, content: bytes) -> Path:
    folder = tmp_path / "city"
    folder.mkdir()
    (folder / name).write_bytes(content)
    return folder


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_syntax_error_names_file_and_line(tmp_path: Path, backend: str) -> None:
    text = b"@prefix ik: <https://w3id.org/integrationskonzept/ontology#> .\n\n<a> ik:number 1 ;\n"
    folder = _broken(tmp_path, "bad.ttl", text + b"   ik:topic <b> <c> .\n")
    with pytest.raises(InputError) as info:
        load(folder, backend=backend)  # type: ignore[arg-type]
    assert info.value.path is not None and info.value.path.name == "bad.ttl"
    assert info.value.line in (3, 4)
    assert "bad.ttl:" in str(info.value)


def test_undefined_prefix_is_reported(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "prefix.ttl", b"<a> nope:thing <b> .\n")
    with pytest.raises(InputError, match=r"prefix\.ttl:1"):
        load(folder)


def test_non_utf8_file_is_reported_with_line(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "latin1.ttl", b'<a> <b> "ok" .\n<a> <b> "Stra\xdfe" .\n')
    with pytest.raises(InputError, match=r"latin1\.ttl:2: the file is not valid UTF-8"):
        load(folder)


def test_empty_file_is_reported(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "empty.ttl", b"  \n")
    with pytest.raises(InputError, match=r"empty\.ttl: the file is empty"):
        load(folder)


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load(tmp_path / "nowhere")


def test_folder_without_turtle_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match=r"no Turtle \(\.ttl\) files"):
        load(tmp_path)


def test_unknown_backend_is_an_input_error(tiny_city: Path) -> None:
    with pytest.raises(InputError, match="unknown backend"):
        load(tiny_city, backend="sqlite")  # type: ignore[arg-type]


def test_public_functions_stay_callable_after_their_modules_are_imported() -> None:
    """``query`` and ``load`` are also module names; importing those modules first must not
    replace the package's functions (a fresh interpreter, so import order is the test's)."""
    code = (
        "import integrationskonzept.query.runner, integrationskonzept.load, "
        "integrationskonzept.validation\n"
        "import integrationskonzept as ik\n"
        "assert callable(ik.query) and callable(ik.load) and callable(ik.validate)\n"
        "print(ik.query('ASK { ?s ?p ?o }', ik.load()).ask)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
