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


@contextlib.contextmanager
def open_atomic(target: Path | str) -> Iterator[BinaryIO]:
    """Open a temporary sibling of ``target`` for binary writing; on success it replaces it."""
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file private (0600); give it the mode a normal write would.
        tmp.chmod(_default_mode())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
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
