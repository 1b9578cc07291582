# newsgraph: two commands do all the set-up.
#   make run   — virtual environment, install, build the graph of examples/ on the embedded store
#   make test  — the same set-up plus test needs (Chromium, rapper, the Neo4j Cypher linter), all tests
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= newsgraph-out
INPUT  ?= examples/

.PHONY: run test setup test-setup bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

run: setup
	$(BIN)/newsgraph build $(INPUT) --out $(OUT)

test-setup: setup
	bash .ci/system-deps

test: test-setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(OUT) .pytest_cache
