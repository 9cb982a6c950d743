"""``integrationskonzept sheets export`` and ``sheets import``: the workbook for the office.

Exit codes of ``import``: 0 imported (warnings are printed), 1 problems in cells or SHACL
violations (each reported at its cell, nothing written), 2 unusable workbook.
"""

from __future__ import annotations

import click

from integrationskonzept.cli._common import data_option, handle_errors

_LANG = click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Language of the sheet names, first header row and list values (export), "
    "of the messages (import).",
)


@click.group("sheets")
def group() -> None:
    """Edit the knowledge base as a workbook: export it, import it back as Turtle."""


@group.command("export")
@data_option
@click.option(
    "--out",
    required=True,
    type=click.Path(),
    metavar="PATH",
    help="The workbook (.xlsx) to write, or with --format csv the folder.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv"]),
    default="xlsx",
    show_default=True,
    help="An Excel workbook, or a folder of CSV files with a CSVW metadata.json.",
)
@_LANG
@handle_errors
def export_command(data: str | None, out: str, fmt: str, lang: str) -> None:
    """Write the knowledge base as a workbook: one sheet per kind, one row per thing."""
    from integrationskonzept.authoring import export_city

    written = export_city(data, out, fmt=fmt, lang=lang)  # type: ignore[arg-type]
    click.echo(f"wrote {len(written)} file(s) to {out}", err=True)


@group.command("import")
@click.argument("source", type=click.Path(path_type=str))
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="The city's data folder (e.g. data/leverkusen/): its .ttl files are replaced.",
)
@click.option("--check", is_flag=True, help="Only check the workbook; write nothing.")
@_LANG
@handle_errors
def import_command(source: str, out: str, check: bool, lang: str) -> None:
    """Read a workbook (or CSV folder), validate it, write the Turtle files.

    Every problem is reported with its cell (Maßnahmen!C17). Nothing is written if there is
    a violation; the .ttl files in DIR that the workbook no longer produces are removed.
    """
    from integrationskonzept.authoring import import_city
    from integrationskonzept.errors import ValidationFailed
    from integrationskonzept.visible import visible

    report = import_city(source, out, lang=lang, write=not check)  # type: ignore[arg-type]
    click.echo(visible(report.to_text(), keep_newlines=True), nl=False)
    if report.failed:
        raise ValidationFailed(f"nothing written: {report.summary()}")
    for path in report.removed:
        click.echo(f"removed {path} (the workbook no longer produces it)", err=True)
    if not check:
        click.echo(f"wrote {len(report.written)} file(s) to {out}", err=True)
