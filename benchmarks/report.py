"""Render a benchmark result file as the docs page (German and English) and its plot.

Usage::

    python benchmarks/report.py                         # results/latest.json → the packaged pages/
    python benchmarks/report.py results/quick.json --out /tmp/pages

For each language ``de`` and ``en`` it writes ``<out>/<lang>/benchmarks.md`` (MyST Markdown,
a hand-written page of the site, see ``publish/sphinx/overview.py``) and
``<out>/<lang>/benchmarks.png`` beside it, the plot with labels in that language. The figures
are the same in both; German shows them with a decimal comma.

The page holds the targets (met, missed and by how much, and why where missed: the reasons
are kept in :data:`texts.WHY`, written from the analysis of the full run), the medians with
min/max of every stage at every size, the named queries on both backends, the side-by-side
ratios, what was skipped and why, and how it was measured. Every text taken from the result
file is escaped, so nothing in it becomes markup. Page and plot are deterministic functions
of the result file (the PNG carries no software or date metadata).

The parts live beside this script: the words in both languages in ``texts.py``, escaping,
numbers and tables in ``markup.py``, the page's sections in ``sections.py``, the plot in
``plot.py``; this script puts the page together and writes page and plot.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# benchmarks/ is not a package: the siblings are imported by name.
from authoring_section import authoring_section  # noqa: E402
from load_section import load_section  # noqa: E402
from markup import Doc, md  # noqa: E402
from plot import plot  # noqa: E402
from sections import (  # noqa: E402
    machine_section,
    queries_section,
    ratios_section,
    skipped_section,
    stages_section,
    targets_section,
)
from speed_section import speed_section  # noqa: E402
from texts import t  # noqa: E402

ROOT = HERE.parent
DEFAULT_RESULT = HERE / "results" / "latest.json"
# the build-speed figures (benchmarks/build_speed.py), shown on the same page if present
SPEED_RESULT = HERE / "results" / "build-speed.json"
# the endpoint under load (benchmarks/load.py), shown on the same page if present
LOAD_RESULT = HERE / "results" / "load.json"
# the workbook round trip (benchmarks/authoring.py), shown on the same page if present
AUTHORING_RESULT = HERE / "results" / "authoring.json"
DEFAULT_OUT = ROOT / "src" / "integrationskonzept" / "publish" / "sphinx" / "project" / "pages"
PAGE = "benchmarks.md"
PLOT = "benchmarks.png"
LANGS = ("de", "en")


def render(
    doc: Doc,
    lang: str,
    result_name: str = "latest.json",
    speed: Doc | None = None,
    load: Doc | None = None,
) -> str:
    """The whole page in ``lang`` as MyST Markdown.

    ``speed``: the build-speed result; ``load``: the endpoint's load result.
    """
    more = " und " if lang == "de" else " and "
    lines = [
        f"# {t(lang, 'title')}",
        "",
        t(
            lang,
            "intro",
            more=more.join(str(n) for n in doc["sizes"][1:]) or "1",
            file=md(result_name),
            date=md(doc["machine"]["date"][:10]),
        ),
        "",
        f"![{t(lang, 'plot_alt')}]({PLOT})",
        "",
    ]
    lines += speed_section(speed, lang)
    lines += load_section(load, lang)
    lines += authoring_section(_read(AUTHORING_RESULT), lang)
    for section in (
        targets_section,
        stages_section,
        queries_section,
        ratios_section,
        skipped_section,
        machine_section,
    ):
        lines += section(doc, lang)
    return "\n".join(lines).rstrip() + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _read(path: Path) -> Doc | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def load_speed(path: Path = SPEED_RESULT) -> Doc | None:
    """The build-speed result, if one is committed."""
    return _read(path)


def load_load(path: Path = LOAD_RESULT) -> Doc | None:
    """The endpoint's load result, if one is committed."""
    return _read(path)


def write(
    doc: Doc,
    out: Path,
    result_name: str = "latest.json",
    speed: Doc | None = None,
    load: Doc | None = None,
) -> list[Path]:
    """Write the page and the plot of every language below ``out``; the files written."""
    written = []
    for lang in LANGS:
        folder = out / lang
        plot(doc, folder / PLOT, lang)
        _write(folder / PAGE, render(doc, lang, result_name, speed, load))
        written += [folder / PAGE, folder / PLOT]
    return written


def main(argv: list[str] | None = None, *, echo: Callable[[str], None] = print) -> int:
    """Command line: ``report.py [RESULT] [--out FOLDER]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("result", nargs="?", type=Path, default=DEFAULT_RESULT)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the pages folder")
    args = parser.parse_args(argv)
    doc = json.loads(args.result.read_text(encoding="utf-8"))
    for path in write(doc, args.out, args.result.name, load_speed(), load_load()):
        echo(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
