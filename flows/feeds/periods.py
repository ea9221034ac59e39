"""Reporting periods as statistics bureaus write them -> first month, last month, cumulative flag.

2025-03, 2025年3月, 2025-Q1, 一季度, 1-3月, 1—11月, 上半年, 前三季度, 2025, 2025年 …
A period that starts in January is cumulative since January (累计), which is how Chinese releases
report flows; a single month (2025-03) is cumulative only when the feed says so.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Period:
    year: int
    first_month: int
    last_month: int
    label: str  # the text as written

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    @property
    def cumulative(self) -> bool:
        return self.first_month == 1

    def since_january(self) -> "Period":
        return replace(self, first_month=1)


class PeriodError(ValueError):
    """The text is not a period this module reads; the message says why, for the quarantine."""


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token in _CN_DIGITS:
        return _CN_DIGITS[token]
    if token.startswith("十") and len(token) == 2:  # 十一, 十二
        return 10 + _CN_DIGITS[token[1]]
    raise PeriodError(f"'{token}' is not a month or quarter number")


_N = r"(\d{1,2}|十[一二]|[一二三四五六七八九十])"
_YEAR = r"(?:(\d{4})\s*(?:年|-|/|\.)?\s*)?"
_DASH = r"\s*(?:-|—|–|~|～|至|到)\s*"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\d{4})\s*年?(?:全年)?$"), "year"),
    (re.compile(r"^全年$"), "year"),
    (re.compile(r"^" + _YEAR + r"(?:第)?" + _N + r"\s*季度$"), "quarter"),
    (re.compile(r"^" + _YEAR + r"q([1-4])$", re.I), "quarter"),
    (re.compile(r"^" + _YEAR + r"前" + _N + r"(?:个)?季度$"), "first_quarters"),
    (re.compile(r"^" + _YEAR + r"上半年$"), "first_half"),
    (re.compile(r"^" + _YEAR + r"下半年$"), "second_half"),
    (re.compile(r"^" + _YEAR + _N + _DASH + _N + r"\s*月(?:份)?(?:累计)?$"), "month_range"),
    (re.compile(r"^" + _YEAR + _N + r"\s*月(?:份)?$"), "month"),
    (re.compile(r"^(\d{4})\s*(?:-|/|\.)\s*(\d{1,2})$"), "month"),
)


def parse_period(text: str, default_year: int | None = None) -> Period:
    """Read a period; `default_year` supplies the year when the text has none (1-3月, 上半年)."""
    label = text
    norm = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    for pattern, kind in _PATTERNS:
        m = pattern.match(norm)
        if not m:
            continue
        if kind == "year" and not m.groups():
            return _with_year(None, default_year, label, 1, 12)
        year_text = m.group(1)
        year = int(year_text) if year_text else None
        if kind == "year":
            return _with_year(year, default_year, label, 1, 12)
        if kind == "quarter":
            q = _number(m.group(2))
            if not 1 <= q <= 4:
                raise PeriodError(f"quarter {q} does not exist")
            return _with_year(year, default_year, label, 3 * q - 2, 3 * q)
        if kind == "first_quarters":
            q = _number(m.group(2))
            if not 1 <= q <= 4:
                raise PeriodError(f"quarter {q} does not exist")
            return _with_year(year, default_year, label, 1, 3 * q)
        if kind == "first_half":
            return _with_year(year, default_year, label, 1, 6)
        if kind == "second_half":
            return _with_year(year, default_year, label, 7, 12)
        if kind == "month_range":
            first, last = _number(m.group(2)), _number(m.group(3))
            if not 1 <= first <= last <= 12:
                raise PeriodError(f"months {first}-{last} are not a range within one year")
            return _with_year(year, default_year, label, first, last)
        month = _number(m.group(2))
        if not 1 <= month <= 12:
            raise PeriodError(f"month {month} does not exist")
        return _with_year(year, default_year, label, month, month)
    raise PeriodError(f"'{text}' is not a period (expected e.g. 2025-03, 2025-Q1, 1-3月, 一季度, 上半年, 2025)")


def _with_year(year: int | None, default_year: int | None, label: str, first: int, last: int) -> Period:
    chosen = year or default_year
    if chosen is None:
        raise PeriodError(f"'{label}' gives no year and neither the row nor the file name does")
    return Period(year=chosen, first_month=first, last_month=last, label=label)


# Periods inside running text (release articles): the longest forms first.
PERIOD_IN_TEXT = re.compile(
    r"(?:\d{4}\s*年)?\s*(?:"
    r"\d{1,2}\s*(?:-|—|–|~|～|至)\s*\d{1,2}\s*月(?:份)?"
    r"|前[一二三]季度|第?[一二三四]季度|[上下]半年|全年|\d{1,2}\s*月(?:份)?"
    r")"
)


def year_in_name(name: str) -> int | None:
    """A four-digit year in a file name (lishui_2025_…) — the year of periods that omit it."""
    m = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", name)
    return int(m.group(1)) if m else None
