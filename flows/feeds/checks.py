"""Applying a feed contract to a staged file, in SQL generated from the contract.

The header is matched in Python (a handful of strings); every row is checked by one SQL statement
over the staging table (readers.py), generated from the contract's columns: types, allowed values,
minimum and maximum, the period through a lookup table of the file's distinct period texts
(parsed once each by periods.py), the unit through the extractor's unit table loaded as a table
(lookups.py). Each row gets a list of problems; a row without problems loads, a row with problems is
quarantined with all of them. Every problem names the column and says what was wrong in words a
publisher understands.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.feeds.contracts import BASE_UNIT_RANGES, Column, FeedContract, header_key
from flows.feeds.readers import NOTE_TYPE, STAGE

CHECKED = "feed_checked"
_LEADING_PERIOD = re.compile(r"^(?:\d{4}年)?(?:\d{1,2}(?:-|—|~|至)\d{1,2}月|\d{1,2}月|[上下]半年|前?[一二三四]季度|全年)(?:份)?(?:累计)?")
EMPTY_WORDS = ("", "-", "—", "--", "/", "…", "null", "none", "n/a", "na")
TRUE_WORDS = ("是", "累计", "true", "yes", "y", "1", "t")
FALSE_WORDS = ("否", "当月", "当期", "false", "no", "n", "0", "f")
# Python's str.strip() white space that feeds contain (the ideographic space above all).
_SPACES = " \t\n\r\x0b\x0c\u3000\u00a0\u2002\u2003\u2009\u202f"
# NFKC of the full-width ASCII block (０-９, ．, ％, Ｑ …) and of the minus sign, as one translate().
_FULL = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000\u2212"
_HALF = "".join(chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)) + " -"


@dataclass(frozen=True)
class Problem:
    column: str
    reason: str
    raw_value: str | None = None


@dataclass(frozen=True)
class CheckedRow:
    """A row checked in Python: release articles, whose figures the extraction library reads."""

    row_number: int
    values: dict[str, object]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class HeaderCheck:
    columns: dict[str, str]  # header as written -> contract column
    positions: dict[str, int]  # contract column -> position in the header (staging column c{i})
    missing: tuple[str, ...]  # required contract columns absent from the header
    problems: tuple[Problem, ...]  # header-level problems every row inherits

    def positions_to_columns(self) -> dict[int, str]:
        return {i: name for name, i in self.positions.items()}


def check_header(contract: FeedContract, header: tuple[str, ...]) -> HeaderCheck:
    accepted = contract.header_map()
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    for i, written in enumerate(header):
        key = header_key(written)
        # Tables title a column with its period (1-6月实际, 上半年完成值): the period is the row's.
        name = accepted.get(key) or accepted.get(_LEADING_PERIOD.sub("", key))
        if name and name not in positions:
            columns[written] = name
            positions[name] = i
    missing = tuple(c.name for c in contract.columns if c.required and c.name not in positions)
    problems = [Problem(name, f"required column '{name}' is missing from the file header") for name in missing]
    for col in contract.columns:
        if col.requires and col.name in positions and col.requires not in positions:
            problems.append(Problem(col.requires, f"column '{col.name}' is present but its '{col.requires}' column is not"))
    return HeaderCheck(columns=columns, positions=positions, missing=missing, problems=tuple(problems))


# --- SQL building blocks ---------------------------------------------------------------------------

def sql_text(value: str | None) -> str:
    return "null" if value is None else "'" + value.replace("'", "''") + "'"


def _list(words: tuple[str, ...]) -> str:
    return "(" + ", ".join(sql_text(w) for w in words) + ")"


def define_macros(con) -> None:
    """Text and number normalisation the checks share, as temporary macros on the connection."""
    con.execute(f"""
        create or replace temp macro pw_strip(s) as trim(s, {sql_text(_SPACES)});
        create or replace temp macro pw_norm(s) as pw_strip(translate(s, {sql_text(_FULL)}, {sql_text(_HALF)}));
        create or replace temp macro pw_empty(s) as
            s is null or (length(s) <= 8 and lower(pw_norm(s)) in {_list(EMPTY_WORDS)});
        create or replace temp macro pw_number_text(s) as
            regexp_replace(replace(replace(pw_norm(s), ',', ''), ' ', ''), '%$', '');
        -- Most cells are plain numbers: only the others pay for normalisation (full-width digits, 1,234, 11.2%).
        create or replace temp macro pw_number(s) as
            case when try_cast(s as double) is not null then try_cast(s as double)
                 else try_cast(pw_number_text(s) as double) end;
        -- 1.2 * 1e4 is 11999.999999999998 in binary: round to 12 significant digits, as the extractor does.
        create or replace temp macro pw_round12(x) as
            case when x is null or x = 0 or not isfinite(x) then x
                 else round(x, (11 - floor(log10(abs(x))))::integer) end;
        create or replace temp macro pw_g(x) as printf('%g', x);
    """)


def _problem(column: str, reason_sql: str, raw_sql: str = "null") -> str:
    """The reason of one problem; its column and raw value are those of the check it belongs to."""
    return f"({reason_sql})"


def _quoted(sql: str) -> str:
    """SQL for the text 'value' with its quotes, as the reasons show a cell."""
    return f"'''' || {sql} || ''''"


def _g(number: float) -> str:
    return sql_text(f"{number:g}")


@dataclass
class _Select:
    """Pieces of the check statement, gathered column by column."""

    values: list[str]  # typed value expressions "... as name"
    problems: list[tuple[str, str, str]]  # (column, staged cell, reason or NULL when fine), in the contract's order
    joins: list[str]
    parsed: list[str] = field(default_factory=list)  # numbers read from their cells once per row, "... as _name"


def _required(col: Column, empty: str) -> str:
    return f"when {empty} then " + (
        _problem(col.name, sql_text(f"required value of '{col.name}' is empty")) if col.required else "null")


def _bounds(col: Column, value: str, cell: str) -> list[str]:
    checks = []
    if col.minimum is not None:
        checks.append(f"when {value} < {col.minimum!r} then " + _problem(
            col.name, f"{sql_text(f'{col.name!r} must be at least {col.minimum:g}, got ')} || pw_g({value})", cell))
    if col.maximum is not None:
        checks.append(f"when {value} > {col.maximum!r} then " + _problem(
            col.name, f"{sql_text(f'{col.name!r} must be at most {col.maximum:g}, got ')} || pw_g({value})", cell))
    return checks


def _number_column(col: Column, cell: str, out: _Select) -> None:
    # Most cells are plain numbers: try_cast alone reads them; only the others pay for normalisation.
    # Both readings are columns of the row, computed once; the checks below compare them many times.
    plain, number = f"s._plain_{col.name}", f"s._number_{col.name}"
    out.parsed += [f"try_cast({cell} as double) as _plain_{col.name}", f"pw_number({cell}) as _number_{col.name}"]
    cast = "::integer" if col.type == "integer" else ""
    out.values.append(f"case when {plain} is not null then (case when isfinite({plain}) then {plain}{cast} end) "
                      f"when not pw_empty({cell}) and isfinite({number}) then {number}{cast} end as {col.name}")
    whole = []
    if col.type == "integer":
        whole.append(f"when {number} <> trunc({number}) then " + _problem(
            col.name, f"{sql_text(f'{col.name!r} must be a whole number, got ')} || pw_g({number})", cell))
    out.problems.append((col.name, cell, " ".join([
        "case", f"when {plain} is null and pw_empty({cell}) then",
        _problem(col.name, sql_text(f"required value of '{col.name}' is empty")) if col.required else "null",
        f"when {number} is null then " + _problem(col.name, f"'expected a number, got ' || {_quoted(cell)}", cell),
        f"when not isfinite({number}) then " + _problem(col.name, f"'expected a finite number, got ' || {_quoted(cell)}", cell),
        *whole, *_bounds(col, number, cell), "end"])))


def _lookup_join(col: Column, cell: str, out: _Select) -> str:
    """Join the column's cell lookup (lookups.py: one row per distinct cell of the file); its alias."""
    alias = f"cell_{col.name}"
    out.joins.append(f"left join feed_cells_{col.name} {alias} on {alias}.raw is not distinct from {cell}")
    return alias


def _boolean_column(col: Column, cell: str, out: _Select) -> None:
    c = _lookup_join(col, cell, out)
    out.values.append(f"case when not {c}.empty then {c}.flag end as {col.name}")
    out.problems.append((col.name, cell, f"case {_required(col, f'{c}.empty')} when {c}.flag is null then "
                         + _problem(col.name, f"'expected 是/否 (yes/no), got ' || {_quoted(cell)}", cell) + " end"))


def _unit_column(col: Column, cell: str, out: _Select) -> None:
    c = _lookup_join(col, cell, out)
    out.values.append(f"{c}.unit as {col.name}")
    out.problems.append((col.name, cell, f"case when {c}.unit is not null and {c}.factor is null then " + _problem(
        col.name, f"{_quoted(c + '.unit')} || ' is not a unit of the unit table (万元, 亿元, 万人, %, 万吨, 亿斤, 家 …)'",
        cell) + " end"))


def _text_column(contract: FeedContract, col: Column, cell: str, out: _Select) -> None:
    c = _lookup_join(col, cell, out)
    if not col.allowed:
        out.values.append(f"case when not {c}.empty then {c}.stripped end as {col.name}")
        out.problems.append((col.name, cell, f"case {_required(col, f'{c}.empty')} end"))
        return
    out.values.append(f"case when not {c}.empty then {c}.norm end as {col.name}")
    if col.code_column:
        out.values.append(f"case when not {c}.empty then {c}.code end as {col.code_column}")
    codes = col.allowed_codes
    shown = ", ".join(list(codes)[:12]) + (" …" if len(codes) > 12 else "")
    out.problems.append((col.name, cell, f"case {_required(col, f'{c}.empty')} when not {c}.allowed then " + _problem(
        col.name, f"{_quoted(c + '.norm')} || {sql_text(f' is not an allowed value of {col.name!r} (allowed: {shown})')}",
        cell) + " end"))


def lookup_columns(contract: FeedContract, header: HeaderCheck) -> dict[str, str]:
    """Contract column -> staging column of the columns checked through a lookup of their distinct cells."""
    return {col.name: f"c{header.positions[col.name]}" for col in contract.columns
            if col.name in header.positions and col.type in ("text", "unit", "boolean")}


def year_sql(contract: FeedContract, header: HeaderCheck) -> str:
    """The row's valid year (the `year` column), or null: periods without a year take it."""
    year = next((c for c in contract.columns if c.name == "year"), None)
    if year is None or "year" not in header.positions:
        return "null::integer"
    cell = f"s.c{header.positions['year']}"
    number = f"pw_number({cell})"
    return (f"case when isfinite({number}) and {number} = trunc({number}) "
            f"and {number} >= {year.minimum!r} then {number}::integer end")


def period_column(contract: FeedContract, header: HeaderCheck) -> Column | None:
    col = next((c for c in contract.columns if c.type == "period"), None)
    return col if col is not None and col.name in header.positions else None


def period_inputs_sql(contract: FeedContract, header: HeaderCheck) -> str | None:
    """Distinct (period text, row year) pairs of the staged file, for the period lookup table."""
    col = period_column(contract, header)
    if col is None:
        return None
    cell = f"s.c{header.positions[col.name]}"
    return f"select distinct {cell} as period_text, {year_sql(contract, header)} as year from {STAGE} s"


def _period_column(contract: FeedContract, col: Column, header: HeaderCheck, out: _Select) -> None:
    cell = f"s.c{header.positions[col.name]}"
    out.joins.append(f"left join feed_periods p on p.period_text is not distinct from {cell} "
                     f"and p.year is not distinct from ({year_sql(contract, header)})")
    out.values += [f"{cell} as {col.name}", "p.period_year as _period_year", "p.first_month as _first_month",
                   "p.last_month as _last_month", "p.error as _period_error", f"{cell} as _period_cell",
                   "p.empty as _period_empty", "p.start_date as _start_date", "p.january as _january",
                   "p.end_date as _end_date"]


def _period_problem(col: Column, flagged: str) -> str:
    return ("case when _period_empty then "
            + _problem(col.name, sql_text(f"required value of '{col.name}' is empty"))
            + " when _period_error is not null then " + _problem(col.name, "_period_error", "_period_cell")
            + f" when {flagged} and _first_month <> _last_month and _first_month <> 1 then "
            + _problem(col.name, f"'period ' || {_quoted('_period_cell')} || ' does not start in January but the row "
                                 f"is marked cumulative'", "_period_cell") + " end")


def checked_sql(contract: FeedContract, header: HeaderCheck) -> "CheckPlan":
    """One statement creating `feed_checked`: typed values of every staged row and its problems."""
    out = _Select(values=[], problems=[], joins=[])
    period: Column | None = None
    for col in contract.columns:
        if col.name not in header.positions:
            out.values.append(f"null::{_sql_type(col)} as {col.name}")
            if col.code_column:
                out.values.append(f"null::varchar as {col.code_column}")
            continue
        cell = f"s.c{header.positions[col.name]}"
        if col.type == "period":
            period = col
            _period_column(contract, col, header, out)
        elif col.type in ("number", "integer"):
            _number_column(col, cell, out)
        elif col.type == "boolean":
            _boolean_column(col, cell, out)
        elif col.type == "unit":
            _unit_column(col, cell, out)
        else:
            _text_column(contract, col, cell, out)
    flagged = "t.cumulative" if "cumulative" in header.positions else "null::boolean"
    shaped, row_problems = _shaped_columns(contract, header, flagged)
    if period is not None:
        row_problems.insert(0, (period.name, f"s.c{header.positions[period.name]}", _period_problem(period, flagged)))
    cell_specs = [CheckSpec(f"p{i}", column, raw) for i, (column, raw, _) in enumerate(out.problems)]
    row_specs = [CheckSpec(f"p{len(cell_specs) + i}", column, raw) for i, (column, raw, _) in enumerate(row_problems)]
    cell_reasons = "".join(f", {reason} as {spec.alias}" for spec, (_, _, reason) in zip(cell_specs, out.problems))
    row_reasons = "".join(f", {reason} as {spec.alias}" for spec, (_, _, reason) in zip(row_specs, row_problems))
    fine = " and ".join(["_no_notes", *(f"{spec.alias} is null" for spec in cell_specs + row_specs)])
    if header.problems:
        fine = "false"
    one_of = "null::varchar"
    if contract.one_of:
        none_given = " and ".join(f"{c} is null" for c in contract.one_of)
        reason = "row gives none of " + ", ".join(contract.one_of)
        one_of = f"case when _fine and {none_given} then {sql_text(reason)} end"
    sql = f"""
        create or replace temp view {CHECKED} as
        with typed as (
            select s.row_number, s.notes is null as _no_notes, {', '.join(out.values)}
                   {''.join(', ' + u for u in _unit_facts(contract, header))}{cell_reasons}
            from (select s.*{''.join(', ' + p for p in out.parsed)} from {STAGE} s) s {' '.join(out.joins)}
        ),
        shaped as (
            select t.*{''.join(', ' + c for c in shaped)}
            from typed t
        ),
        reasoned as (
            select t.*{row_reasons}
            from shaped t
        ),
        judged as (select *, {fine} as _fine from reasoned)
        select * exclude (_fine, _no_notes), {one_of} as p_one_of, _fine and p_one_of is null as ok
        from judged
    """
    return CheckPlan(sql, tuple(cell_specs + row_specs), header.problems, contract.one_of)


@dataclass(frozen=True)
class CheckSpec:
    alias: str  # column of `feed_checked` holding the reason, null when the check passed
    column: str  # contract column the problem is about
    raw: str  # SQL of the staged cell shown as the raw value (over feed_stage aliased s)


@dataclass(frozen=True)
class CheckPlan:
    """The statement creating `feed_checked` and what its problem columns mean."""

    create_sql: str
    checks: tuple[CheckSpec, ...]
    header_problems: tuple[Problem, ...]
    one_of: tuple[str, ...]

    def problems_sql(self) -> str:
        """SQL, over `feed_checked c join feed_stage s`, of the list of a row's problems in order."""
        def struct(column: str, reason: str, raw: str) -> str:
            return f"{{'column': {column}, 'reason': {reason}, 'raw_value': ({raw})::varchar}}"

        header = [struct(sql_text(p.column), sql_text(p.reason), sql_text(p.raw_value)) for p in self.header_problems]
        checks = [f"case when c.{k.alias} is not null then {struct(sql_text(k.column), 'c.' + k.alias, k.raw)} end"
                  for k in self.checks]
        checks.append(f"case when c.p_one_of is not null then {struct(sql_text(','.join(self.one_of)), 'c.p_one_of', 'null')} end")
        return (f"list_concat([{', '.join(header)}]::{NOTE_TYPE}[], coalesce(s.notes, []::{NOTE_TYPE}[]), "
                f"list_filter([{', '.join(checks)}], lambda x: x is not null))")


def _sql_type(col: Column) -> str:
    from flows.feeds.contracts import SQL_TYPES

    return SQL_TYPES[col.type]


def _unit_facts(contract: FeedContract, header: HeaderCheck) -> list[str]:
    """Factor, base unit and dimension of each unit column's unit (from its feed_units join)."""
    facts = []
    for col in contract.columns:
        if col.converts:
            if col.name in header.positions:
                alias = f"cell_{col.name}"
                facts += [f"{alias}.factor as _{col.name}_factor", f"{alias}.base_unit as _{col.name}_base",
                          f"{alias}.dimension as _{col.name}_dimension"]
            else:
                facts += [f"null::double as _{col.name}_factor", f"null::varchar as _{col.name}_base",
                          f"null::varchar as _{col.name}_dimension"]
    return facts


def _shaped_columns(contract: FeedContract, header: HeaderCheck,
                    flagged: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Period dates, values in base units, and the problems of values outside their base unit's range.

    The problems read the columns (`value_base`), so they go in a step after the columns'.
    """
    columns: list[str] = []
    problems: list[tuple[str, str, str]] = []
    if any(c.type == "period" for c in contract.columns):
        if period_column(contract, header) is None:
            columns += ["null::date as period_start", "null::date as period_end", "null::integer as period_months",
                        "null::boolean as is_cumulative"]
        else:
            # A single month marked cumulative (2025-06, 累计) runs from January.
            first = f"case when {flagged} and _first_month = _last_month then 1 else _first_month end"
            columns += [f"case when {flagged} and _first_month = _last_month then _january else _start_date end "
                        "as period_start",
                        "_end_date as period_end",
                        f"_last_month - ({first}) + 1 as period_months",
                        f"coalesce({flagged}, ({first}) = 1) as is_cumulative"]
    for col in contract.columns:
        if not col.converts:
            continue
        known = f"_{col.name}_factor is not null"
        for name in col.converts:
            columns.append(f"case when {known} then pw_round12({name} * _{col.name}_factor) end as {name}_base")
            # The check reads the value in base units computed once above (it runs a step later).
            base = f"{name}_base"
            for base_unit, (low, high) in BASE_UNIT_RANGES.items():
                outside = f"{known} and _{col.name}_base = {sql_text(base_unit)} and not ({base} between {low!r} and {high!r})"
                raw = f"s.c{header.positions[name]}" if name in header.positions else "null"
                problems.append((name, raw, f"case when {outside} then " + _problem(
                    name, f"{sql_text(f'{name!r} in {base_unit} must be between {low:g} and {high:g}, got ')} "
                          f"|| pw_g({base})", name) + " end"))
        given = " or ".join(f"{name} is not null" for name in col.converts)
        columns.append(f"case when {known} and ({given}) then nullif(_{col.name}_base, '') end "
                       f"as {col.base_unit_column}")
    return columns, problems
