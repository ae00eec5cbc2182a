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

# Every benchmark script, one after the other (each prints its figures and a verdict); a failing one does not
# stop the rest: the ones that failed are listed at the end. bare_window.py is the yardstick the others run,
# control_screenshots.py makes pictures: neither is a benchmark. footprint.py measures dist/ if `make package` ran.
BENCHMARKS := startup open_large memory slider analysis power_indices collection_edit commercial programme \
	record control export snapshots report_scale footprint

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	@failed=""; for name in $(BENCHMARKS); do \
		echo "== benchmarks/$$name.py"; \
		QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/$$name.py || failed="$$failed $$name"; \
		echo; \
	done; \
	if [ -n "$$failed" ]; then echo "benchmarks that failed:$$failed"; exit 1; fi; echo "every benchmark passed"

# One folder, dist/ImagingNet, that runs without Python or admin rights (about 30 s here); then the smoke test.
package: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[package]"
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/imagingnet.spec
	sh packaging/smoke_test.sh dist/ImagingNet

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
