"""Text from the graph never becomes markup: a hostile test city's site."""

from __future__ import annotations

import pytest

from .helpers import HOSTILE_LABEL, Site, page_text

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site")]


def test_hostile_site_builds_without_warnings(hostile_site: Site) -> None:
    for path in hostile_site.warnings:
        assert path.read_text(encoding="utf-8") == "", path


def test_no_raw_script_from_data(hostile_site: Site) -> None:
    offenders = []
    for path in sorted(hostile_site.html.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        for needle in ("<script>alert", "<img src=x", "<iframe", 'href="javascript:', "<b>fett"):
            if needle in source:
                offenders.append(f"{path.relative_to(hostile_site.html)}: {needle}")
    assert not offenders, "\n".join(offenders)


def test_hostile_label_is_shown_as_text(hostile_site: Site) -> None:
    field = hostile_site.html / "field" / "A.html"
    assert HOSTILE_LABEL in page_text(field)
    assert ".. raw:: html" in page_text(field)
    english = page_text(hostile_site.html / "en" / "field" / "A.html")
    assert "Language `code` *emph* :ref:`x`" in english
    goal = page_text(hostile_site.html / "goal" / "A-1.html")
    assert "[link](javascript:alert(6))" in goal
