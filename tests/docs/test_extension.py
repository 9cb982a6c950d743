"""Units of the Sphinx extension: escaping, stubs, links, the table of kinds, examples."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from docutils import nodes

from integrationskonzept.publish.site import blocks as b
from integrationskonzept.publish.site.kinds import KINDS
from integrationskonzept.publish.site.pages.queries import EXAMPLES
from integrationskonzept.publish.site.site import docname_for
from integrationskonzept.publish.sphinx.html import switch_url
from integrationskonzept.publish.sphinx.nodes import Converter
from integrationskonzept.publish.sphinx.stubs import escape_title, stub, sync

HOSTILE = "<script>alert(1)</script> *x* `y` :ref:`z` .. raw:: html"


def test_stub_holds_only_escaped_title_and_directive() -> None:
    page = b.Page("field/A", HOSTILE, (b.Para((b.Text(HOSTILE),)),), ("/goal/A-1",))
    text = stub(page)
    assert "<script>" not in text and "*x*" not in text
    assert escape_title(HOSTILE) in text
    assert ".. ik-page::" in text and ":digest:" in text
    directives = re.findall(r"^\.\. ([a-z-]+)::", text, re.MULTILINE)
    assert directives == ["toctree", "ik-page"]


def test_escaped_title_parses_back_to_the_same_text() -> None:
    from docutils.core import publish_doctree

    tree = publish_doctree(f"{escape_title(HOSTILE)}\n{'=' * 200}\n")
    assert tree.astext().strip() == HOSTILE


def test_digest_changes_with_content() -> None:
    one = b.Page("x", "T", (b.Para((b.Text("a"),)),))
    two = b.Page("x", "T", (b.Para((b.Text("b"),)),))
    assert b.digest(one) != b.digest(two)
    assert b.digest(one) == b.digest(b.Page("x", "T", (b.Para((b.Text("a"),)),)))


def test_only_http_links_from_data() -> None:
    convert = Converter("field/A")
    for url in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "vbscript:x"):
        node = convert.link(b.Link("x", url=url))
        assert isinstance(node, nodes.Text), url
    node = convert.link(b.Link("x", url="https://example.org/"))
    assert isinstance(node, nodes.reference) and node["refuri"] == "https://example.org/"


def test_file_links_are_relative_to_the_page() -> None:
    node = Converter("goal/C-1").link(b.Link("ttl", file="data/goal/C-1.ttl"))
    assert node["refuri"] == "../data/goal/C-1.ttl"


def test_text_never_becomes_markup_nodes() -> None:
    tree = Converter("x").page((b.Para((b.Text(HOSTILE),)), b.Quote(HOSTILE, "de")))
    assert all(not isinstance(n, nodes.raw) for node in tree for n in node.findall())
    assert HOSTILE in tree[0].astext()


def test_docnames_mirror_iris() -> None:
    base = "https://w3id.org/integrationskonzept/leverkusen/"
    assert docname_for(base + "field/C", "field") == "field/C"
    assert (
        docname_for(base + "meeting/2019-02-22-workshop", "meeting")
        == "meeting/2019-02-22-workshop"
    )
    assert docname_for(base + "strategic-goal/a/b", "strategic-goal") == "strategic-goal/a/b"
    odd = docname_for("https://x.org/actor/../<b>", "actor")
    assert re.fullmatch(r"actor/[a-z0-9-]+", odd)
    assert docname_for(base + "actor/index", "actor") != "actor/index"


def test_table_of_kinds_covers_the_required_kinds() -> None:
    segments = {kind.segment for kind in KINDS}
    assert segments == {
        "field", "topic", "goal", "indicator", "network", "actor", "measure", "agreement",
        "need", "meeting", "strategic-goal", "dataset",
    }  # fmt: skip


def test_every_named_query_with_parameters_has_an_example() -> None:
    from integrationskonzept.query import named_queries

    missing = [
        name
        for name, named in named_queries().items()
        if named.parameters and set(EXAMPLES.get(name, {})) != {p.name for p in named.parameters}
    ]
    assert not missing, f"add example parameters to pages/queries.py EXAMPLES for: {missing}"


def test_language_switch_urls() -> None:
    assert switch_url("index", "de", None) == "en/index.html"
    assert switch_url("goal/C-1", "en", None) == "../../goal/C-1.html"
    assert switch_url("strategic-goal/a/b", "de", None) == "../../en/strategic-goal/a/b.html"


def test_sync_writes_only_changes_and_removes_stale_files(tmp_path: Path) -> None:
    assert sync(tmp_path, {"a.rst": b"A", "b.rst": b"B"}) == (2, 0)
    stamp = (tmp_path / "a.rst").stat().st_mtime_ns
    os.utime(tmp_path / "a.rst", ns=(stamp - 10**9, stamp - 10**9))
    time.sleep(0.01)
    assert sync(tmp_path, {"a.rst": b"A", "c.rst": b"C"}) == (1, 1)
    assert (tmp_path / "a.rst").stat().st_mtime_ns == stamp - 10**9
    assert not (tmp_path / "b.rst").exists()
