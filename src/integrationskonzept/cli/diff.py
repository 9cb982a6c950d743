"""``integrationskonzept diff OLD NEW``: what changed between two versions of the data.

Two data folders (``diff data/2019 data/2021``), or two git revisions of one folder
(``diff --git v2019 HEAD --path data/leverkusen``). Exit codes: 0 (the diff was made, even
if there are changes), 2 unusable input (a folder missing, Turtle that does not parse, an
unknown revision).
"""

from __future__ import annotations

from pathlib import Path

import click

from integrationskonzept.cli._common import echo_data, handle_errors


@click.command("diff")
@click.argument("old", required=False, metavar="OLD")
@click.argument("new", required=False, metavar="NEW")
@click.option(
    "--git",
    "revisions",
    nargs=2,
    default=None,
    metavar="REV1 REV2",
    help="Compare two git revisions of one data folder instead of two folders.",
)
@click.option(
    "--path",
    default="data/leverkusen",
    show_default=True,
    help="With --git: the data folder, relative to the repository's top folder.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@handle_errors
def command(
    old: str | None,
    new: str | None,
    revisions: tuple[str, str] | None,
    path: str,
    fmt: str,
    lang: str,
) -> None:
    """Show what changed from OLD to NEW: measures added, removed, with a new status;
    leads and responsibilities; agreements and needs; goals that gained or lost measures;
    renamed labels. Identity is by IRI."""
    from integrationskonzept.compare import compare, render
    from integrationskonzept.compare.revisions import revision_folders
    from integrationskonzept.model import KnowledgeBase
    from integrationskonzept.terms import declared_prefixes

    def run(old_dir: Path, new_dir: Path, old_name: str, new_name: str) -> None:
        before = KnowledgeBase(old_dir).check()
        after = KnowledgeBase(new_dir).check()
        diff = compare(before, after, old_source=old_name, new_source=new_name)
        prefixes = declared_prefixes(before.source) | declared_prefixes(after.source)
        echo_data(render(diff, fmt, lang=lang, prefixes=prefixes))  # type: ignore[arg-type]

    if revisions is not None:
        if old is not None or new is not None:
            raise click.UsageError("give either two folders or --git REV1 REV2, not both")
        with revision_folders(Path.cwd(), revisions, path) as (old_dir, new_dir):
            run(old_dir, new_dir, f"{revisions[0]}:{path}", f"{revisions[1]}:{path}")
        return
    if old is None or new is None:
        raise click.UsageError("give two data folders OLD NEW (or --git REV1 REV2)")
    run(Path(old), Path(new), old, new)
