"""Sphinx configuration of the integrationskonzept site (German and English).

It ships inside the package, so that ``integrationskonzept build`` and ``docs`` build the
site from an installed wheel anywhere (``--conf DIR`` uses another project folder instead).
The commands run Sphinx with this folder as the configuration directory and a folder of
generated sources (``<out>/../sources/<lang>/``), which the extension
``integrationskonzept.publish.sphinx`` fills from the pipeline's typed results before
reading. The hand-written pages live in ``pages/<lang>/`` beside this file.

A standalone ``sphinx-build -c <this folder> -D language=en -D ik_language=en SRC OUT``
works too: the extension then loads, validates and analyses ``ik_data`` itself.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

project = "Integrationskonzept"
author = "integrationskonzept contributors"
# "{contributors}", "{data}": the words in the build's language (publish.sphinx.chrome)
copyright = "{contributors} · {data}: CC BY 4.0"

extensions = [
    "integrationskonzept.publish.sphinx",
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    # a copy button on every code block; its strings follow <html lang> (German or English)
    "sphinx_copybutton",
]

language = "de"
ik_language = "de"
# Sphinx's strings and Furo's in the build's language: locale/<lang>/LC_MESSAGES/sphinx.mo and
# sphinx.js, compiled from catalogs/<lang>/LC_MESSAGES/sphinx.po, before Sphinx's own catalog.
locale_dirs = [str(HERE / "locale")]
ik_data = None
ik_pages = str(HERE / "pages")

root_doc = "index"
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_figures"]
templates_path: list[str] = []

# Text from the graph is never markup; typography is not "improved" either, so verbatim
# quotations stay verbatim.
smartquotes = False
myst_enable_extensions: list[str] = []
myst_heading_anchors = 3

# Deterministic output: no build dates, no source copies.
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False

html_theme = "furo"
# "{site_title}": the site's name in the build's language (publish.sphinx.chrome)
html_title = "{site_title}"
html_favicon = "favicon.svg"
html_static_path: list[str] = []
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "ik-navigation.html",
        "sidebar/scroll-end.html",
    ]
}
html_theme_options: dict[str, object] = {"top_of_page_buttons": []}

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = False
napoleon_numpy_docstring = True

# -n: every reference must resolve; names of third-party types in signatures cannot.
nitpick_ignore_regex = [
    (r"py:.*", r"(rdflib|pandas|click|networkx|pathlib|datetime|collections|typing)\..*"),
    (r"py:.*", r"(Graph|Path|QueryResult|DataFrame|Any|E|F|Values|Backend|Format|date)"),
    # types of the pipeline's artefacts that the API page names but does not document
    (
        r"py:class",
        r"integrationskonzept\.(analyse|publish)\..*\."
        r"(AnalysisReport|AnalysisGraphs|CommandLineReference|DocsResult)",
    ),
    # the library's exceptions named without their module in "Raises" sections
    (
        r"py:.*",
        r"(IntegrationskonzeptError|InputError|QueryError|ValidationFailed|UnknownKeyError)",
    ),
    # helpers and warnings that docstrings of the query API name, from modules the API page
    # does not document (integrationskonzept.terms, integrationskonzept.errors)
    (r"py:.*", r"integrationskonzept\.(terms|errors)\.\w+"),
]
