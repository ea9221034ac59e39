# The whole interface: `make run` (set up + run the pipeline on the bundled example), `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DUCKDB1 := $(VENV)/duckdb1
# Offline machines: no telemetry from Prefect, dbt or GX, whatever the entry point.
export DO_NOT_TRACK := 1
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export GX_ANALYTICS_ENABLED := false
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: venv run test bench extract score clean browser demo train docs bi bi-stop bi-venv serve

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# A DuckDB 1.x client, installed apart from the project, to prove BI drivers can open the snapshot.
$(DUCKDB1)/.installed: | $(STAMP)
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --target $(DUCKDB1) 'duckdb==1.1.3'
	touch $@

run: venv
	$(BIN)/planwatch run

# dbt documentation of every mart, semantic view and column as one HTML file that opens from disk with
# no network (dbt docs generate --static); reads the build database, so after `make run`.
WAREHOUSE_DIR = $(abspath $(or $(PLANWATCH_WAREHOUSE),warehouse))
docs: venv
	@test -f $(WAREHOUSE_DIR)/planwatch.duckdb || { echo "docs: no build database in $(WAREHOUSE_DIR); run make run first" >&2; exit 1; }
	cd dbt && PLANWATCH_DUCKDB_PATH=$(WAREHOUSE_DIR)/planwatch.duckdb ../$(BIN)/dbt docs generate --static --quiet \
		--project-dir . --profiles-dir . --target-path $(WAREHOUSE_DIR)/tmp/dbt_docs --log-path $(WAREHOUSE_DIR)/tmp/dbt_logs
	mkdir -p $(WAREHOUSE_DIR)/docs
	cp $(WAREHOUSE_DIR)/tmp/dbt_docs/static_index.html $(WAREHOUSE_DIR)/docs/index.html
	@echo "dbt docs: $(WAREHOUSE_DIR)/docs/index.html (one file, opens from disk with no network)"

# Superset in its own venv (it needs SQLAlchemy 1.4; the pipeline's venv has 2.x), installed on first use.
SUPERSET_VENV := infra/superset/.venv
SUPERSET_STAMP := $(SUPERSET_VENV)/.installed
$(SUPERSET_STAMP): infra/superset/requirements.txt infra/superset/constraints.txt
	$(PYTHON) -m venv $(SUPERSET_VENV)
	$(SUPERSET_VENV)/bin/pip install -q --disable-pip-version-check -c infra/superset/constraints.txt -r infra/superset/requirements.txt
	touch $@

bi-venv: $(SUPERSET_STAMP)

# Superset on 127.0.0.1:$${PLANWATCH_BI_PORT:-8088} with the bundled dashboard over the published snapshot (read-only).
bi: $(SUPERSET_STAMP)
	bash infra/superset/bi.sh start

bi-stop:
	bash infra/superset/bi.sh stop

# A local Prefect server on 127.0.0.1 (PREFECT_PORT, default 4200) plus `planwatch serve`; prints the UI address.
serve: venv
	BIN=$(BIN) bash infra/serve_local.sh

# Headless Chromium and CJK fonts (Debian packages) for the browser tests; a no-op when present.
browser:
	bash infra/ensure_browser.sh

# Two pytest workers, one test module each at a time (module fixtures hold one pipeline run): most of a
# flow test's time is spent waiting on subprocesses (Prefect's server, dbt, Superset, Chromium), so two
# workers keep both cores busy. PYTEST_WORKERS=0 runs everything in this process.
PYTEST_WORKERS ?= 2
test: venv $(DUCKDB1)/.installed browser $(SUPERSET_STAMP)
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) --dist loadfile

# Speed and memory figures live here, not in timed unit tests. LEVEL=small (bundled example + extraction
# throughput), medium (1,000 reports + 1M feed rows) or large (10,000 + 10M); results in tests/bench/results/.
LEVEL ?= small
bench: venv
	$(BIN)/python benchmarks/bench_scale.py --level $(LEVEL)

# Every report of the shared corpus plus the sample feeds in warehouse/demo/, then the traced outcomes.
demo: venv
	$(BIN)/python scripts/demo.py

extract: venv
	$(BIN)/planwatch extract ../shared/corpus/reports/*.txt > out.jsonl
	@echo "wrote out.jsonl"

score: extract
	$(PYTHON) ../shared/score.py ../shared/corpus/gold ../shared/corpus/reports out.jsonl

# Rebuilds flows/extract/learned/project_scorer.json from the committed annotations (deterministic).
train: venv
	$(BIN)/python scripts/train_project_scorer.py

clean:
	rm -rf warehouse/planwatch.duckdb warehouse/planwatch.duckdb.wal warehouse/.planwatch.lock warehouse/published warehouse/tmp warehouse/gx_project warehouse/data_docs expectations/gx
