"""dbt's tests in the audit: run_results.json + manifest.json -> one audit row per data test (gate `dbt`)."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from flows.quality.dbt_tests import DBT_GATE, check_results, described, failing_rows, record_dbt_gate
from flows.settings import Settings

CROSS = "test.planwatch.cross_record_target_moves_less_than_tenfold_between_years"
NOT_NULL = "test.planwatch.not_null_fct_target_target_key.3f2a"
UNIQUE = "test.planwatch.unique_fct_target_target_key.9b1c"
SOFT = "test.planwatch.accepted_values_fct_target_kind.77aa"
SKIPPED = "test.planwatch.relationships_fct_target_indicator_key.1d2e"


def manifest() -> dict:
    cross_sql = ("-- Cross-record: the same indicator's target for one region moves less than tenfold between years\n"
                 "-- (catches 万/亿 slips). Severity: a WARNING for any pair.\n{{ config(severity='error') }}\nselect 1")
    return {"nodes": {
        CROSS: {"name": "cross_record_target_moves_less_than_tenfold_between_years", "description": "",
                "raw_code": cross_sql, "column_name": None, "attached_node": None,
                "depends_on": {"nodes": ["model.planwatch.fct_target"]},
                "config": {"severity": "error", "warn_if": ">0", "error_if": ">20"}},
        NOT_NULL: {"name": "not_null_fct_target_target_key", "description": "", "column_name": "target_key",
                   "attached_node": "model.planwatch.fct_target", "config": {"severity": "ERROR"}},
        UNIQUE: {"name": "unique_fct_target_target_key", "description": "", "column_name": "target_key",
                 "attached_node": "model.planwatch.fct_target", "config": {"severity": "ERROR"}},
        SOFT: {"name": "accepted_values_fct_target_kind", "description": "A kind the guide knows.",
               "column_name": "kind", "attached_node": "model.planwatch.fct_target", "config": {"severity": "warn"}},
        SKIPPED: {"name": "relationships_fct_target_indicator_key", "column_name": "indicator_key",
                  "attached_node": "model.planwatch.fct_target", "config": {"severity": "ERROR"}},
    }}


def run_results(cross_status: str = "warn", cross_failures: int = 2) -> dict:
    return {"results": [
        {"unique_id": "model.planwatch.fct_target", "status": "success", "message": "OK"},
        {"unique_id": "unit_test.planwatch.fct_target.test_range", "status": "pass", "message": None},
        {"unique_id": CROSS, "status": cross_status, "failures": cross_failures,
         "message": f"Got {cross_failures} results, configured to warn if >0",
         "compiled_code": "select * from main.fct_target where value_base > 1e6"},
        {"unique_id": NOT_NULL, "status": "pass", "failures": 0, "message": None},
        {"unique_id": UNIQUE, "status": "error", "failures": None, "message": "Runtime Error: Binder Error: no column"},
        {"unique_id": SOFT, "status": "warn", "failures": 1, "message": "Got 1 result"},
        {"unique_id": SKIPPED, "status": "skipped", "failures": None, "message": None},
    ]}


def by_name(checks):
    return {c.expectation: c for c in checks}


def test_each_dbt_data_test_becomes_one_result_with_its_outcome_and_declared_severity():
    checks = by_name(check_results(run_results(), manifest()))
    assert set(checks) == {"cross_record_target_moves_less_than_tenfold_between_years", "not_null_fct_target_target_key",
                           "unique_fct_target_target_key", "accepted_values_fct_target_kind",
                           "relationships_fct_target_indicator_key"}  # models and unit tests that passed: no row
    cross = checks["cross_record_target_moves_less_than_tenfold_between_years"]
    assert (cross.suite, cross.table_name, cross.severity, cross.outcome, cross.unexpected_count) == (
        "dbt_tests", "fct_target", "blocking", "warning", 2)
    assert "moves less than tenfold" in cross.sample and "error_if >20" in cross.sample
    assert (checks["not_null_fct_target_target_key"].outcome, checks["not_null_fct_target_target_key"].column_name) == (
        "passed", "target_key")
    soft = checks["accepted_values_fct_target_kind"]
    assert (soft.severity, soft.outcome, soft.sample) == ("warning", "warning", "A kind the guide knows.")


def test_a_dbt_test_that_errored_or_was_skipped_is_broken_not_passed():
    checks = by_name(check_results(run_results(), manifest()))
    errored, skipped = checks["unique_fct_target_target_key"], checks["relationships_fct_target_indicator_key"]
    assert errored.outcome == "broken" and "Binder Error" in errored.sample and errored.blocks
    assert skipped.outcome == "broken" and "skipped" in skipped.sample and skipped.blocks


def test_a_cross_record_check_above_its_threshold_fails_and_blocks():
    cross = by_name(check_results(run_results("fail", 25), manifest()))[
        "cross_record_target_moves_less_than_tenfold_between_years"]
    assert (cross.outcome, cross.unexpected_count, cross.blocks) == ("failed", 25, True)


def test_a_model_that_failed_to_build_is_recorded_so_the_gate_blocks_as_dbt_did():
    results = {"results": [{"unique_id": "model.planwatch.fct_target", "status": "error",
                            "message": "Catalog Error: Table raw.records does not exist"},
                           {"unique_id": "unit_test.planwatch.fct_target.test_range", "status": "fail", "message": "diff"}]}
    checks = by_name(check_results(results, manifest()))
    assert checks["model_builds"].outcome == "broken" and "raw.records" in checks["model_builds"].sample
    assert checks["unit_test_builds"].outcome == "failed" and checks["unit_test_builds"].suite == "dbt_build"


def test_a_singular_test_is_described_by_its_opening_comment_without_the_severity_note():
    assert described(manifest()["nodes"][CROSS]) == (
        "Cross-record: the same indicator's target for one region moves less than tenfold between years "
        "(catches 万/亿 slips).")


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    s = Settings(warehouse_dir=tmp_path / "warehouse", expectations_dir=tmp_path / "expectations")
    s.dbt_target_dir.mkdir(parents=True)
    with duckdb.connect(str(s.database_path)) as con:
        con.execute("create table fct_target as select * from (values ('t1', 5.0), ('t2', 5e7), ('t3', 6e7)) "
                    "as t(target_key, value_base)")
    return s


def write_artifacts(settings: Settings, results: dict) -> None:
    (settings.dbt_target_dir / "run_results.json").write_text(json.dumps(results), encoding="utf-8")
    (settings.dbt_target_dir / "manifest.json").write_text(json.dumps(manifest()), encoding="utf-8")


def test_failing_rows_are_sampled_from_the_compiled_sql_and_a_bad_query_says_so(settings):
    with duckdb.connect(str(settings.database_path)) as con:
        sample = failing_rows(con, "select * from main.fct_target where value_base > 1e6 order by target_key")
        assert sample == "target_key=t2, value_base=50000000.0; target_key=t3, value_base=60000000.0"
        assert failing_rows(con, "select * from no_such_table").startswith("(failing rows not fetched")


def test_the_dbt_gate_is_recorded_in_the_audit_and_shown_by_planwatch_quality(settings, capsys):
    write_artifacts(settings, run_results())
    gate = record_dbt_gate(settings, "run-1", datetime(2026, 12, 5, 22, 0))
    assert gate is not None and not gate.success  # the errored and the skipped test are broken
    with duckdb.connect(str(settings.database_path), read_only=True) as con:
        runs = con.execute("select gate, success, passed, failed, warning, broken from audit.validation_runs").fetchall()
        cross = con.execute("select outcome, unexpected_count, sample from audit.validation_results "
                            "where gate = 'dbt' and expectation like 'cross_record%'").fetchone()
    assert runs == [(DBT_GATE, False, 1, 0, 2, 2)]
    assert cross[:2] == ("warning", 2) and cross[2].startswith("target_key=t2, value_base=50000000.0")

    from flows.cli import main

    assert main(["quality", "--warehouse", str(settings.warehouse_dir)]) == 2
    shown = capsys.readouterr().out
    assert "dbt_tests" in shown and "[broken] dbt: fct_target unique_fct_target_target_key(target_key)" in shown


def test_no_run_results_records_no_gate(settings):
    assert record_dbt_gate(settings, "run-1", datetime(2026, 12, 5)) is None
    with duckdb.connect(str(settings.database_path), read_only=True) as con:
        assert con.execute("select count(*) from information_schema.tables where table_schema = 'audit'").fetchone() == (0,)
