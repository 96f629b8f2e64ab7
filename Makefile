# Everything goes through make; `make run` and `make test` set themselves up.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
BIN       := $(VENV)/bin
PY        := $(BIN)/python
export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

MODEL     := models/current.tar.gz
LOCALES   := $(wildcard locales/*/LC_MESSAGES/messages.po)
COMPILED  := $(LOCALES:.po=.mo)
MODEL_INPUTS := config.yml $(wildcard domain/*.yml) $(shell find data -name '*.yml' 2>/dev/null) \
                $(wildcard bot/nlu/*.py bot/nlu/segmenters/*.py)

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(BIN)/.installed: requirements.lock
	scripts/make_venv.sh $(VENV)
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed node_modules/.installed  ## virtual environment and the widget's npm packages, from the lock files

lock:  ## re-resolve pyproject.toml into requirements.lock (needs the network)
	$(BIN)/pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.10 \
	  --python-platform x86_64-manylinux_2_28 --generate-hashes --no-header -o requirements.lock

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(BIN)/.installed
	$(BIN)/pybabel compile -d locales -l $* -D messages

catalogs: $(COMPILED)  ## compile the gettext catalogs

extract: $(BIN)/.installed  ## pybabel extract + update every catalog
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete
	$(PY) -m bot.i18n.fill_source_catalog

$(MODEL): $(MODEL_INPUTS) $(BIN)/.installed
	scripts/train.sh $(MODEL)

train: $(MODEL)  ## train when the model is missing or older than its inputs

run: install catalogs train  ## the whole assistant on localhost (Ctrl-C stops it)
	$(PY) -m bot.devserver

test: install catalogs  ## every test: lint, unit, data validation, training, rasa test, integration
	scripts/test.sh

eval: install catalogs train  ## NLU accuracy, macro-F1 and language-ID per language, on held-out data
	$(PY) -m scripts.eval_nlu --model $(MODEL) --chart docs/eval-by-language.png

bench: install catalogs train  ## latency and throughput over REST with actions and NLG in the loop
	$(PY) -m scripts.bench --model $(MODEL)

lint: install
	$(BIN)/ruff check bot actions tests scripts

clean:
	rm -rf models results .rasa var

.PHONY: help install lock catalogs extract train run test eval bench lint clean
