# Roundtable. `make` alone lists the commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# CI runs the suite a second time on this PostgreSQL (pytest-django creates a fresh test database)
# with this Redis for the cache, sessions, rate limits and the RQ task queue (the queue uses the
# next database number; the tests empty both).
CI_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/roundtable
CI_REDIS_URL ?= redis://127.0.0.1:6379/0

.DEFAULT_GOAL := help
.PHONY: help run test lint format messages demo bench migrate clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

migrate: $(VENV)/.installed ## Apply database migrations (also creates the database cache's table when used)
	$(MANAGE) migrate --no-input

demo: migrate ## Load the fictional demo content (idempotent)
	$(MANAGE) compile_translations
	$(MANAGE) demo

run: demo ## Install, migrate, load the demo and serve http://127.0.0.1:8000 with the task worker
	@echo "Serving http://127.0.0.1:8000 (Ctrl-C stops the web server and the task worker)"
	@trap 'kill 0' INT TERM EXIT; \
	$(MANAGE) run_worker & \
	$(MANAGE) runserver 127.0.0.1:8000; \
	wait

# The pinned test tools of package-lock.json (the HTML checker, axe-core), reinstalled when the
# lock file is newer. Without npm the tests that need them are listed as NOT CHECKED at the end.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund && touch $@; \
	else \
		echo "npm is missing: the HTML checker and axe-core are not installed"; \
	fi

test: $(VENV)/.installed-dev node_modules/.package-lock.json ## Install and run the whole suite (twice, SQLite then PostgreSQL, under CI=true)
	$(MANAGE) compile_translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest
ifeq ($(CI),true)
	@# The whole-site HTML checker and axe render the same pages on either database: once is enough.
	DATABASE_URL=$(CI_DATABASE_URL) REDIS_URL=$(CI_REDIS_URL) $(BIN)/pytest --create-db -m "not htmlcheck and not axe"
endif

lint: $(VENV)/.installed-dev ## Check style and lint with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.installed ## Extract translatable strings into locale/*/LC_MESSAGES/django.po
	$(MANAGE) makemessages --no-location --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' \
		-l sq -l hr -l sr_Latn -l cnr -l bs -l mk -l ro -l bg -l hu
	$(MANAGE) compile_translations

bench: $(VENV)/.installed-dev ## Measure page speed with realistic data
	$(MANAGE) bench

clean: ## Remove the virtualenv, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media private_media staticfiles
