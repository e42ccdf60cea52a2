# cfn-codegen: `make generate` sets up and writes generated/; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup generate demo golden test typecheck clean update-spec check-spec bench

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Writes generated/ (the package cfnpy, every resource type; not committed) and
# installs it, editable, into the virtual environment.
generate: setup
	$(PY) -m codegen generate
	test -f $(VENV)/.cfnpy-installed || \
		($(PY) -m pip install --quiet --no-deps -e generated && touch $(VENV)/.cfnpy-installed)

demo: generate
	$(PY) examples/cfn_event_invoke_config.py
	$(PY) examples/event_invoke_config.py

# Download the latest AWS specs into specs/ (report in specs/CHANGES.md), then regenerate.
# UPDATE_SPEC_ARGS passes options, e.g. UPDATE_SPEC_ARGS="--region eu-west-1".
update-spec: setup
	$(PY) -m codegen update-spec $(UPDATE_SPEC_ARGS)
	$(MAKE) generate

# Exit status 1 when AWS has published a newer spec (for a scheduled job); writes nothing.
check-spec: setup
	$(PY) -m codegen update-spec --check $(UPDATE_SPEC_ARGS)

# Benchmarks (bench/), side by side with troposphere and aws-cdk-lib when installed.
bench: generate
	$(PY) bench/run.py

golden: setup
	$(PY) tests/goldens.py

test: generate
	$(PY) -m pytest
	$(MAKE) typecheck

fuzz: generate ; CFN_AGREEMENT_PROFILE=fuzz $(PY) -m pytest tests/agreement
typecheck: setup
	$(PY) -m mypy --strict generated/cfnpy tests/typecheck
	$(PY) -m mypy --strict codegen

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache
