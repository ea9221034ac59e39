"""The contract checks, in the SQL generated from the contracts, on rows given as text cells."""
from __future__ import annotations

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.feeds.checks import check_header, define_macros
from flows.feeds.contracts import INDICATOR_RELEASES, PROJECT_PROGRESS
from flows.feeds.load import check_rows

_FULLWIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


@pytest.fixture(scope="module")
def sql():
    connection = duckdb.connect()
    define_macros(connection)
    yield connection
    connection.close()


def _number(sql, text: str) -> float | None:
    return sql.execute("select case when isfinite(pw_number(?)) then pw_number(?) end", [text, text]).fetchone()[0]


@pytest.mark.parametrize(
    ("cell", "value"),
    [("55.6", 55.6), ("５５．６", 55.6), ("1,234.5", 1234.5), ("11.2%", 11.2), ("−3.5", -3.5), (" 7 ", 7.0), ("12", 12.0)],
)
def test_numbers_as_feeds_write_them(sql, cell: str, value: float) -> None:
    assert _number(sql, cell) == value


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_full_width_digits_read_as_the_same_number(sql, number) -> None:
    text = format(number, "f")
    assert _number(sql, text.translate(_FULLWIDTH)) == _number(sql, text) == float(text)


@settings(max_examples=80, deadline=None)
@given(st.floats(min_value=1e-6, max_value=1e15, allow_nan=False), st.sampled_from([1.0, 1e4, 1e8, 0.0005, 1e-3]))
def test_values_in_base_units_round_like_the_extractor(sql, value: float, factor: float) -> None:
    from flows.extract.units import _round

    assert sql.execute("select pw_round12(? * ?)", [value, factor]).fetchone()[0] == _round(value * factor)


def _release(con, **cells: str):
    header = tuple(cells)
    return check_rows(con, INDICATOR_RELEASES, header, [(3, list(cells.values()))], file_year=2025)[0]


@pytest.fixture()
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


@pytest.mark.parametrize("cell", ["约三百万", "12亿元", "nan"])
def test_non_numbers_are_rejected_with_the_cell_in_the_reason(con, cell: str) -> None:
    row = _release(con, 地区="丽水市", 指标名称="港口货物吞吐量", 时期="2025-06", 数值=cell, 单位="万吨")
    assert [p.column for p in row.problems] == ["value"]
    assert row.problems[0].reason.startswith("expected") and cell in row.problems[0].reason


@pytest.mark.parametrize(("cell", "flag"), [("是", True), ("累计", True), ("否", False), ("当月", False), ("1", True), ("TRUE", True)])
def test_cumulative_flags(con, cell: str, flag: bool) -> None:
    row = _release(con, 地区="丽水市", 指标名称="民生支出占比", 时期="1-6月", 数值="75", 单位="%", 是否累计=cell)
    assert row.ok and row.values["cumulative"] is flag


def test_chinese_headers_map_to_contract_columns_and_unknown_headers_are_ignored() -> None:
    header = check_header(INDICATOR_RELEASES, ("地区", "指标名称", "时期", "数值", "单位", "备注"))
    assert header.columns == {"地区": "region", "指标名称": "indicator", "时期": "period", "数值": "value", "单位": "unit"}
    assert header.missing == () and header.problems == ()


def test_value_column_without_its_unit_column_is_a_header_problem() -> None:
    header = check_header(INDICATOR_RELEASES, ("地区", "指标名称", "时期", "数值"))
    assert [p.reason for p in header.problems] == ["column 'value' is present but its 'unit' column is not"]


def test_single_month_marked_cumulative_is_read_from_january(con) -> None:
    row = _release(con, 地区="丽水市", 指标名称="港口货物吞吐量", 时期="2025-06", 数值="255", 单位="万吨", 是否累计="是")
    assert row.ok
    assert (str(row.values["period_start"]), row.values["period_months"], row.values["value_base"]) == ("2025-01-01", 6, 2_550_000)


def test_quarter_after_january_marked_cumulative_is_a_contradiction(con) -> None:
    row = _release(con, 地区="丽水市", 指标名称="港口货物吞吐量", 时期="二季度", 数值="255", 单位="万吨", 是否累计="是")
    assert [p.column for p in row.problems] == ["period"]
    assert "does not start in January" in row.problems[0].reason


def test_row_with_neither_value_nor_growth_is_rejected(con) -> None:
    row = _release(con, 地区="丽水市", 指标名称="港口货物吞吐量", 时期="2025-06", 数值="", 单位="万吨")
    assert [p.reason for p in row.problems] == ["row gives none of value, yoy_growth"]


def test_unknown_unit_is_rejected_with_the_unit_named(con) -> None:
    row = _release(con, 地区="丽水市", 指标名称="城镇新增就业人数", 时期="2025-06", 数值="1.6", 单位="万万人")
    assert row.problems[0].column == "unit" and "'万万人'" in row.problems[0].reason


def test_full_width_unit_and_period_read_like_their_ascii_forms(con) -> None:
    row = _release(con, 地区="丽水市", 指标名称="民生支出占比", 时期="２０２５－Ｑ１", 数值="７７．６", 单位="％")
    assert row.ok and (row.values["unit"], row.values["value_base"], row.values["period_months"]) == ("%", 77.6, 3)


def test_stage_word_is_stored_with_its_stage_code_and_an_unknown_word_is_rejected(con) -> None:
    header = ("项目名称", "县(市、区)", "时期", "累计完成投资", "投资单位", "形象进度")
    ok, bad = check_rows(con, PROJECT_PROGRESS, header, [
        (2, ["缙云抽水蓄能电站", "缙云县", "2025-06", "4.1", "亿元", "建成"]),
        (3, ["缙云抽水蓄能电站", "缙云县", "2025-07", "4.1", "亿元", "快好了"]),
    ], file_year=2025)
    assert (ok.values["stage_code"], ok.values["completed_investment_base"]) == ("completed", 410_000_000)
    assert bad.problems[0].column == "stage" and "'快好了' is not an allowed value" in bad.problems[0].reason
