# Set-up and everyday commands; each target builds its own virtual environment first.
# `make play` (and bench, schema) installs only what playing needs; test and lint add the
# dev tools. Each stamp records one install, so `make test` after `make play` adds them.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLAY_STAMP := $(VENV)/.installed-play
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: play test lint bench schema clean

$(BIN)/python:
	@echo "Setting up Drill in $(VENV) (first time only, about a minute)…"
	$(PY) -m venv $(VENV)

$(PLAY_STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing Drill and what it needs to play into $(VENV)…"
	$(BIN)/pip install --disable-pip-version-check -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing Drill with its test and lint tools into $(VENV)…"
	$(BIN)/pip install --disable-pip-version-check -e '.[dev]'
	touch $(PLAY_STAMP) $@

play: $(PLAY_STAMP)
	$(BIN)/drill play scenarios/flood_old_community.yaml

# pytest's status 5 means it collected no test (it says so): that is no failure.
test: $(DEV_STAMP)
	$(BIN)/pytest -n 2 || [ $$? -eq 5 ]

lint: $(DEV_STAMP)
	$(BIN)/ruff check drill tests benchmarks
	$(BIN)/ruff format --check drill tests benchmarks
	$(BIN)/mypy drill

bench: $(PLAY_STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/authoring_bench.py
	$(BIN)/python benchmarks/store_bench.py
	$(BIN)/python benchmarks/app_bench.py

schema: $(PLAY_STAMP)
	$(BIN)/python -m drill.authoring.schema_files

# Also the compiled modules earlier builds left (they would shadow their sources).
clean:
	rm -rf $(VENV) build dist drill/engine/*.so drill/engine__mypyc*.so
