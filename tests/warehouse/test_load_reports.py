"""Loading reports into raw: idempotent by content hash, replacing a changed document whole."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.extract import extract_document_with_unread
from flows.extract.keys import record_ids
from flows.extract.records import Record
from flows.ingest import ingest_bytes, ingest_file
from flows.warehouse.load_reports import (
    load_document, loaded_versions, plan_report_loads, quarantine_file,
)
from flows.warehouse.raw_schema import ensure_raw_schema

REPORT = "三、重点工作\n城镇新增就业人数2万人以上,城镇登记失业率控制在3%以内。建成缙云抽水蓄能电站等项目。\n"


@pytest.fixture()
def con():
    connection = duckdb.connect(":memory:")
    ensure_raw_schema(connection)
    yield connection
    connection.close()


def load_text(con, text: str, doc_id: str = "doc") -> str:
    doc = ingest_bytes(text.encode("utf-8"), doc_id=doc_id, source_path=f"{doc_id}.txt")
    records, unread = extract_document_with_unread(doc)
    return load_document(con, doc, records, unread, "v-test", "run-1")


def table_counts(con) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0]
            for t in ("documents", "records", "sections", "unextracted_spans")}


def test_first_load_of_a_document_inserts_it(con):
    assert load_text(con, REPORT) == "inserted"
    counts = table_counts(con)
    assert counts["documents"] == 1 and counts["records"] >= 3


def test_reloading_a_changed_document_replaces_all_its_rows(con):
    load_text(con, REPORT)
    assert load_text(con, REPORT.replace("2万人", "3万人")) == "replaced"
    values = con.execute("select value_base from raw.records where indicator like '%就业%'").fetchall()
    assert values == [(30000.0,)]
    assert con.execute("select count(*) from raw.documents").fetchone()[0] == 1


def test_unchanged_file_is_planned_as_unchanged_and_changed_file_as_replaced(con, tmp_path: Path):
    report = tmp_path / "doc.txt"
    report.write_text(REPORT, encoding="utf-8")
    [first] = plan_report_loads([report], loaded_versions(con), "v-test")
    assert first.action == "inserted"
    doc = ingest_bytes(report.read_bytes(), doc_id="doc", source_path=str(report))
    records, unread = extract_document_with_unread(doc)
    load_document(con, doc, records, unread, "v-test", "run-1")
    [again] = plan_report_loads([report], loaded_versions(con), "v-test")
    assert again.action == "unchanged"
    [new_extractor] = plan_report_loads([report], loaded_versions(con), "v-next")
    assert new_extractor.action == "replaced"
    report.write_text(REPORT + "新增农创客1000人。\n", encoding="utf-8")
    [edited] = plan_report_loads([report], loaded_versions(con), "v-test")
    assert edited.action == "replaced"


def _ingest_and_load(con, report: Path) -> None:
    doc = ingest_file(report)
    records, unread = extract_document_with_unread(doc)
    load_document(con, doc, records, unread, "v-test", "run-1")


def test_an_edited_added_or_removed_sidecar_alone_reloads_the_report_with_the_declared_metadata(con, tmp_path: Path):
    report = tmp_path / "doc.txt"
    report.write_text(REPORT, encoding="utf-8")
    sidecar = tmp_path / "doc.txt.meta.json"
    sidecar.write_text('{"region": "丽水市", "plan_year": 2025}', encoding="utf-8")
    _ingest_and_load(con, report)
    [same] = plan_report_loads([report], loaded_versions(con), "v-test")
    assert same.action == "unchanged"

    sidecar.write_text('{"region": "衢州市", "plan_year": 2025}', encoding="utf-8")
    [edited] = plan_report_loads([report], loaded_versions(con), "v-test")
    assert edited.action == "replaced"
    _ingest_and_load(con, report)
    assert con.execute("select region from raw.documents").fetchall() == [("衢州市",)]
    [settled] = plan_report_loads([report], loaded_versions(con), "v-test")
    assert settled.action == "unchanged"

    sidecar.unlink()
    [removed] = plan_report_loads([report], loaded_versions(con), "v-test")
    assert removed.action == "replaced"
    _ingest_and_load(con, report)
    assert con.execute("select sidecar_hash from raw.documents").fetchall() == [("",)]
    sidecar.write_text('{"plan_year": 2026}', encoding="utf-8")
    [added] = plan_report_loads([report], loaded_versions(con), "v-test")
    assert added.action == "replaced"


def test_a_warehouse_from_before_sidecar_hashes_gains_the_column_and_plans_reports_without_sidecars_unchanged(
        tmp_path: Path):
    report = tmp_path / "doc.txt"
    report.write_text(REPORT, encoding="utf-8")
    with duckdb.connect(":memory:") as old:
        ensure_raw_schema(old)
        old.execute("alter table raw.documents drop column sidecar_hash")  # as the previous release made it
        ensure_raw_schema(old)
        _ingest_and_load(old, report)
        [again] = plan_report_loads([report], loaded_versions(old), "v-test")
        assert again.action == "unchanged"


def test_record_ids_are_stable_and_unique_even_for_identical_figures():
    doc = ingest_bytes("城镇和农村居民人均可支配收入分别增长5%、5%。".encode(), doc_id="d")
    records, _ = extract_document_with_unread(doc)
    first, second = record_ids("d", records), record_ids("d", records)
    assert first == second
    assert len(set(first)) == len(first)


def _target(**fields) -> Record:
    base = dict(type="target", text="地区生产总值增长6%", start=10, end=19, indicator="地区生产总值", value=6.0,
                unit="%", comparator=">=", value_base=6.0, base_unit="%", kind="growth")
    return Record(**{**base, **fields})


def test_a_record_key_survives_a_new_reading_of_its_end_value_and_label():
    [key] = record_ids("d", [_target()])
    reread = _target(end=25, text="地区生产总值增长6%左右", indicator="GDP", value=6.5, value_base=6.5, unit="个百分点",
                     base_unit="pp", comparator="~", kind="change", year=2026)
    assert record_ids("d", [reread]) == [key]
    # another figure found before it does not move it either: the key is not a position in the list
    assert record_ids("d", [_target(start=3, end=8), reread])[1] == key


def test_a_record_key_changes_with_its_document_type_or_start():
    [key] = record_ids("d", [_target()])
    assert record_ids("other", [_target()]) != [key]
    assert record_ids("d", [_target(type="achievement")]) != [key]
    assert record_ids("d", [_target(start=11)]) != [key]


def test_records_sharing_a_start_get_distinct_keys_numbered_by_end_then_label_whatever_their_order():
    short, long_ = _target(end=15, indicator="乙"), _target(end=30, indicator="甲")
    same_end_a, same_end_b = _target(end=40, indicator="丙"), _target(end=40, indicator="丁")
    forward = record_ids("d", [short, long_, same_end_a, same_end_b])
    backward = record_ids("d", [same_end_b, same_end_a, long_, short])
    assert len(set(forward)) == 4
    assert forward == backward[::-1]  # each record gets the same key, in whatever order it comes
    # the first of the tied records keeps the key a lone record at that start would have
    assert forward[0] == record_ids("d", [_target()])[0]


def test_unreadable_file_gets_one_quarantine_row_with_its_reason(con, tmp_path: Path):
    path = tmp_path / "scan.pdf"
    quarantine_file(con, "report", path, "abc", "not a readable PDF")
    quarantine_file(con, "report", path, "abc", "not a readable PDF")  # a rerun must not duplicate it
    rows = con.execute("select source_kind, file_path, reason from raw.quarantine").fetchall()
    assert rows == [("report", str(path), "not a readable PDF")]


def test_failed_load_leaves_the_previous_rows_in_place(con, monkeypatch):
    load_text(con, REPORT)
    before = table_counts(con)
    import flows.warehouse.load_reports as loader

    def broken_insert(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader, "insert_rows", broken_insert)
    with pytest.raises(RuntimeError):
        load_text(con, REPORT.replace("2万人", "3万人"))
    assert table_counts(con) == before
