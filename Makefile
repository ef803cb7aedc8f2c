# Koers — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
# What WeasyPrint (the PDF writer) loads at run time: Pango with its FreeType backend.
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0

.DEFAULT_GOAL := help
.PHONY: help install lock demo test lint check-migrations messages pdf-deps system-deps bench bench-hours bench-reports bench-backup bench-uploads bench-atlas bench-matching bench-signals bench-signals-scrub bench-signals-analysis bench-signals-classify bench-insight bench-insight-dashboard bench-portfolio bench-signin bench-api docs mutation mutation-scores clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

# Development and tests: the runtime lock's packages and the tools (requirements-dev.lock).
# A server installs requirements.lock alone (README, "Running in production").
$(STAMP): requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	# The de-identifier's lookup data, built once here rather than on the first signal.
	$(BIN)/koers prepare_scrubber
	touch $(STAMP)

install: $(STAMP) ## Create .venv with the locked dependencies and Koers itself

lock: install ## Compile requirements.lock (runtime) and requirements-dev.lock from pyproject.toml, keeping the pinned versions where they still fit
	$(BIN)/uv pip compile pyproject.toml --no-strip-extras --generate-hashes --python-version 3.11 -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --no-strip-extras --extra dev --generate-hashes --python-version 3.11 -o requirements-dev.lock

demo: install pdf-deps ## Build the CMO Flevoland demo in an embedded database and serve it on http://127.0.0.1:8000
	$(BIN)/koers demo

pdf-deps: ## Install Debian's Pango, which WeasyPrint (every PDF Koers makes) loads, when missing
	@/sbin/ldconfig -p | grep -q libpangoft2-1.0.so.0 || { \
	  echo "Installing Debian's pango (for the PDFs)"; \
	  SUDO=$$(test "$$(id -u)" -eq 0 || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(PDF_LIBS) >/dev/null; }

system-deps: pdf-deps ## Install Debian's Chromium (browser tests) and gettext (translations) when missing
	@test -x $(CHROMIUM) && command -v msgfmt >/dev/null || { \
	  echo "Installing Debian's chromium and gettext"; \
	  SUDO=$$(test "$$(id -u)" -eq 0 || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core gettext >/dev/null; }

lint: install ## ruff, ruff format, mypy, djLint and the import contracts (lint-imports)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/djlint --lint src/koers
	$(BIN)/lint-imports --no-cache --no-logo

check-migrations: install ## Fail when a model change has no migration
	$(BIN)/koers makemigrations --check --dry-run

messages: install ## Extract and compile the translations (English msgids, Dutch catalogue)
	cd src/koers && ../../$(BIN)/koers makemessages --locale nl --no-obsolete --add-location file
	cd src/koers && ../../$(BIN)/koers compilemessages --locale nl

test: install system-deps lint check-migrations ## Everything: lints, migration check and the whole test suite
	cd src/koers && ../../$(BIN)/koers compilemessages --locale nl >/dev/null
	$(BIN)/pytest -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS)

MUTATION_MODULES ?= koers.plans.progress koers.funding.pipeline koers.work.rules koers.funding.schedule
MUTATION_CHILDREN ?= 1

mutation: install ## Mutation testing of the rule modules, one at a time (docs/mutation-testing.md; not in CI)
	rm -rf mutants && mkdir mutants
	@for module in $(MUTATION_MODULES); do \
	  echo "mutmut: $$module (log in mutants/$$module.log)"; \
	  $(BIN)/mutmut run --max-children $(MUTATION_CHILDREN) "$$module.*" > mutants/$$module.log 2>&1 \
	    || { tail -40 mutants/$$module.log; exit 1; }; \
	done
	@$(MAKE) --no-print-directory mutation-scores

mutation-scores: ## The score per module of the last `make mutation`, and its surviving mutants
	@$(BIN)/mutmut results --all true 2>/dev/null | awk -F': ' '\
	  $$2 == "not checked" { next } \
	  { name = $$1; sub(/^ +/, "", name); module = name; sub(/\.x_.*/, "", module); \
	    total[module]++; if ($$2 == "killed" || $$2 == "timeout") killed[module]++; \
	    if ($$2 == "timeout") timeouts[module]++; \
	    if ($$2 != "killed") others[module] = others[module] "  " $$2 ": " name "\n" } \
	  END { for (m in total) { printf "%-24s %3d of %3d killed (%.0f%%; %d of them by timeout)\n%s", \
	    m, killed[m], total[m], 100 * killed[m] / total[m], timeouts[m], others[m] } }'

clean: ## Remove the virtual environment and the demo database
	rm -rf $(VENV) var/ mutants/

bench: install ## Time the progress pages at 1x, 100x and 1,000x the demo's realisations (bench/README.md)
	$(BIN)/python bench/run.py

bench-reports: install ## Time the 2021 progress and accountability reports in Word, PDF and Excel at 1x, 4x and 16x the demo's plan (bench/README.md)
	$(BIN)/python bench/reports.py

bench-hours: install ## Time the capacity page and week grid at 10 and 1,000,000 time entries (bench/README.md)
	$(BIN)/python bench/hours.py

bench-backup: install ## Time koers backup and restore with their peak memory on the installation the environment names (bench/README.md)
	$(BIN)/python bench/backup.py

bench-atlas: install ## Time the atlas map's data endpoint at 50 and 5,000 initiatives against its own SQL (bench/README.md)
	$(BIN)/python bench/atlas_map.py

bench-matching: install ## Time and weigh the matcher's solver against greedy on 10,000 candidates and 2,000 shifts (bench/README.md)
	$(BIN)/python bench/matching.py

bench-signals-scrub: install ## Time deduce's load (once per process) and scrubbing per 1,000 characters against the rules alone (bench/README.md)
	$(BIN)/python bench/signals_scrub.py

bench-signals-analysis: install ## Time the analysis of signals at 1,000 and 100,000 signals against its own SQL (bench/README.md)
	$(BIN)/python bench/signals_analysis.py

bench-signals-classify: install ## Time and weigh the signals' classifier: training on 2,000 and 20,000 signals, suggestions per text (bench/README.md)
	$(BIN)/python bench/signals_classify.py

bench-signals: bench-signals-scrub bench-signals-analysis bench-signals-classify ## All three benchmarks of signals (bench/README.md)

bench-insight: install ## Time and weigh importing a StatLine download of 100,000 rows against reading it (bench/README.md)
	$(BIN)/python bench/insight_import.py

bench-insight-dashboard: install ## Time the dashboards over 50 tables × 400 regions × 20 periods against their own SQL (bench/README.md)
	$(BIN)/python bench/insight_dashboard.py

bench-signin: install ## CPU per successful sign-in with PBKDF2, Django's Argon2 and Koers's Argon2id (bench/README.md)
	$(BIN)/python bench/signin.py

bench-portfolio: install ## Time the funder's portfolio at 2 and 20 partners against its own SQL, and the tenancy check (bench/README.md)
	$(BIN)/python bench/portfolio.py

bench-api: install ## Time the API's lists at 10 and 10,000 rows against their own SQL, and a repeat answered from its ETag (bench/README.md)
	$(BIN)/python bench/api.py

bench-uploads: install ## Time and weigh the refusal of zip bombs by the hours import against an honest file (bench/README.md)
	$(BIN)/python bench/upload_bomb.py

docs: install ## Render docs/permission-matrix.md and docs/api-permission-matrix.md from their tests
	DJANGO_SETTINGS_MODULE=koers.settings $(BIN)/python -c "import django; django.setup(); from tests.permission_matrix import render_markdown; open('docs/permission-matrix.md', 'w').write(render_markdown())"
	DJANGO_SETTINGS_MODULE=koers.settings $(BIN)/python -c "import django; django.setup(); from tests.api.matrix import render_markdown; open('docs/api-permission-matrix.md', 'w').write(render_markdown())"
