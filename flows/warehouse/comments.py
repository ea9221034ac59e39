"""Descriptions of tables the pipeline creates itself (not through dbt), stored as DuckDB comments.

BI tools read `duckdb_columns().comment`; dbt's `persist_docs` covers the marts and semantic views, and
the `audit` tables written from Python get theirs here, declared beside their DDL.
"""
from __future__ import annotations

import duckdb


def comment_table(con: duckdb.DuckDBPyConnection, table: str, description: str, columns: dict[str, str]) -> None:
    """`table` is schema-qualified (audit.pipeline_runs); every column named in `columns` gets its text."""
    con.execute(f"comment on table {table} is {_literal(description)}")
    for column, text in columns.items():
        con.execute(f"comment on column {table}.{column} is {_literal(text)}")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
