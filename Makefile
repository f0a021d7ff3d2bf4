# Run `make` for the whole pipeline, `make test` for the checks, `make help` for the rest.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIPELINE := $(BIN)/pipeline
INSTALLED := $(VENV)/.installed
# Every package at a tested version, with its hashes; `make lock` writes it from pyproject.toml.
LOCK := requirements-lock.txt
LOCK_TOOLS := build/lock-tools
# The claim model's training environment (`make model`): PyTorch, kept out of .venv and CI.
TRAIN_LOCK := requirements-train-lock.txt
TRAIN_VENV := build/train-env
CLAIM_MODEL := pipeline/resources/claim_model

RAW := data/raw
INTERIM := data/interim
PROCESSED := data/processed
GOLD := data/gold
RES := pipeline/resources
# Worker processes for annotate and extract (0 = one per core): `make JOBS=2`.
JOBS ?= 1
# What runs annotate, extract and tables: local (processes here) or dask (`make ENGINE=dask`:
# a local Dask cluster of JOBS workers per stage, or the scheduler in DASK_SCHEDULER_ADDRESS).
ENGINE ?= local
# The learned claim model beside the rules: `make MODEL=1` (off by default: the rules alone).
MODEL ?= 0
MODEL_FLAG := $(if $(filter 1,$(MODEL)),--claim-model,--no-claim-model)

RAW_FILES := $(shell find $(RAW) -type f ! -name '.*' 2>/dev/null)
# The code a stage's chunk keys hash (pipeline.chunks.code_files): the top-level modules,
# knowledge/ and the stage's own package with its subpackages. A test keeps the two the same.
code_of = $(sort $(wildcard pipeline/*.py pipeline/knowledge/*.py) $(shell find pipeline/$(1) -name '*.py'))

.DEFAULT_GOAL := all
.PHONY: all help install lock model test lint format evaluate evaluate-dev bi figures dictionary bench clean distclean

## Run the whole pipeline: data/raw -> data/processed (re-runs only what changed)
all: $(PROCESSED)/claims.duckdb

## Create .venv afresh with the locked packages (requirements-lock.txt, the trained `model` extra included), then the project
install: $(INSTALLED)

# --clear: nothing that the lock does not list stays; --no-deps: nothing unlocked comes in.
$(INSTALLED): pyproject.toml $(LOCK)
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $@

## Rewrite requirements-lock.txt after a change to pyproject.toml (UPGRADE=1: newest allowed)
lock:
	$(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/pip install --quiet pip==26.3 pip-tools==7.6.2
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--extra dev --extra notebooks --extra model --extra claim-model --extra dask --extra storage \
		--build-deps-for editable --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) \
		--output-file $(LOCK) pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--extra train --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) \
		--output-file $(TRAIN_LOCK) pyproject.toml

$(INTERIM)/documents.jsonl: $(INSTALLED) $(RAW_FILES) $(RES)/settings.toml $(RES)/boilerplate.toml $(call code_of,normalise)
	$(PIPELINE) normalise --input $(RAW) --work $(INTERIM) --jobs $(JOBS)

$(INTERIM)/annotated/index.json: $(INTERIM)/documents.jsonl $(RES)/actors.toml $(RES)/cues.toml $(call code_of,annotate)
	$(PIPELINE) annotate --work $(INTERIM) --jobs $(JOBS) --engine $(ENGINE)

$(INTERIM)/claims/index.json: $(INTERIM)/annotated/index.json $(RES)/actors.toml $(RES)/cues.toml $(RES)/topics.toml $(call code_of,extract) $(if $(filter 1,$(MODEL)),$(wildcard $(CLAIM_MODEL)/*)) $(INTERIM)/.model-$(MODEL)
	$(PIPELINE) extract --work $(INTERIM) --jobs $(JOBS) --engine $(ENGINE) $(MODEL_FLAG)

$(PROCESSED)/claims.parquet: $(INTERIM)/claims/index.json $(RES)/actors.toml $(RES)/topics.toml $(call code_of,tables)
	$(PIPELINE) tables --work $(INTERIM) --output $(PROCESSED) --jobs $(JOBS) --engine $(ENGINE)

$(PROCESSED)/claims.duckdb: $(PROCESSED)/claims.parquet
	$(PIPELINE) bi --output $(PROCESSED)

# Switching MODEL re-extracts: the claims depend on it.
$(INTERIM)/.model-$(MODEL):
	mkdir -p $(INTERIM) && rm -f $(INTERIM)/.model-* && touch $@

## Retrain the claim model from the repository's labelled data (its own PyTorch environment, ~2 GB)
model: $(INSTALLED) $(TRAIN_VENV)/.installed
	$(PIPELINE) training-pairs --output build/model/pairs.jsonl
	$(TRAIN_VENV)/bin/python training/train.py --pairs build/model/pairs.jsonl --output $(CLAIM_MODEL) --work build/model

$(TRAIN_VENV)/.installed: $(TRAIN_LOCK)
	$(PYTHON) -m venv --clear $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install --quiet --require-hashes --no-deps -r $(TRAIN_LOCK)
	touch $@

## Score data/processed against the seed gold (precision, recall, F1)
evaluate: $(PROCESSED)/claims.parquet
	$(PIPELINE) evaluate --gold $(GOLD) --output $(PROCESSED)

## Score the dev articles (written for testing, not used to write the rules) against their gold
evaluate-dev: $(INSTALLED)
	$(PIPELINE) --quiet run --input data/dev/raw --output build/dev
	$(PIPELINE) evaluate --gold data/dev/gold --output build/dev

## Write data/processed/claims.duckdb (views over the tables, for BI tools)
bi: $(PROCESSED)/claims.duckdb

## Save the exploration charts as PNG under reports/figures
figures: $(PROCESSED)/claims.parquet
	$(PIPELINE) figures --output $(PROCESSED) --figures reports/figures

## Run the checks of `lint`, then the test suite
test: lint
	$(BIN)/pytest

## Lint only: ruff's rules and format, mypy's types
lint: $(INSTALLED)
	$(BIN)/ruff check pipeline tests benchmarks training
	$(BIN)/ruff format --check pipeline tests benchmarks training
	$(BIN)/mypy pipeline training/selection.py

.PHONY: test-fast
## Lint and the fast unit tests, without the integration tests (whole runs, CLI, notebooks)
test-fast: $(INSTALLED)
	$(BIN)/ruff check pipeline tests benchmarks training
	$(BIN)/pytest -m "not integration"

## Reformat the code
format: $(INSTALLED)
	$(BIN)/ruff format pipeline tests benchmarks training
	$(BIN)/ruff check --fix pipeline tests benchmarks training

## Write docs/tables.md and docs/rules.md, generated from the table schemas and the rule registry
dictionary: $(INSTALLED)
	$(PIPELINE) dictionary --output docs/tables.md
	$(BIN)/python -m pipeline.extract.rules_doc

## Benchmark on a synthetic corpus (20 000 articles): words/s, 2 processes, memory, reruns
bench: $(INSTALLED)
	$(BIN)/python benchmarks/run.py

.PHONY: bench-model
## Benchmark the claim model: rules alone, rules and model, en_core_web_sm alone, one corpus
bench-model: $(INSTALLED)
	$(BIN)/python benchmarks/claim_model.py

.PHONY: bench-dask
## Benchmark the engines on one synthetic corpus: local 1 and 2 processes, Dask 1 and 2 workers
bench-dask: $(INSTALLED)
	$(BIN)/python benchmarks/engines.py

## Remove the stage outputs (data/interim, data/processed)
clean:
	find $(INTERIM) $(PROCESSED) -mindepth 1 ! -name .gitkeep -exec rm -rf {} +

## Also remove the virtual environments (.venv and make lock's tools)
distclean: clean
	rm -rf $(VENV) $(LOCK_TOOLS)

## List the targets
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-zA-Z_-]+:/{if(doc){split($$0,t,":"); printf "  %-12s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)
