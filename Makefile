# Two commands: `make run` (set up and serve the portal) and `make test` (set up and run every check).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

# Packages the tests need from Debian: a browser for Playwright, gettext for the catalogues, Symbola for the symbols and
# emoji a protocol may hold (DejaVu has none of them; the signed PDF would print boxes), Tesseract with Swedish
# for the OCR of scanned minutes (optional at run time: without it a scan is refused with a message), Node.js for the
# real OpenID Connect provider the e-legitimation tests start (tests/oidc; npm too, where Node.js came without it).
TEST_DEBIAN_PACKAGES := chromium gettext tesseract-ocr tesseract-ocr-swe fonts-symbola nodejs
# Extra pytest options, e.g. `make test PYTEST_ARGS="-x tests/federations"`.
PYTEST_ARGS ?=

.PHONY: run test venv dev-venv system-check demo bench loadtest lint messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

venv: $(VENV)/.runtime
dev-venv: $(VENV)/.dev

system-check: venv
	@$(PY) -m finsam.system

run: export DEBUG ?= 1
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: venv system-check
	$(PY) manage.py migrate --no-input
	$(PY) manage.py compilemessages --ignore=.venv -v 0 2>/dev/null || true
	$(PY) manage.py load_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

demo: export DEBUG ?= 1
demo: venv
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo

test: export FINSAM_TESTING := 1
test: dev-venv
	@bash .ci/debian-packages $(TEST_DEBIAN_PACKAGES)
	@command -v npm >/dev/null || bash .ci/debian-packages npm
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error
	@$(PY) -m finsam.system
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/mypy
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

bench: export DEBUG ?= 1
bench: dev-venv
	$(PY) manage.py migrate --no-input
	$(PY) manage.py bench_all

# The portal under a day's load, as in production: its own database (h_load) on the PostgreSQL of 127.0.0.1, Redis
# db 4, gunicorn with 3 workers, a Celery worker; users in steps of 10 to 160. About 6 minutes. Options, e.g.
# `make loadtest LOADTEST_ARGS="--steps 10,40 --step-seconds 20"` (`.venv/bin/python -m loadtest --help`).
LOADTEST_ARGS ?=
loadtest: dev-venv
	$(PY) -m loadtest $(LOADTEST_ARGS)

messages: dev-venv
	DEBUG=1 $(PY) manage.py makemessages -l en --ignore=.venv --ignore=tests/oidc/node_modules --no-obsolete
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .mypy_cache
