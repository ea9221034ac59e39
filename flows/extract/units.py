"""Units as written (万吨, 亿千瓦时, 个百分点) -> base unit and factor, from data/units.csv.

A written unit is an optional magnitude (data/magnitudes.csv) followed by a unit of the table;
the scanner pattern and the lookup read the same two tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.extract.numbers import (
    ARABIC_PATTERN, CN_FRACTION_PATTERN, CN_INTEGER_PATTERN, CN_TENTHS_PATTERN, MAGNITUDE_PATTERN, MAGNITUDES,
    parse_numeral,
)
from flows.extract.vocabulary import rows, word_alternation

@dataclass(frozen=True)
class UnitInfo:
    unit: str  # as written, magnitude included
    base_unit: str
    factor: float  # value_base = value * factor
    dimension: str  # percent, pp, money, mass, count, ratio …


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    value_base: float
    base_unit: str
    dimension: str


def _load_units() -> dict[str, UnitInfo]:
    return {
        row["unit"]: UnitInfo(row["unit"], row["base_unit"], float(row["factor"]), row["dimension"])
        for row in rows("units.csv")
    }


UNITS: dict[str, UnitInfo] = _load_units()
# Longest first so 千瓦时 wins over 千瓦 and 个百分点 over 个.
UNIT_PATTERN = word_alternation(UNITS)
_WRITTEN_RE = re.compile(rf"^(?:({MAGNITUDE_PATTERN}))?({UNIT_PATTERN})$")
FRACTION_UNIT = UnitInfo("", "%", 100.0, "percent")
BARE_UNIT = UnitInfo("", "", 1.0, "ratio")


def lookup_unit(written: str) -> UnitInfo | None:
    """万吨 -> (吨, 1e4); 千瓦 stays a unit of its own; '' is a bare ratio."""
    if written == "":
        return BARE_UNIT
    if written in UNITS:
        return UNITS[written]
    m = _WRITTEN_RE.match(written)
    if not m:
        return None
    base = UNITS[m.group(2)]
    factor = base.factor * MAGNITUDES[m.group(1)] if m.group(1) else base.factor
    return UnitInfo(written, base.base_unit, factor, base.dimension)


def to_base(value: float, written_unit: str) -> tuple[float, str] | None:
    info = lookup_unit(written_unit)
    if info is None:
        return None
    return _round(value * info.factor), info.base_unit


def _round(x: float) -> float:
    # 1.2 * 1e4 is 11999.999999999998 in binary; reports never carry more than 9 significant digits.
    return float(f"{x:.12g}")


# Numerals are greedy, as in the scanner: 一百九十万% is 190万 %, not 一百九 and 十万%.
_QUANTITY_RE = re.compile(
    rf"^({CN_TENTHS_PATTERN}|{ARABIC_PATTERN}(?:{MAGNITUDE_PATTERN})?|{CN_FRACTION_PATTERN}|{CN_INTEGER_PATTERN})"
    rf"((?:{MAGNITUDE_PATTERN})?(?:{UNIT_PATTERN})?)$"
)


def parse_quantity(text: str) -> Quantity | None:
    """'1.2万个' -> Quantity(1.2, '万个', 12000, '个'); '三分之二' -> 66.67 %."""
    m = _QUANTITY_RE.match(text.strip())
    if not m:
        return None
    numeral = parse_numeral(m.group(1))
    if numeral is None:
        return None
    unit = numeral.magnitude + m.group(2)
    if numeral.is_fraction:
        if m.group(2):
            return None
        return Quantity(numeral.value, "", _round(numeral.value * 100), "%", "percent")
    info = lookup_unit(unit)
    if info is None:
        return None
    return Quantity(numeral.value, unit, _round(numeral.value * info.factor), info.base_unit, info.dimension)
