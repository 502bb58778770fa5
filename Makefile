# luoshi — the two commands are `make run` and `make test`. See README.md.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo city's 2025 plan is shown as of this day; `make run LUOSHI_TODAY=` uses the real date.
LUOSHI_TODAY ?= 2025-10-15
LUOSHI_TEST_POSTGRES ?= postgres://postgres@127.0.0.1:5432/postgres
VENDOR := luoshi/static/vendor

.PHONY: install install-dev run test lint format requirements messages

# --- installing -----------------------------------------------------------

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.base-installed: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.base-installed requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(VENDOR)/.copied: node_modules/.package-lock.json
	mkdir -p $(VENDOR)
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map $(VENDOR)/
	cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map $(VENDOR)/
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/
	cp node_modules/echarts/dist/echarts.min.js $(VENDOR)/
	touch $@

## install: Python and front-end dependencies; then .venv/bin/luoshi is the CLI
install: $(VENV)/.base-installed $(VENDOR)/.copied

install-dev: install $(VENV)/.dev-installed
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdffonts >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium, CJK fonts (browser tests, the bulletin's PDF) and poppler-utils (pdffonts)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null; \
	  else \
	    echo "chromium or pdffonts is missing and we are not root: browser and PDF font tests will be skipped"; \
	  fi; \
	fi

# --- the demo -------------------------------------------------------------

DEMO_ENV := DEBUG=true LUOSHI_TODAY=$(LUOSHI_TODAY)

## run: install, migrate, load the demo city and serve it on 127.0.0.1:$(PORT), with the
## background worker and the daily scheduler beside it (both stop with the server)
run: install
	$(DEMO_ENV) $(BIN)/luoshi migrate --no-input
	$(DEMO_ENV) $(BIN)/luoshi load_demo
	$(DEMO_ENV) $(BIN)/luoshi refresh_evaluations
	@trap 'trap - EXIT INT TERM; kill 0' EXIT INT TERM; \
	$(DEMO_ENV) $(BIN)/luoshi db_worker --interval 2 >var/worker.log 2>&1 & \
	$(DEMO_ENV) $(BIN)/luoshi scheduler >var/scheduler.log 2>&1 & \
	$(DEMO_ENV) $(BIN)/luoshi runserver 127.0.0.1:$(PORT)

# --- checks ---------------------------------------------------------------

## test: lint, types (mypy), Django checks, and the whole suite on SQLite and on PostgreSQL
test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy luoshi
	$(BIN)/lint-imports
	SECRET_KEY=test-only-not-secret $(BIN)/luoshi check --fail-level WARNING
	SECRET_KEY=test-only-not-secret $(BIN)/luoshi makemigrations --check --dry-run
	$(BIN)/python scripts/run_tests.py

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy luoshi
	$(BIN)/lint-imports

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## requirements: re-pin requirements/*.txt from requirements/*.in (no index addresses)
requirements: $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	cd requirements && ../$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --strip-extras base.in -o base.txt
	cd requirements && ../$(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-find-links --strip-extras dev.in -o dev.txt

## messages: refresh and compile the translation files
messages:
	cd luoshi && SECRET_KEY=messages-only ../$(BIN)/luoshi makemessages -l en -l zh_Hans --no-obsolete
	cd luoshi && SECRET_KEY=messages-only ../$(BIN)/luoshi compilemessages
