"""Write files atomically: to a temporary file in the same folder, then rename it.

A reader never sees a half-written file, and a failure while producing the content leaves
the previous file untouched.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_text(target, "hello\\n")
>>> target.read_text()
'hello\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from integrationskonzept.errors import InputError


def _cannot_write(path: Path, exc: OSError) -> InputError:
    """A folder that cannot be written (read-only, full, a file in the way) is unusable
    input: exit code 2 with the reason, not a traceback."""
    return InputError(
        f"cannot write the file: {exc.strerror or exc}",
        path=path,
        hint="choose a folder you can write to, or free space on its disk",
    )


@contextlib.contextmanager
def open_atomic(target: Path | str) -> Iterator[BinaryIO]:
    """Open a temporary sibling of ``target`` for binary writing; on success it replaces it.

    An ``OSError`` while writing becomes an :class:`~integrationskonzept.errors.InputError`.
    """
    path = Path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file private (0600); give it the mode a normal write would.
        tmp.chmod(_default_mode())
        tmp.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from exc
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_bytes(target: Path | str, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    with open_atomic(target) as handle:
        handle.write(data)


def write_text(target: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``target`` atomically."""
    write_bytes(target, text.encode("utf-8"))
