"""Lookup tables the SQL checks join: rules as data, loaded from the tables the extractor reads.

- `feed_units`: every unit as a feed may write it (magnitude + unit of flows/extract/data/units.csv
  and magnitudes.csv, through the extractor's own `lookup_unit`), with base unit, factor, dimension;
- `feed_allowed`: the allowed words of each contract column and the code stored beside them;
- `feed_implied_dimensions`: indicator endings and the dimension they imply (就业人数 counts people),
  the extractor's flows/extract/data/implied_units.csv;
- `feed_periods`: one row per distinct period text of the file being loaded, parsed by periods.py
  once each (a file of a million rows has a few dozen period texts);
- `feed_targets`: the target texts of a target-versus-actual file, read by the extraction library.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

import duckdb
import pyarrow as pa

from flows.feeds.contracts import (
    EARLIEST_YEAR, PLAUSIBLE_YEARS_AROUND_FILE_YEAR, TABULAR_CONTRACTS, FeedContract,
)
from flows.feeds.checks import EMPTY_WORDS, FALSE_WORDS, TRUE_WORDS, sql_text
from flows.feeds.periods import PeriodError, parse_period
from flows.feeds.readers import STAGE, from_arrow


def unit_rows() -> list[tuple[str, str, float, str]]:
    """(unit as written, base unit, factor, dimension) for every unit the extractor's lookup accepts."""
    from flows.extract.numbers import MAGNITUDES
    from flows.extract.units import UNITS, lookup_unit

    rows = {}
    for written in ["", *UNITS, *(m + u for m in MAGNITUDES for u in UNITS)]:
        info = lookup_unit(written)
        if info is not None and written not in rows:
            rows[written] = (written, info.base_unit, info.factor, info.dimension)
    return sorted(rows.values())


def create_static_lookups(con: duckdb.DuckDBPyConnection) -> None:
    """Units, allowed values and implied dimensions: the same for every file of a load."""
    from flows.extract.quantities import IMPLIED_UNITS

    units = unit_rows()
    from_arrow(con, "create or replace temp table feed_units as select * from feed_arrow", pa.table({
        "unit": [u[0] for u in units], "base_unit": [u[1] for u in units], "factor": [u[2] for u in units],
        "dimension": [u[3] for u in units]}))
    allowed = [(c.name, col.name, word, code) for c in TABULAR_CONTRACTS for col in c.columns
               for word, code in col.allowed]
    from_arrow(con, "create or replace temp table feed_allowed as select * from feed_arrow", pa.table({
        "feed": [a[0] for a in allowed], "column_name": [a[1] for a in allowed], "word": [a[2] for a in allowed],
        "code": [a[3] for a in allowed]}))
    from_arrow(con, "create or replace temp table feed_implied_dimensions as select * from feed_arrow", pa.table({
        "ending": [e for e, _, _ in IMPLIED_UNITS], "dimension": [d for _, _, d in IMPLIED_UNITS],
        "priority": list(range(len(IMPLIED_UNITS)))}))


def plausible_years(file_year: int | None, today: dt.date | None = None) -> tuple[int, int]:
    """Years a file's periods may fall in: around the year in its name, else 1949 to next year."""
    if file_year is not None:
        before, after = PLAUSIBLE_YEARS_AROUND_FILE_YEAR
        return file_year - before, file_year + after
    return EARLIEST_YEAR, (today or dt.date.today()).year + 1


def create_period_lookup(con: duckdb.DuckDBPyConnection, inputs_sql: str | None, file_year: int | None) -> None:
    """`feed_periods` for the distinct (period text, row year) pairs of the staged file."""
    con.execute("create or replace temp table feed_periods (period_text varchar, year integer, empty boolean, "
                "period_year integer, first_month integer, last_month integer, error varchar)")
    if inputs_sql is None:
        return
    low, high = plausible_years(file_year)
    distinct = con.execute(inputs_sql).fetchall()
    for start in range(0, len(distinct), 10_000):
        rows = [_period_row(text, year, file_year, low, high) for text, year in distinct[start:start + 10_000]]
        parsed = pa.table({
            "period_text": pa.array([r[0] for r in rows], pa.string()), "year": pa.array([r[1] for r in rows], pa.int32()),
            "empty": pa.array([is_empty(r[0]) for r in rows], pa.bool_()),
            "period_year": pa.array([r[2] for r in rows], pa.int32()),
            "first_month": pa.array([r[3] for r in rows], pa.int32()),
            "last_month": pa.array([r[4] for r in rows], pa.int32()), "error": pa.array([r[5] for r in rows], pa.string())})
        from_arrow(con, "insert into feed_periods select * from feed_arrow", parsed)
    # Dates once per distinct period rather than once per row.
    con.execute("create or replace temp table feed_periods as select *, make_date(period_year, first_month, 1) as "
                "start_date, make_date(period_year, 1, 1) as january, last_day(make_date(period_year, last_month, 1)) "
                "as end_date from feed_periods")


def _period_row(text: str | None, year: int | None, file_year: int | None, low: int, high: int) -> tuple:
    if is_empty(text):
        return text, year, None, None, None, None
    try:
        period = parse_period(text, year if year is not None else file_year)
    except PeriodError as exc:
        return text, year, None, None, None, str(exc)
    if not low <= period.year <= high:
        why = f"the file is named for {file_year}" if file_year is not None else "no year in the file name"
        return (text, year, None, None, None,
                f"period '{text}' falls outside the years this file can cover ({low}–{high}: {why})")
    return text, year, period.year, period.first_month, period.last_month, None


def is_empty(cell: str | None) -> bool:
    return cell is None or unicodedata.normalize("NFKC", cell).strip().lower() in EMPTY_WORDS


def _flag(cell: str) -> bool | None:
    word = unicodedata.normalize("NFKC", cell).strip().lower()
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None


def _unit(cell: str | None) -> str | None:
    # An empty unit cell is a bare ratio (城乡居民收入倍差 1.88); '-' or 'null' says there is none.
    if cell is None or cell.strip() == "":
        return ""
    return None if is_empty(cell) else unicodedata.normalize("NFKC", cell).strip()


def create_cell_lookups(con: duckdb.DuckDBPyConnection, contract: FeedContract, columns: dict[str, str]) -> None:
    """`feed_cells_<column>`: each distinct cell of a text, unit or yes/no column, read once in Python.

    raw (the cell as staged) -> empty, stripped (text as written, trimmed), norm (NFKC: full-width
    forms folded), unit (for unit columns) and flag (for yes/no columns).
    """
    for name, staged in columns.items():
        distinct = [r[0] for r in con.execute(f"select distinct {staged} from {STAGE}").fetchall()]
        cells = pa.table({
            "raw": pa.array(distinct, pa.string()),
            "empty": pa.array([is_empty(c) for c in distinct], pa.bool_()),
            "stripped": pa.array([None if c is None else c.strip() for c in distinct], pa.string()),
            "norm": pa.array([None if c is None else unicodedata.normalize("NFKC", c).strip() for c in distinct],
                             pa.string()),
            "unit": pa.array([_unit(c) for c in distinct], pa.string()),
            "flag": pa.array([None if c is None else _flag(c) for c in distinct], pa.bool_()),
        })
        col = next(c for c in contract.columns if c.name == name)
        # What the big statement would otherwise join per row: the unit's factor, the allowed word's code.
        unit_of = "c.unit" if col.type == "unit" else "c.norm" if col.converts else "null"
        from_arrow(con, f"""
            create or replace temp table feed_cells_{name} as
            select c.*, u.factor, u.base_unit, u.dimension, a.word is not null as allowed, a.code
            from feed_arrow c
            left join feed_units u on u.unit = {unit_of}
            left join feed_allowed a on a.feed = {sql_text(contract.name)} and a.column_name = {sql_text(name)}
                                    and a.word = c.norm
        """, cells)


def create_target_lookup(con: duckdb.DuckDBPyConnection, rows: str) -> None:
    """`feed_targets`: each distinct (indicator, target text) of `rows` (SQL of a relation), read once."""
    from flows.feeds.raw_schema import PARSED_TARGET_COLUMNS
    from flows.feeds.target_text import parse_target_text

    columns = ", ".join(f"{name} {sql_type}" for name, sql_type in PARSED_TARGET_COLUMNS)
    con.execute(f"create or replace temp table feed_targets (indicator varchar, target_text varchar, {columns})")
    pairs = con.execute(f"select distinct indicator, target_text from {rows} as r").fetchall()
    if not pairs:
        return
    parsed = [{"indicator": i, "target_text": t, **parse_target_text(i, t).as_columns()} for i, t in pairs]
    names = ["indicator", "target_text", *(n for n, _ in PARSED_TARGET_COLUMNS)]
    placeholders = ", ".join("?" for _ in names)
    con.executemany(f"insert into feed_targets values ({placeholders})", [[row[n] for n in names] for row in parsed])
