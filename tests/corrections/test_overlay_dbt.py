"""The corrections overlay in dbt, on a small build database: one dbt build over a handful of records
and a corrections folder, no pipeline run. What the published marts, review_corrections and
review_orphan_corrections show is read straight from the built tables."""
from __future__ import annotations

import hashlib
from datetime import datetime

import duckdb
import pytest

from flows.corrections.load import load_corrections
from flows.feeds.raw_schema import ensure_feed_schema
from flows.settings import Settings
from flows.transform.dbt_build import dbt_build
from flows.warehouse.raw_schema import ensure_raw_schema

DOC = "lishui_2025_plan"
HEADER = "record_key,field,corrected_value,reviewer,reason,corrected_on\n"


def _record(record_id: str, no: int, **fields) -> dict:
    return {"record_id": record_id, "doc_id": DOC, "record_no": no, "type": "target", "text": f"目标{no}",
            "char_start": 10 * no, "char_end": 10 * no + 5, "extractor_version": "test", "year": 2025,
            "indicator": f"指标{no}", "comparator": ">=", "value": 5.0, "unit": "%", "value_base": 5.0,
            "base_unit": "%", "kind": "growth", **fields}


RECORDS = [
    _record("t-money", 1, value=300.0, unit="亿元", value_base=3e10, base_unit="元", kind="amount"),
    _record("t-growth", 2),
    _record("t-range", 3, comparator="between", value=None, value_base=None, value_min=5.0, value_max=6.0,
            value_base_min=5.0, value_base_max=6.0),
    _record("t-no-indicator", 4, indicator=None),
    _record("t-to-break", 5),
    {"record_id": "p-1", "doc_id": DOC, "record_no": 6, "type": "project", "text": "建成丽水机场",
     "char_start": 100, "char_end": 106, "extractor_version": "test", "year": 2025, "name": "丽水机场",
     "stage": "construction"},
]

CORRECTIONS = HEADER + "\n".join([
    "t-money,value,12345,王审核,报告原文为12345亿元,2026-12-01",
    "t-money,unit,万元,王审核,单位应为万元,2026-12-01",
    "t-growth,value,7.5,王审核,误读,2026-12-01",
    "t-range,value_max,6.5,王审核,区间上限误读,2026-12-01",
    "t-no-indicator,indicator_text,城镇新增就业,李审核,补指标,2026-12-02",
    "t-to-break,comparator,between,李审核,写错了,2026-12-02",  # a range without a minimum: set aside
    "p-1,project_name,丽水民用机场,李审核,全称,2026-12-02",
    "p-1,stage,completed,李审核,已建成,2026-12-02",
    "no-such-record,value,1,李审核,旧键,2026-12-02",
    "t-growth,stage,completed,李审核,字段不对,2026-12-02",   # stage is no field of a target
]) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    warehouse = tmp_path_factory.mktemp("overlay") / "warehouse"
    (warehouse / "corrections").mkdir(parents=True)
    (warehouse / "corrections" / "fixes.csv").write_text(CORRECTIONS, encoding="utf-8")
    with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
        ensure_raw_schema(con)
        ensure_feed_schema(con)
        con.execute("insert into raw.documents values (?, ?, ?, '', 'utf-8', '丽水计划', '丽水市', 2025, 'plan_report', null, "
                    "1000, 6, 'test', ?)", [DOC, f"{DOC}.txt", hashlib.sha256(b"x").hexdigest(), datetime(2026, 1, 1)])
        for row in RECORDS:
            con.execute(f"insert into raw.records ({', '.join(row)}) values ({', '.join('?' for _ in row)})",
                        list(row.values()))
        loaded = load_corrections(con, warehouse / "corrections")
    result = dbt_build(Settings(warehouse_dir=warehouse))  # whole project: cross-record tests read every mart
    assert result.success, result.failures
    return {"warehouse": warehouse, "loaded": loaded}


def query(built, sql: str) -> list[tuple]:
    with duckdb.connect(str(built["warehouse"] / "planwatch.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_corrected_value_and_unit_reach_the_mart_in_base_units_again(built):
    assert query(built, "select value, unit, value_base, base_unit from marts.fct_target where target_key = 't-money'") \
        == [(12345.0, "万元", 123450000.0, "元")]
    assert query(built, "select value, value_base from marts.fct_target where target_key = 't-growth'") == [(7.5, 7.5)]
    assert query(built, "select value_max, value_base_max, value_base_min from marts.fct_target "
                        "where target_key = 't-range'") == [(6.5, 6.5, 5.0)]


def test_a_record_set_aside_for_lack_of_an_indicator_publishes_once_a_reviewer_names_it(built):
    assert query(built, "select indicator_text from marts.fct_target where target_key = 't-no-indicator'") \
        == [("城镇新增就业",)]


def test_a_correction_passes_the_same_row_checks_as_extracted_data(built):
    assert query(built, "select count(*) from marts.fct_target where target_key = 't-to-break'") == [(0,)]
    assert query(built, "select check_name from marts.review_quarantine where record_key = 't-to-break'") \
        == [("range_has_minimum",)]
    assert query(built, "select record_set_aside from marts.review_corrections where record_key = 't-to-break'") \
        == [(True,)]


def test_project_names_and_stages_are_corrected_and_the_project_key_follows_the_name(built):
    assert query(built, "select project_name, stage from marts.fct_project_milestone where milestone_key = 'p-1'") \
        == [("丽水民用机场", "completed")]


def test_review_corrections_lists_each_applied_correction_with_the_value_it_replaced(built):
    rows = query(built, "select table_name, record_key, field, original_value, corrected_value, reviewer, reason, "
                        "cast(corrected_on as varchar), source_file, source_line from marts.review_corrections "
                        "where record_key in ('t-money', 'p-1') order by source_line")
    assert rows == [
        ("fct_target", "t-money", "value", "300.0", "12345", "王审核", "报告原文为12345亿元", "2026-12-01", "corrections/fixes.csv", 2),
        ("fct_target", "t-money", "unit", "亿元", "万元", "王审核", "单位应为万元", "2026-12-01", "corrections/fixes.csv", 3),
        ("fct_project_milestone", "p-1", "project_name", "丽水机场", "丽水民用机场", "李审核", "全称", "2026-12-02",
         "corrections/fixes.csv", 8),
        ("fct_project_milestone", "p-1", "stage", "construction", "completed", "李审核", "已建成", "2026-12-02",
         "corrections/fixes.csv", 9),
    ]
    assert query(built, "select count(*) from marts.review_corrections") == [(8,)]


def test_a_correction_naming_no_record_is_an_orphan_not_dropped(built):
    assert query(built, "select record_key, field, corrected_value, source_line from marts.review_orphan_corrections") \
        == [("no-such-record", "value", "1", 10)]


def test_a_field_foreign_to_the_record_type_is_quarantined_with_its_line(built):
    rows = query(built, "select check_name, table_name, file_path, row_number, column_name, reason "
                        "from marts.review_quarantine where source_kind = 'corrections'")
    assert len(rows) == 1
    check, table, path, line, column, reason = rows[0]
    assert (check, table, path, line, column) == ("correction_contract", "corrections", "corrections/fixes.csv", 11, "field")
    assert "'stage'" in reason and "fct_target" in reason


def test_the_review_marts_describe_every_column_for_bi(built):
    undescribed = query(built, "select table_name, column_name from duckdb_columns() where schema_name = 'marts' "
                               "and table_name in ('review_corrections', 'review_orphan_corrections') "
                               "and coalesce(comment, '') = ''")
    assert undescribed == []
    assert query(built, "select count(*) from duckdb_tables() where schema_name = 'marts' and table_name in "
                        "('review_corrections', 'review_orphan_corrections') and coalesce(comment, '') <> ''") == [(2,)]
