"""Expectations pushed down to DuckDB: every row of a staged Parquet table judged by aggregate SQL.

GX 1.x validates through pandas only (its DuckDB datasource is broken), which would hold a whole
mart in memory. The expectation types our suites use are translated here into SQL over
`read_parquet(...)`: one scan per table answers every row-wise check (`count(*) filter (where …)`),
a grouped query answers each uniqueness check, and only a failing check fetches a sample of its
values. GX itself then validates a bounded sample (flows/quality/gate.py) so Data Docs still show
every suite; for each expectation this module's full-table verdict wins where `translate` knows the
type, GX's sample verdict where it returns None.

The SQL follows the pandas engine's semantics, which the agreement tests check case by case:
- a column check ignores null values (not-null checks count them); a float NaN is null, as in pandas;
- a row condition keeps the rows pandas' `DataFrame.query` keeps: `!=` and `not in` are true for a
  null, every other comparison is false for it;
- `unexpected_count` counts rows (every row of a repeated value, as pandas' `duplicated(keep=False)`).
Nothing here imports GX: an expectation arrives as its configuration (type, kwargs, meta).
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from flows.quality.outcomes import CheckResult, classify, columns_named
from flows.quality.severity import severity_of

SAMPLE_VALUES = 20  # as many failing values as GX's partial_unexpected_list shows

# kwargs that do not change what is judged (presentation and bookkeeping), so they never stop a translation.
_INERT_KWARGS = frozenset({"batch_id", "result_format", "catch_exceptions", "include_config", "meta", "notes",
                           "description", "condition_parser", "rendered_content", "windows", "severity", "id"})


class Untranslatable(ValueError):
    """An expectation (or a row condition) this module cannot judge in SQL: GX's sample verdict stands."""


@dataclass(frozen=True)
class Expectation:
    """What GX's ExpectationConfiguration says, without GX: `type`, `kwargs`, `meta`."""
    type: str
    kwargs: Mapping[str, Any]
    meta: Mapping[str, Any] | None = None

    @classmethod
    def of(cls, configuration: Any) -> "Expectation":
        return cls(configuration.type, dict(configuration.kwargs), dict(configuration.meta or {}))


@dataclass(frozen=True)
class RowCheck:
    """A row-wise check: among the rows `domain` keeps, the rows `unexpected` marks fail."""
    domain: str
    unexpected: str
    shown: str  # the SQL expression whose values are sampled when the check fails


@dataclass(frozen=True)
class GroupCheck:
    """Uniqueness: among the rows `domain` keeps, every row whose `keys` repeat fails."""
    domain: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class TableCheck:
    kind: str  # "row_count" or "columns"
    kwargs: Mapping[str, Any]


Check = RowCheck | GroupCheck | TableCheck


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise Untranslatable(f"no SQL literal for {type(value).__name__}")


class Columns:
    """SQL for one table's columns: a float NaN reads as null, the way pandas reads it."""

    def __init__(self, types: Mapping[str, str]):
        self.types = dict(types)

    def value(self, name: str) -> str:
        if name not in self.types:
            raise KeyError(name)
        if self.types[name].upper() in ("FLOAT", "DOUBLE", "REAL"):
            return f"(case when isnan({quote(name)}) then null else {quote(name)} end)"
        return quote(name)

    def null(self, name: str) -> str:
        return f"({self.value(name)} is null)"


def condition_sql(condition: Any, cols: Columns) -> str:
    """A GX row condition (its serialised dict) as the SQL predicate of the rows pandas' query keeps."""
    if condition is None:
        return "true"
    if hasattr(condition, "dict") and not isinstance(condition, Mapping):
        condition = condition.dict()
    if not isinstance(condition, Mapping):
        raise Untranslatable(f"row condition {condition!r} is a pass-through string")
    kind = condition.get("type")
    if kind in ("and", "or"):
        parts = [condition_sql(c, cols) for c in condition["conditions"]]
        return "(" + f" {kind} ".join(parts) + ")"
    if kind == "nullity":
        null = cols.null(condition["column"]["name"])
        return null if condition["is_null"] else f"(not {null})"
    if kind != "comparison":
        raise Untranslatable(f"row condition of type {kind!r}")
    name, op, parameter = condition["column"]["name"], str(condition["operator"]), condition["parameter"]
    value = cols.value(name)
    if op in ("IN", "NOT_IN"):
        values = ", ".join(literal(v) for v in parameter)
        member = f"({value} in ({values}))" if values else "false"
        # pandas: a null is never in the list, so `not in` keeps it.
        return member if op == "IN" else f"({cols.null(name)} or not {member})"
    if op == "!=":
        return f"({value} is distinct from {literal(parameter)})"  # pandas: null != x is true
    if op not in ("==", "<", "<=", ">", ">="):
        raise Untranslatable(f"operator {op!r}")
    return f"coalesce({value} {'=' if op == '==' else op} {literal(parameter)}, false)"


def _kwargs_known(exp: Expectation, known: Collection[str]) -> None:
    unknown = set(exp.kwargs) - set(known) - _INERT_KWARGS
    if unknown:
        raise Untranslatable(f"{exp.type} with {', '.join(sorted(unknown))}")
    if exp.kwargs.get("mostly") not in (None, 1, 1.0):
        raise Untranslatable(f"{exp.type} with mostly={exp.kwargs['mostly']}")


def translate(exp: Expectation, cols: Columns) -> Check:
    """The SQL check for one expectation; Untranslatable when GX must judge it; KeyError for a missing column."""
    kw = exp.kwargs
    column_kwargs = ("column", "row_condition", "mostly")
    if exp.type == "expect_table_row_count_to_be_between":
        _kwargs_known(exp, ("min_value", "max_value", "strict_min", "strict_max"))
        return TableCheck("row_count", kw)
    if exp.type == "expect_table_columns_to_match_set":
        _kwargs_known(exp, ("column_set", "exact_match"))
        if kw.get("exact_match", True) is not True or kw.get("column_set") is None:
            raise Untranslatable("column set without exact_match")
        return TableCheck("columns", kw)
    where = condition_sql(kw.get("row_condition"), cols)
    if exp.type == "expect_column_values_to_not_be_null":
        _kwargs_known(exp, column_kwargs)
        return RowCheck(where, cols.null(kw["column"]), cols.value(kw["column"]))
    if exp.type == "expect_compound_columns_to_be_unique":
        _kwargs_known(exp, ("column_list", "row_condition", "mostly", "ignore_row_if"))
        nulls = [cols.null(c) for c in kw["column_list"]]
        ignore = kw.get("ignore_row_if", "all_values_are_missing")
        keep = {"all_values_are_missing": f"not ({' and '.join(nulls)})",
                "any_value_is_missing": f"not ({' or '.join(nulls)})", "never": "true"}.get(ignore)
        if keep is None:
            raise Untranslatable(f"ignore_row_if={ignore!r}")
        return GroupCheck(f"({where}) and ({keep})", tuple(cols.value(c) for c in kw["column_list"]))
    if exp.type == "expect_column_pair_values_a_to_be_greater_than_b":
        _kwargs_known(exp, ("column_A", "column_B", "or_equal", "row_condition", "mostly", "ignore_row_if"))
        a, b = kw["column_A"], kw["column_B"]
        ignore = kw.get("ignore_row_if", "both_values_are_missing")
        keep = {"both_values_are_missing": f"not ({cols.null(a)} and {cols.null(b)})",
                "either_value_is_missing": f"not ({cols.null(a)} or {cols.null(b)})", "neither": "true"}.get(ignore)
        if keep is None:
            raise Untranslatable(f"ignore_row_if={ignore!r}")
        op = ">=" if kw.get("or_equal") else ">"
        # pandas: a comparison with a null is false, so a row with one value missing fails.
        return RowCheck(f"({where}) and ({keep})", f"not coalesce({cols.value(a)} {op} {cols.value(b)}, false)",
                        f"[{cols.value(a)}, {cols.value(b)}]")
    # The rest ignore null values, like every GX column map check but not-null.
    column = kw.get("column")
    if column is None:
        raise Untranslatable(f"expectation type {exp.type}")
    value = cols.value(column)
    domain = f"({where}) and not {cols.null(column)}"
    if exp.type == "expect_column_values_to_be_unique":
        _kwargs_known(exp, column_kwargs)
        return GroupCheck(domain, (value,))
    if exp.type == "expect_column_values_to_be_in_set":
        _kwargs_known(exp, (*column_kwargs, "value_set"))
        values = ", ".join(literal(v) for v in kw["value_set"])
        return RowCheck(domain, f"not ({value} in ({values}))" if values else "true", value)
    if exp.type == "expect_column_values_to_be_between":
        _kwargs_known(exp, (*column_kwargs, "min_value", "max_value", "strict_min", "strict_max"))
        low, high = kw.get("min_value"), kw.get("max_value")
        if low is None and high is None:
            raise Untranslatable("between without bounds")
        bounds = []
        if low is not None:
            bounds.append(f"{value} {'>' if kw.get('strict_min') else '>='} {literal(low)}")
        if high is not None:
            bounds.append(f"{value} {'<' if kw.get('strict_max') else '<='} {literal(high)}")
        return RowCheck(domain, f"not ({' and '.join(bounds)})", value)
    if exp.type == "expect_column_values_to_match_regex":
        _kwargs_known(exp, (*column_kwargs, "regex"))
        # pandas' str.contains is a search, as regexp_matches is (RE2: \d is ASCII only there).
        return RowCheck(domain, f"not regexp_matches(cast({value} as varchar), {literal(kw['regex'])})", value)
    raise Untranslatable(f"expectation type {exp.type}")


@dataclass(frozen=True)
class TableShape:
    types: dict[str, str]
    rows: int


def parquet_source(path: Path, **options: bool) -> str:
    """`read_parquet` of a staged file, or of every file of a partitioned table's folder, columns as written."""
    if path.is_dir():
        options = {"hive_partitioning": False, **options}
        path = path / "*.parquet"
    extra = "".join(f", {k} = {literal(v)}" for k, v in options.items())
    return f"read_parquet({literal(str(path))}{extra})"


def table_shape(con: duckdb.DuckDBPyConnection, source: str) -> TableShape:
    types = {name: str(dtype) for name, dtype in
             con.execute(f"select column_name, column_type from (describe select * from {source})").fetchall()}
    return TableShape(types, con.execute(f"select count(*) from {source}").fetchone()[0])


def _json(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


@dataclass(frozen=True)
class TableVerdicts:
    results: list[CheckResult | None]  # one per expectation, None where GX must judge it
    failing_rows: list[str]  # a predicate per failed row-wise check, to show its rows to GX's sample


def judge_table(con: duckdb.DuckDBPyConnection, source: str, expectations: list[Expectation], *, table: str,
                suite: str, rows_expected: bool, shape: TableShape | None = None) -> TableVerdicts:
    """A verdict for each expectation over every row of `source` (None where GX must judge it)."""
    shape = shape or table_shape(con, source)
    cols = Columns(shape.types)
    checks: list[Check | str | None] = []
    for exp in expectations:
        missing = [c for c in columns_named(exp.kwargs) if c not in shape.types]
        try:
            checks.append(f"names column(s) the table lacks: {', '.join(missing)}" if missing else translate(exp, cols))
        except Untranslatable:
            checks.append(None)
        except KeyError as e:  # a row condition naming a column the table lacks
            checks.append(f"names column(s) the table lacks: {e.args[0]}")
    # One scan answers every row-wise check of the table.
    row_checks = [(i, c) for i, c in enumerate(checks) if isinstance(c, RowCheck)]
    counts: dict[int, int] = {}
    if row_checks:
        select = ", ".join(f"count(*) filter (where ({c.domain}) and ({c.unexpected}))" for _, c in row_checks)
        values = con.execute(f"select {select} from {source}").fetchone()
        counts = {i: int(v) for (i, _), v in zip(row_checks, values)}
    results: list[CheckResult | None] = []
    failing: list[str] = []
    for i, (exp, check) in enumerate(zip(expectations, checks)):
        if check is None:
            results.append(None)
            continue
        severity = severity_of(exp.meta)
        outcome_kwargs = dict(severity=severity, exception_info=None, rows_expected=rows_expected,
                              table_columns=set(shape.types), table_rows=shape.rows, kwargs=exp.kwargs)
        unexpected: int | None = None
        if isinstance(check, str):  # a column the table lacks: the check could not look
            results.append(CheckResult(suite=suite, table_name=table, expectation=exp.type,
                                       column_name=", ".join(columns_named(exp.kwargs)), severity=severity,
                                       outcome="broken", sample=check))
            continue
        if isinstance(check, TableCheck):
            success, result = _table_verdict(check, shape)
        else:
            unexpected = counts[i] if isinstance(check, RowCheck) else _duplicated_rows(con, source, check)
            success = unexpected == 0
            if not success:
                failing.append(_failing_rows(source, check))
            result = {"unexpected_count": unexpected,
                      "partial_unexpected_list": [] if success else _sample(con, source, check)}
        outcome, sample = classify(success=success, result=result, **outcome_kwargs)  # type: ignore[arg-type]
        results.append(CheckResult(suite=suite, table_name=table, expectation=exp.type,
                                   column_name=", ".join(columns_named(exp.kwargs)), severity=severity,
                                   outcome=outcome, unexpected_count=unexpected, sample=sample))
    return TableVerdicts(results, failing)


def _failing_rows(source: str, check: RowCheck | GroupCheck) -> str:
    if isinstance(check, RowCheck):
        return f"({check.domain}) and ({check.unexpected})"
    keys = ", ".join(check.keys)
    return (f"({check.domain}) and ({keys}) in (select ({keys}) from {source} where {check.domain} "
            f"group by {keys} having count(*) > 1)")


@dataclass(frozen=True)
class Source:
    """Where a gate reads one table: `sql` gives every row; `numbered` the same rows with a row identity
    (`row_id`, in the columns `added`) for drawing a sample; `file` when it is one Parquet file."""
    sql: str
    numbered: str
    row_id: str
    added: tuple[str, ...] = ()
    file: Path | None = None


def parquet_table(path: Path) -> Source:
    """A staged file or partition folder; read_parquet's own row identity keeps the files' row order."""
    return Source(parquet_source(path), parquet_source(path, filename=True, file_row_number=True),
                  "filename, file_row_number", ("filename", "file_row_number"), path if path.is_file() else None)


def database_table(relation: str) -> Source:
    """A table of an attached database, read where it is (nothing staged); rowid is its row identity."""
    return Source(relation, relation, "rowid")


def write_sample(con: duckdb.DuckDBPyConnection, source: Source, target: Path, rows: int, failing_rows: list[str],
                 seed: int = 42) -> None:
    """At most `rows` rows of `source` drawn at random, plus up to SAMPLE_VALUES rows of each failed check,
    so the GX pages of a large table show the rows that failed, not only rows that happen to pass."""
    numbered, row_id = source.numbered, source.row_id
    picks = [f"(select {row_id} from {numbered} using sample reservoir({int(rows)} rows) repeatable ({seed}))"]
    picks += [f"(select {row_id} from {numbered} where {p} limit {SAMPLE_VALUES})" for p in failing_rows]
    columns = f"* exclude ({', '.join(source.added)})" if source.added else "*"
    con.execute(f"copy (select {columns} from {numbered} where ({row_id}) in "
                f"({' union '.join(picks)}) order by {row_id}) to {literal(str(target))} (format parquet)")


def _table_verdict(check: TableCheck, shape: TableShape) -> tuple[bool, dict]:
    kw = check.kwargs
    if check.kind == "columns":
        return set(kw["column_set"]) == set(shape.types), {"observed_value": sorted(shape.types)}
    n, low, high = shape.rows, kw.get("min_value"), kw.get("max_value")
    ok = ((low is None or (n > low if kw.get("strict_min") else n >= low))
          and (high is None or (n < high if kw.get("strict_max") else n <= high)))
    return ok, {"observed_value": n}


def _duplicated_rows(con: duckdb.DuckDBPyConnection, source: str, check: GroupCheck) -> int:
    keys = ", ".join(check.keys)
    return int(con.execute(f"select coalesce(sum(n), 0) from (select count(*) as n from {source} "
                           f"where {check.domain} group by {keys} having count(*) > 1)").fetchone()[0])


def _sample(con: duckdb.DuckDBPyConnection, source: str, check: RowCheck | GroupCheck) -> list:
    if isinstance(check, RowCheck):
        rows = con.execute(f"select {check.shown} from {source} where ({check.domain}) and ({check.unexpected}) "
                           f"limit {SAMPLE_VALUES}").fetchall()
        return [_json(r[0]) for r in rows]
    keys = ", ".join(check.keys)
    rows = con.execute(f"select {keys} from {source} where {check.domain} group by {keys} having count(*) > 1 "
                       f"limit {SAMPLE_VALUES}").fetchall()
    return [_json(r[0]) if len(r) == 1 else [_json(v) for v in r] for r in rows]
