"""Publishing: stage marts as a candidate, then swap in a read-only snapshot for BI tools.

BI tools never open the build database (DuckDB allows one writer per file). They read
`published/planwatch.duckdb`, replaced atomically, written in DuckDB's v1.0 storage format because
most BI drivers still bundle a 1.x DuckDB that cannot open a default 2.0 file, and the Parquet
files under `published/parquet/`, a symlink swapped atomically to the run's directory.

The snapshot holds the schemas of `PUBLISHED_SCHEMAS`: the validated marts, the semantic views
over them and the audit tables when the build database has them, each table, view and column with
the description dbt persisted as a DuckDB comment (BI tools read them from `duckdb_columns()`).
A view is recreated inside the snapshot and must read only the snapshot's own tables: publishing
opens the finished file on its own and queries every view before swapping it in.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from flows.faults import fault_point
from flows.settings import Settings

PUBLISHED_SCHEMA = "marts"
# Schemas copied into the snapshot, in order (views after the tables they read). `marts` is the
# validated list of tables the caller passes; the others are copied whole when present.
PUBLISHED_SCHEMAS = ("marts", "audit", "semantic")
# Oldest DuckDB storage format 1.x clients (1.0 onwards) can open.
PUBLISHED_STORAGE_VERSION = "v1.0.0"
SNAPSHOT_ALIAS = "snapshot"


@dataclass(frozen=True)
class PublishedSnapshot:
    database: Path
    parquet_dir: Path
    tables: list[str]
    views: list[str] = field(default_factory=list)  # "schema.view"


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' "
        "and table_catalog = current_database() order by table_name",
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
    """Copy the validated marts (and the other published schemas) into a new read-only database and swap it and the Parquet in."""
    published = settings.published_dir
    published.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(settings)

    tmp_db = published / f".planwatch.{run_id}.duckdb.tmp"
    tmp_db.unlink(missing_ok=True)
    con.execute(f"attach '{_sql_path(tmp_db)}' as {SNAPSHOT_ALIAS} (storage_version '{PUBLISHED_STORAGE_VERSION}')")
    try:
        views = copy_published_schemas(con, SNAPSHOT_ALIAS, tables)
    finally:
        con.execute(f"detach {SNAPSHOT_ALIAS}")
    check_views_read_own_tables(tmp_db, views)
    tmp_db.chmod(0o444)
    os.replace(tmp_db, settings.published_database_path)

    run_parquet = published / f"parquet-{run_id}"
    shutil.copytree(settings.candidate_dir, run_parquet)
    export_views_as_parquet(settings.published_database_path, views, run_parquet)
    _make_read_only(run_parquet)
    link_tmp = published / f".parquet.{run_id}.link"
    link_tmp.unlink(missing_ok=True)
    link_tmp.symlink_to(run_parquet.name)
    os.replace(link_tmp, settings.published_parquet_dir)
    for old in published.glob("parquet-*"):
        if old != run_parquet:
            shutil.rmtree(old, ignore_errors=True)
    return PublishedSnapshot(settings.published_database_path, settings.published_parquet_dir, tables, views)


def copy_published_schemas(con: duckdb.DuckDBPyConnection, alias: str, mart_tables: list[str]) -> list[str]:
    """Tables, views and their comments of `PUBLISHED_SCHEMAS` into attached database `alias`; the views copied."""
    build = con.execute("select current_database()").fetchone()[0]
    copied_views: list[str] = []
    for schema in PUBLISHED_SCHEMAS:
        tables = mart_tables if schema == PUBLISHED_SCHEMA else _relations(con, build, schema, "table")
        views = _relations(con, build, schema, "view")
        if not tables and not views:
            continue
        con.execute(f"create schema if not exists {alias}.{_ident(schema)}")
        for table in tables:
            con.execute(f"create table {alias}.{_ident(schema)}.{_ident(table)} as "
                        f"select * from {_ident(build)}.{_ident(schema)}.{_ident(table)}")
            fault_point("mid-publish")  # tests only
        for view in views:
            _recreate_view(con, build, alias, schema, view)
            copied_views.append(f"{schema}.{view}")
        _copy_comments(con, build, alias, schema, tables + views)
    return copied_views


def check_views_read_own_tables(database: Path, views: list[str]) -> None:
    """Open the snapshot alone and query every view: one naming a table outside the file fails here, before publishing."""
    # Attached under a name of its own, so a view naming a database (`planwatch.marts.x`) fails too.
    with duckdb.connect() as snap:
        snap.execute(f"attach '{_sql_path(database)}' as published_check (read_only)")
        snap.execute("use published_check")
        for view in views:
            try:
                snap.execute(f"select * from {view} limit 0")
            except duckdb.Error as exc:
                raise RuntimeError(f"view {view} does not work inside the published snapshot "
                                   f"(it must read only tables of the snapshot): {exc}") from exc


def export_views_as_parquet(database: Path, views: list[str], target: Path) -> None:
    """The semantic views as Parquet too (`parquet/semantic/<view>.parquet`), for tools that read files only."""
    if not views:
        return
    with duckdb.connect(str(database), read_only=True) as snap:
        for view in views:
            schema, name = view.split(".", 1)
            folder = target / schema
            folder.mkdir(exist_ok=True)
            snap.execute(f"copy (select * from {view}) to '{_sql_path(folder / f'{name}.parquet')}' (format parquet)")


def _relations(con: duckdb.DuckDBPyConnection, catalog: str, schema: str, kind: str) -> list[str]:
    if kind == "table":
        sql = ("select table_name from duckdb_tables() where database_name = ? and schema_name = ? "
               "and not temporary order by table_name")
    else:
        sql = ("select view_name from duckdb_views() where database_name = ? and schema_name = ? "
               "and not internal and not temporary order by view_name")
    return [name for (name,) in con.execute(sql, [catalog, schema]).fetchall()]


def _recreate_view(con: duckdb.DuckDBPyConnection, build: str, alias: str, schema: str, view: str) -> None:
    """The view's own SQL run with the snapshot as default catalog, so `marts.x` binds to the snapshot's table."""
    (sql,) = con.execute("select sql from duckdb_views() where database_name = ? and schema_name = ? and view_name = ?",
                         [build, schema, view]).fetchone()
    con.execute(f"use {alias}")
    try:
        con.execute(sql)
    except duckdb.Error as exc:
        raise RuntimeError(f"view {schema}.{view} does not work inside the published snapshot "
                           f"(it must read only tables of the snapshot): {exc}") from exc
    finally:
        con.execute(f"use {_ident(build)}")


def _copy_comments(con: duckdb.DuckDBPyConnection, build: str, alias: str, schema: str, relations: list[str]) -> None:
    wanted = set(relations)
    rows = con.execute(
        "select table_name, 'table', comment from duckdb_tables() where database_name = ? and schema_name = ? "
        "union all select view_name, 'view', comment from duckdb_views() where database_name = ? and schema_name = ?",
        [build, schema, build, schema]).fetchall()
    for name, kind, comment in rows:
        if name in wanted and comment:
            con.execute(f"comment on {kind} {alias}.{_ident(schema)}.{_ident(name)} is {_literal(comment)}")
    columns = con.execute(
        "select table_name, column_name, comment from duckdb_columns() where database_name = ? and schema_name = ? "
        "and comment is not null and comment <> ''", [build, schema]).fetchall()
    for name, column, comment in columns:
        if name in wanted:
            con.execute(f"comment on column {alias}.{_ident(schema)}.{_ident(name)}.{_ident(column)} is {_literal(comment)}")


def _make_read_only(folder: Path) -> None:
    """Published Parquet files are read-only (0444) like the DuckDB file: a BI tool cannot overwrite them."""
    for path in folder.rglob("*.parquet"):
        path.chmod(0o444)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def remove_stale_temporaries(settings: Settings) -> list[Path]:
    """Delete what a killed publish left in `published/` (its temporary database and WAL, a half-made
    Parquet link). Only one run writes at a time, so any such file belongs to a run that is gone."""
    published = settings.published_dir
    if not published.is_dir():
        return []
    stale = sorted([*published.glob(".planwatch.*.duckdb.tmp*"), *published.glob(".parquet.*.link")])
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def _sql_path(path: Path) -> str:
    """A path as the body of a SQL string literal, for the COPY and ATTACH statements it is spliced into."""
    return str(path).replace("'", "''")
