"""DDL of the `raw.feed_*` tables, generated from the feed contracts so columns are declared once.

Every feed row keeps the file it came from and its row number; what is the same for every row of a
file (its path relative to the feeds directory, its sha256, the run that loaded it and when) is
recorded once, in `raw.feed_files`, and the row holds the file's integer `file_id`, which dbt
staging joins on. Writing text on each of a million rows costs about 0.1 CPU-s per column even when
every row holds the same path; an integer costs a fraction of that (issue 11). `raw.feed_files` also
records what each loaded file held, which is what makes loading idempotent and row counts
reconcilable. Rejected rows go to the shared `raw.quarantine` (flows/warehouse/raw_schema.py).
"""
from __future__ import annotations

import duckdb

from flows.feeds.contracts import SQL_TYPES, TABULAR_CONTRACTS, TARGET_ACTUALS, FeedContract
from flows.warehouse.raw_writes import transaction

# A row's provenance; the file's path, hash, run and load time are in raw.feed_files, one row per file.
_PROVENANCE = (
    ("file_id", "integer not null"),
    ("row_number", "integer not null"),
)
_PERIOD = (
    ("period_start", "date"),
    ("period_end", "date"),
    ("period_months", "integer"),
    ("is_cumulative", "boolean"),
)

# What the extraction library read in the target text of a target-versus-actual row.
PARSED_TARGET_COLUMNS = (
    ("target_indicator", "varchar"),
    ("target_comparator", "varchar"),
    ("target_value", "double"),
    ("target_value_min", "double"),
    ("target_value_max", "double"),
    ("target_unit", "varchar"),
    ("target_value_base", "double"),
    ("target_base_unit", "varchar"),
    ("target_kind", "varchar"),
)

ARTICLE_FIGURE_COLUMNS = (
    *_PROVENANCE,
    ("title", "varchar"),
    ("region", "varchar"),
    ("sentence", "varchar not null"),  # the clause the figure and its period were read from
    ("char_start", "integer"),  # offsets of `figure_text` in the article's decoded text
    ("char_end", "integer"),
    ("figure_text", "varchar"),
    ("indicator", "varchar"),
    ("period", "varchar"),
    *_PERIOD,
    ("value", "double"),
    ("unit", "varchar"),
    ("comparator", "varchar"),
    ("value_base", "double"),
    ("base_unit", "varchar"),
    ("kind", "varchar"),
    ("extractor_version", "varchar"),
)

FEED_FILES_DDL = """
create table if not exists raw.feed_files (
    file_path        varchar primary key,  -- relative to the feeds directory
    feed             varchar not null,
    file_hash        varchar not null,     -- sha256 of the file's bytes, for every row loaded from it
    encoding         varchar,
    rows_in          integer not null,     -- rows the file holds (articles: figures found)
    rows_loaded      integer not null,
    rows_quarantined integer not null,
    file_error       varchar,              -- why the whole file could not be read, else null
    reader_version   varchar not null,     -- contract + extractor fingerprint the rows were read with
    run_id           varchar not null,     -- the run that loaded the file's rows
    loaded_at        timestamp not null,
    file_id          integer not null      -- what the file's rows in the raw feed tables hold (unique)
);
"""


def contract_columns(contract: FeedContract) -> tuple[tuple[str, str], ...]:
    """(column, duckdb type) of a tabular feed's raw table, in order."""
    cols: list[tuple[str, str]] = list(_PROVENANCE)
    for col in contract.columns:
        cols.append((col.name, SQL_TYPES[col.type]))
        if col.code_column:
            cols.append((col.code_column, "varchar"))
        if col.type == "period":
            cols.extend(_PERIOD)
    for col in contract.columns:
        if col.converts:
            cols.extend((f"{name}_base", "double") for name in col.converts)
            cols.append((col.base_unit_column, "varchar"))
    if contract is TARGET_ACTUALS:
        cols.extend(PARSED_TARGET_COLUMNS)
    return tuple(cols)


def _create(table: str, columns: tuple[tuple[str, str], ...]) -> str:
    # (file_id, row_number) is unique by construction (one row per line of a file) and checked by the
    # raw suites; no primary key, whose index would cost more than reading the file (issue 11).
    body = ",\n    ".join(f"{name} {sql_type}" for name, sql_type in columns)
    return f"create table if not exists raw.{table} (\n    {body}\n);"


def _row_tables() -> dict[str, tuple[tuple[str, str], ...]]:
    """raw row table -> (column, duckdb type), in order."""
    tables = {c.table: contract_columns(c) for c in TABULAR_CONTRACTS}
    tables["feed_article_figures"] = ARTICLE_FIGURE_COLUMNS
    return tables


def feed_ddl() -> str:
    statements = ["create schema if not exists raw;", FEED_FILES_DDL]
    statements += [_create(table, columns) for table, columns in _row_tables().items()]
    return "\n".join(statements)


def table_columns() -> dict[str, tuple[str, ...]]:
    """raw table -> its column names, for the loader and for tests that compare with dbt sources."""
    return {table: tuple(n for n, _ in columns) for table, columns in _row_tables().items()}


# Columns the row tables held before the file's hash, run and load time moved to raw.feed_files only.
_PER_FILE_COLUMNS_BEFORE = ("file_hash", "run_id", "loaded_at")


def ensure_feed_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(feed_ddl())
    # A warehouse built before keeps its rows; raw.feed_files already holds what the dropped columns said.
    for table in table_columns():
        for column in _PER_FILE_COLUMNS_BEFORE:
            con.execute(f"alter table raw.{table} drop column if exists {column}")
    _file_ids_for_paths(con)
    _file_id_sequence(con)


# Where a loaded file's id comes from: a sequence never hands out a number twice, even when the file that
# held the largest id is removed (max + 1 would give its id to the next file, and rows or records kept by
# that id elsewhere would be taken for the new file's). A rolled-back load uses up its number.
FILE_ID_SEQUENCE = "raw.feed_file_ids"


def _file_id_sequence(con: duckdb.DuckDBPyConnection) -> None:
    """The sequence of file ids, made once, starting above every id a warehouse built before it recorded."""
    start = con.execute("select coalesce(max(file_id), 0) + 1 from raw.feed_files").fetchone()[0]
    con.execute(f"create sequence if not exists {FILE_ID_SEQUENCE} start with {int(start)}")


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute("select column_name from information_schema.columns "
                                      "where table_schema = 'raw' and table_name = ?", [table]).fetchall()}


def _file_ids_for_paths(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse whose rows hold their file's path gets file ids instead, keeping every row.

    Each table is rebuilt in its declared shape (DuckDB cannot make a column updated in the same
    transaction not null), all in one transaction.
    """
    if "file_id" in _columns(con, "feed_files"):
        return
    with transaction(con):
        con.execute(FEED_FILES_DDL.replace("raw.feed_files", "raw.feed_files_with_ids"))
        con.execute("insert into raw.feed_files_with_ids by name select *, "
                    "row_number() over (order by file_path)::integer as file_id from raw.feed_files")
        for table, columns in _row_tables().items():
            con.execute(_create(f"{table}_with_ids", columns))
            con.execute(f"insert into raw.{table}_with_ids by name select x.* exclude (file_path), f.file_id "
                        f"from raw.{table} x left join raw.feed_files_with_ids f using (file_path)")  # a row of no file fails
            con.execute(f"drop table raw.{table}")
            con.execute(f"alter table raw.{table}_with_ids rename to {table}")
        con.execute("drop table raw.feed_files")
        con.execute("alter table raw.feed_files_with_ids rename to feed_files")
