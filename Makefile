# The project's entry points. Each target sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help build test lint browser docs bench bench-quick clean
# apt-get needs root; use sudo when not root
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,docs,dev]"
	touch $(STAMP)

build: $(STAMP) ## Run the main job on the bundled Leverkusen data (writes build/)
	$(BIN)/integrationskonzept build

lint: $(STAMP) ## ruff (lint + format check), mypy and the layer contract (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

browser: ## Install Debian's chromium and axe-core (npm, package-lock.json) for the browser tests (once)
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm; }
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund

test: lint browser ## Lint, type-check and run the whole test suite (browser tests included)
	IK_REQUIRE_BROWSER=1 $(BIN)/pytest -n auto

docs: $(STAMP) ## Build the documentation site (docs/_build/html)
	$(BIN)/integrationskonzept docs

bench: $(STAMP) ## Run the benchmarks (writes benchmarks/results/)
	$(BIN)/python benchmarks/run.py

bench-quick: $(STAMP) ## Run the quick benchmarks: 1 and 2 cities, once, no docs
	$(BIN)/python benchmarks/run.py --quick

clean: ## Remove generated files
	rm -rf build docs/_build .pytest_cache .mypy_cache .ruff_cache
