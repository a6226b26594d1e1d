# The README's two commands: `make run` and `make test`. Each one does its own set-up on a fresh clone
# (a .venv with the CPU build of torch and citetrace) and skips it when nothing changed.
#
#   make run    set up, then `citetrace run corpus/` -> out/ (open out/index.html)
#   make test   set up with the dev, dask and datasette extras, then `python -m pytest -q`
#   make docs   the docs site, strictly (warnings fail) -> site/
#   make lint   ruff (lint + format), mypy, and the import contracts (import-linter)
#
# Models: $CITETRACE_MODELS when set (a Stanza resources directory), otherwise Stanza's own download.
# TORCH names the torch requirement installed first; the default is the CPU build (an unpinned torch
# pulls CUDA packages). Keep a torch you already have with `make run TORCH=`.

PYTHON ?= python3
VENV ?= .venv
TORCH ?= torch==2.13.0
CORPUS ?= corpus/
OUT ?= out/

BIN := $(VENV)/bin
# Stamps: re-installing is skipped until pyproject.toml changes.
TORCH_STAMP := $(VENV)/.torch-installed
BASE_STAMP := $(VENV)/.citetrace-installed
DEV_STAMP := $(VENV)/.citetrace-dev-installed

.PHONY: run test docs lint clean-venv

run: $(BASE_STAMP)
	$(BIN)/citetrace run $(CORPUS) --out $(OUT)
	@echo "Report: $(abspath $(OUT))/index.html"

test: $(DEV_STAMP)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		echo "note: chromium and chromedriver are not installed, so the browser tests are skipped (Debian: apt install chromium chromium-driver)"
	$(BIN)/python -m pytest -q

docs: $(DEV_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

lint: $(DEV_STAMP)
	$(BIN)/ruff check citetrace tests bench docs
	$(BIN)/ruff format --check citetrace tests bench docs
	$(BIN)/mypy
	$(BIN)/lint-imports    # the stage order and no import cycle (pyproject.toml: [tool.importlinter])

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(TORCH_STAMP): | $(BIN)/python
	$(if $(TORCH),$(BIN)/python -m pip install -q "$(TORCH)")
	touch $@

$(BASE_STAMP): pyproject.toml $(TORCH_STAMP)
	$(BIN)/python -m pip install -q -e .
	touch $@

$(DEV_STAMP): pyproject.toml $(TORCH_STAMP)
	$(BIN)/python -m pip install -q -e ".[dev,dask,datasette]"
	touch $@ $(BASE_STAMP)

clean-venv:
	rm -rf $(VENV)
