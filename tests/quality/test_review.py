"""`planwatch review` and `--export-gold` on hand-built warehouses: no pipeline run.

One published snapshot holds every review table a reviewer reads; the corrections marts (built by
the corrections overlay) are added only where a test says so, since older warehouses lack them.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from flows.quality.audit import ensure_audit_schema
from flows.runs.lock import LOCK_NAME
from flows.settings import PROJECT_ROOT

SCORE = PROJECT_ROOT.parent / "shared" / "score.py"
REPORT_TEXT = "二、2025年主要目标\n全市地区生产总值增长6%左右,城镇新增就业人数2万人以上。开工建设衢丽铁路。\n"


def audit_run(con, run_id: str, started: datetime, gate: str, success: bool, results: list[tuple]) -> None:
    """results: (table, expectation, column, severity, outcome, unexpected_count, sample)"""
    ensure_audit_schema(con)
    counts = [sum(1 for r in results if r[4] == o) for o in ("passed", "failed", "warning", "broken")]
    con.execute("insert into audit.validation_runs values (?, ?, ?, ?, ?, ?, ?, ?)", [run_id, gate, started, success, *counts])
    for table, expectation, column, severity, outcome, n, sample in results:
        con.execute("insert into audit.validation_results values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [run_id, gate, f"{table}_suite", table, expectation, column, severity, outcome, n, sample])


def build_snapshot(path: Path, with_corrections: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute("""create table marts.dim_document as select * from (values
            ('lishui_test', '/landing/reports/lishui_test.txt', timestamp '2026-12-04 09:00')) t(document_key, source_path, loaded_at)""")
        con.execute("""create table marts.fct_target as select * from (values
            ('t-1', 'lishui_test', 'i1', '331100', 2025, '城镇新增就业人数', 12345.0, null::double, null::double, '万人', '>=',
             123450000.0, null::double, null::double, '人', 'count', null::varchar, '城镇新增就业人数2万人以上', 40, 53, '二', 'v1', 0.9),
            ('t-2', 'lishui_test', 'i2', '331100', 2025, '地区生产总值增速', 6.0, null, null, '%', '~',
             6.0, null, null, '%', 'growth', null, '地区生产总值增长6%左右', 26, 37, '二', 'v1', 0.9))
            t(target_key, document_key, indicator_key, region_code, target_year, indicator_text, value, value_min, value_max,
              unit, comparator, value_base, value_base_min, value_base_max, base_unit, kind, strength, source_text,
              char_start, char_end, section_path, extractor_version, confidence)""")
        con.execute("""create table marts.review_quarantine as select * from (values
            ('q1', 'feed:indicator_releases', 'feed_contract', 'feed_indicator_releases', null, '/landing/feeds/monthly.csv',
             'h', 55, 'period', 'month 13 does not exist', '2025-13', null, timestamp '2026-12-04 09:01'),
            ('q2', 'record:target', 'indicator_present', 'fct_target', 'r-9', '/landing/reports/lishui_test.txt',
             'h', null, 'indicator', 'a figure without an indicator', null, '超80%', timestamp '2026-12-03 08:00'))
            t(quarantine_id, source_kind, check_name, table_name, record_key, file_path, file_hash, row_number, column_name,
              reason, raw_value, source_text, quarantined_at)""")
        con.execute("""create table marts.review_feed_matches as select * from (values
            ('k1', 'indicator', 'indicator_releases', '农林牧渔业增加值', 'value', null, 'unmatched', null, null, 4,
             '/landing/feeds/quarterly.csv', 7),
            ('k2', 'project', 'project_progress', '抽水蓄能电站', null, '丽水市', 'ambiguous', 0.93, '丽水滩抽水蓄能电站, 庆元抽水蓄能电站',
             10, '/landing/feeds/progress.csv', 12))
            t(review_key, entity, feed_name, name_in_feed, measure, region_name, match_status, match_score, candidates,
              n_rows, example_file_path, example_row_number)""")
        con.execute("""create table marts.review_unextracted_spans as select * from (values
            ('s1', 'lishui_test', 100, 140, '三', '实施产业项目374个,总投资2409亿元', 0.9),
            ('s2', 'lishui_test', 200, 230, '三', '粮食产量稳定在23亿斤以上', null),
            ('s3', 'lishui_test', 300, 330, '三', '建成项目(一期)', 0.8))
            t(span_id, document_key, char_start, char_end, section_path, sentence_text, record_confidence)""")
        audit_run(con, "r1", datetime(2026, 12, 4, 9, 5), "publication", True, [
            ("fct_target", "expect_column_values_to_not_be_null", "target_key", "blocking", "passed", 0, None),
            ("fct_target", "expect_column_values_to_not_be_null", "region_code", "warning", "warning", 3, "[None]")])
        if with_corrections:
            con.execute("""create table marts.fct_project_milestone as select * from (values
                ('m-1', 'p-1', 'lishui_test', '331100', 2025, 'construction', '交通', '衢丽铁路', '开工建设衢丽铁路', 60, 68, '三', 'v1', 0.8))
                t(milestone_key, project_key, document_key, region_code, milestone_year, stage, category, project_name,
                  source_text, char_start, char_end, section_path, extractor_version, confidence)""")
            con.execute("""create table marts.dim_project as select * from (values
                ('p-1', '衢丽铁路', '331100', '丽水市', '交通', 2025, 1)) t(project_key, project_name, region_code, region_name,
                category, first_plan_year, n_mentions)""")
            con.execute("""create table marts.review_corrections as select * from (values
                ('fct_target', 't-1', 'value', '2.0', '12345', 'wang', 'the 万 was read as a figure', date '2026-12-04',
                 'corrections/c.csv', 2),
                ('fct_project_milestone', 'm-1', 'stage', 'start', 'construction', 'wang', '续建', date '2026-12-04',
                 'corrections/c.csv', 4),
                ('fct_target', 't-set-aside', 'unit', '个', '亿头', 'li', 'typo', date '2026-12-04', 'corrections/c.csv', 5))
                t(table_name, record_key, field, original_value, corrected_value, reviewer, reason, corrected_on,
                  source_file, source_line)""")
            con.execute("""create table marts.review_orphan_corrections as select * from (values
                ('t-gone', 'unit', '万人', 'li', 'wrong unit', date '2026-12-05', 'corrections/c.csv', 3))
                t(record_key, field, corrected_value, reviewer, reason, corrected_on, source_file, source_line)""")


@pytest.fixture()
def warehouse(tmp_path: Path) -> Path:
    build_snapshot(tmp_path / "warehouse" / "published" / "planwatch.duckdb", with_corrections=False)
    return tmp_path / "warehouse"


@pytest.fixture()
def corrected_warehouse(tmp_path: Path) -> Path:
    build_snapshot(tmp_path / "warehouse" / "published" / "planwatch.duckdb", with_corrections=True)
    return tmp_path / "warehouse"


def review_rows(warehouse: Path, capsys, *args: str) -> list[dict]:
    assert main(["review", "--warehouse", str(warehouse), "--format", "jsonl", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_an_older_warehouse_without_the_corrections_marts_lists_every_other_kind(warehouse, capsys):
    rows = review_rows(warehouse, capsys)
    assert {r["kind"] for r in rows} == {"check", "quarantine", "feed_name", "unextracted"}
    check = next(r for r in rows if r["kind"] == "check")
    assert check == {"when": "2026-12-04 09:05:00", "kind": "check", "severity": "warning",
                     "where": "publication: fct_target.region_code",
                     "what": "expect_column_values_to_not_be_null [warning, 3 row(s)]", "why": "[None]"}
    feed = [r for r in rows if r["kind"] == "feed_name"]
    assert feed[0]["what"] == "project '抽水蓄能电站' (丽水市) ambiguous" and feed[0]["where"] == "progress.csv:12"
    assert feed[1]["what"] == "indicator '农林牧渔业增加值' (value) unmatched" and feed[1]["why"] == "no candidate; 4 feed row(s)"


def test_the_worklist_is_most_recent_first_and_least_confident_first_within_a_day(warehouse, capsys):
    rows = review_rows(warehouse, capsys, "--kind", "quarantine", "--kind", "unextracted")
    assert [(r["kind"], r["when"][:10]) for r in rows] == [
        ("quarantine", "2026-12-04"), ("unextracted", "2026-12-04"), ("unextracted", "2026-12-04"),
        ("unextracted", "2026-12-04"), ("quarantine", "2026-12-03")]
    assert [r["what"] for r in rows[1:4]] == ["粮食产量稳定在23亿斤以上", "建成项目(一期)", "实施产业项目374个,总投资2409亿元"]
    assert rows[1]["why"] == "no record read from it; section 三" and rows[1]["where"] == "lishui_test.txt @200-230"
    assert rows[0]["where"] == "monthly.csv:55 (period)" and rows[0]["what"] == "set aside by feed_contract: '2025-13'"
    assert rows[4]["where"] == "lishui_test.txt (fct_target r-9, indicator)" and "超80%" in rows[4]["why"]


def test_limit_and_formats(warehouse, capsys):
    assert main(["review", "--warehouse", str(warehouse), "--limit", "2", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    parsed = list(csv.DictReader(io.StringIO(captured.out)))
    assert len(parsed) == 2 and list(parsed[0]) == ["when", "kind", "severity", "where", "what", "why"]
    assert "showing 2 (--limit 0 for all)" in captured.err  # notes stay out of the CSV
    assert main(["review", "--warehouse", str(warehouse), "--limit", "0"]) == 0
    table = capsys.readouterr().out
    assert "published snapshot" in table and "8 item(s)" in table and "showing" not in table
    assert "粮食产量稳定在23亿斤以上" in table and table.count("\n") == 4 + 8  # 2 notes, blank, header, items


def test_orphaned_corrections_are_listed_when_the_corrections_marts_exist(corrected_warehouse, capsys):
    rows = review_rows(corrected_warehouse, capsys, "--kind", "orphan_correction")
    assert rows == [{"when": "2026-12-05 00:00:00", "kind": "orphan_correction", "severity": "warning",
                     "where": "c.csv:3", "what": "correction t-gone.unit = '万人' matches no record",
                     "why": "li: wrong unit (the record's key changed or it is no longer extracted)"}]


def test_a_blocked_last_run_is_said_and_its_failures_come_from_the_build_database(warehouse, capsys):
    with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
        audit_run(con, "r1", datetime(2026, 12, 4, 9, 5), "publication", True, [])
        audit_run(con, "r2", datetime(2026, 12, 5, 10, 0), "dbt", False, [
            ("fct_target", "cross_record_target_moves_less_than_tenfold_between_years", None, "blocking", "failed", 25,
             "earlier_value=3.0, later_value=300.0")])
    assert main(["review", "--warehouse", str(warehouse), "--kind", "check"]) == 0
    shown = capsys.readouterr().out
    assert "the last run r2 was BLOCKED by the dbt gate: its check failures come from the build database" in shown
    assert [(r["severity"], r["what"], r["why"]) for r in review_rows(warehouse, capsys, "--kind", "check")] == [
        ("blocking", "cross_record_target_moves_less_than_tenfold_between_years [failed, 25 row(s)]",
         "earlier_value=3.0, later_value=300.0")]  # the published run's warning is not the last run's

    # While a run holds the warehouse the build database is left alone: the published run's checks are shown.
    (warehouse / LOCK_NAME).write_text(json.dumps({"run_id": "r3", "pid": 1, "host": "h", "started": "now"}))
    assert main(["review", "--warehouse", str(warehouse), "--kind", "check"]) == 0
    shown = capsys.readouterr().out
    assert "a run is writing the warehouse (run r3" in shown and "expect_column_values_to_not_be_null" in shown


def test_no_warehouse_exits_1_with_a_clear_message(tmp_path, capsys):
    assert main(["review", "--warehouse", str(tmp_path / "none")]) == 1
    assert "no warehouse in" in capsys.readouterr().err
    assert main(["review", "--warehouse", str(tmp_path / "none"), "--export-gold", str(tmp_path / "gold")]) == 1


def test_export_gold_writes_corrected_records_that_the_score_script_reads(corrected_warehouse, tmp_path, capsys):
    gold = tmp_path / "gold"
    assert main(["review", "--warehouse", str(corrected_warehouse), "--export-gold", str(gold)]) == 0
    captured = capsys.readouterr()
    assert "2 corrected record(s) in 1 gold file(s)" in captured.out
    assert "1 corrected record(s) are in no published mart" in captured.err and "fct_target t-set-aside" in captured.err
    assert [p.name for p in gold.iterdir()] == ["lishui_test.jsonl"]
    lines = [json.loads(line) for line in (gold / "lishui_test.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"type": "region", "name": "corrected-1", "text": "开工建设衢丽铁路"},
        {"type": "region", "name": "corrected-2", "text": "城镇新增就业人数2万人以上"},
        {"type": "project", "name": "衢丽铁路", "text": "开工建设衢丽铁路", "stage": "construction", "region": "丽水市",
         "category": "交通", "year": 2025},
        {"type": "target", "indicator": "城镇新增就业人数", "text": "城镇新增就业人数2万人以上", "value": 12345,
         "value_min": None, "value_max": None, "unit": "万人", "comparator": ">=", "value_base": 123450000,
         "value_base_min": None, "value_base_max": None, "base_unit": "人", "kind": "count", "year": 2025}]

    # The score script reads the file: extractor output with the corrected figure scores 1, the original 0.
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "lishui_test.txt").write_text(REPORT_TEXT, encoding="utf-8")
    scores = {}
    for label, value_base in (("corrected", 123450000.0), ("original", 20000.0)):
        pred = tmp_path / f"{label}.jsonl"
        pred.write_text(json.dumps({**lines[2], "doc": "lishui_test"}, ensure_ascii=False) + "\n"
                        + json.dumps({**lines[3], "doc": "lishui_test", "value_base": value_base}, ensure_ascii=False)
                        + "\n" + json.dumps({"doc": "lishui_test", "type": "target", "text": "地区生产总值增长6%左右",
                                             "value_base": 6.0, "base_unit": "%", "comparator": "~"},
                                            ensure_ascii=False) + "\n", encoding="utf-8")
        done = subprocess.run([sys.executable, str(SCORE), str(gold), str(reports), str(pred)],
                              capture_output=True, text=True, check=True)
        scores[label] = done.stdout.strip().splitlines()[-1]
    # The 6% record lies outside the exported region, so it is not judged (no false positive).
    assert scores == {"corrected": "micro F1 = 1.000", "original": "micro F1 = 0.500"}  # the project still matches

    # A second export into the same folder never overwrites a gold file.
    assert main(["review", "--warehouse", str(corrected_warehouse), "--export-gold", str(gold)]) == 1
    assert "would overwrite" in capsys.readouterr().err


def test_export_gold_without_corrections_writes_nothing_and_says_so(warehouse, tmp_path, capsys):
    assert main(["review", "--warehouse", str(warehouse), "--export-gold", str(tmp_path / "gold")]) == 0
    assert "nothing exported" in capsys.readouterr().out and not (tmp_path / "gold").exists()
