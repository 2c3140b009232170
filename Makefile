# Kuulo's two commands: `make demo` and `make test`. Both set up everything
# they need on a fresh Debian machine (Python 3.11 and root or sudo for apt).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The suite runs in parallel (pytest-xdist). One worker more than cores keeps the CPUs busy
# while browser tests wait on Chromium and the live server.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))

.PHONY: demo test test-sqlite test-postgres lint checks messages bench system-packages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# gettext compiles the catalogues; Chromium runs the browser tests.
system-packages:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	dpkg -s libpangoft2-1.0-0 fonts-dejavu-core >/dev/null 2>&1 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

demo: $(VENV)/.runtime
	@(command -v msgfmt && dpkg -s libpangoft2-1.0-0 fonts-dejavu-core) >/dev/null 2>&1 || $(MAKE) system-packages
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0
	$(BIN)/python manage.py migrate -v0
	$(BIN)/python manage.py load_demo
	@echo "Serving Kuulo at http://127.0.0.1:8000/ (Ctrl+C stops it)"
	@# The task worker (comment analysis, long exports) runs beside the web server and stops with it.
	@# Debug pages are off, so the demo shows Kuulo's own error pages (KUULO_DEBUG=1 turns them on).
	@export KUULO_DEBUG=$${KUULO_DEBUG:-0}; \
	$(BIN)/python manage.py db_worker --interval 1 --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000 --noreload

test: system-packages $(VENV)/.dev
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0
	$(MAKE) checks
	$(MAKE) test-sqlite
	@if [ -n "$$DATABASE_URL" ] || $(BIN)/python scripts/postgres_reachable.py "$(PG_URL)"; then \
		$(MAKE) test-postgres; \
	else \
		echo "PostgreSQL not reachable: the suite ran on SQLite only."; \
	fi

test-sqlite:
	@echo "== Test suite on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest -n $(TEST_WORKERS)

test-postgres:
	@echo "== Test suite on PostgreSQL =="
	DATABASE_URL="$${DATABASE_URL:-$(PG_URL)}" $(BIN)/pytest -n $(TEST_WORKERS)

checks: lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python scripts/app_cycles.py
	scripts/check_catalogues.sh

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Refreshes the catalogues after strings change; English is filled from the source strings.
messages: $(VENV)/.dev
	$(BIN)/python manage.py makemessages -l fi -l sv -l en --no-obsolete --ignore=.venv --ignore=tests --ignore=bench --ignore=data
	msgen kuulo/locale/en/LC_MESSAGES/django.po -o kuulo/locale/en/LC_MESSAGES/django.po.new
	mv kuulo/locale/en/LC_MESSAGES/django.po.new kuulo/locale/en/LC_MESSAGES/django.po

# Each benchmark prints `name: value unit` lines. wrk generates the HTTP load.
BENCHMARKS := widget_endpoint ingest rollup_writes dashboards exports comment_analysis comment_pages report_pdf journeys ideas
bench: $(VENV)/.dev
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk)
	@for name in $(BENCHMARKS); do $(BIN)/python -m bench.$$name || exit 1; done

clean:
	rm -rf $(VENV) data
