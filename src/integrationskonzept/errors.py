"""The library's exceptions; each carries the exit code the CLI uses for it.

Exit codes: 0 ok, 1 validation failed, 2 unusable input.
"""

from __future__ import annotations

from pathlib import Path


class IntegrationskonzeptError(Exception):
    """Base class of every error this library raises on purpose."""

    exit_code = 2


class InputError(IntegrationskonzeptError):
    """Input that cannot be used: a missing folder, a file that does not parse, a bad value.

    ``path`` and ``line`` say where; ``hint`` says what to do.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class QueryError(InputError):
    """A SPARQL query or one of its parameters cannot be used."""


class ValidationFailed(IntegrationskonzeptError):
    """The knowledge base does not conform to the shapes (exit code 1)."""

    exit_code = 1


class UnknownKeyError(KeyError, IntegrationskonzeptError):
    """An unknown code, label or IRI; the message suggests close matches."""


class DocsBuildFailed(IntegrationskonzeptError):
    """The strict docs build reported warnings or errors (exit code 1)."""

    exit_code = 1


class DocsUnavailable(IntegrationskonzeptError):
    """The site cannot be built: Sphinx (the ``docs`` extra) is not installed (exit code 2)."""


class UnmatchedParameterWarning(UserWarning):
    """A query's IRI parameter names nothing in the graph (a typo in a key, or another
    city's prefix): the query runs, but it can only answer with zero rows."""
