"""The data folder as it was in a git revision, written to a temporary folder.

``git show REV:PATH/FILE`` for every Turtle file that ``git ls-tree`` lists below the folder:
only the repository's own object database is read, nothing in the work tree or index is
touched, and the files are written below a fresh temporary folder (never outside it: each
name is a plain file name ending in ``.ttl``). Revisions are passed to git after
``--end-of-options``, so a revision cannot be taken for an option.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from integrationskonzept.errors import InputError

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.ttl")


def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError as exc:
        raise InputError("git is not installed (needed for --git)") from exc
    except subprocess.TimeoutExpired as exc:
        raise InputError(f"git {args[0]} did not answer within 120 s") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"git {args[0]} failed: {message[-1] if message else done.returncode}")
    return done.stdout


def repository(start: Path) -> Path:
    """The top folder of the git repository that holds ``start``."""
    try:
        top = _git(start, "rev-parse", "--show-toplevel").decode("utf-8").strip()
    except InputError as exc:
        raise InputError(
            "not inside a git repository", path=start, hint="run diff --git from within one"
        ) from exc
    return Path(top)


def commit(repo: Path, revision: str) -> str:
    """The commit a revision names (a branch, tag, ``HEAD~1`` …), as a full hash."""
    if not revision or revision.startswith("-"):
        raise InputError(f"not a git revision: {revision!r}")
    try:
        found = _git(
            repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
    except InputError as exc:
        raise InputError(
            f"unknown git revision {revision!r}",
            path=repo,
            hint="name a commit, branch or tag of this repository (git log --oneline)",
        ) from exc
    return found.decode("ascii").strip()


def export_folder(repo: Path, revision: str, path: str, into: Path) -> list[Path]:
    """Write the Turtle files of ``path`` (relative to the repository) at ``revision`` into
    ``into``; returns the files written. A folder without Turtle files is an error."""
    sha = commit(repo, revision)
    folder = PurePosixPath(path.rstrip("/") or ".")
    if folder.is_absolute() or ".." in folder.parts:
        raise InputError(f"the path must be a folder inside the repository: {path!r}")
    listing = _git(repo, "ls-tree", "-z", "--name-only", sha, "--", f"{folder}/")
    names = [n for n in listing.decode("utf-8").split("\0") if n]
    written = []
    for name in sorted(names):
        file_name = PurePosixPath(name).name
        if PurePosixPath(name).parent != folder or not _SAFE_NAME.fullmatch(file_name):
            continue  # only the folder's own Turtle files, with plain names
        target = into / file_name
        target.write_bytes(_git(repo, "show", f"{sha}:{name}"))
        written.append(target)
    if not written:
        raise InputError(f"no Turtle files in {path!r} at revision {revision!r}")
    return written


@contextlib.contextmanager
def revision_folders(
    start: Path, revisions: tuple[str, str], path: str
) -> Iterator[tuple[Path, Path]]:
    """Two temporary folders with ``path`` as it was in each revision; removed afterwards."""
    repo = repository(start)
    with tempfile.TemporaryDirectory(prefix="ik-diff-") as tmp:
        folders = (Path(tmp) / "old", Path(tmp) / "new")
        for folder, revision in zip(folders, revisions, strict=True):
            folder.mkdir()
            export_folder(repo, revision, path, folder)
        yield folders
