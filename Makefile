# cfn-codegen: `make generate` sets up and writes generated/; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup generate demo golden test typecheck clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

generate: setup
	$(PY) -m codegen generate

demo: generate
	$(PY) examples/cfn_event_invoke_config.py
	$(PY) examples/event_invoke_config.py

golden: setup
	$(PY) tests/goldens.py

test: setup
	$(PY) -m pytest
	$(MAKE) typecheck

typecheck: setup
	$(PY) -m mypy --strict generated/cfnpy tests/typecheck
	$(PY) -m mypy --strict codegen

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache
