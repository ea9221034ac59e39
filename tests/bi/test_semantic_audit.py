"""semantic.data_quality_over_time reads the audit tables when the build database has them (the quality
gates' validation results, the run log), and builds without them (tested by every pipeline run)."""
from __future__ import annotations

import shutil

import duckdb

from flows.settings import Settings
from flows.transform.dbt_build import dbt_build


def test_data_quality_view_counts_validation_outcomes_and_runs_from_audit_tables(bi_warehouse, tmp_path):
    warehouse = tmp_path / "warehouse"
    warehouse.mkdir()
    shutil.copy(bi_warehouse["warehouse"] / "planwatch.duckdb", warehouse / "planwatch.duckdb")
    with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
        # Columns as issue 8 (validation) and the run log declare them; extra columns are ignored.
        con.execute("create schema if not exists audit")
        con.execute("create or replace table audit.pipeline_runs (run_id varchar, trigger varchar, started_at timestamp, outcome varchar)")
        con.execute("insert into audit.pipeline_runs values ('r1', 'cli', '2026-12-01 10:00', 'published'), "
                    "('r2', 'cli', '2026-12-02 10:00', 'blocked')")
        con.execute("create or replace table audit.validation_runs (run_id varchar, gate varchar, started_at timestamp, success boolean)")
        con.execute("insert into audit.validation_runs values ('r1', 'ingest', '2026-12-01 10:01', true), "
                    "('r1', 'publication', '2026-12-01 10:02', false)")
        con.execute("create or replace table audit.validation_results (run_id varchar, gate varchar, suite varchar, "
                    "expectation varchar, severity varchar, outcome varchar)")
        con.execute("insert into audit.validation_results values ('r1', 'ingest', 's', 'e1', 'blocking', 'passed'), "
                    "('r1', 'ingest', 's', 'e2', 'warning', 'warning'), ('r1', 'publication', 's', 'e3', 'blocking', 'failed')")
    built = dbt_build(Settings(warehouse_dir=warehouse), select="data_quality_over_time")
    assert built.success, built.failures
    # Default configuration: dbt ran in this process and keeps its connection to the file open.
    with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
        rows = con.execute("select run_id, source, check_group, outcome, n from semantic.data_quality_over_time "
                           "where source <> 'quarantine' order by all").fetchall()
    assert rows == [
        ("r1", "pipeline_run", "pipeline", "published", 1),
        ("r1", "validation", "ingest", "passed", 1),
        ("r1", "validation", "ingest", "warning", 1),
        ("r1", "validation", "publication", "failed", 1),
        ("r2", "pipeline_run", "pipeline", "blocked", 1),
    ]
