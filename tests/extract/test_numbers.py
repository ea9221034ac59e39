from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.extract.numbers import parse_chinese_integer, parse_number, parse_numeral

from .chinese_numerals import to_chinese

@pytest.mark.parametrize("text, value", [
    ("十四", 14), ("十", 10), ("两千零五", 2005), ("一百零五", 105), ("三万零五百", 30500),
    ("一千零十", 1010), ("两", 2),
])
def test_chinese_integers_parse_to_their_value(text: str, value: int) -> None:
    assert parse_chinese_integer(text) == value


def test_shiwuwu_plan_names_are_not_numbers() -> None:
    assert parse_numeral("十四五") is None
    assert parse_numeral("十五五") is None


def test_digit_runs_are_not_counts() -> None:
    assert parse_numeral("一二三") is None


@pytest.mark.parametrize("text, value", [
    ("1.2万", 12_000), ("1.4万亿", 1.4e12), ("8.32亿", 8.32e8), ("两万", 20_000), ("一百二十万", 1_200_000),
])
def test_magnitude_multiplies_the_written_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_magnitude_is_kept_apart_from_the_written_value() -> None:
    n = parse_numeral("1.2万")
    assert (n.value, n.magnitude) == (1.2, "万")


@pytest.mark.parametrize("text, value", [("三分之二", 2 / 3), ("百分之五", 0.05), ("六成", 0.6), ("四分之一", 0.25)])
def test_fractions_and_tenths_are_shares(text: str, value: float) -> None:
    n = parse_numeral(text)
    assert n.is_fraction and n.value == pytest.approx(value)


@given(st.integers(min_value=1, max_value=10**11))
def test_chinese_writing_round_trips(n: int) -> None:
    assert parse_chinese_integer(to_chinese(n)) == n


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["", "万", "亿", "万亿"]))
def test_mixed_arabic_with_magnitude_round_trips(n: int, magnitude: str) -> None:
    factor = {"": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}[magnitude]
    assert parse_number(f"{n / 100:g}{magnitude}") == pytest.approx(n / 100 * factor)


def test_arabic_tenths_are_shares() -> None:
    n = parse_numeral("9成")
    assert n.is_fraction and n.value == pytest.approx(0.9)


@pytest.mark.parametrize("text, value", [("1,200", 1200), ("12,345.6", 12345.6), ("1,200万", 1.2e7), ("3,000亿", 3e11)])
def test_thousands_separators_group_digits_in_threes(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_comma_between_short_groups_is_not_a_thousands_separator() -> None:
    assert parse_numeral("1,20") is None


@pytest.mark.parametrize("text, value", [("1/10", 0.1), ("1/4", 0.25), ("2/3", 2 / 3)])
def test_arabic_fraction_is_a_share(text: str, value: float) -> None:
    n = parse_numeral(text)
    assert n.is_fraction and n.value == pytest.approx(value)


def test_arabic_fraction_above_one_is_not_a_share() -> None:
    assert parse_numeral("3/2") is None


def test_half_is_a_share_of_one_half() -> None:
    n = parse_numeral("一半")
    assert n.is_fraction and n.value == 0.5


@given(st.integers(min_value=1_000, max_value=10**10))
def test_thousands_separated_integers_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@pytest.mark.parametrize("text, value", [("2 093", 2093), ("1 818.8", 1818.8), ("12 345 678", 12345678), ("4 790亿", 4.79e11)])
def test_a_space_between_groups_of_three_is_a_thousands_separator(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1 2", "12 34", "1 2345", "1 234 5", "1 234,567"])
def test_a_space_that_could_part_two_numbers_is_not_a_separator(text: str) -> None:
    assert parse_numeral(text) is None
