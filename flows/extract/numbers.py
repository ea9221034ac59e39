"""Numerals as the reports write them: Arabic (1.2), Chinese (十四, 两千, 一百零五), mixed (1.2万),
fractions (三分之二, 百分之五) and tenths (六成), with the magnitudes 千/万/亿/万亿.

`parse_number` turns one numeral into a float; the `*_PATTERN` strings are the pieces the
quantity regex is built from, so what the scanner finds and what the parser accepts stay in step.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flows.extract.vocabulary import rows, word_alternation

CN_DIGIT_VALUES: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}


def _load_magnitudes() -> dict[str, float]:
    return {row["magnitude"]: float(row["factor"]) for row in rows("magnitudes.csv")}


# 十万 / 百亿 … as written before a unit (5万吨, 1.4万亿斤), longest first for the scanner.
MAGNITUDES: dict[str, float] = _load_magnitudes()
MAGNITUDE_PATTERN = word_alternation(MAGNITUDES)

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_CHARS = _CN_DIGITS + "十百千万亿"

ARABIC_PATTERN = r"\d+(?:\.\d+)?"
# 1,200 / 12,345.6: thousands separators, only in whole groups of three (1,2 is a list). Kept out
# of ARABIC_PATTERN, which other modules format into their own patterns.
# 2 093亿元 / 1 818.8亿元: a half-width space as the separator, only where the digits cannot be two
# numbers: no digit (or digit and space, a list) before the head, and no digit or space-and-digit
# or comma-and-digit after the last group (1 2 3, 12 345 67, 1 234,567 and 2019 300 stay apart;
# a line break never joins).
ARABIC_GROUPED_PATTERN = (
    r"\d\d?\d?(?:,\d\d\d)+(?!\d)(?:\.\d+)?"
    r"|(?<![\d.,])(?<!\d )\d\d?\d?(?: \d\d\d)+(?!\d| \d|,\d)(?:\.\d+)?"
)
# 1/10, 2/3: an Arabic fraction is a share (约占全国1/10).
ARABIC_FRACTION_PATTERN = r"\d\d?/\d\d?\d?(?![\d./])"
# 一半 / 半数: half of something, a share of 50 %.
HALF_PATTERN = r"一半|半数"
# A Chinese numeral must hold a digit or 十: 百亿 / 千万 alone are adjectives (千万工程), not figures.
CN_INTEGER_PATTERN = rf"[{_CN_CHARS}]*[{_CN_DIGITS}十][{_CN_CHARS}]*"
CN_FRACTION_PATTERN = rf"[{_CN_CHARS}]+分之[{_CN_CHARS}]+(?:点[{_CN_DIGITS}]+)?"
# 六成 / 9成: tenths; 成 followed by 为/本/果… is a verb or noun (一成不变, 2成为), not a share.
CN_TENTHS_PATTERN = rf"[一二三四五六七八九1-9](?:成[{_CN_DIGITS}]?)(?![为本果立效功交员熟不])"

_ARABIC_RE = re.compile(rf"^(?:{ARABIC_GROUPED_PATTERN}|{ARABIC_PATTERN})$")
_ARABIC_FRACTION_RE = re.compile(r"^(\d+)/(\d+)$")
_MIXED_RE = re.compile(rf"^({ARABIC_GROUPED_PATTERN}|{ARABIC_PATTERN})(万亿|亿|万|千)$")
_FRACTION_RE = re.compile(rf"^([{_CN_CHARS}]+)分之([{_CN_CHARS}]+(?:点[{_CN_DIGITS}]+)?)$")
_TENTHS_RE = re.compile(rf"^([一二三四五六七八九1-9])成([{_CN_DIGITS}]?)$")
_TRAILING_MAGNITUDE_RE = re.compile(r"(万亿|亿|万)$")


@dataclass(frozen=True)
class Numeral:
    """A parsed numeral: `value` as written (magnitude split off into `magnitude`)."""

    value: float
    magnitude: str  # "" or 万 / 亿 / 万亿 written after the digits
    is_fraction: bool  # 三分之二, 百分之五, 六成: a share, whose base unit is %
    is_chinese: bool


def parse_chinese_integer(text: str) -> int | None:
    """十四 -> 14, 两千零五 -> 2005, 一二 -> None (use the digit-string reading for 二〇二五)."""
    if not text or any(c not in _CN_CHARS for c in text):
        return None
    if all(c in CN_DIGIT_VALUES for c in text):
        if len(text) == 1:
            return CN_DIGIT_VALUES[text]
        # A run of bare digits is a code or year (二〇二五), read digit by digit.
        return int("".join(str(CN_DIGIT_VALUES[c]) for c in text))
    total = 0
    section = 0
    pending: int | None = None
    last_small = 10_000
    last_big = 10 ** 13
    for c in text:
        if c in CN_DIGIT_VALUES:
            if pending is not None and not (pending == 0 or CN_DIGIT_VALUES[c] == 0):
                return None  # two digits in a row (十四五) is not one number
            pending = CN_DIGIT_VALUES[c] if pending in (None, 0) else pending
        elif c in _SMALL_UNITS:
            unit = _SMALL_UNITS[c]
            if unit >= last_small:
                return None
            section += (pending if pending else 1) * unit
            pending = None
            last_small = unit
        else:
            unit = _BIG_UNITS[c]
            if pending:
                section += pending
            if section == 0 or unit >= last_big:
                return None
            total += section * unit
            section, pending, last_small, last_big = 0, None, 10_000, unit
    if pending:
        section += pending
    return total + section


def _ungrouped(digits: str) -> str:
    return digits.replace(",", "").replace(" ", "")


@lru_cache(maxsize=4096)  # the same numerals (5, 2025, 10万) recur in every report; a Numeral is frozen
def parse_numeral(text: str) -> Numeral | None:
    """Parse one numeral, keeping a trailing 万/亿/万亿 apart as the written magnitude."""
    text = text.strip()
    if not text:
        return None
    if _ARABIC_RE.match(text):
        return Numeral(float(_ungrouped(text)), "", False, False)
    m = _MIXED_RE.match(text)
    if m:
        return Numeral(float(_ungrouped(m.group(1))), m.group(2), False, False)
    m = _ARABIC_FRACTION_RE.match(text)
    if m:
        num, den = int(m.group(1)), int(m.group(2))
        # 24/7 or 3/2 is not a share of a whole.
        return Numeral(num / den, "", True, False) if 0 < num < den else None
    if re.fullmatch(HALF_PATTERN, text):
        return Numeral(0.5, "", True, True)
    m = _FRACTION_RE.match(text)
    if m:
        den = parse_chinese_integer(m.group(1))
        num = _parse_cn_decimal(m.group(2))
        if not den or num is None:
            return None
        if den == 100:  # 百分之五 is 5 %, written as a percentage
            return Numeral(num / 100, "", True, True)
        return Numeral(num / den, "", True, True)
    m = _TENTHS_RE.match(text)
    if m:
        whole = int(m.group(1)) if m.group(1).isdigit() else CN_DIGIT_VALUES[m.group(1)]
        tenths = whole + (CN_DIGIT_VALUES[m.group(2)] / 10 if m.group(2) else 0)
        return Numeral(tenths / 10, "", True, not m.group(1).isdigit())
    mag = _TRAILING_MAGNITUDE_RE.search(text)
    if mag and len(text) > len(mag.group(1)):
        head = text[: mag.start()]
        n = parse_chinese_integer(head)
        # 十万 / 两万: the head is a whole number; 一百二十万 splits the same way.
        if n is not None and head[-1] not in "万亿":
            return Numeral(float(n), mag.group(1), False, True)
    if all(c in CN_DIGIT_VALUES for c in text) and len(text) > 1:
        return None  # 一二三次 / 二〇二五: a digit run is a list or a year, never a count
    n = parse_chinese_integer(text)
    if n is None:
        return None
    return Numeral(float(n), "", False, True)


def _parse_cn_decimal(text: str) -> float | None:
    if "点" in text:
        whole, frac = text.split("点", 1)
        w = parse_chinese_integer(whole)
        if w is None or not frac:
            return None
        return float(f"{w}." + "".join(str(CN_DIGIT_VALUES[c]) for c in frac))
    n = parse_chinese_integer(text)
    return float(n) if n is not None else None


def parse_number(text: str) -> float | None:
    """The numeric value with its magnitude applied: 1.2万 -> 12000, 三分之二 -> 0.667, 六成 -> 0.6."""
    n = parse_numeral(text)
    if n is None:
        return None
    return n.value * MAGNITUDES.get(n.magnitude, 1.0)
