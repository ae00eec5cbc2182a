# ImagingNet Desktop. `make run` opens the app on the demo; `make test` installs what it needs and runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test

.PHONY: run test lint pytest bench package clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/imagingnet

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/power_indices.py
	$(BIN)/python benchmarks/collection_edit.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/memory.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/open_large.py
	$(BIN)/python benchmarks/snapshots.py

# One folder, dist/ImagingNet, that runs without Python or admin rights (about 30 s here); then the smoke test.
package: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[package]"
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/imagingnet.spec
	sh packaging/smoke_test.sh dist/ImagingNet

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
