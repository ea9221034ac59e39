"""dbt's tests as a gate of their own in the audit: one `audit.validation_results` row per dbt data test.

`dbt build` runs the key tests and the cross-record checks (dbt/tests/cross_record_*.sql) between the
ingest and the publication gate; a blocking failure stops the run there, before GX ever looks. So the
answer dbt gave is recorded as gate `dbt`, suite `dbt_tests`, from dbt's own `run_results.json`
(status, failing-row count) and `manifest.json` (declared severity, the model and column tested).

Outcomes follow the GX gates' (flows/quality/outcomes.py): pass -> passed, warn -> warning, fail ->
failed, and a test that errored or was skipped (it never looked) -> broken. A node other than a data
test (a model, a seed, a unit test) that failed is recorded too, under suite `dbt_build`, so the
gate's success says what dbt's exit code said; nodes that built are not listed one by one.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from flows.quality.audit import GateRun, record_gate_run
from flows.quality.outcomes import SAMPLE_CHARS, CheckResult, Outcome
from flows.quality.severity import BLOCKING, WARNING, Severity
from flows.settings import Settings
from flows.warehouse.connection import connect_warehouse

DBT_GATE = "dbt"
DBT_TEST_SUITE = "dbt_tests"
DBT_BUILD_SUITE = "dbt_build"
SAMPLE_ROWS = 3  # failing rows shown per test: enough to recognise, cheap to fetch

_TEST_OUTCOMES: dict[str, Outcome] = {"pass": "passed", "warn": "warning", "fail": "failed"}
_NODE_FAILED = ("error", "fail", "runtime error")


def read_json(path: Path) -> dict:
    """A dbt artifact, or {} when dbt did not write it (it could not start): the caller records nothing."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def declared_severity(node: Mapping[str, Any]) -> Severity:
    """dbt's `severity: warn` never blocks; `error` (dbt's default) blocks, above `error_if` when one is set."""
    return WARNING if str((node.get("config") or {}).get("severity", "error")).lower() == "warn" else BLOCKING


def tested_table(node: Mapping[str, Any]) -> str:
    """The model a generic test is attached to, or every model or source a singular (cross-record) test reads."""
    attached = node.get("attached_node")
    parents = [attached] if attached else list((node.get("depends_on") or {}).get("nodes") or [])
    return ", ".join(sorted({p.split(".")[-1] for p in parents})) or "?"  # model.planwatch.fct_target


def described(node: Mapping[str, Any]) -> str:
    """The test's description, or for a singular test its SQL's opening comment up to its severity note."""
    if node.get("description"):
        return str(node["description"]).strip()
    comment = []
    for line in str(node.get("raw_code") or "").splitlines():
        if not line.startswith("--"):
            break
        comment.append(line.lstrip("- ").strip())
    return " ".join(comment).split(" Severity:")[0].strip()


def thresholds(node: Mapping[str, Any]) -> str:
    """`warn_if >0, error_if >20`: why a test with failing rows warned rather than blocked."""
    config = node.get("config") or {}
    warn_if, error_if = config.get("warn_if", "!= 0"), config.get("error_if", "!= 0")
    if (warn_if, error_if) == ("!= 0", "!= 0"):
        return ""
    return f"warn_if {warn_if}, error_if {error_if}"


def dbt_test_name(unique_id: str) -> str:
    """`test.planwatch.not_null_fct_target_target_key.3f2a…` -> `not_null_fct_target_target_key`."""
    parts = unique_id.split(".")
    return parts[2] if len(parts) > 2 else unique_id


def outcome_of(status: str) -> Outcome:
    """An errored or skipped test did not look: broken, as for a GX expectation that raised."""
    return _TEST_OUTCOMES.get(status, "broken")


def check_results(run_results: Mapping[str, Any], manifest: Mapping[str, Any],
                  samples: Mapping[str, str] | None = None) -> list[CheckResult]:
    """One CheckResult per data test dbt ran, plus one per other node that failed; `samples` by unique_id."""
    nodes = manifest.get("nodes") or {}
    samples = samples or {}
    checks = []
    for result in run_results.get("results") or []:
        unique_id, status = str(result.get("unique_id", "")), str(result.get("status", ""))
        node = nodes.get(unique_id) or {}
        message = (result.get("message") or "").strip()
        if unique_id.startswith("test."):
            outcome = outcome_of(status)
            sample = ""
            if outcome == "broken":
                sample = message or ("skipped: a node it depends on failed" if status == "skipped" else status)
            elif outcome != "passed":
                why = "; ".join(part for part in (described(node), thresholds(node)) if part)
                sample = " — ".join(part for part in (samples.get(unique_id, ""), why) if part)
            failures = result.get("failures")
            checks.append(CheckResult(
                suite=DBT_TEST_SUITE, table_name=tested_table(node),
                expectation=str(node.get("name") or dbt_test_name(unique_id)),
                column_name=str(node.get("column_name") or ""), severity=declared_severity(node),
                outcome=outcome, unexpected_count=int(failures) if failures is not None else None,
                sample=sample[:SAMPLE_CHARS]))
        elif status in _NODE_FAILED:
            kind = unique_id.split(".")[0] or "node"
            checks.append(CheckResult(
                suite=DBT_BUILD_SUITE, table_name=str(node.get("name") or unique_id.split(".")[-1]),
                expectation=f"{kind}_builds", column_name="", severity=BLOCKING,
                outcome="failed" if status == "fail" else "broken", sample=message[:SAMPLE_CHARS]))
    return checks


def failing_rows(con: duckdb.DuckDBPyConnection, compiled_sql: str, limit: int = SAMPLE_ROWS) -> str:
    """A few of the rows a failing test returned, rerun from its compiled SQL (only failing tests pay)."""
    try:
        cursor = con.execute(f"select * from ({compiled_sql}) as failing limit {limit}")
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    except duckdb.Error as exc:
        return f"(failing rows not fetched: {type(exc).__name__})"
    return "; ".join(", ".join(f"{c}={v}" for c, v in zip(columns, row)) for row in rows)


def failing_samples(con: duckdb.DuckDBPyConnection, run_results: Mapping[str, Any]) -> dict[str, str]:
    samples = {}
    for result in run_results.get("results") or []:
        code = result.get("compiled_code")
        if str(result.get("unique_id", "")).startswith("test.") and result.get("status") in ("fail", "warn") and code:
            samples[result["unique_id"]] = failing_rows(con, code)
    return samples


def record_dbt_gate(settings: Settings, run_id: str, started: datetime) -> GateRun | None:
    """Read the build's artifacts and record them as gate `dbt`; None when dbt left no results."""
    run_results = read_json(settings.dbt_target_dir / "run_results.json")
    if not run_results.get("results"):
        return None
    manifest = read_json(settings.dbt_target_dir / "manifest.json")
    with connect_warehouse(settings.database_path, settings) as con:
        gate = GateRun(run_id, DBT_GATE, started, check_results(run_results, manifest, failing_samples(con, run_results)))
        record_gate_run(con, gate)
    return gate
