"""Outputs of the publish stage, one module per output format."""
