"""Tests of the analyse stage, its writers and its command."""
