"""``diff --git REV1 REV2 --path DIR``: two revisions of one folder, read with ``git show``.

Each test builds a throw-away repository in a temporary folder (never the project's own), with
the fictional city's first report committed, then its second report over it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from integrationskonzept.cli import main
from integrationskonzept.compare.revisions import export_folder, revision_folders
from integrationskonzept.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "-c", "commit.gpgsign=false", *args],
        capture_output=True, check=True, text=True,
    )  # fmt: skip
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose data/musterstadt holds the 2020 report, then (HEAD) the 2022 one."""
    root = tmp_path / "repo"
    data = root / "data" / "musterstadt"
    data.mkdir(parents=True)
    _git(root, "init", "--quiet")
    for version in ("2020", "2022"):
        shutil.copy(FIXTURES / f"musterstadt-{version}" / "musterstadt.ttl", data)
        (data / "README.md").write_text("not Turtle\n", encoding="utf-8")
        _git(root, "add", "-A")
        _git(root, "commit", "--quiet", "-m", f"report {version}")
    return root


def _run(repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_two_revisions_give_the_planted_changes(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = _run(
        repo, monkeypatch, "--git", "HEAD~1", "HEAD", "--path", "data/musterstadt", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert out.startswith("Changes from HEAD~1:data/musterstadt to HEAD:data/musterstadt")
    assert out.rstrip().endswith("7 changes")


def test_the_same_revision_twice_is_empty(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run(repo, monkeypatch, "--git", "HEAD", "HEAD", "--path", "data/musterstadt")
    assert code == 0
    assert out.rstrip().endswith("Keine Änderungen.")


def test_only_the_folders_turtle_files_are_written(repo: Path, tmp_path: Path) -> None:
    into = tmp_path / "out"
    into.mkdir()
    written = export_folder(repo, "HEAD", "data/musterstadt", into)
    assert [p.name for p in written] == ["musterstadt.ttl"]
    assert sorted(p.name for p in into.iterdir()) == ["musterstadt.ttl"]


def test_the_temporary_folders_are_removed(repo: Path) -> None:
    with revision_folders(repo, ("HEAD~1", "HEAD"), "data/musterstadt") as (old, new):
        assert (old / "musterstadt.ttl").exists() and (new / "musterstadt.ttl").exists()
    assert not old.exists() and not new.exists()


def test_the_work_tree_and_index_are_untouched(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _git(repo, "status", "--porcelain", "--untracked-files=all")
    _run(repo, monkeypatch, "--git", "HEAD~1", "HEAD", "--path", "data/musterstadt")
    assert _git(repo, "status", "--porcelain", "--untracked-files=all") == before == ""


@pytest.mark.parametrize(
    "revision,message",
    [
        ("nope", "unknown git revision 'nope'"),
        ("--output=/tmp/x", "not a git revision"),
        ("", "not a git revision"),
    ],
)
def test_a_bad_revision_exits_2(
    repo: Path, monkeypatch: pytest.MonkeyPatch, revision: str, message: str
) -> None:
    code, _, err = _run(repo, monkeypatch, "--git", revision, "HEAD", "--path", "data/musterstadt")
    assert code == 2
    assert message in err


@pytest.mark.parametrize("path", ["data/nothing-here", "../outside", "/etc"])
def test_a_path_without_turtle_or_outside_the_repository_is_refused(repo: Path, path: str) -> None:
    with pytest.raises(InputError):
        export_folder(repo, "HEAD", path, repo)


def test_outside_a_repository_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = _run(tmp_path, monkeypatch, "--git", "HEAD", "HEAD")
    assert code == 2
    assert "not inside a git repository" in err
