"""``integrationskonzept validate``: check the knowledge base against the SHACL shapes.

Exit codes: 0 the knowledge base passes, 1 it fails (violations; with ``--fail-on warning``
also warnings), 2 it cannot be loaded.
"""

from __future__ import annotations

import click

from integrationskonzept.cli._common import data_option, handle_errors


@click.command("validate")
@data_option
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Language of the messages and labels.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Plain text grouped by resource, or JSON.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["violation", "warning"]),
    default="violation",
    show_default=True,
    help="Exit with 1 on violations only, or on warnings too.",
)
@handle_errors
def command(data: str | None, lang: str, fmt: str, fail_on: str) -> None:
    """Check every fact of the knowledge base against the shapes; list what to fix."""
    from integrationskonzept.errors import ValidationFailed
    from integrationskonzept.pipeline import run

    artefacts, _ = run("validate", data=data, out=None)
    report = artefacts.need("validation")[lang]
    from integrationskonzept.visible import visible

    # JSON is data, written as it is; the text is for the terminal, with labels and values
    # from the data whose control characters must show, not act.
    text = report.to_json() if fmt == "json" else visible(report.to_text(), keep_newlines=True)
    click.echo(text, nl=False)
    if report.failed(fail_on):
        raise ValidationFailed(f"validation failed: {report.summary('en')}")
