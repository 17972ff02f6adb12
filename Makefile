# Set-up and everyday commands; each target builds its own virtual environment first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test lint bench schema clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/drill play scenarios/flood_old_community.yaml

test: $(STAMP)
	$(BIN)/pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check drill tests benchmarks
	$(BIN)/ruff format --check drill tests benchmarks
	$(BIN)/mypy drill

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/authoring_bench.py
	$(BIN)/python benchmarks/store_bench.py
	$(BIN)/python benchmarks/app_bench.py

schema: $(STAMP)
	$(BIN)/python -m drill.authoring.schema_files

clean:
	rm -rf $(VENV) build
