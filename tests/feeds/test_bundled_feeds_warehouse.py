"""The bundled sample feeds against the real Lishui 2025 report, through load_feeds and dbt."""
from __future__ import annotations

import duckdb
import pytest

from flows.extract import EXTRACTOR_VERSION, extract_document
from flows.ingest import ingest_file
from flows.settings import PROJECT_ROOT
from flows.warehouse.load_reports import load_document

from .warehouse_build import build_warehouse

LISHUI = PROJECT_ROOT.parent / "shared" / "corpus" / "reports" / "lishui_2025_plan_report_part2.txt"
BUNDLED = PROJECT_ROOT / "warehouse" / "landing" / "feeds"


def _lishui(con: duckdb.DuckDBPyConnection) -> None:
    if not LISHUI.is_file():
        pytest.fail(f"the shared corpus is missing at {LISHUI}")
    doc = ingest_file(LISHUI)
    load_document(con, doc, extract_document(doc), [], EXTRACTOR_VERSION, "test-run")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("bundled")
    summary = build_warehouse(root / "planwatch.duckdb", BUNDLED, _lishui)
    con = duckdb.connect(str(root / "planwatch.duckdb"), read_only=True)
    yield con, summary
    con.close()


def test_every_target_with_a_feed_series_gets_a_status(warehouse) -> None:
    con, _ = warehouse
    with_series = con.execute(
        "select indicator_text, status from marts.fct_target_attainment where has_series"
    ).fetchall()
    assert len(with_series) >= 8
    assert [name for name, status in with_series if status == "no_data"] == []
    statuses = {status for _, status in with_series}
    assert {"met", "on_track", "at_risk", "off_track"} <= statuses


def test_every_project_named_in_the_feeds_resolves_or_is_listed_for_review(warehouse) -> None:
    con, _ = warehouse
    unresolved = con.execute("""
        select distinct project_name_in_feed, county_name from marts.fct_project_progress where project_key is null
        except
        select name_in_feed, region_name from marts.review_feed_matches where entity = 'project'
    """).fetchall()
    assert unresolved == []
    matched = con.execute(
        "select count(distinct project_name_in_feed) from marts.fct_project_progress where match_status = 'matched'"
    ).fetchone()[0]
    assert matched >= 12
    jinyun = con.execute(
        "select distinct matched_project_name from marts.fct_project_progress "
        "where project_name_in_feed = '浙江缙云抽水蓄能电站项目'"
    ).fetchall()
    assert jinyun == [("缙云抽水蓄能电站",)]


def test_feed_row_counts_reconcile_from_files_to_marts(warehouse) -> None:
    con, summary = warehouse
    assert summary.reconciles and summary.files_unreadable == 0
    per_file = con.execute("""
        select f.file_path, f.rows_in, f.rows_loaded, f.rows_quarantined,
               (select count(*) from raw.quarantine q where q.file_path = f.file_path) as quarantine_rows
        from raw.feed_files f
    """).fetchall()
    for file_path, rows_in, loaded, quarantined, quarantine_rows in per_file:
        assert rows_in == loaded + quarantined == loaded + quarantine_rows, file_path
    indicator_rows = con.execute("""
        select (select count(*) from raw.feed_indicator_releases) + (select count(*) from raw.feed_target_actuals)
             + (select count(*) from raw.feed_article_figures)
    """).fetchone()[0]
    actual_rows = con.execute("select count(distinct (file_path, row_number)) from marts.fct_indicator_actual").fetchone()[0]
    assert actual_rows == indicator_rows
    progress = con.execute(
        "select (select count(*) from raw.feed_project_progress), (select count(*) from marts.fct_project_progress)"
    ).fetchone()
    assert progress[0] == progress[1]
    assert summary.rows_loaded == indicator_rows + progress[0]


def _validate(frame, expectations) -> list[str]:
    import great_expectations as gx

    from flows.quality.suites import build_suite

    context = gx.get_context(mode="ephemeral")
    asset = context.data_sources.add_pandas("frames").add_dataframe_asset("frame")
    batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(build_suite("check", expectations))
    return [f"{r.expectation_config.type}({r.expectation_config.kwargs.get('column', '')})"
            for r in result.results if not r.success]


def test_feed_marts_and_raw_tables_pass_their_expectation_suites(warehouse) -> None:
    from flows.quality.feed_suites import FEED_SUITES

    con, _ = warehouse
    failures = {}
    for table, expectations in FEED_SUITES.items():
        schema = "raw" if table.startswith("feed_") else "marts"
        failed = _validate(con.execute(f"select * from {schema}.{table}").df(), expectations)
        if failed:
            failures[table] = failed
    assert failures == {}


def test_attainment_suite_rejects_an_unknown_status_and_a_status_without_an_actual(warehouse) -> None:
    from flows.quality.feed_suites import FEED_SUITES

    con, _ = warehouse
    frame = con.execute("select * from marts.fct_target_attainment").df()
    frame.loc[0, "status"] = "fine"
    frame.loc[1, ["status", "actual_key"]] = ["met", None]
    failed = _validate(frame, FEED_SUITES["fct_target_attainment"])
    assert "expect_column_values_to_be_in_set(status)" in failed
    assert "expect_column_values_to_not_be_null(actual_key)" in failed


@pytest.mark.parametrize(
    ("feed_name", "county", "status", "report_name"),
    [
        ("浙江缙云抽水蓄能电站项目", "缙云县", "matched", "缙云抽水蓄能电站"),  # province prefix and 项目 dropped
        ("国道G322景宁段改建工程", "景宁畲族自治县", "matched", "G322景宁段改建工程"),  # 国道 before a road number
        ("庆元县人民医院迁建项目", "庆元县", "matched", "庆元人民医院迁建工程"),  # county in full, 项目 vs 工程
        ("缙云县棠溪水库工程", "缙云县", "matched", "缙云棠溪水库"),
        ("爱玛新能源智慧出行项目（一期）", "丽水市", "matched", "爱玛新能源智慧出行项目(一期)"),  # full-width brackets
        ("衢丽铁路(丽水段)", "丽水市", "matched", "衢丽铁路"),  # the report's name inside the feed's
        ("抽水蓄能电站", "丽水市", "ambiguous", None),  # six stations fit: review, not a guess
        ("丽水市生态产品价值实现中心", "丽水市", "unmatched", None),
    ],
)
def test_feed_project_names_resolve_by_normalised_name_and_region(warehouse, feed_name, county, status, report_name) -> None:
    con, _ = warehouse
    rows = con.execute(
        "select distinct match_status, matched_project_name from marts.fct_project_progress "
        "where project_name_in_feed = ? and county_name = ?", [feed_name, county]
    ).fetchall()
    assert rows == [(status, report_name)]
