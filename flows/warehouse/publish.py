"""Publishing: stage marts as a candidate, then swap in a read-only snapshot for BI tools.

BI tools never open the build database (DuckDB allows one writer per file). They read
`published/planwatch.duckdb`, replaced atomically, written in DuckDB's v1.0 storage format because
most BI drivers still bundle a 1.x DuckDB that cannot open a default 2.0 file, and the Parquet
files under `published/parquet/`, a symlink swapped atomically to the run's directory.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows.settings import Settings

PUBLISHED_SCHEMA = "marts"
# Oldest DuckDB storage format 1.x clients (1.0 onwards) can open.
PUBLISHED_STORAGE_VERSION = "v1.0.0"


@dataclass(frozen=True)
class PublishedSnapshot:
    database: Path
    parquet_dir: Path
    tables: list[str]


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' "
        "order by table_name",
        [PUBLISHED_SCHEMA],
    ).fetchall()
    return [name for (name,) in rows]


def stage_candidate(con: duckdb.DuckDBPyConnection, settings: Settings, tables: list[str]) -> Path:
    """Write each mart to `<candidate_dir>/<table>.parquet`, replacing any earlier candidate."""
    target = settings.candidate_dir
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for table in tables:
        path = _sql_path(target / f"{table}.parquet")
        con.execute(f"copy (select * from {PUBLISHED_SCHEMA}.{table}) to '{path}' (format parquet)")
    return target


def publish_snapshot(con: duckdb.DuckDBPyConnection, settings: Settings, tables: list[str], run_id: str) -> PublishedSnapshot:
    """Copy the validated marts into a new read-only database and swap it and the Parquet in."""
    published = settings.published_dir
    published.mkdir(parents=True, exist_ok=True)

    tmp_db = published / f".planwatch.{run_id}.duckdb.tmp"
    tmp_db.unlink(missing_ok=True)
    alias = "snapshot"
    con.execute(f"attach '{_sql_path(tmp_db)}' as {alias} (storage_version '{PUBLISHED_STORAGE_VERSION}')")
    try:
        con.execute(f"create schema {alias}.{PUBLISHED_SCHEMA}")
        for table in tables:
            con.execute(f"create table {alias}.{PUBLISHED_SCHEMA}.{table} as select * from {PUBLISHED_SCHEMA}.{table}")
        _copy_audit_schema(con, alias)
    finally:
        con.execute(f"detach {alias}")
    tmp_db.chmod(0o444)
    os.replace(tmp_db, settings.published_database_path)

    run_parquet = published / f"parquet-{run_id}"
    shutil.copytree(settings.candidate_dir, run_parquet)
    link_tmp = published / f".parquet.{run_id}.link"
    link_tmp.unlink(missing_ok=True)
    link_tmp.symlink_to(run_parquet.name)
    os.replace(link_tmp, settings.published_parquet_dir)
    for old in published.glob("parquet-*"):
        if old != run_parquet:
            shutil.rmtree(old, ignore_errors=True)
    return PublishedSnapshot(settings.published_database_path, settings.published_parquet_dir, tables)


def _copy_audit_schema(con: duckdb.DuckDBPyConnection, alias: str) -> None:
    """The audit history (validation runs and results, kept across runs) goes with the snapshot for BI."""
    rows = con.execute(
        "select table_name from information_schema.tables where table_catalog = current_database() "
        "and table_schema = 'audit' and table_type = 'BASE TABLE' order by table_name").fetchall()
    if rows:
        con.execute(f"create schema {alias}.audit")
    for (table,) in rows:
        con.execute(f"create table {alias}.audit.{table} as select * from audit.{table}")


def _sql_path(path: Path) -> str:
    """A path as the body of a SQL string literal, for the COPY and ATTACH statements it is spliced into."""
    return str(path).replace("'", "''")
