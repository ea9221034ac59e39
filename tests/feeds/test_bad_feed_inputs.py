"""Bad feed input of issue 10: each bad row is quarantined with file, row, column and a reason a
person can read, and the good rows of the same file still load (below the flow: load_feeds)."""
from __future__ import annotations

import shutil

import duckdb

from flows.feeds import load_feeds

HEADER = "地区,指标名称,时期,数值,单位,是否累计,同比增长(%)\n"


def _quarantined(con: duckdb.DuckDBPyConnection, file_path: str | None = None) -> list[tuple]:
    where = "where file_path = ?" if file_path else ""
    return con.execute(f"select file_path, row_number, column_name, reason, raw_value from raw.quarantine {where} "
                       f"order by file_path, row_number", [file_path] if file_path else []).fetchall()


def _loaded(con: duckdb.DuckDBPyConnection, table: str = "feed_indicator_releases") -> list[tuple]:
    return con.execute(f"select f.file_path, x.row_number from raw.{table} x join raw.feed_files f using (file_id) "
                       f"order by f.file_path, x.row_number").fetchall()


def test_growth_of_ten_thousand_percent_is_quarantined_with_file_row_column_and_reason(feeds_dir, con, write) -> None:
    write("indicator_releases/r_2025.csv", HEADER
          + "丽水市,港口货物吞吐量,2025-03,105.4,万吨,是,-4.9\n"
          + "丽水市,港口货物吞吐量,2025-04,141.8,万吨,是,10000\n"
          + "丽水市,民生支出占比,2025-04,10000,%,否,\n")
    write("target_actuals/t_2025.csv", "地区,指标,单位,年度目标,实际,增速(%),时期\n"
          + "丽水市,农林牧渔业增加值,亿元,增长4%,49.8,10000,上半年\n")

    summary = load_feeds(con, feeds_dir, "run-1")

    assert _loaded(con) == [("indicator_releases/r_2025.csv", 2)]
    assert _quarantined(con) == [
        ("indicator_releases/r_2025.csv", 3, "yoy_growth", "'yoy_growth' must be at most 1000, got 10000", "10000"),
        ("indicator_releases/r_2025.csv", 4, "value", "'value' in % must be between -100 and 1000, got 10000", "10000"),
        ("target_actuals/t_2025.csv", 2, "growth", "'growth' must be at most 1000, got 10000", "10000"),
    ]
    assert summary.reconciles and (summary.rows_in, summary.rows_loaded, summary.rows_quarantined) == (4, 1, 3)


def test_the_same_row_twice_in_a_file_loads_once_and_the_repeat_names_the_first(feeds_dir, con, write) -> None:
    row = "丽水市,港口货物吞吐量,2025-03,105.4,万吨,是,-4.9\n"
    write("indicator_releases/r_2025.csv", HEADER + row + "丽水市,港口货物吞吐量,2025-04,141.8,万吨,是,\n" + row)

    summary = load_feeds(con, feeds_dir, "run-1")

    assert _loaded(con) == [("indicator_releases/r_2025.csv", 2), ("indicator_releases/r_2025.csv", 3)]
    [(_, row_number, column, reason, _)] = _quarantined(con)
    assert (row_number, column) == (4, "region,indicator,period_start,period_end")
    assert reason == "duplicate of row 2 of this file (same region, indicator and period): counted once"
    assert summary.files[0].rows_loaded == 2 and summary.files[0].rows_quarantined == 1 and summary.reconciles
    files = con.execute("select rows_in, rows_loaded, rows_quarantined from raw.feed_files").fetchall()
    assert files == [(3, 2, 1)]


def test_a_copied_feed_file_is_not_counted_twice_and_loads_when_the_original_goes(feeds_dir, con, write) -> None:
    original = write("indicator_releases/a_2025.csv", HEADER + "丽水市,港口货物吞吐量,2025-03,105.4,万吨,是,-4.9\n"
                     + "丽水市,港口货物吞吐量,2025-04,141.8,万吨,是,\n")
    shutil.copy(original, feeds_dir / "indicator_releases" / "b_2025_copy.csv")

    first = load_feeds(con, feeds_dir, "run-1")

    assert _loaded(con) == [("indicator_releases/a_2025.csv", 2), ("indicator_releases/a_2025.csv", 3)]
    reasons = [r[3] for r in _quarantined(con, "indicator_releases/b_2025_copy.csv")]
    assert reasons == [
        "duplicate of row 2 of indicator_releases/a_2025.csv (same region, indicator and period): counted once; "
        "this file is a byte-for-byte copy of indicator_releases/a_2025.csv",
        "duplicate of row 3 of indicator_releases/a_2025.csv (same region, indicator and period): counted once; "
        "this file is a byte-for-byte copy of indicator_releases/a_2025.csv",
    ]
    assert (first.rows_in, first.rows_loaded, first.rows_quarantined) == (4, 2, 2) and first.reconciles

    original.unlink()
    second = load_feeds(con, feeds_dir, "run-2")

    assert _loaded(con) == [("indicator_releases/b_2025_copy.csv", 2), ("indicator_releases/b_2025_copy.csv", 3)]
    assert _quarantined(con) == []
    assert (second.rows_in, second.rows_loaded, second.rows_quarantined) == (2, 2, 0)


def test_rows_repeating_a_file_loaded_by_an_earlier_run_are_quarantined(feeds_dir, con, write) -> None:
    write("project_progress/p_2025_06.csv", "项目名称,县(市、区),时期,累计完成投资,投资单位\n缙云抽水蓄能电站,缙云县,2025-06,41000,万元\n")
    load_feeds(con, feeds_dir, "run-1")
    write("project_progress/p_2025_06_resent.csv", "项目名称,县(市、区),时期,累计完成投资,投资单位\n"
          "缙云抽水蓄能电站,缙云县,2025-06,4.1,亿元\n缙云抽水蓄能电站,缙云县,2025-07,4.9,亿元\n")

    load_feeds(con, feeds_dir, "run-2")

    assert _loaded(con, "feed_project_progress") == [("project_progress/p_2025_06.csv", 2),
                                                      ("project_progress/p_2025_06_resent.csv", 3)]
    [(_, row_number, _, reason, _)] = _quarantined(con)
    assert row_number == 2 and reason.startswith("duplicate of row 2 of project_progress/p_2025_06.csv "
                                                 "(same project_name, county and period)")


def test_periods_outside_the_years_a_2025_file_can_cover_are_quarantined(feeds_dir, con, write) -> None:
    write("indicator_releases/r_2025.csv", HEADER
          + "丽水市,港口货物吞吐量,2099-01,1,万吨,是,\n"
          + "丽水市,港口货物吞吐量,1800-01,1,万吨,是,\n"
          + "丽水市,港口货物吞吐量,2031-06,1,万吨,是,\n"
          + "丽水市,港口货物吞吐量,2024-12,480,万吨,是,\n"
          + "丽水市,港口货物吞吐量,2025-06,255,万吨,是,\n")

    load_feeds(con, feeds_dir, "run-1")

    assert _loaded(con) == [("indicator_releases/r_2025.csv", 5), ("indicator_releases/r_2025.csv", 6)]
    rows = _quarantined(con)
    assert [(r[1], r[2], r[4]) for r in rows] == [(2, "period", "2099-01"), (3, "period", "1800-01"),
                                                  (4, "period", "2031-06")]
    assert rows[0][3] == ("period '2099-01' falls outside the years this file can cover "
                          "(2024–2026: the file is named for 2025)")


def test_a_file_without_a_year_in_its_name_refuses_periods_before_1949_or_after_next_year(feeds_dir, con, write) -> None:
    write("indicator_releases/releases.csv", HEADER + "丽水市,港口货物吞吐量,2099-01,1,万吨,是,\n"
          + "丽水市,港口货物吞吐量,1800-01,1,万吨,是,\n" + "丽水市,港口货物吞吐量,2025-06,255,万吨,是,\n")
    load_feeds(con, feeds_dir, "run-1")
    assert _loaded(con) == [("indicator_releases/releases.csv", 4)]
    assert all("no year in the file name" in r[3] for r in _quarantined(con))


def test_units_of_another_dimension_than_the_indicator_are_quarantined(feeds_dir, con, write) -> None:
    write("indicator_releases/r_2025.csv", HEADER
          + "丽水市,某项指标,2025-01,12,亿元,是,\n"
          + "丽水市,某项指标,2025-02,130000,万元,是,\n"
          + "丽水市,某项指标,2025-03,3,万人,是,\n"
          + "丽水市,某项指标,2025-04,5,%,是,\n"
          + "丽水市,城镇新增就业人数,2025-04,1.2,亿元,是,\n"
          + "丽水市,城镇新增就业人数,2025-05,1.4,万人,是,\n")

    load_feeds(con, feeds_dir, "run-1")

    assert _loaded(con) == [("indicator_releases/r_2025.csv", r) for r in (2, 3, 7)]
    rows = _quarantined(con)
    assert [(r[1], r[2], r[4]) for r in rows] == [(4, "unit", "万人"), (5, "unit", "%"), (6, "unit", "亿元")]
    assert rows[0][3] == ("unit '万人' measures count, but '某项指标' is measured in money by its other rows in this "
                          "file (row 2: '亿元')")
    assert rows[2][3] == "unit '亿元' measures money, but '城镇新增就业人数' is measured in count (its name ends in '人数')"


def test_an_empty_unit_where_the_indicator_implies_one_is_quarantined_and_a_bare_ratio_loads(feeds_dir, con, write) -> None:
    write("indicator_releases/r_2025.csv", HEADER
          + "丽水市,港口货物吞吐量,2025-01,34.7,万吨,是,\n"
          + "丽水市,港口货物吞吐量,2025-02,5,,是,\n"
          + "丽水市,港口货物吞吐量,2025-03,105.4,万吨,是,\n"
          + "丽水市,城镇新增就业人数,2025-03,6052,,是,\n"
          + "丽水市,城乡居民收入倍差,2025-03,1.9,,否,\n"
          + "丽水市,港口货物吞吐量,2025-04,,,是,-4.9\n")

    load_feeds(con, feeds_dir, "run-1")

    assert _loaded(con) == [("indicator_releases/r_2025.csv", r) for r in (2, 4, 6, 7)]
    assert [(r[1], r[3]) for r in _quarantined(con)] == [
        (3, "unit is empty, but '港口货物吞吐量' is measured in mass by its other rows in this file (row 2: '万吨')"),
        (5, "unit is empty, but '城镇新增就业人数' is measured in count (its name ends in '人数')"),
    ]


def test_xlsx_formula_without_a_computed_value_is_named_and_merged_cells_fill_down(feeds_dir, con) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["地区", "指标名称", "时期", "数值", "单位", "是否累计"])
    sheet.append(["丽水市", "港口货物吞吐量", "2025-01", 34.7, "万吨", "是"])
    sheet.append([None, "港口货物吞吐量", "2025-02", 71.5, "万吨", "是"])
    sheet.append([None, "港口货物吞吐量", "2025-03", "=D3+33.9", "万吨", "是"])
    sheet.merge_cells("A2:A4")  # one 丽水市 for three rows, as a person lays out a table
    (feeds_dir / "indicator_releases").mkdir()
    book.save(feeds_dir / "indicator_releases" / "x_2025.xlsx")  # openpyxl stores no computed value

    summary = load_feeds(con, feeds_dir, "run-1")

    loaded = con.execute("select row_number, region, value from raw.feed_indicator_releases order by 1").fetchall()
    assert loaded == [(2, "丽水市", 34.7), (3, "丽水市", 71.5)]
    [(_, row_number, column, reason, raw)] = _quarantined(con)
    assert (row_number, column, raw) == (4, "value", "=D3+33.9")
    assert reason.startswith("cell D4 holds the formula =D3+33.9 but no computed value")
    assert summary.reconciles


def test_csv_rows_are_numbered_by_their_line_across_blank_lines_quoted_breaks_and_extra_cells(feeds_dir, con, write) -> None:
    write("indicator_releases/r_2025.csv", "# 合成样例\n" + HEADER.rstrip("\n") + ",备注\n"
          + "丽水市,港口货物吞吐量,2025-01,34.7,万吨,是,,\n"
          + "\n"
          + '"丽水市",港口货物吞吐量,2025-02,71.5,万吨,是,,"说明\n第二行"\n'
          + "丽水市,港口货物吞吐量,2025-03,105.4,万吨,是,,,多余\n"
          + ",,,,,,,\n"
          + "丽水市,港口货物吞吐量,2025-04,141.8,万吨,是,,\n")
    write("indicator_releases/s_2025.csv", HEADER + "丽水市,新增跨境电商主体,2025-01,7,家,是,\n"
          + "丽水市,新增跨境电商主体,2025-02,13,家,是,,多余\n" + "丽水市,新增跨境电商主体,2025-03,19,家,是,\n")

    summary = load_feeds(con, feeds_dir, "run-1")

    assert [r for r in _loaded(con) if r[0].endswith("s_2025.csv")] == [
        ("indicator_releases/s_2025.csv", 2), ("indicator_releases/s_2025.csv", 4)]
    assert [(r[0][-10:], r[1], r[3], r[4]) for r in _quarantined(con)] == [
        ("r_2025.csv", 7, "row has more cells than the header has columns", "多余"),
        ("s_2025.csv", 3, "row has more cells than the header has columns", "多余"),
    ]
    # Python numbers the quoted line break and blank lines: lines 3, 5 and 9 of the file.
    assert [r for r in _loaded(con) if r[0].endswith("r_2025.csv")] == [
        ("indicator_releases/r_2025.csv", 3), ("indicator_releases/r_2025.csv", 5), ("indicator_releases/r_2025.csv", 9)]
    assert summary.reconciles


def test_a_line_of_empty_cells_is_no_row_and_the_rows_after_it_keep_their_line(feeds_dir, con, write) -> None:
    # Read by DuckDB (no blank line, no quoted break): every record is a line, one of them holds nothing.
    write("indicator_releases/r_2025.csv", HEADER + "丽水市,港口货物吞吐量,2025-01,34.7,万吨,是,\n"
          + ",,,,,,\n" + "丽水市,港口货物吞吐量,2025-02,71.5,万吨,是,\n")

    summary = load_feeds(con, feeds_dir, "run-1")

    assert _loaded(con) == [("indicator_releases/r_2025.csv", 2), ("indicator_releases/r_2025.csv", 4)]
    assert (summary.rows_in, summary.rows_loaded, summary.rows_quarantined) == (2, 2, 0)


def test_a_csv_large_enough_to_be_read_on_every_thread_keeps_each_row_on_its_line(feeds_dir, con) -> None:
    # ~27 MB: DuckDB's reader splits it between threads; the row numbers still follow the file's lines.
    path = feeds_dir / "indicator_releases" / "big_2025.csv"
    path.parent.mkdir()
    rows = 400_000
    path.write_text(HEADER + "".join(f"丽水市,指标{i},2025-06,{i},万吨,是,\n" for i in range(rows)), encoding="utf-8")
    # Even on a connection set to give up insertion order (DuckDB then interleaves the threads' rows).
    con.execute("set threads = 2; set preserve_insertion_order = false")

    summary = load_feeds(con, feeds_dir, "run-1")

    assert summary.rows_loaded == rows
    assert con.execute("select count(*) from raw.feed_indicator_releases "
                       "where row_number <> value + 2 or indicator <> '指标' || value::bigint").fetchone()[0] == 0
    assert con.execute("select current_setting('preserve_insertion_order')").fetchone()[0] is False


def test_a_line_that_is_not_utf8_in_a_large_utf8_file_is_quarantined_and_the_rest_loads(feeds_dir, con) -> None:
    path = feeds_dir / "indicator_releases" / "big_2025.csv"
    path.parent.mkdir()
    lines = [f"丽水市,指标{i},2025-06,{i},万吨,是,\n".encode("utf-8") for i in range(12_000)]
    lines[11_000] = "丽水市,指标坏,2025-06,1,万吨,是,\n".encode("utf-8")[:-6] + b"\xff\xfe,\n"
    path.write_bytes(HEADER.encode("utf-8") + b"".join(lines))

    summary = load_feeds(con, feeds_dir, "run-1")

    assert (summary.rows_in, summary.rows_loaded, summary.rows_quarantined) == (12_000, 11_999, 1)
    [(_, row_number, _, reason, _)] = _quarantined(con)
    assert row_number == 11_002 and "not valid UTF-8" in reason


def test_cells_read_as_written_and_cells_read_through_their_lookup_give_the_same_rows(feeds_dir, con) -> None:
    # The clean file's region and indicator cells are all their own values, so the checks read the cells
    # themselves; the spaced file has a region cell to strip and an empty indicator, so it goes through lookups.
    rows = ["丽水市,港口货物吞吐量,2025-01,34.7,万吨,是,", "缙云县,港口货物吞吐量,2025-02,71.5,万吨,是,"]
    spaced = [rows[0].replace("丽水市", "\u3000丽水市 "), rows[1], "缙云县,,2025-03,9.1,万吨,是,"]
    loaded, quarantined = {}, {}
    for name, lines in (("clean", rows), ("spaced", spaced)):
        folder = feeds_dir / name / "indicator_releases"
        folder.mkdir(parents=True)
        (folder / f"{name}_2025.csv").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
        load_feeds(con, feeds_dir / name, name)
        loaded[name] = con.execute("select row_number, region, indicator, period_start, value_base "
                                   "from raw.feed_indicator_releases join raw.feed_files using (file_id) "
                                   "where file_path like ? order by row_number",
                                   [f"%{name}_2025.csv"]).fetchall()
        quarantined[name] = [r[1:4] for r in _quarantined(con, f"indicator_releases/{name}_2025.csv")]

    assert [r[1] for r in loaded["clean"]] == ["丽水市", "缙云县"]
    assert loaded["spaced"] == loaded["clean"]
    assert quarantined == {"clean": [], "spaced": [(4, "indicator", "required value of 'indicator' is empty")]}
