from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.feeds.periods import PeriodError, parse_period, year_in_name


@pytest.mark.parametrize(
    ("text", "start", "end", "cumulative"),
    [
        ("2025-03", date(2025, 3, 1), date(2025, 3, 31), False),
        ("2025年3月", date(2025, 3, 1), date(2025, 3, 31), False),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31), True),
        ("2025Q2", date(2025, 4, 1), date(2025, 6, 30), False),
        ("1-3月", date(2025, 1, 1), date(2025, 3, 31), True),
        ("１－３月", date(2025, 1, 1), date(2025, 3, 31), True),
        ("1—11月", date(2025, 1, 1), date(2025, 11, 30), True),
        ("2025年1-2月", date(2025, 1, 1), date(2025, 2, 28), True),
        ("一季度", date(2025, 1, 1), date(2025, 3, 31), True),
        ("第二季度", date(2025, 4, 1), date(2025, 6, 30), False),
        ("上半年", date(2025, 1, 1), date(2025, 6, 30), True),
        ("前三季度", date(2025, 1, 1), date(2025, 9, 30), True),
        ("下半年", date(2025, 7, 1), date(2025, 12, 31), False),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), True),
        ("2025年", date(2025, 1, 1), date(2025, 12, 31), True),
        ("十一月", date(2025, 11, 1), date(2025, 11, 30), False),
    ],
)
def test_period_text_gives_start_end_and_cumulative_flag(text: str, start: date, end: date, cumulative: bool) -> None:
    period = parse_period(text, default_year=2025)
    assert (period.start, period.end, period.cumulative) == (start, end, cumulative)


def test_year_in_the_text_wins_over_the_default_year() -> None:
    assert parse_period("2024年1-6月", default_year=2025).end == date(2024, 6, 30)


def test_single_month_marked_cumulative_runs_from_january() -> None:
    period = parse_period("2025-05", 2025).since_january()
    assert (period.start, period.months, period.cumulative) == (date(2025, 1, 1), 5, True)


@pytest.mark.parametrize("text", ["2025-13", "13月", "5-3月", "2025-Q5", "上个月", ""])
def test_impossible_or_unknown_period_is_an_error_with_a_reason(text: str) -> None:
    with pytest.raises(PeriodError, match=r"\S"):
        parse_period(text, default_year=2025)


def test_period_without_any_year_is_an_error() -> None:
    with pytest.raises(PeriodError, match="no year"):
        parse_period("1-3月", default_year=None)


def test_year_is_read_from_a_file_name() -> None:
    assert year_in_name("lishui_2025_monthly_releases.csv") == 2025
    assert year_in_name("releases_12345.csv") is None


@given(st.integers(2000, 2099), st.integers(1, 12), st.integers(1, 12))
def test_any_month_range_covers_its_months_and_is_cumulative_only_from_january(year: int, a: int, b: int) -> None:
    first, last = min(a, b), max(a, b)
    period = parse_period(f"{year}年{first}-{last}月")
    assert (period.start.month, period.end.month, period.months) == (first, last, last - first + 1)
    assert period.end.year == year and (period.end + timedelta(days=1)).day == 1  # the month's last day
    assert period.cumulative is (first == 1)
