"""``python -m integrationskonzept`` runs the CLI."""

from integrationskonzept.cli import main

if __name__ == "__main__":
    main()
