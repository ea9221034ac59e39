from __future__ import annotations

from pathlib import Path

import duckdb

from flows.feeds import load_feeds

PROGRESS_WITH_BAD_ROWS = """\
项目名称,县(市、区),时期,总投资,年度计划投资,累计完成投资,投资单位,形象进度
缙云抽水蓄能电站,缙云县,2025-06,1050000,82000,41000,万元,在建
丽水机场,丽水市,2025-06,360000,41000
景宁抽水蓄能电站,景宁畲族自治县,2025-06,820000,95000,很多,万元,在建
松阳抽水蓄能电站,松阳县,2025-06,790000,88000,-500,万元,在建
庆元抽水蓄能电站,庆元县,2025-06,7.9,0.8,0.41,亿元,在建
"""


def _quarantine(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "select row_number, column_name, reason, raw_value from raw.quarantine order by row_number"
    ).fetchall()


def test_bad_rows_are_quarantined_with_reasons_and_good_rows_of_the_same_file_load(feeds_dir: Path, con, write) -> None:
    write("project_progress/p_2025.csv", PROGRESS_WITH_BAD_ROWS)

    summary = load_feeds(con, feeds_dir, "run-1")

    loaded = con.execute("select project_name, row_number from raw.feed_project_progress order by row_number").fetchall()
    assert loaded == [("缙云抽水蓄能电站", 2), ("庆元抽水蓄能电站", 6)]
    rows = _quarantine(con)
    assert [r[0] for r in rows] == [3, 4, 5]  # CSV line numbers, header on line 1
    missing, wrong_type, negative = rows
    assert missing[1] == "completed_investment,investment_unit"
    assert "required value of 'completed_investment' is empty" in missing[2]
    assert wrong_type[1] == "completed_investment" and "expected a number, got '很多'" in wrong_type[2]
    assert negative[1] == "completed_investment" and "must be at least 0, got -500" in negative[2]
    assert (summary.rows_in, summary.rows_loaded, summary.rows_quarantined) == (5, 2, 3)
    assert summary.reconciles


def test_quarantine_rows_name_the_file_hash_and_feed(feeds_dir: Path, con, write) -> None:
    write("project_progress/p_2025.csv", PROGRESS_WITH_BAD_ROWS)
    load_feeds(con, feeds_dir, "run-1")
    kinds = con.execute("select distinct source_kind, file_path, length(file_hash) from raw.quarantine").fetchall()
    assert kinds == [("feed:project_progress", "project_progress/p_2025.csv", 64)]


def test_file_missing_a_required_column_quarantines_every_row_and_still_reconciles(feeds_dir: Path, con, write) -> None:
    write("indicator_releases/r_2025.csv", "地区,时期,数值,单位\n丽水市,2025-03,5,万吨\n丽水市,2025-04,6,万吨\n")
    summary = load_feeds(con, feeds_dir, "run-1")
    reasons = [r[2] for r in _quarantine(con)]
    assert reasons == ["required column 'indicator' is missing from the file header"] * 2
    assert (summary.rows_in, summary.rows_loaded, summary.rows_quarantined) == (2, 0, 2)


def test_gb18030_file_with_full_width_digits_loads_as_numbers(feeds_dir: Path, con, write) -> None:
    text = "# 合成样例\n地区,指标名称,时期,数值,单位,是否累计\n丽水市,粮食总产量,前三季度,７．３６,亿斤,是\n"
    write("indicator_releases/q_2025.csv", text, encoding="gb18030")
    load_feeds(con, feeds_dir, "run-1")
    row = con.execute("select indicator, value, unit, period_end, is_cumulative from raw.feed_indicator_releases").fetchone()
    assert row[:3] == ("粮食总产量", 7.36, "亿斤")
    assert str(row[3]) == "2025-09-30" and row[4] is True


def test_loading_the_same_files_twice_changes_nothing(feeds_dir: Path, con, write) -> None:
    write("project_progress/p_2025.csv", PROGRESS_WITH_BAD_ROWS)
    load_feeds(con, feeds_dir, "run-1")
    before = con.execute("select * from raw.feed_project_progress order by row_number").fetchall()

    second = load_feeds(con, feeds_dir, "run-2")

    assert second.files_unchanged == 1 and second.files_loaded == 0
    assert con.execute("select * from raw.feed_project_progress order by row_number").fetchall() == before
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 3
    assert (second.rows_in, second.rows_loaded, second.rows_quarantined) == (5, 2, 3)


def test_changed_file_replaces_its_rows_and_quarantine_records(feeds_dir: Path, con, write) -> None:
    path = write("project_progress/p_2025.csv", PROGRESS_WITH_BAD_ROWS)
    load_feeds(con, feeds_dir, "run-1")
    path.write_text(PROGRESS_WITH_BAD_ROWS.replace(",很多,", ",47000,").replace(",-500,", ",50000,"), encoding="utf-8")

    summary = load_feeds(con, feeds_dir, "run-2")

    assert summary.files[0].action == "replaced"
    assert con.execute("select count(*) from raw.feed_project_progress").fetchone()[0] == 4
    assert [r[0] for r in _quarantine(con)] == [3]


def test_file_removed_from_landing_takes_its_rows_with_it(feeds_dir: Path, con, write) -> None:
    path = write("project_progress/p_2025.csv", PROGRESS_WITH_BAD_ROWS)
    load_feeds(con, feeds_dir, "run-1")
    path.unlink()
    summary = load_feeds(con, feeds_dir, "run-2")
    assert summary.files_removed == 1
    assert con.execute("select count(*) from raw.feed_project_progress").fetchone()[0] == 0
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 0


def test_unreadable_file_is_one_quarantine_record_without_a_row_number(feeds_dir: Path, con, write) -> None:
    write("project_progress/p_2025.json", "{not json")
    summary = load_feeds(con, feeds_dir, "run-1")
    assert summary.files_unreadable == 1
    assert con.execute("select row_number, reason like 'invalid JSON%' from raw.quarantine").fetchall() == [(None, True)]


def test_json_progress_in_yi_yuan_keeps_its_unit_and_stage_code(feeds_dir: Path, con, write) -> None:
    write("project_progress/p_2025.json",
          '{"rows": [{"项目名称": "缙云抽水蓄能电站", "县(市、区)": "缙云县", "时期": "1-6月", '
          '"累计完成投资": 4.1, "投资单位": "亿元", "形象进度": "建成"}]}')
    load_feeds(con, feeds_dir, "run-1")
    row = con.execute("select completed_investment, investment_unit, stage, stage_code, row_number "
                      "from raw.feed_project_progress").fetchone()
    assert row == (4.1, "亿元", "建成", "completed", 1)


def test_header_titled_with_its_period_maps_to_the_contract_column(feeds_dir: Path, con, write) -> None:
    write("target_actuals/t_2025.csv",
          "地区,指标,单位,年度目标,1-6月实际,增速(%),时期\n丽水市,城镇登记失业率,%,控制在3%以内,2.47,,2025年1-6月\n")
    load_feeds(con, feeds_dir, "run-1")
    assert con.execute("select actual from raw.feed_target_actuals").fetchone() == (2.47,)


def test_unchanged_file_is_reloaded_when_its_contract_changes(feeds_dir: Path, con, write, monkeypatch) -> None:
    import flows.feeds.load as load_module

    write("project_progress/p_2025.csv", PROGRESS_WITH_BAD_ROWS)
    load_feeds(con, feeds_dir, "run-1")
    monkeypatch.setattr(load_module, "reader_version", lambda contract: "a-newer-contract")
    summary = load_feeds(con, feeds_dir, "run-2")
    assert summary.files[0].action == "replaced"
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 3


def test_file_outside_every_feed_folder_is_reported_not_silently_skipped(feeds_dir: Path, con, write) -> None:
    write("releases_2025.csv", "地区,指标名称,时期,数值,单位\n丽水市,粮食总产量,上半年,1.9,亿斤\n")
    write("README.md", "# notes\n")
    summary = load_feeds(con, feeds_dir, "run-1")
    assert [(f.file_path, f.action) for f in summary.files] == [("releases_2025.csv", "unreadable")]
    reason = con.execute("select reason from raw.quarantine where file_path = 'releases_2025.csv'").fetchall()
    assert len(reason) == 1 and reason[0][0].startswith("not in a feed folder: put it under one of indicator_releases/")
    load_feeds(con, feeds_dir, "run-2")
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 1


def test_xlsx_with_a_title_row_and_date_cells_for_months_loads(feeds_dir: Path, con) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["# 合成样例 title row"])
    sheet.append(["地区", "指标名称", "时期", "数值", "单位", "是否累计"])
    sheet.append(["丽水市", "港口货物吞吐量", datetime(2025, 6, 1), 255, "万吨", "是"])
    sheet.append(["丽水市", "港口货物吞吐量", "2025年", 480.5, "万吨", "是"])
    (feeds_dir / "indicator_releases").mkdir()
    book.save(feeds_dir / "indicator_releases" / "x_2025.xlsx")

    summary = load_feeds(con, feeds_dir, "run-1")

    assert (summary.rows_loaded, summary.rows_quarantined) == (2, 0)
    rows = con.execute("select row_number, period, period_months, value_base from raw.feed_indicator_releases "
                       "order by row_number").fetchall()
    assert rows == [(3, "2025-06", 6, 2_550_000), (4, "2025年", 12, 4_805_000)]


def test_a_warehouse_with_the_file_hash_on_every_row_keeps_its_rows_and_reloads_nothing(feeds_dir: Path, con,
                                                                                       write) -> None:
    write("project_progress/p_2025.csv", PROGRESS_WITH_BAD_ROWS)
    load_feeds(con, feeds_dir, "run-1")
    # The shape raw feed rows had before the file's hash, run and load time moved to raw.feed_files.
    con.execute("alter table raw.feed_project_progress add column file_hash varchar")
    con.execute("alter table raw.feed_project_progress add column run_id varchar")
    con.execute("alter table raw.feed_project_progress add column loaded_at timestamp")
    con.execute("update raw.feed_project_progress set file_hash = 'x', run_id = 'run-1', loaded_at = now()")

    second = load_feeds(con, feeds_dir, "run-2")

    columns = {c for (c,) in con.execute("select column_name from information_schema.columns "
                                         "where table_name = 'feed_project_progress'").fetchall()}
    assert not columns & {"file_hash", "run_id", "loaded_at"}
    assert second.files_unchanged == 1
    assert con.execute("select project_name, row_number from raw.feed_project_progress order by row_number"
                       ).fetchall() == [("缙云抽水蓄能电站", 2), ("庆元抽水蓄能电站", 6)]


def test_a_warehouse_with_the_file_path_on_every_row_gets_file_ids_keeps_its_rows_and_reloads_nothing(
        feeds_dir: Path, con, write) -> None:
    write("project_progress/p_2025.csv", PROGRESS_WITH_BAD_ROWS)
    write("indicator_releases/b_2025.csv", "地区,指标名称,时期,数值,单位\n丽水市,地区生产总值,2025-06,900,亿元\n")
    write("indicator_releases/a_2025.csv", "地区,指标名称,时期,数值,单位\n缙云县,地区生产总值,2025-06,120,亿元\n")
    load_feeds(con, feeds_dir, "run-1")
    before = con.execute("select f.file_path, x.row_number, x.region, x.value from raw.feed_indicator_releases x "
                         "join raw.feed_files f using (file_id) order by all").fetchall()
    # The shape raw feed rows had before they held their file's id: its path, and no id in raw.feed_files.
    for table in ("feed_indicator_releases", "feed_target_actuals", "feed_project_progress", "feed_article_figures"):
        con.execute(f"alter table raw.{table} add column file_path varchar")
        con.execute(f"update raw.{table} x set file_path = f.file_path from raw.feed_files f where f.file_id = x.file_id")
        con.execute(f"alter table raw.{table} drop column file_id")
    con.execute("alter table raw.feed_files drop column file_id")

    second = load_feeds(con, feeds_dir, "run-2")

    assert second.files_unchanged == 3 and second.files_loaded == 0
    for table in ("feed_indicator_releases", "feed_project_progress"):
        columns = {c for (c,) in con.execute("select column_name from information_schema.columns "
                                             "where table_name = ?", [table]).fetchall()}
        assert "file_id" in columns and "file_path" not in columns
    assert con.execute("select f.file_path, x.row_number, x.region, x.value from raw.feed_indicator_releases x "
                       "join raw.feed_files f using (file_id) order by all").fetchall() == before
    assert con.execute("select project_name, row_number from raw.feed_project_progress order by row_number"
                       ).fetchall() == [("缙云抽水蓄能电站", 2), ("庆元抽水蓄能电站", 6)]
    assert con.execute("select count(distinct file_id) = count(*) from raw.feed_files").fetchone()[0]


def test_a_replaced_file_keeps_its_rows_apart_from_every_other_file(feeds_dir: Path, con, write) -> None:
    write("indicator_releases/a_2025.csv", "地区,指标名称,时期,数值,单位\n缙云县,地区生产总值,2025-06,120,亿元\n")
    write("indicator_releases/b_2025.csv", "地区,指标名称,时期,数值,单位\n丽水市,地区生产总值,2025-06,900,亿元\n")
    load_feeds(con, feeds_dir, "run-1")
    write("indicator_releases/a_2025.csv", "地区,指标名称,时期,数值,单位\n缙云县,地区生产总值,2025-06,121,亿元\n"
          "缙云县,地区生产总值,2025-05,100,亿元\n")

    load_feeds(con, feeds_dir, "run-2")

    assert con.execute("select f.file_path, x.row_number, x.value from raw.feed_indicator_releases x "
                       "join raw.feed_files f using (file_id) order by all").fetchall() == [
        ("indicator_releases/a_2025.csv", 2, 121.0), ("indicator_releases/a_2025.csv", 3, 100.0),
        ("indicator_releases/b_2025.csv", 2, 900.0)]
    assert con.execute("select count(distinct file_id) = count(*) from raw.feed_files").fetchone()[0]


def _file_ids(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute("select file_path, file_id from raw.feed_files").fetchall())


def test_a_file_loaded_after_the_newest_file_was_removed_never_takes_its_id(feeds_dir: Path, con, write) -> None:
    write("indicator_releases/a_2025.csv", "地区,指标名称,时期,数值,单位\n缙云县,地区生产总值,2025-06,120,亿元\n")
    newest = write("indicator_releases/b_2025.csv", "地区,指标名称,时期,数值,单位\n丽水市,地区生产总值,2025-06,900,亿元\n")
    load_feeds(con, feeds_dir, "run-1")
    removed_id = _file_ids(con)["indicator_releases/b_2025.csv"]
    assert removed_id == max(_file_ids(con).values())
    newest.unlink()
    load_feeds(con, feeds_dir, "run-2")
    write("indicator_releases/c_2025.csv", "地区,指标名称,时期,数值,单位\n松阳县,地区生产总值,2025-06,80,亿元\n")

    load_feeds(con, feeds_dir, "run-3")

    ids = _file_ids(con)
    assert set(ids) == {"indicator_releases/a_2025.csv", "indicator_releases/c_2025.csv"}
    assert ids["indicator_releases/c_2025.csv"] > removed_id
    assert con.execute("select f.file_path, x.region from raw.feed_indicator_releases x "
                       "join raw.feed_files f using (file_id) order by all").fetchall() == [
        ("indicator_releases/a_2025.csv", "缙云县"), ("indicator_releases/c_2025.csv", "松阳县")]


def test_a_warehouse_recorded_before_the_id_sequence_gives_new_files_ids_above_its_own(
        feeds_dir: Path, con, write) -> None:
    write("indicator_releases/a_2025.csv", "地区,指标名称,时期,数值,单位\n缙云县,地区生产总值,2025-06,120,亿元\n")
    write("indicator_releases/b_2025.csv", "地区,指标名称,时期,数值,单位\n丽水市,地区生产总值,2025-06,900,亿元\n")
    load_feeds(con, feeds_dir, "run-1")
    con.execute("drop sequence raw.feed_file_ids")  # as a warehouse whose ids were max + 1 holds them
    before = _file_ids(con)
    write("indicator_releases/c_2025.csv", "地区,指标名称,时期,数值,单位\n松阳县,地区生产总值,2025-06,80,亿元\n")

    second = load_feeds(con, feeds_dir, "run-2")

    assert second.files_unchanged == 2 and second.files_loaded == 1
    ids = _file_ids(con)
    assert {k: v for k, v in ids.items() if k in before} == before
    assert ids["indicator_releases/c_2025.csv"] > max(before.values())
