"""Incremental dbt by document, on a small build database (three documents, no pipeline run).

One full build (with dbt's unit tests: this module is where CI runs them, production builds leave them
out), then one document is replaced, one removed and a reviewer corrects a record of the third; the
incremental build that follows must leave every table exactly as a full rebuild of the same raw data.
"""
from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from flows.corrections.load import load_corrections
from flows.feeds.raw_schema import ensure_feed_schema
from flows.runs.fingerprint import tree_digest
from flows.settings import Settings
from flows.transform.dbt_build import dbt_build, incremental_state_current
from flows.warehouse.raw_schema import ensure_raw_schema

KEPT, REPLACED, REMOVED = "lishui_2024_plan", "lishui_2025_plan", "quzhou_2025_plan"
RAW_DOCUMENT_TABLES = ("documents", "records", "sections", "unextracted_spans")


def _quantity(record_id: str, doc: str, no: int, record_type: str, indicator: str | None, value: float,
              year: int, **fields) -> dict:
    return {"record_id": record_id, "doc_id": doc, "record_no": no, "type": record_type, "text": f"{indicator}{value}",
            "char_start": 10 * no, "char_end": 10 * no + 8, "extractor_version": "test", "year": year,
            "indicator": indicator, "comparator": ">=", "value": value, "unit": "%", "value_base": value,
            "base_unit": "%", "kind": "growth", "section": "一、经济 / (一)增长", **fields}


def _project(record_id: str, doc: str, no: int, name: str, year: int) -> dict:
    return {"record_id": record_id, "doc_id": doc, "record_no": no, "type": "project", "text": f"建成{name}",
            "char_start": 10 * no, "char_end": 10 * no + 6, "extractor_version": "test", "year": year,
            "name": name, "stage": "construction"}


def _portfolio(record_id: str, doc: str, no: int, year: int) -> dict:
    return {"record_id": record_id, "doc_id": doc, "record_no": no, "type": "portfolio", "text": "实施交通项目5个",
            "char_start": 10 * no, "char_end": 10 * no + 8, "extractor_version": "test", "year": year,
            "category": "交通", "project_count": 5, "total_investment": 9.74e10}


DOCUMENTS = {
    KEPT: ("丽水市", 2024, [
        _quantity("t-kept-gdp", KEPT, 1, "target", "地区生产总值增长", 5.0, 2024),
        _quantity("t-kept-income", KEPT, 2, "target", "居民人均可支配收入增长", 6.0, 2024),
        _project("p-kept-airport", KEPT, 3, "丽水机场", 2024),
        _portfolio("f-kept-roads", KEPT, 4, 2024),
    ]),
    REPLACED: ("丽水市", 2025, [
        _quantity("a-replaced-gdp", REPLACED, 1, "achievement", "地区生产总值增长", 5.5, 2024, comparator="="),
        _quantity("t-replaced-gdp", REPLACED, 2, "target", "地区生产总值增长", 5.5, 2025),
        _quantity("t-replaced-unnamed", REPLACED, 3, "target", None, 3.0, 2025),  # set aside: no indicator
        _project("p-replaced-airport", REPLACED, 4, "丽水机场", 2025),
    ]),
    REMOVED: ("衢州市", 2025, [
        _quantity("t-removed-gdp", REMOVED, 1, "target", "地区生产总值增长", 6.0, 2025),
        _project("p-removed-port", REMOVED, 2, "衢州港", 2025),
    ]),
}

# The replaced document's second version: the result now misses the target, the project is gone, the
# record set aside is read with its indicator, and a new target appears.
REPLACEMENT = [
    _quantity("a-replaced-gdp", REPLACED, 1, "achievement", "地区生产总值增长", 4.0, 2024, comparator="="),
    _quantity("t-replaced-gdp", REPLACED, 2, "target", "地区生产总值增长", 5.5, 2025),
    _quantity("t-replaced-unnamed", REPLACED, 3, "target", "一般公共预算收入增长", 3.0, 2025),
    _quantity("t-replaced-new", REPLACED, 5, "target", "城镇新增就业增长", 2.0, 2025),
]

CORRECTION = ("record_key,field,corrected_value,reviewer,reason,corrected_on\n"
              "t-kept-income,value,6.5,王审核,原文为6.5%,2026-12-01\n")


def _insert_document(con: duckdb.DuckDBPyConnection, doc: str, region: str, year: int, records: list[dict],
                     loaded_at: datetime, content: bytes) -> None:
    import hashlib

    con.execute("insert into raw.documents values (?, ?, ?, '', 'utf-8', ?, ?, ?, 'plan_report', null, 1000, ?, "
                "'test', ?)", [doc, f"{doc}.txt", hashlib.sha256(content).hexdigest(), f"{region}计划", region, year,
                               len(records), loaded_at])
    for row in records:
        con.execute(f"insert into raw.records ({', '.join(row)}) values ({', '.join('?' for _ in row)})",
                    list(row.values()))


def _build(settings: Settings, **options) -> dict:
    result = dbt_build(settings, **options)
    assert result.success, result.failures
    return json.loads((settings.dbt_target_dir / "run_results.json").read_text(encoding="utf-8"))


def _compiled(settings: Settings, model_path: str) -> str:
    return (settings.dbt_target_dir / "compiled" / "planwatch" / "models" / model_path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("incremental")
    warehouse = root / "incremental" / "warehouse"
    (warehouse / "corrections").mkdir(parents=True)
    settings = Settings(warehouse_dir=warehouse)
    with duckdb.connect(str(settings.database_path)) as con:
        ensure_raw_schema(con)
        ensure_feed_schema(con)
        for doc, (region, year, records) in DOCUMENTS.items():
            _insert_document(con, doc, region, year, records, datetime(2026, 1, 1), doc.encode())
    state_before_first = incremental_state_current(settings.database_path, tree_digest(settings.dbt_project_dir))
    first = _build(settings, unit_tests=True)
    first_fct_target = _compiled(settings, "marts/fct_target.sql")
    state_after_first = incremental_state_current(settings.database_path, tree_digest(settings.dbt_project_dir))

    # What the next run loads: the replaced report's new rows, the removed one gone, a reviewer's correction.
    with duckdb.connect(str(settings.database_path)) as con:
        for doc in (REPLACED, REMOVED):
            for table in RAW_DOCUMENT_TABLES:
                con.execute(f"delete from raw.{table} where doc_id = ?", [doc])
        _insert_document(con, REPLACED, "丽水市", 2025, REPLACEMENT, datetime(2026, 2, 1), b"second version")
        (warehouse / "corrections" / "fixes.csv").write_text(CORRECTION, encoding="utf-8")
        load_corrections(con, warehouse / "corrections")
    second = _build(settings)
    second_fct_target = _compiled(settings, "marts/fct_target.sql")

    rebuilt = Settings(warehouse_dir=root / "rebuilt" / "warehouse")
    rebuilt.warehouse_dir.mkdir(parents=True)
    shutil.copy(settings.database_path, rebuilt.database_path)
    _build(rebuilt, full_refresh=True)
    return {"incremental": settings, "rebuilt": rebuilt, "first": first, "second": second,
            "first_fct_target": first_fct_target, "second_fct_target": second_fct_target,
            "state_before_first": state_before_first, "state_after_first": state_after_first}


def query(settings: Settings, sql: str) -> list[tuple]:
    with duckdb.connect(str(settings.database_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_first_build_of_a_new_warehouse_is_a_full_one_and_leaves_a_current_state(builds):
    assert builds["state_before_first"] is False and builds["state_after_first"] is True
    assert "incremental_documents" not in builds["first_fct_target"]


def test_the_next_build_is_incremental_and_processes_only_changed_documents(builds):
    assert "anti join intermediate.incremental_documents" in builds["second_fct_target"]


def test_dbt_unit_tests_run_and_pass_when_asked_for_and_stay_out_of_production_builds(builds):
    def unit_tests(run: dict) -> list[str]:
        return [r["status"] for r in run["results"] if r["unique_id"].startswith("unit_test.")]

    assert len(unit_tests(builds["first"])) >= 10
    assert set(unit_tests(builds["first"])) == {"pass"}
    assert unit_tests(builds["second"]) == []


def test_an_incremental_build_leaves_every_table_as_a_full_rebuild_does(builds):
    incremental, rebuilt = builds["incremental"], builds["rebuilt"]
    tables = query(incremental, "select table_schema, table_name from information_schema.tables "
                                "where table_schema in ('intermediate', 'marts') and table_type = 'BASE TABLE' "
                                "and table_name <> 'incremental_documents' order by all")
    assert ("marts", "fct_target") in tables and ("intermediate", "int_records_passed") in tables
    with duckdb.connect(str(incremental.database_path), read_only=True) as con:
        con.execute(f"attach '{rebuilt.database_path}' as rebuilt (read_only)")
        differing = []
        for schema, table in tables:
            mine = f'"{incremental.database_path.stem}"."{schema}"."{table}"'
            theirs = f'rebuilt."{schema}"."{table}"'
            extra = con.execute(f"select count(*) from (select * from {mine} except all select * from {theirs})").fetchone()[0]
            missing = con.execute(f"select count(*) from (select * from {theirs} except all select * from {mine})").fetchone()[0]
            if extra or missing:
                differing.append((schema, table, extra, missing))
    assert differing == []


def test_the_replaced_document_shows_its_new_rows_and_loses_the_old_ones(builds):
    settings = builds["incremental"]
    assert query(settings, "select target_key from marts.fct_target where document_key = 'lishui_2025_plan' "
                           "order by 1") == [("t-replaced-gdp",), ("t-replaced-new",), ("t-replaced-unnamed",)]
    assert query(settings, "select count(*) from marts.fct_project_milestone where document_key = 'lishui_2025_plan'") \
        == [(0,)]
    assert query(settings, "select count(*) from marts.review_quarantine where record_key = 't-replaced-unnamed'") \
        == [(0,)]
    assert query(settings, "select status, reported_value from marts.fct_target_outcome "
                           "where target_key = 't-kept-gdp'") == [("missed", 4.0)]


def test_a_removed_document_leaves_every_record_level_table(builds):
    settings = builds["incremental"]
    for table, column in (("intermediate.int_records_corrected", "document_id"),
                          ("intermediate.int_records_passed", "document_id"),
                          ("marts.fct_target", "document_key"), ("marts.fct_project_milestone", "document_key")):
        assert query(settings, f"select count(*) from {table} where {column} = 'quzhou_2025_plan'") == [(0,)], table
    assert query(settings, "select count(*) from marts.dim_project where project_name = '衢州港'") == [(0,)]


def test_a_correction_of_an_unchanged_document_reaches_the_incremental_marts(builds):
    assert query(builds["incremental"], "select value, value_base from marts.fct_target "
                                        "where target_key = 't-kept-income'") == [(6.5, 6.5)]


def test_the_incremental_state_says_when_a_build_must_be_full(tmp_path):
    database = tmp_path / "planwatch.duckdb"
    assert incremental_state_current(database, "abc") is False  # no warehouse yet
    with duckdb.connect(str(database)) as con:
        con.execute("create schema intermediate")
        con.execute("create table intermediate.incremental_documents (model_name varchar, document_id varchar, "
                    "document_version varchar, project_digest varchar)")
    assert incremental_state_current(database, "abc") is False  # nothing built incrementally yet
    with duckdb.connect(str(database)) as con:
        con.execute("insert into intermediate.incremental_documents values ('fct_target', 'd1', 'v1', 'abc'), "
                    "('fct_achievement', 'd1', 'v1', 'abc')")
    assert incremental_state_current(database, "abc") is True
    assert incremental_state_current(database, "changed-project") is False  # models, macros or seeds changed
    with duckdb.connect(str(database)) as con:
        con.execute("update intermediate.incremental_documents set project_digest = 'old' where model_name = 'fct_target'")
    assert incremental_state_current(database, "abc") is False  # one model built by other code
