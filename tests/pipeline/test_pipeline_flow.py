"""The planwatch-pipeline flow end to end on the bundled Lishui report, against temporary warehouses."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import PublicationBlocked, planwatch_pipeline
from flows.settings import PROJECT_ROOT

DUCKDB1_SITE = PROJECT_ROOT / ".venv" / "duckdb1"
SEED_DOC = "lishui_2025_plan_report_part2"


def snapshot_fingerprint(warehouse: Path) -> dict[str, str]:
    """sha256 of every published file, symlinks resolved: equal fingerprints = byte-identical."""
    published = warehouse / "published"
    out = {}
    for path in sorted([published / "planwatch.duckdb", *sorted((published / "parquet").rglob("*.parquet"))]):
        out[str(path.relative_to(published))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def mart_contents(database: Path, without: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every mart's rows, sorted; columns in `without` (e.g. load times) left out."""
    with duckdb.connect(str(database), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()]
        out = {}
        for t in tables:
            columns = [c for (c,) in con.execute("select column_name from information_schema.columns where "
                                                 "table_schema = 'marts' and table_name = ? order by ordinal_position",
                                                 [t]).fetchall() if c not in without]
            out[t] = sorted(map(repr, con.execute(f"select {', '.join(columns)} from marts.{t}").fetchall()))
        return out


def inject_record(warehouse: Path, **fields) -> None:
    """Simulate an extractor bug: one more raw record with the given fields."""
    row = {"record_id": "injected-broken-record", "doc_id": SEED_DOC, "record_no": 9999, "type": "target",
           "text": "injected", "char_start": 0, "char_end": 8, "extractor_version": "test",
           "indicator": "注入指标", "kind": "level", "base_unit": "%", "year": 2025, **fields}
    with duckdb.connect(str(warehouse / "planwatch.duckdb")) as con:
        columns = ", ".join(row)
        con.execute(f"insert into raw.records ({columns}) values ({', '.join('?' for _ in row)})", list(row.values()))
        # The build database was changed behind the pipeline's back (no input changed): forget what the
        # last run saw, or the next run would rightly find nothing new.
        con.execute("update audit.pipeline_runs set input_fingerprint = null")


@pytest.fixture(scope="module")
def published_once(prefect_harness, tmp_path_factory) -> dict:
    """The bundled example into one fresh warehouse: a first run, a rerun with nothing new, a rebuild."""
    root = tmp_path_factory.mktemp("published_once")
    landing, warehouse = root / "landing", root / "warehouse"
    shutil.copytree(PROJECT_ROOT / "warehouse" / "landing", landing)
    published = warehouse / "published" / "planwatch.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLANWATCH_EXPECTATIONS_DIR", str(root / "expectations"))
        first = planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse))
        first_marts = mart_contents(published)
        first_marts_without_load_time = mart_contents(published, without=("loaded_at",))
        # dbt ran in a child process: nothing in this process holds the build database any more, so a
        # differently configured (read-only) connection opens.
        with duckdb.connect(str(warehouse / "planwatch.duckdb"), read_only=True) as con:
            build_runs = con.execute("select count(*) from audit.pipeline_runs").fetchone()[0]
        first_snapshot = snapshot_fingerprint(warehouse), published.stat().st_mtime_ns
        second = planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse))
        second_snapshot = snapshot_fingerprint(warehouse), published.stat().st_mtime_ns
        rebuilt = planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse), rebuild=True)
    return {"first": first, "second": second, "rebuilt": rebuilt, "first_marts": first_marts, "warehouse": warehouse,
            "landing": landing, "expectations": root / "expectations",
            "first_marts_without_load_time": first_marts_without_load_time,
            "build_runs_after_first": build_runs, "snapshots": (first_snapshot, second_snapshot)}


def test_first_run_publishes_targets_with_base_values(published_once):
    database = published_once["warehouse"] / "published" / "planwatch.duckdb"
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute(
            "select value, unit, comparator, value_base, base_unit, kind, target_year from marts.fct_target "
            "where source_text like '%城镇新增就业人数2万人以上%'").fetchall()
        assert rows == [(2.0, "万人", ">=", 20000.0, "人", "count", 2025)]
        grain = con.execute("select value_base, base_unit from marts.fct_target "
                            "where source_text like '%粮食总产量达到8.32亿斤以上%'").fetchall()
        assert grain == [(pytest.approx(416000.0), "吨")]


def test_first_run_publishes_portfolios_and_project_milestones(published_once):
    database = published_once["warehouse"] / "published" / "planwatch.duckdb"
    with duckdb.connect(str(database), read_only=True) as con:
        transport = con.execute("select project_count, total_investment, annual_investment from marts.fct_project_portfolio "
                                "where category = '交通'").fetchall()
        assert transport == [(53, 97400000000.0, 15000000000.0)]
        assert con.execute("select count(*) from marts.fct_project_portfolio").fetchone()[0] == 5
        jinyun = con.execute(
            "select m.stage, p.region_code from marts.fct_project_milestone m "
            "join marts.dim_project p using (project_key) where p.project_name = '缙云抽水蓄能电站'").fetchall()
        assert jinyun == [("completed", "331122")]


def test_every_published_figure_points_back_to_its_source_text(published_once):
    original = (PROJECT_ROOT / "warehouse" / "landing" / "reports" / f"{SEED_DOC}.txt").read_text(encoding="utf-8")
    database = published_once["warehouse"] / "published" / "planwatch.duckdb"
    with duckdb.connect(str(database), read_only=True) as con:
        spans = con.execute("select source_text, char_start, char_end from marts.fct_target").fetchall()
    assert spans
    assert all(original[start:end] == text for text, start, end in spans)


def test_second_run_with_no_new_input_does_nothing_and_leaves_the_snapshot_untouched(published_once):
    first, second = published_once["first"], published_once["second"]
    assert first.outcome == "published" and first.reports_loaded == {"inserted": 1}
    assert second.outcome == "nothing_new" and second.unchanged_since == first.run_id
    assert second.reports_loaded == {} and second.dbt_nodes == 0
    (files_before, mtime_before), (files_after, mtime_after) = published_once["snapshots"]
    assert files_after == files_before and mtime_after == mtime_before


def test_cli_rerun_with_nothing_new_answers_before_starting_prefect(published_once):
    warehouse = published_once["warehouse"]
    published = warehouse / "published" / "planwatch.duckdb"
    before = snapshot_fingerprint(warehouse), published.stat().st_mtime_ns
    env = {**os.environ, "PLANWATCH_EXPECTATIONS_DIR": str(published_once["expectations"])}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--landing", str(published_once["landing"]),
                           "--warehouse", str(warehouse)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"nothing new since run {published_once['rebuilt'].run_id}" in done.stdout
    assert "temporary server" not in done.stderr  # no Prefect server started for a run with nothing to do
    assert re.search(r"^timings: extract 0\.0s, .* total \d+\.\ds$", done.stdout, re.M)
    assert (snapshot_fingerprint(warehouse), published.stat().st_mtime_ns) == before


def test_rebuild_reextracts_everything_and_publishes_the_same_marts(published_once):
    rebuilt = published_once["rebuilt"]
    assert rebuilt.outcome == "published" and rebuilt.reports_loaded == {"replaced": 1}
    # A rebuild loads the document again: only its load time differs.
    again = mart_contents(published_once["warehouse"] / "published" / "planwatch.duckdb", without=("loaded_at",))
    assert again == published_once["first_marts_without_load_time"]


def test_every_run_is_in_the_run_log_and_the_snapshot_carries_it(published_once):
    first, second, rebuilt = (published_once[k] for k in ("first", "second", "rebuilt"))
    assert published_once["build_runs_after_first"] == 1
    with duckdb.connect(str(published_once["warehouse"] / "planwatch.duckdb"), read_only=True) as con:
        runs = con.execute("select run_id, trigger, outcome, unchanged_since_run, finished_at is not null, "
                           "extract_rows_in, load_rows_out, dbt_rows_out > 0, publish_seconds > 0 "
                           "from audit.pipeline_runs order by started_at limit 3").fetchall()
    assert runs == [(first.run_id, "cli", "published", None, True, 1, 46 + 64 + 5, True, True),
                    (second.run_id, "cli", "nothing_new", first.run_id, True, None, None, None, False),
                    (rebuilt.run_id, "cli", "published", None, True, 1, 46 + 64 + 5, True, True)]
    with duckdb.connect(str(published_once["warehouse"] / "published" / "planwatch.duckdb"), read_only=True) as con:
        in_snapshot = con.execute("select run_id, outcome from audit.pipeline_runs order by started_at").fetchall()
    assert in_snapshot == [(first.run_id, "published"), (second.run_id, "nothing_new"), (rebuilt.run_id, "published")]
    for summary in (first, second, rebuilt):
        assert re.fullmatch(r"timings: extract \d+\.\ds, load \d+\.\ds, feeds \d+\.\ds, dbt \d+\.\ds, "
                            r"validate \d+\.\ds, publish \d+\.\ds, total \d+\.\ds", summary.timings)


def test_published_database_is_read_only_for_bi_tools(published_once):
    database = published_once["warehouse"] / "published" / "planwatch.duckdb"
    assert not os.access(database, os.W_OK) or os.geteuid() == 0  # root ignores mode bits
    assert oct(database.stat().st_mode & 0o777) == "0o444"


def test_published_database_opens_in_a_duckdb_1x_client(published_once):
    if not (DUCKDB1_SITE / "duckdb").is_dir():
        pytest.fail(f"DuckDB 1.x client missing at {DUCKDB1_SITE}: `make test` installs it")
    database = published_once["warehouse"] / "published" / "planwatch.duckdb"
    probe = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
             "print(duckdb.__version__, con.execute('select count(*) from marts.fct_target').fetchone()[0])")
    out = subprocess.run(["python3", "-c", probe, str(database)], env={**os.environ, "PYTHONPATH": str(DUCKDB1_SITE)},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    version, n_targets = out.stdout.split()
    assert version.startswith("1.") and int(n_targets) > 0


def test_records_failing_row_checks_are_set_aside_and_the_rest_publishes(prefect_harness, workspace):
    planwatch_pipeline()
    inject_record(workspace["warehouse"], comparator="≈≈", value=5.0, value_base=5.0, unit="%")
    inject_record(workspace["warehouse"], record_id="injected-rate", record_no=9998, comparator="=", value=2025.0,
                  value_base=2025.0, unit="%")
    summary = planwatch_pipeline()
    assert summary.table_rows["fct_target"] > 0
    with duckdb.connect(str(workspace["warehouse"] / "published" / "planwatch.duckdb"), read_only=True) as con:
        set_aside = dict(con.execute("select record_key, check_name || ': ' || reason from marts.review_quarantine "
                                     "where record_key like 'injected-%'").fetchall())
        published = con.execute("select count(*) from marts.fct_target where target_key like 'injected-%'").fetchone()[0]
    assert set_aside["injected-broken-record"].startswith("comparator_known: ") and "≈≈" in set_aside["injected-broken-record"]
    assert set_aside["injected-rate"].startswith("rate_in_plausible_band: ")
    assert published == 0


def test_unreadable_report_is_quarantined_and_the_rest_still_publish(prefect_harness, workspace):
    (workspace["landing"] / "reports" / "broken_scan.pdf").write_bytes(b"this is not a PDF at all")
    summary = planwatch_pipeline()
    assert summary.reports_loaded == {"inserted": 1, "quarantined": 1}
    with duckdb.connect(str(workspace["warehouse"] / "published" / "planwatch.duckdb"), read_only=True) as con:
        reasons = con.execute(
            "select file_path, reason from marts.review_quarantine where source_kind = 'report'").fetchall()
        assert con.execute("select count(*) from marts.fct_target").fetchone()[0] > 0
    assert [Path(p).name for p, _ in reasons] == ["broken_scan.pdf"]
    assert reasons[0][1]


def test_changed_report_replaces_its_previous_records(prefect_harness, workspace):
    planwatch_pipeline()
    report = workspace["landing"] / "reports" / f"{SEED_DOC}.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("城镇新增就业人数2万人以上", "城镇新增就业人数3万人以上"),
                      encoding="utf-8")
    summary = planwatch_pipeline()
    assert summary.reports_loaded == {"replaced": 1}
    with duckdb.connect(str(workspace["warehouse"] / "published" / "planwatch.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from marts.dim_document").fetchone()[0] == 1
        jobs = con.execute("select value_base from marts.fct_target where source_text like '城镇新增就业人数%'").fetchall()
    assert jobs == [(30000.0,)]


def test_reports_without_any_feed_still_publish(prefect_harness, workspace):
    shutil.rmtree(workspace["landing"] / "feeds", ignore_errors=True)
    summary = planwatch_pipeline()
    assert summary.feeds == ""
    assert summary.table_rows["fct_target"] > 0


def test_bad_feed_rows_are_quarantined_while_good_rows_load_and_the_run_publishes(prefect_harness, workspace):
    feed = workspace["landing"] / "feeds" / "project_progress" / "county_upload.csv"
    feed.write_text(
        "项目名称,县(市、区),时期,总投资,年度计划投资,累计完成投资,投资单位,形象进度\n"
        "缙云抽水蓄能电站,缙云县,2025-06,1050000,82000,41000,万元,在建\n"      # good
        "衢丽铁路,丽水市,2025-06,3000000,200000,一万二,万元,在建\n"           # wrong type
        "G322景宁段改建工程,景宁畲族自治县,2025-06,50000,10000,-300,万元,在建\n",  # negative investment
        encoding="utf-8")
    missing_column = workspace["landing"] / "feeds" / "project_progress" / "no_period.csv"
    missing_column.write_text("项目名称,县(市、区),总投资,累计完成投资,投资单位\n松阳县某项目,松阳县,100,50,万元\n",
                              encoding="utf-8")
    summary = planwatch_pipeline()
    assert "quarantined" in summary.feeds
    with duckdb.connect(str(workspace["warehouse"] / "published" / "planwatch.duckdb"), read_only=True) as con:
        rows = con.execute("select file_path, row_number, column_name, reason from marts.review_quarantine "
                           "where file_path like '%county_upload.csv' order by row_number").fetchall()
        missing = con.execute("select reason from marts.review_quarantine where file_path like '%no_period.csv'").fetchall()
    assert [r[1] for r in rows] == [3, 4]
    assert all(r[3] for r in rows)
    assert missing and any("时期" in reason or "period" in reason for (reason,) in missing)
    with duckdb.connect(str(workspace["warehouse"] / "planwatch.duckdb"), read_only=True) as con:
        good = con.execute("select count(*) from raw.feed_project_progress join raw.feed_files using (file_id) "
                           "where file_path like '%county_upload.csv'").fetchone()[0]
    assert good == 1
