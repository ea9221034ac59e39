from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.extract.units import UNITS, lookup_unit, parse_quantity
from .chinese_numerals import to_chinese

_MAGNITUDES = {"": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}


@pytest.mark.parametrize("text, base, base_unit", [
    ("500万吨", 5e6, "吨"), ("8.32亿斤", 416_000, "吨"), ("1.4万亿斤", 7e8, "吨"), ("3.7亿千瓦", 3.7e8, "千瓦"),
    ("0.8个百分点", 0.8, "pp"), ("1000千瓦", 1000, "千瓦"), ("两万人", 20_000, "人"), ("10.1斤", 0.00505, "吨"),
    ("4500万标箱", 4.5e7, "标箱"), ("3.2万亿美元", 3.2e12, "美元"), ("5%", 5, "%"), ("1.2万个", 12_000, "个"),
    ("50亿千瓦时", 5e9, "千瓦时"), ("1530万亩", 1.53e7, "亩"), ("30公斤", 0.03, "吨"),
])
def test_written_quantity_converts_to_base_unit(text: str, base: float, base_unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None and q.base_unit == base_unit and q.value_base == pytest.approx(base)


def test_fraction_is_a_percentage_with_empty_written_unit() -> None:
    q = parse_quantity("三分之二")
    assert (q.unit, q.base_unit) == ("", "%") and q.value_base == pytest.approx(66.666667)


def test_written_unit_keeps_its_magnitude() -> None:
    q = parse_quantity("2万人")
    assert (q.value, q.unit) == (2, "万人")


def test_kilowatt_is_a_unit_not_a_thousand_watts() -> None:
    assert lookup_unit("千瓦").factor == 1
    assert lookup_unit("万千瓦").factor == 1e4


def test_voltage_is_not_a_quantity_unit() -> None:
    # 220千伏 only ever names a power line; it must not read as a figure.
    assert lookup_unit("千伏") is None


def test_every_unit_row_has_a_positive_factor() -> None:
    assert UNITS and all(u.factor > 0 for u in UNITS.values())


_unit = st.sampled_from(sorted(UNITS))
_magnitude = st.sampled_from(sorted(_MAGNITUDES))


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=2), _magnitude, _unit)
def test_arabic_quantities_parse_back_to_the_same_base_value(n: int, decimals: int, magnitude: str, unit: str) -> None:
    value = n / 10 ** decimals
    q = parse_quantity(f"{value:g}{magnitude}{unit}")
    expected = value * _MAGNITUDES[magnitude] * UNITS[unit].factor
    assert q is not None and q.base_unit == UNITS[unit].base_unit
    assert q.value_base == pytest.approx(expected)


@given(st.integers(min_value=1, max_value=9_999), st.sampled_from(["万", "亿"]), _unit)
def test_chinese_quantities_parse_back_to_the_same_base_value(n: int, magnitude: str, unit: str) -> None:
    q = parse_quantity(f"{to_chinese(n)}{magnitude}{unit}")
    expected = n * _MAGNITUDES[magnitude] * UNITS[unit].factor
    assert q is not None and q.value_base == pytest.approx(expected)


@pytest.mark.parametrize("text, base, base_unit", [
    ("3095万吨/年", 3.095e7, "吨/年"), ("16.9万吨/日", 1.69e5, "吨/日"), ("22轮", 22, "轮"), ("1.36万种", 13_600, "种"),
    ("10亿方", 1e9, "方"), ("1万期", 10_000, "期"), ("123位", 123, "位"), ("214对", 214, "对"),
])
def test_rates_and_classifiers_seen_in_other_reports_convert(text: str, base: float, base_unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None and q.base_unit == base_unit and q.value_base == pytest.approx(base)


@pytest.mark.parametrize("text, unit", [("400场次", "场次"), ("19幢", "幢"), ("4席", "席")])
def test_counted_buildings_seats_and_sessions_keep_their_classifier(text: str, unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None and (q.unit, q.base_unit) == (unit, unit)
