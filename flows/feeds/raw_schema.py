"""DDL of the `raw.feed_*` tables, generated from the feed contracts so columns are declared once.

Every feed row keeps the file it came from (path relative to the feeds directory) and its row
number; what is the same for every row of a file (its sha256, the run that loaded it and when) is
recorded once, in `raw.feed_files`, which dbt staging joins on `file_path`. Writing those on each
of a million rows cost more than the rest of the provenance (issue 11). `raw.feed_files` also
records what each loaded file held, which is what makes loading idempotent and row counts
reconcilable. Rejected rows go to the shared `raw.quarantine` (flows/warehouse/raw_schema.py).
"""
from __future__ import annotations

import duckdb

from flows.feeds.contracts import SQL_TYPES, TABULAR_CONTRACTS, TARGET_ACTUALS, FeedContract

# A row's provenance; the file's hash, run and load time are in raw.feed_files, one row per file.
_PROVENANCE = (
    ("file_path", "varchar not null"),
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
    loaded_at        timestamp not null
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
    # (file_path, row_number) is unique by construction (one row per line of a file) and checked by the
    # raw suites; no primary key, whose index would cost more than reading the file (issue 11).
    body = ",\n    ".join(f"{name} {sql_type}" for name, sql_type in columns)
    return f"create table if not exists raw.{table} (\n    {body}\n);"


def feed_ddl() -> str:
    statements = ["create schema if not exists raw;", FEED_FILES_DDL]
    statements += [_create(c.table, contract_columns(c)) for c in TABULAR_CONTRACTS]
    statements.append(_create("feed_article_figures", ARTICLE_FIGURE_COLUMNS))
    return "\n".join(statements)


def table_columns() -> dict[str, tuple[str, ...]]:
    """raw table -> its column names, for the loader and for tests that compare with dbt sources."""
    tables = {c.table: tuple(n for n, _ in contract_columns(c)) for c in TABULAR_CONTRACTS}
    tables["feed_article_figures"] = tuple(n for n, _ in ARTICLE_FIGURE_COLUMNS)
    return tables


# Columns the row tables held before the file's hash, run and load time moved to raw.feed_files only.
_PER_FILE_COLUMNS_BEFORE = ("file_hash", "run_id", "loaded_at")


def ensure_feed_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(feed_ddl())
    # A warehouse built before keeps its rows; raw.feed_files already holds what the dropped columns said.
    for table in table_columns():
        for column in _PER_FILE_COLUMNS_BEFORE:
            con.execute(f"alter table raw.{table} drop column if exists {column}")
