"""Both gates end to end: the shared corpus publishes with its bad records set aside; a blocking
failure and a broken validation each stop publication and leave the snapshot byte-identical."""
from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from great_expectations import expectations as gxe

import flows.quality.suites as suites_module
from flows.feeds.raw_schema import ensure_feed_schema
from flows.pipeline import PublicationBlocked, planwatch_pipeline
from flows.quality.publication import run_publication_gate
from flows.quality.severity import blocking
from flows.settings import PROJECT_ROOT, get_settings
from flows.warehouse.raw_schema import ensure_raw_schema

INJECTED_DOC = "injected_unplaced_report"


def snapshot_fingerprint(warehouse: Path) -> dict[str, str]:
    published = warehouse / "published"
    paths = [published / "planwatch.duckdb", *sorted((published / "parquet").rglob("*.parquet"))]
    return {str(p.relative_to(published)): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def record(no: int, **fields) -> dict:
    return {"record_id": f"injected-{no}", "doc_id": INJECTED_DOC, "record_no": no, "type": "target",
            "text": f"注入的目标{no}", "char_start": 10 * no, "char_end": 10 * no + 6, "extractor_version": "test",
            "indicator": "注入指标", "comparator": "=", "value": 5.0, "unit": "%", "value_base": 5.0,
            "base_unit": "%", "kind": "growth", "year": 2025, **fields}


def insert(warehouse: Path, rows: list[dict]) -> None:
    with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
        for row in rows:
            con.execute(f"insert into raw.records ({', '.join(row)}) values ({', '.join('?' for _ in row)})",
                        list(row.values()))


# What an extractor bug could produce, one record per row-level check, in a report whose region the
# gazetteer does not know (its figures publish without a region: a warning, never a block).
BAD_RECORDS = {
    "injected-1": ("indicator_present", {"indicator": None}),
    "injected-2": ("base_unit_in_unit_table", {"unit": "亿头", "base_unit": "头头"}),
    "injected-3": ("comparator_known", {"comparator": "≈≈"}),
    "injected-4": ("rate_in_plausible_band", {"kind": "level", "value": 2025.0, "value_base": 2025.0}),
    "injected-5": ("range_min_not_above_max", {"comparator": "between", "value": None, "value_base": None,
                                                "value_base_min": 6.0, "value_base_max": 5.0}),
}


CORRECTIONS_HEADER = "record_key,field,corrected_value,reviewer,reason,corrected_on"
ORPHAN_KEY = "no-record-has-this-key"

PLACED_DOC = "injected_placed_report"  # an injected report whose region (丽水市) resolves


def tenfold_slips(n: int) -> list[dict]:
    """n indicators whose target for the report's region moves a hundredfold between two years (万/亿 slips)."""
    rows = []
    for i in range(n):
        for year, value in ((2025, 3.0), (2026, 300.0)):
            rows.append(record(1000 + 2 * i + (year - 2025), doc_id=PLACED_DOC, record_id=f"slip-{i}-{year}",
                               indicator=f"注入滑移指标{i}", comparator=">=", value=value, unit="个",
                               value_base=value, base_unit="个", kind="count", year=year))
    return rows


@pytest.fixture(scope="module")
def corpus_warehouse(prefect_harness, tmp_path_factory, corpus_dir) -> dict:
    root = tmp_path_factory.mktemp("gates_flow")
    landing, warehouse = root / "landing", root / "warehouse"
    shutil.copytree(PROJECT_ROOT / "warehouse" / "landing", landing)
    for report in (corpus_dir / "reports").glob("*.txt"):
        shutil.copy(report, landing / "reports" / report.name)
    warehouse.mkdir()
    with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
        ensure_raw_schema(con)
        ensure_feed_schema(con)
        con.execute("insert into raw.documents values (?, ?, ?, '', 'utf-8', '注入报告', '无此地', 2025, 'plan_report', null, "
                    "100, 6, 'test', ?)",
                    [INJECTED_DOC, "injected.txt", hashlib.sha256(b"injected").hexdigest(), datetime(2026, 1, 1)])
        con.execute("insert into raw.documents values (?, ?, ?, '', 'utf-8', '注入报告', '丽水市', 2025, 'plan_report', null, "
                    "100, 2, 'test', ?)",
                    [PLACED_DOC, "placed.txt", hashlib.sha256(b"placed").hexdigest(), datetime(2026, 1, 1)])
    insert(warehouse, [record(0)] + [record(int(rid.split("-")[1]), **fields) for rid, (_, fields) in BAD_RECORDS.items()])
    insert(warehouse, tenfold_slips(1))  # one cross-record slip: a warning, the run still publishes
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLANWATCH_EXPECTATIONS_DIR", str(root / "expectations"))
        summary = planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse))
        outcome = {"summary": summary, "warehouse": warehouse, "landing": landing}

        # A reviewer's corrections file, written after the first run: an ordinary rerun (no rebuild)
        # must see it through the input fingerprint, apply the good rows and quarantine the bad ones.
        with published_snapshot(warehouse) as con:
            # A target alone for its indicator and region, so 12345 adds no year-on-year slip to the
            # cross-record counts the other tests of this module assert.
            key, value = con.execute(
                "select target_key, value from marts.fct_target t where base_unit = '元' and kind = 'amount' "
                "and value is not null and document_key not like 'injected%' and not exists (select 1 from "
                "marts.fct_target o where o.indicator_key = t.indicator_key and o.region_code = t.region_code "
                "and o.target_key <> t.target_key) order by target_key limit 1").fetchone()
        outcome["corrected_key"], outcome["original_value"] = key, value
        (warehouse / "corrections").mkdir()
        (warehouse / "corrections" / "review.csv").write_text("\n".join([
            CORRECTIONS_HEADER + ",note",
            f"{key},value,12345,王审核,原文为12345,2026-12-01,",              # line 2: applies
            f"{ORPHAN_KEY},value,1,王审核,旧键,2026-12-01,",                  # line 3: orphan
            f"{key},value,一万,王审核,非数字,2026-12-01,",                    # line 4: wrong type
            f"{key},colour,red,王审核,无此字段,2026-12-01,",                  # line 5: unknown field
            f"{key},value,999,王审核,较早的更正,2026-11-30,",                 # line 6: superseded by line 2
        ]) + "\n", encoding="utf-8")
        outcome["corrected"] = planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse))
        outcome["fingerprint"] = snapshot_fingerprint(warehouse)

        # Rows injected straight into raw are no change in landing, so the reruns below force a rebuild:
        # an ordinary run would answer `nothing new` (the input fingerprint) and validate nothing.
        # A blocking failure of the whole: more than 5 % of the targets set aside.
        n_targets = summary.table_rows["fct_target"]
        insert(warehouse, [record(100 + i, indicator=None) for i in range(n_targets // 10)])
        with pytest.raises(PublicationBlocked) as too_many:
            planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse), rebuild=True)
        outcome["too_many"] = too_many.value
        outcome["after_too_many"] = snapshot_fingerprint(warehouse)
        # That run re-extracted every report (rebuild) and built the marts before its gate blocked:
        # the correction must still name its record.
        with duckdb.connect(str(warehouse / "planwatch.duckdb"), read_only=True) as con:
            outcome["rebuilt_value"] = con.execute("select value from marts.fct_target where target_key = ?",
                                                   [key]).fetchall()
            outcome["rebuilt_orphans"] = con.execute("select record_key from marts.review_orphan_corrections").fetchall()
        with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
            con.execute("delete from raw.records where record_no >= 100 and doc_id = ?", [INJECTED_DOC])

        # A failed cross-record check: more tenfold slips than allowed (default 20) at once.
        insert(warehouse, tenfold_slips(25)[2:])  # the first slip is already there
        with pytest.raises(PublicationBlocked) as slipped:
            planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse), rebuild=True)
        outcome["slipped"] = slipped.value
        outcome["after_slipped"] = snapshot_fingerprint(warehouse)
        with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
            con.execute("delete from raw.records where record_id like 'slip-%'")

        # A broken validation: an expectation on a column that does not exist. Only the publication
        # gate changes, so the pipeline's own validate task runs on the marts this warehouse holds.
        declared = suites_module.report_mart_suites

        def with_broken_expectation():
            suites = declared()
            suites["fct_target"].append(blocking(gxe.ExpectColumnValuesToNotBeNull(column="no_such_column")))
            return suites

        mp.setattr(suites_module, "report_mart_suites", with_broken_expectation)
        settings = get_settings().with_overrides(landing_dir=landing, warehouse_dir=warehouse)
        outcome["broken"] = run_publication_gate(settings, "broken-validation-run").gate
    return outcome


def published_snapshot(warehouse: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(warehouse / "published" / "planwatch.duckdb"), read_only=True)


def published(corpus_warehouse) -> duckdb.DuckDBPyConnection:
    return published_snapshot(corpus_warehouse["warehouse"])


def test_the_shared_corpus_publishes_with_every_bad_record_set_aside_with_its_check_and_reason(corpus_warehouse, corpus_dir):
    with published(corpus_warehouse) as con:
        documents = {d for (d,) in con.execute("select document_key from marts.dim_document").fetchall()}
        set_aside: dict[str, dict[str, str]] = {}
        for key, check, reason in con.execute("select record_key, check_name, reason from marts.review_quarantine "
                                              "where source_kind like 'record:%'").fetchall():
            set_aside.setdefault(key, {})[check] = reason
        published_keys = {k for (k,) in con.execute("select target_key from marts.fct_target").fetchall()}
        n_without_reason = con.execute("select count(*) from marts.review_quarantine "
                                       "where reason is null or reason = '' or check_name is null").fetchone()[0]
    assert {p.stem for p in (corpus_dir / "reports").glob("*.txt")} | {INJECTED_DOC} <= documents
    for rid, (check, _) in BAD_RECORDS.items():
        assert check in set_aside[rid], (rid, set_aside.get(rid))
        assert rid not in published_keys
    assert "injected-0" in published_keys
    assert "亿头" in set_aside["injected-2"]["base_unit_in_unit_table"]
    assert "≈≈" in set_aside["injected-3"]["comparator_known"]
    assert n_without_reason == 0


def test_a_warning_is_recorded_and_shown_but_does_not_stop_publication(corpus_warehouse):
    run_id = corpus_warehouse["summary"].run_id
    with published(corpus_warehouse) as con:
        warnings = con.execute(
            "select table_name, column_name, severity from audit.validation_results "
            "where run_id = ? and outcome = 'warning'", [run_id]).fetchall()
    assert ("fct_target", "region_code", "warning") in warnings


def test_both_gates_are_in_the_published_audit_with_one_row_per_expectation(corpus_warehouse):
    from flows.quality.ingest import ingest_suites
    from flows.quality.whole_checks import RECORD_MARTS

    run_id = corpus_warehouse["summary"].run_id
    with published(corpus_warehouse) as con:
        runs = con.execute("select gate, success, passed + failed + warning + broken from audit.validation_runs "
                           "where run_id = ? order by gate", [run_id]).fetchall()
        per_suite = dict(con.execute("select gate || ':' || suite, count(*) from audit.validation_results "
                                     "where run_id = ? group by all", [run_id]).fetchall())
    assert [(gate, success) for gate, success, _ in runs] == [("dbt", True), ("ingest", True), ("publication", True)]
    manifest = json.loads((corpus_warehouse["warehouse"] / "tmp" / "dbt_target" / "manifest.json").read_text())
    assert per_suite["dbt:dbt_tests"] == sum(1 for uid in manifest["nodes"] if uid.startswith("test."))
    for name, checks in ingest_suites(expect_records=True).items():
        assert per_suite[f"ingest:{name}_suite"] == len(checks)
    assert per_suite["publication:fct_target_suite"] == len(suites_module.publication_suites({"fct_target"})["fct_target"])
    assert per_suite["publication:quarantine_share"] >= len(RECORD_MARTS)
    assert sum(per_suite.values()) == sum(total for _, _, total in runs)


def test_too_many_rows_set_aside_blocks_and_the_snapshot_stays_byte_identical(corpus_warehouse):
    blocked = corpus_warehouse["too_many"]
    assert "publication gate" in blocked.gate
    assert any("fct_target: share_of_rows_set_aside_at_most [failed]" in f for f in blocked.failures)
    assert corpus_warehouse["after_too_many"] == corpus_warehouse["fingerprint"]


def test_an_expectation_on_a_missing_column_blocks_as_broken_not_as_passed(corpus_warehouse):
    gate = corpus_warehouse["broken"]  # what the pipeline's validate task raises PublicationBlocked on
    assert not gate.success and gate.count("broken") == 1 and gate.count("failed") == 0
    assert "no_such_column" in gate.failures[0] and "[broken]" in gate.failures[0]
    # Default configuration: dbt, in this process, still holds the build database open.
    with duckdb.connect(str(corpus_warehouse["warehouse"] / "planwatch.duckdb")) as con:
        recorded = con.execute("select success, broken from audit.validation_runs "
                               "where run_id = 'broken-validation-run'").fetchall()
    assert recorded == [(False, 1)]


def test_one_cross_record_slip_warns_and_publishes_but_many_stop_publication(corpus_warehouse):
    with published(corpus_warehouse) as con:
        slip = con.execute("select count(*) from marts.fct_target where target_key like 'slip-0-%'").fetchone()[0]
    assert slip == 2  # published: a single slip is a warning
    blocked = corpus_warehouse["slipped"]
    assert blocked.gate.startswith("dbt")
    assert any("cross_record_target_moves_less_than_tenfold_between_years" in f for f in blocked.failures)
    assert corpus_warehouse["after_slipped"] == corpus_warehouse["fingerprint"]
    # dbt's answer is in the audit as gate `dbt`, run by run: the one slip a warning with its rows (the first
    # run, the corrections rerun and the run the publication gate blocked), 25 slips a failure.
    with duckdb.connect(str(corpus_warehouse["warehouse"] / "planwatch.duckdb"), read_only=True) as con:
        answers = con.execute(
            "select r.outcome, r.severity, r.unexpected_count, r.sample, v.success from audit.validation_results r "
            "join audit.validation_runs v using (run_id, gate) where r.gate = 'dbt' "
            "and r.expectation = 'cross_record_target_moves_less_than_tenfold_between_years' order by v.started").fetchall()
    assert [(o, s, n, ok) for o, s, n, _, ok in answers] == [
        ("warning", "blocking", 1, True), ("warning", "blocking", 1, True), ("warning", "blocking", 1, True),
        ("failed", "blocking", 25, False)]
    assert "earlier_value=3.0" in answers[0][3] and "later_value=300.0" in answers[0][3]


def test_data_docs_index_lists_every_mart_and_raw_suite_offline(corpus_warehouse):
    from flows.quality.ingest import ingest_suites

    from .browser import dump_dom_offline, rendered_cells

    index = corpus_warehouse["warehouse"] / "data_docs" / "index.html"
    cells = rendered_cells(dump_dom_offline(index))
    expected = {f"{name}_suite" for name in [*suites_module.mart_suites(), *ingest_suites(expect_records=True)]}
    assert expected - cells == set()


def test_planwatch_quality_exits_0_for_a_published_run_and_2_for_a_blocked_one(corpus_warehouse, capsys):
    from flows.cli import main

    warehouse = str(corpus_warehouse["warehouse"])
    published_run = corpus_warehouse["summary"].run_id
    assert main(["quality", "--warehouse", warehouse, "--run", published_run]) == 0
    shown = capsys.readouterr().out
    assert f"planwatch quality {published_run}: published" in shown
    assert "fct_target_suite" in shown and "raw_records_suite" in shown
    assert "[warning] publication: fct_target expect_column_values_to_not_be_null(region_code)" in shown
    assert str(corpus_warehouse["warehouse"] / "data_docs" / "index.html") in shown

    assert main(["quality", "--warehouse", warehouse]) == 2  # the last run: the broken validation
    shown = capsys.readouterr().out
    assert "BLOCKED" in shown and "[broken] publication: fct_target" in shown and "no_such_column" in shown
    assert main(["quality", "--warehouse", warehouse, "--run", "no-such-run"]) == 1


def test_work_reports_alone_publish_though_they_name_no_portfolio(prefect_harness, tmp_path, corpus_dir, monkeypatch):
    landing = tmp_path / "landing"
    (landing / "reports").mkdir(parents=True)
    for name in ("national_2024_gwr.txt", "national_2025_gwr.txt"):
        shutil.copy(corpus_dir / "reports" / name, landing / "reports" / name)
    monkeypatch.setenv("PLANWATCH_EXPECTATIONS_DIR", str(tmp_path / "expectations"))
    summary = planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(tmp_path / "warehouse"))
    assert summary.table_rows["fct_project_portfolio"] == 0
    assert summary.table_rows["fct_target"] > 0 and summary.table_rows["dim_document"] == 2


def test_planwatch_review_lists_the_blocked_runs_checks_and_the_published_records_set_aside(corpus_warehouse, capsys):
    from flows.cli import main

    warehouse = str(corpus_warehouse["warehouse"])
    assert main(["review", "--warehouse", warehouse, "--kind", "check", "--kind", "quarantine", "--limit", "0",
                 "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert "the last run broken-validation-run was BLOCKED by the publication gate" in captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    broken = [r for r in rows if r["kind"] == "check" and "[broken" in r["what"]]
    assert [(r["severity"], r["where"]) for r in broken] == [("blocking", "publication: fct_target.no_such_column")]
    set_aside = {r["where"] for r in rows if r["kind"] == "quarantine"}
    for rid, (check, _) in BAD_RECORDS.items():
        assert any(f"fct_target {rid}" in where for where in set_aside), rid


def test_a_corrections_file_changes_the_next_ordinary_run_and_the_published_record(corpus_warehouse):
    assert corpus_warehouse["corrected"].outcome == "published"  # not `nothing new`: the CSV is an input
    key = corpus_warehouse["corrected_key"]
    with published(corpus_warehouse) as con:
        assert con.execute("select value from marts.fct_target where target_key = ?", [key]).fetchall() == [(12345.0,)]
        applied = con.execute("select table_name, field, original_value, corrected_value, reviewer, source_line "
                              "from marts.review_corrections where record_key = ?", [key]).fetchall()
        orphans = con.execute("select record_key, source_file, source_line from marts.review_orphan_corrections"
                              ).fetchall()
    assert applied == [("fct_target", "value", str(corpus_warehouse["original_value"]), "12345", "王审核", 2)]
    assert orphans == [(ORPHAN_KEY, "corrections/review.csv", 3)]


def test_bad_correction_rows_are_in_the_published_quarantine_with_line_and_reason(corpus_warehouse):
    with published(corpus_warehouse) as con:
        rows = con.execute("select row_number, column_name, check_name, reason from marts.review_quarantine "
                           "where source_kind = 'corrections' order by row_number nulls first").fetchall()
    assert [(line, column, check) for line, column, check, _ in rows] == [
        (None, "note", "correction_contract"), (4, "corrected_value", "correction_contract"),
        (5, "field", "correction_contract"), (6, "record_key", "correction_contract")]
    reasons = [reason for *_, reason in rows]
    assert "unknown column 'note'" in reasons[0]
    assert "'一万' is not a valid value" in reasons[1]
    assert "unknown field 'colour'" in reasons[2]
    assert "superseded by corrections/review.csv line 2" in reasons[3]


def test_a_correction_still_applies_after_every_report_is_re_extracted(corpus_warehouse):
    assert corpus_warehouse["rebuilt_value"] == [(12345.0,)]
    assert corpus_warehouse["rebuilt_orphans"] == [(ORPHAN_KEY,)]
