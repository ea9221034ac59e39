"""Opening DuckDB in the run's process: every connection under the one memory limit.

DuckDB's default limit is 80 % of the machine's memory, and its buffer manager uses what it may:
at 10M feed rows the publish step alone passed 10 GB. Under PLANWATCH_DUCKDB_MEMORY_LIMIT (the
same limit as the dbt build) it spills to disk instead.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from flows.settings import Settings, get_settings


def connect_warehouse(database: Path | str = ":memory:", settings: Settings | None = None,
                      read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to `database` (a file, or in memory) whose instance spills past the memory limit;
    `settings` (the run's, with its overrides) say the limit and where an in-memory database spills."""
    settings = settings or get_settings()
    con = duckdb.connect(str(database), read_only=read_only)
    limit = settings.duckdb_memory_limit.replace("'", "")
    con.execute(f"set memory_limit = '{limit}'")
    if str(database) == ":memory:":  # a file database spills beside itself; one in memory needs a folder
        spill = settings.warehouse_dir / "tmp" / "duckdb_spill"
        spill.mkdir(parents=True, exist_ok=True)
        con.execute(f"set temp_directory = '{str(spill).replace(chr(39), chr(39) * 2)}'")
    return con


@contextmanager
def setting_while(con: duckdb.DuckDBPyConnection, name: str, value: bool | str) -> Iterator[None]:
    """DuckDB setting `name` at `value` for the statements inside, then back to what it was."""
    before = con.execute("select current_setting(?)", [name]).fetchone()[0]
    con.execute(f"set {name} = {_setting_literal(value)}")
    try:
        yield
    finally:
        con.execute(f"set {name} = {_setting_literal(before)}")


def _setting_literal(value: bool | str) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return "'" + str(value).replace("'", "''") + "'"
