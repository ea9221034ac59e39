from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.feeds.checks import check_header, check_row, parse_boolean, parse_number
from flows.feeds.contracts import INDICATOR_RELEASES, PROJECT_PROGRESS
from flows.feeds.readers import RawRow

_FULLWIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


@pytest.mark.parametrize(
    ("cell", "value"),
    [("55.6", 55.6), ("５５．６", 55.6), ("1,234.5", 1234.5), ("11.2%", 11.2), ("−3.5", -3.5), (" 7 ", 7.0), (12, 12.0)],
)
def test_numbers_as_feeds_write_them(cell: object, value: float) -> None:
    assert parse_number(cell) == value


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_full_width_digits_read_as_the_same_number(number) -> None:
    text = format(number, "f")
    assert parse_number(text.translate(_FULLWIDTH)) == parse_number(text) == float(text)


@pytest.mark.parametrize("cell", ["约三百万", "12亿元", "nan", True])
def test_non_numbers_are_rejected_with_the_cell_in_the_reason(cell: object) -> None:
    with pytest.raises(ValueError, match="expected"):
        parse_number(cell)


@pytest.mark.parametrize(("cell", "flag"), [("是", True), ("累计", True), ("否", False), ("当月", False), (1, True), ("TRUE", True)])
def test_cumulative_flags(cell: object, flag: bool) -> None:
    assert parse_boolean(cell) is flag


def test_chinese_headers_map_to_contract_columns_and_unknown_headers_are_ignored() -> None:
    header = check_header(INDICATOR_RELEASES, ("地区", "指标名称", "时期", "数值", "单位", "备注"))
    assert header.columns == {"地区": "region", "指标名称": "indicator", "时期": "period", "数值": "value", "单位": "unit"}
    assert header.missing == () and header.problems == ()


def test_value_column_without_its_unit_column_is_a_header_problem() -> None:
    header = check_header(INDICATOR_RELEASES, ("地区", "指标名称", "时期", "数值"))
    assert [p.reason for p in header.problems] == ["column 'value' is present but its 'unit' column is not"]


def _release(**cells: object):
    header = check_header(INDICATOR_RELEASES, tuple(cells))
    return check_row(INDICATOR_RELEASES, RawRow(row_number=3, cells=dict(cells)), header, default_year=2025)


def test_single_month_marked_cumulative_is_read_from_january() -> None:
    row = _release(地区="丽水市", 指标名称="港口货物吞吐量", 时期="2025-06", 数值="255", 单位="万吨", 是否累计="是")
    assert row.ok
    assert (str(row.values["period_start"]), row.values["period_months"], row.values["value_base"]) == ("2025-01-01", 6, 2_550_000)


def test_quarter_after_january_marked_cumulative_is_a_contradiction() -> None:
    row = _release(地区="丽水市", 指标名称="港口货物吞吐量", 时期="二季度", 数值="255", 单位="万吨", 是否累计="是")
    assert [p.column for p in row.problems] == ["period"]
    assert "does not start in January" in row.problems[0].reason


def test_row_with_neither_value_nor_growth_is_rejected() -> None:
    row = _release(地区="丽水市", 指标名称="港口货物吞吐量", 时期="2025-06", 数值="", 单位="万吨")
    assert [p.reason for p in row.problems] == ["row gives none of value, yoy_growth"]


def test_unknown_unit_is_rejected_with_the_unit_named() -> None:
    row = _release(地区="丽水市", 指标名称="城镇新增就业人数", 时期="2025-06", 数值="1.6", 单位="万万人")
    assert row.problems[0].column == "unit" and "'万万人'" in row.problems[0].reason


def test_stage_word_is_stored_with_its_stage_code_and_an_unknown_word_is_rejected() -> None:
    cells = {"项目名称": "缙云抽水蓄能电站", "县(市、区)": "缙云县", "时期": "2025-06", "累计完成投资": "4.1",
             "投资单位": "亿元", "形象进度": "建成"}
    header = check_header(PROJECT_PROGRESS, tuple(cells))
    ok = check_row(PROJECT_PROGRESS, RawRow(2, cells), header, 2025)
    bad = check_row(PROJECT_PROGRESS, RawRow(3, {**cells, "形象进度": "快好了"}), header, 2025)
    assert (ok.values["stage_code"], ok.values["completed_investment_base"]) == ("completed", 410_000_000)
    assert bad.problems[0].column == "stage" and "'快好了' is not an allowed value" in bad.problems[0].reason
