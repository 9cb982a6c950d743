"""``integrationskonzept init``: start a new city's data folder."""

from __future__ import annotations

import click

from integrationskonzept.cli._common import handle_errors


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--city", required=True, help='The city\'s name, e.g. "Musterstadt".')
@click.option(
    "--base-iri",
    required=True,
    metavar="IRI",
    help="The start of the city's IRIs, ending in '/' (https://w3id.org/integrationskonzept/musterstadt/).",
)
@click.option("--prefix", default=None, help="The city's CURIE prefix (default: from its name).")
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Language of the workbook's sheet names and lists.",
)
@handle_errors
def command(folder: str, city: str, base_iri: str, prefix: str | None, lang: str) -> None:
    """Create FOLDER for a new city: documents.ttl, an empty workbook, a README.

    The result validates and builds at once; fill the workbook and run `sheets import`.
    """
    from integrationskonzept.authoring.init import init_city

    for path in init_city(folder, city=city, base_iri=base_iri, prefix=prefix, lang=lang):
        click.echo(f"wrote {path}", err=True)
