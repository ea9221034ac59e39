"""`audit.validation_runs` and `audit.validation_results`: every gate's answer, kept across runs.

They live in the build database (never dropped, one row per gate and run, one row per expectation
per gate and run) and are copied into the published snapshot so BI can chart quality over time.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import duckdb

from flows.quality.outcomes import OUTCOMES, CheckResult
from flows.warehouse.comments import comment_table

AUDIT_DDL = """
create schema if not exists audit;

create table if not exists audit.validation_runs (
    run_id   varchar not null,       -- the pipeline run id, also GX's run name
    gate     varchar not null,       -- ingest | dbt | publication
    started  timestamp not null,
    success  boolean not null,       -- false: the gate blocked publication
    passed   integer not null,
    failed   integer not null,       -- blocking expectations that failed on the data
    warning  integer not null,       -- warning expectations that failed (never block)
    broken   integer not null        -- expectations that raised, returned nothing or saw no rows
);

create table if not exists audit.validation_results (
    run_id           varchar not null,
    gate             varchar not null,
    suite            varchar not null,
    table_name       varchar not null,
    expectation      varchar not null,
    column_name      varchar,
    severity         varchar not null,  -- blocking | warning
    outcome          varchar not null,  -- passed | failed | warning | broken
    unexpected_count bigint,
    sample           varchar            -- failing values, or why the validation is broken
);
"""


VALIDATION_RUNS_DOC = ("One run of one quality gate (ingest before dbt, dbt's own tests, publication after dbt). "
                       "Grain: one gate in one pipeline run.", {
    "run_id": "The pipeline run id (also the Great Expectations run name).",
    "gate": "ingest (raw tables, before dbt), dbt (dbt's data tests, incl. cross-record checks) or publication (marts, after dbt).",
    "started": "When the gate started (UTC timestamp).",
    "success": "False when the gate blocked publication.",
    "passed": "Expectations that passed (count).",
    "failed": "Blocking expectations that failed on the data (count).",
    "warning": "Warning expectations that failed; they never block (count).",
    "broken": "Expectations that raised, returned nothing or ran on no rows where rows were expected (count); they block.",
})
VALIDATION_RESULTS_DOC = ("The outcome of each expectation in each gate run, kept across runs so data quality can be "
                          "charted over time. Grain: one expectation in one gate of one run.", {
    "run_id": "The pipeline run id.",
    "gate": "ingest, dbt or publication.",
    "suite": "Expectation suite name (one per table); dbt_tests for dbt's data tests, dbt_build for a dbt node that failed to build.",
    "table_name": "The raw table or mart the expectation checked (for a cross-record dbt test, every model it reads, comma-separated).",
    "expectation": "Great Expectations expectation type (e.g. expect_column_values_to_not_be_null), or the dbt test's name.",
    "column_name": "The column checked; null for table-level expectations.",
    "severity": "blocking (a failure stops publication) or warning (recorded and shown only).",
    "outcome": "passed, failed, warning or broken.",
    "unexpected_count": "Rows that failed the expectation (count); null when not row-based.",
    "sample": "A sample of failing values, or why the validation is broken.",
})


@dataclass(frozen=True)
class GateRun:
    run_id: str
    gate: str
    started: datetime
    results: list[CheckResult]

    @property
    def counts(self) -> dict[str, int]:
        seen = Counter(r.outcome for r in self.results)
        return {outcome: seen.get(outcome, 0) for outcome in OUTCOMES}

    @property
    def success(self) -> bool:
        return not any(r.blocks for r in self.results)


def ensure_audit_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(AUDIT_DDL)
    comment_table(con, "audit.validation_runs", *VALIDATION_RUNS_DOC)
    comment_table(con, "audit.validation_results", *VALIDATION_RESULTS_DOC)


def record_gate_run(con: duckdb.DuckDBPyConnection, run: GateRun) -> None:
    """Replace this run's rows for this gate (a retried task records once) in one transaction."""
    ensure_audit_schema(con)
    counts = run.counts
    con.execute("begin")
    try:
        con.execute("delete from audit.validation_runs where run_id = ? and gate = ?", [run.run_id, run.gate])
        con.execute("delete from audit.validation_results where run_id = ? and gate = ?", [run.run_id, run.gate])
        con.execute("insert into audit.validation_runs values (?, ?, ?, ?, ?, ?, ?, ?)",
                    [run.run_id, run.gate, run.started, run.success, counts["passed"], counts["failed"],
                     counts["warning"], counts["broken"]])
        if run.results:
            con.executemany(
                "insert into audit.validation_results values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[run.run_id, run.gate, r.suite, r.table_name, r.expectation, r.column_name or None, r.severity,
                  r.outcome, r.unexpected_count, r.sample or None] for r in run.results])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
