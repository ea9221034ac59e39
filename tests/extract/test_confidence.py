"""A confidence for every record (flows/extract/confidence.py), carried into `raw.records`."""
from __future__ import annotations

import duckdb

from flows.extract import extract_document
from flows.ingest import ingest_bytes
from flows.warehouse.raw_schema import ensure_raw_schema

from .corpus import corpus_doc


def _records(text: str, region: str = "浙江省") -> list:
    return extract_document(ingest_bytes(text.encode("utf-8"), doc_id="case",
                                         metadata={"plan_year": 2025, "region": region}))


def test_every_record_of_a_report_has_a_confidence_between_zero_and_one() -> None:
    records = extract_document(corpus_doc("lishui_2025_plan_report_part2"))
    assert records and all(r.confidence is not None and 0 < r.confidence <= 1 for r in records)
    assert all("confidence" in r.to_json() for r in records)


def test_a_headline_target_under_its_heading_is_surer_than_a_figure_with_a_clause_for_an_indicator() -> None:
    clean = _records("二、2025年主要目标\n地区生产总值增长6%左右。\n")
    muddled = _records("二、2025年主要目标\n抓好总投资2万亿元的389个省重点项目。\n")
    assert clean[0].confidence > muddled[0].confidence


def test_a_placed_facility_is_surer_than_an_open_vocabulary_name() -> None:
    facility = [r for r in _records("杭温高铁建成通车。") if r.type == "project"]
    open_name = [r for r in _records("东阳影视城建成运营。") if r.type == "project"]
    assert facility and open_name and facility[0].confidence > open_name[0].confidence


def test_a_figure_read_as_a_plan_only_by_default_is_less_sure_than_one_under_a_heading() -> None:
    headed = _records("二、2025年主要目标\n城镇新增就业2万人以上。\n")
    bare = _records("城镇新增就业2万人以上。\n")
    assert headed[0].confidence > bare[0].confidence


def test_a_warehouse_made_before_confidence_gains_the_column() -> None:
    con = duckdb.connect()
    con.execute("create schema raw")
    con.execute("create table raw.records (record_id varchar primary key, doc_id varchar not null)")
    ensure_raw_schema(con)
    columns = [row[0] for row in con.execute("select column_name from information_schema.columns "
                                             "where table_schema = 'raw' and table_name = 'records'").fetchall()]
    assert "confidence" in columns
