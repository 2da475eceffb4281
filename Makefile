# Two commands do all the set-up on a fresh machine (see README.md):
#   make demo   - create .venv, install kg, build the example articles into exports/
#   make test   - the same set-up plus the test dependencies, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATE   := 2025-03-07

.PHONY: demo test bench-quality bench-speed clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,bench,dask]"
	touch $(BIN)/kg

demo: $(BIN)/kg
	$(BIN)/kg build examples/ --out exports --date $(DATE) --format ttl,nt,jsonld,trig,html,graphml,gexf,csv

test: $(BIN)/kg
	scripts/ensure-chromium
	$(BIN)/python -m pytest

# The founding set (../shared/gold) and the dev set (../shared/gold/dev) side by side, each article
# built alone as ../shared/gold/evaluate.py does; then the project's own set.
bench-quality: $(BIN)/kg
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/quality.py --gold benchmarks/gold --texts benchmarks/gold/texts

bench-speed: $(BIN)/kg
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) build *.egg-info
