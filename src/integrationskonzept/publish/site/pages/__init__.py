"""Page generators: one module per kind of page, each returning plain blocks."""
