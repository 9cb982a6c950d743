"""Read the named queries (``*.rq``) and their header comments."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Literal

ParameterType = Literal["iri", "string", "integer"]
_HEADER = re.compile(r"^#\s*(?P<key>[a-z]+)(?:@(?P<lang>de|en))?:\s*(?P<value>.*)$")
_PARAM = re.compile(r"^(?P<name>[a-z_]+)\s+(?P<type>iri|string|integer)\s+(?P<doc>.*)$")


@dataclass(frozen=True)
class Parameter:
    """A query parameter: its variable name (without ``?``), type and description."""

    name: str
    type: ParameterType
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library with its bilingual title and description."""

    name: str
    text: str
    title: dict[str, str]
    description: dict[str, str]
    parameters: tuple[Parameter, ...]

    def title_in(self, lang: str) -> str:
        """The title in ``lang``, falling back to German."""
        return self.title.get(lang) or self.title["de"]


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Parse the header comments of one ``.rq`` file.

    >>> text = "# title@de: T\\n# param: a iri An IRI\\nSELECT * {}"
    >>> q = parse_named_query("x", text)
    >>> q.parameters[0].type
    'iri'
    """
    title: dict[str, str] = {}
    description: dict[str, str] = {}
    parameters: list[Parameter] = []
    for line in text.splitlines():
        found = _HEADER.match(line.strip())
        if not found:
            continue
        key, lang, value = found.group("key"), found.group("lang"), found.group("value").strip()
        if key == "title" and lang:
            title[lang] = value
        elif key == "description" and lang:
            description[lang] = (description.get(lang, "") + " " + value).strip()
        elif key == "param":
            param = _PARAM.match(value)
            if not param:
                raise ValueError(f"{name}.rq: bad parameter line {value!r}")
            parameters.append(
                Parameter(param.group("name"), param.group("type"), param.group("doc"))  # type: ignore[arg-type]
            )
    if "de" not in title:
        raise ValueError(f"{name}.rq: the header needs '# title@de: …'")
    return NamedQuery(name, text, title, description, tuple(parameters))


@functools.cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query of the library, by name (the file name without ``.rq``)."""
    folder = files("integrationskonzept.query")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse_named_query(name, entry.read_text(encoding="utf-8"))
    return found
