"""Applying a feed contract to a file's header and rows: typed values, or readable problems.

Every problem names the column and says what was wrong in words a publisher understands; one row
with several problems is one quarantined row whose reason lists them all.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Mapping

from flows.feeds.contracts import Column, FeedContract, header_key
from flows.feeds.periods import Period, PeriodError, parse_period
from flows.feeds.readers import Cell, RawRow
from flows.feeds.units import base_value, is_known_unit

_LEADING_PERIOD = re.compile(r"^(?:\d{4}年)?(?:\d{1,2}(?:-|—|~|至)\d{1,2}月|\d{1,2}月|[上下]半年|前?[一二三四]季度|全年)(?:份)?(?:累计)?")
_EMPTY = {"", "-", "—", "--", "/", "…", "null", "none", "n/a", "na"}
_TRUE = {"是", "累计", "true", "yes", "y", "1", "t"}
_FALSE = {"否", "当月", "当期", "false", "no", "n", "0", "f"}


@dataclass(frozen=True)
class Problem:
    column: str
    reason: str
    raw_value: str | None = None


@dataclass(frozen=True)
class HeaderCheck:
    columns: dict[str, str]  # header as written -> contract column
    missing: tuple[str, ...]  # required contract columns absent from the header
    problems: tuple[Problem, ...]  # header-level problems every row inherits


@dataclass(frozen=True)
class CheckedRow:
    row_number: int
    values: dict[str, object]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_header(contract: FeedContract, header: tuple[str, ...]) -> HeaderCheck:
    accepted = contract.header_map()
    columns: dict[str, str] = {}
    for written in header:
        key = header_key(written)
        # Tables title a column with its period (1-6月实际, 上半年完成值): the period is the row's.
        name = accepted.get(key) or accepted.get(_LEADING_PERIOD.sub("", key))
        if name and name not in columns.values():
            columns[written] = name
    present = set(columns.values())
    missing = tuple(c.name for c in contract.columns if c.required and c.name not in present)
    problems = [Problem(name, f"required column '{name}' is missing from the file header") for name in missing]
    for col in contract.columns:
        if col.requires and col.name in present and col.requires not in present:
            problems.append(Problem(col.requires, f"column '{col.name}' is present but its '{col.requires}' column is not"))
    return HeaderCheck(columns=columns, missing=missing, problems=tuple(problems))


def check_row(contract: FeedContract, row: RawRow, header: HeaderCheck, default_year: int | None) -> CheckedRow:
    problems = list(header.problems)
    if "__extra__" in row.cells:
        problems.append(Problem("", "row has more cells than the header has columns", _text(row.cells["__extra__"])))
    if "__not_an_object__" in row.cells:
        problems.append(Problem("", "entry is not an object of column: value pairs", _text(row.cells["__not_an_object__"])))
    by_column: dict[str, Cell] = {name: row.cells.get(written) for written, name in header.columns.items()}
    values: dict[str, object] = {}
    for col in contract.columns:
        if col.type == "period" or col.name in header.missing:
            continue
        cell = by_column.get(col.name)
        try:
            values.update(_coerce(col, cell))
        except ValueError as exc:
            problems.append(Problem(col.name, str(exc), _text(cell)))
    for col in contract.columns:
        if col.type == "period" and col.name not in header.missing:
            cell = by_column.get(col.name)
            try:
                values.update(_period_values(col, cell, values, default_year))
            except ValueError as exc:
                problems.append(Problem(col.name, str(exc), _text(cell)))
    for col in contract.columns:
        if col.converts and col.name not in header.missing:
            unit = values.get(col.name)
            for name in col.converts:
                values[f"{name}_base"], base_unit = base_value(values.get(name), unit if isinstance(unit, str) else None)
                values[col.base_unit_column] = base_unit or values.get(col.base_unit_column)
    if contract.one_of and not problems and all(values.get(c) is None for c in contract.one_of):
        problems.append(Problem(",".join(contract.one_of), f"row gives none of {', '.join(contract.one_of)}"))
    return CheckedRow(row_number=row.row_number, values=values, problems=tuple(problems))


def _text(cell: Cell) -> str | None:
    if cell is None:
        return None
    return str(cell)


def _is_empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and unicodedata.normalize("NFKC", cell).strip().lower() in _EMPTY)


def _coerce(col: Column, cell: Cell) -> dict[str, object]:
    if col.type == "unit" and (cell is None or str(cell).strip() == ""):
        return {col.name: ""}  # an empty unit cell is a bare ratio (城乡居民收入倍差 1.88)
    if _is_empty(cell):
        if col.required:
            raise ValueError(f"required value of '{col.name}' is empty")
        return {col.name: None} | ({col.code_column: None} if col.code_column else {})
    if col.type == "number":
        value = parse_number(cell)
        if col.minimum is not None and value < col.minimum:
            raise ValueError(f"'{col.name}' must be at least {col.minimum:g}, got {value:g}")
        return {col.name: value}
    if col.type == "integer":
        number = parse_number(cell)
        if number != int(number):
            raise ValueError(f"'{col.name}' must be a whole number, got {number:g}")
        if col.minimum is not None and number < col.minimum:
            raise ValueError(f"'{col.name}' must be at least {col.minimum:g}, got {number:g}")
        return {col.name: int(number)}
    if col.type == "boolean":
        return {col.name: parse_boolean(cell)}
    if col.type == "unit":
        unit = unicodedata.normalize("NFKC", str(cell)).strip()
        if not is_known_unit(unit):
            raise ValueError(f"'{unit}' is not a unit of the unit table (万元, 亿元, 万人, %, 万吨, 亿斤, 家 …)")
        return {col.name: unit}
    text = unicodedata.normalize("NFKC", str(cell)).strip() if col.allowed else str(cell).strip()
    if col.allowed:
        codes = col.allowed_codes
        if text not in codes:
            shown = ", ".join(list(codes)[:12]) + (" …" if len(codes) > 12 else "")
            raise ValueError(f"'{text}' is not an allowed value of '{col.name}' (allowed: {shown})")
        return {col.name: text} | ({col.code_column: codes[text]} if col.code_column else {})
    return {col.name: text}


def _period_values(col: Column, cell: Cell, values: Mapping[str, object], default_year: int | None) -> dict[str, object]:
    if _is_empty(cell):
        raise ValueError(f"required value of '{col.name}' is empty")
    if isinstance(cell, (date, datetime)):
        text = f"{cell.year}-{cell.month:02d}"  # a spreadsheet date cell stands for its month
    elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
        text = str(int(cell))
    else:
        text = str(cell)
    year = values.get("year")
    try:
        period: Period = parse_period(text, year if isinstance(year, int) else default_year)
    except PeriodError as exc:
        raise ValueError(str(exc)) from exc
    flagged = values.get("cumulative")
    if flagged is True and period.months == 1:
        period = period.since_january()
    elif flagged is True and not period.cumulative:
        raise ValueError(f"period '{text}' does not start in January but the row is marked cumulative")
    # A rate over 上半年 is marked 否 (not a running total) though the period starts in January.
    return {
        col.name: text,
        "period_start": period.start,
        "period_end": period.end,
        "period_months": period.months,
        "is_cumulative": period.cumulative if flagged is None else bool(flagged),
    }


def parse_number(cell: Cell) -> float:
    """A number as feeds write it: full-width digits, thousands separators, a trailing % or a − sign."""
    if isinstance(cell, bool):
        raise ValueError(f"expected a number, got {cell!r}")
    if isinstance(cell, (int, float)):
        value = float(cell)
    else:
        text = unicodedata.normalize("NFKC", str(cell)).strip()
        text = text.replace("−", "-").replace(",", "").replace(" ", "")
        text = text[:-1] if text.endswith("%") else text
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"expected a number, got '{cell}'") from None
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"expected a finite number, got '{cell}'")
    return value


def parse_boolean(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    text = unicodedata.normalize("NFKC", str(cell)).strip().lower()
    if isinstance(cell, (int, float)):
        text = str(int(cell)) if float(cell).is_integer() else text
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"expected 是/否 (yes/no), got '{cell}'")
