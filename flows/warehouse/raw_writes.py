"""Writing to the `raw` schema, shared by the report and the feed loaders.

A file's rows are replaced in one transaction, so a failed load leaves the previous rows in place;
batches insert by column name; a quarantine record has the same shape whoever writes it.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

import duckdb
import pyarrow as pa

from flows.faults import fault_point


def utc_now() -> datetime:
    """The time the raw tables record (`timestamp`, UTC, without a zone)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Commit what the block wrote, or roll all of it back and re-raise."""
    con.execute("begin transaction")
    try:
        yield
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict] | pa.Table) -> None:
    """Insert dicts (or an Arrow table) by column name; a column a row does not give is null."""
    if not len(rows):
        return
    batch = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB below
    con.execute(f"insert into {table} by name select * from batch")
    fault_point("mid-feed-load" if table.startswith("raw.feed_") else "mid-report-load")  # tests only


def insert_quarantine(con: duckdb.DuckDBPyConnection, source_kind: str, file_path: str, file_hash: str | None,
                      reason: str, quarantined_at: datetime, row_number: int | None = None,
                      column_name: str | None = None, raw_value: str | None = None) -> None:
    """One `raw.quarantine` record: a whole file when `row_number` is None, else one of its rows."""
    con.execute(
        "insert into raw.quarantine (source_kind, file_path, file_hash, row_number, column_name, reason, raw_value, "
        "quarantined_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        [source_kind, file_path, file_hash, row_number, column_name, reason, raw_value, quarantined_at],
    )
